import NNCore

/// The time a search takes: runs × epochs per run, × time per epoch, in the
/// unit given and each larger unit it fills.
enum SearchSchedule {
    /// Writes a "Time" section (`unit` names the runs: "runs", "trials"): total epochs = runs · E, total time = epochs · T
    /// and its conversions; returns the JSON members `total_epochs` and, with an
    /// epoch time, `total_minutes`.
    ///
    /// - Throws: an invalid-data error when the epoch count overflows.
    static func write(runs: Int, unit: String, schedule: TrainingSchedule, into solution: inout Solution)
        throws(InputError)
        -> [JSONMember]
    {
        let epochs: Int
        do {
            epochs = try GridSearch.checkedProduct([runs, schedule.epochs])
        } catch {
            throw InputError(at: "--epochs", .tooManyEpochs)
        }
        solution.beginSection("Time")
        solution.addStep(
            .text("epochs"),
            [
                .infix(.times, [.text(unit), .text("epochs per run")]),
                .infix(.times, [Quantity.count(runs, unit), Quantity.count(schedule.epochs, "epochs/run")]),
                Quantity.count(epochs, "epochs"),
            ], producing: ["total_epochs"])
        var members = [JSONMember("total_epochs", .number(Double(epochs)))]
        guard let epochTime = schedule.epochTime else { return members }
        let total = TimeQuantity(Double(epochs) * epochTime.value, epochTime.unit)
        guard total.value.isFinite else {
            throw InputError(at: "--epoch-time", .overflows("total time"))
        }
        solution.addStep(
            .text("time"),
            [
                .infix(.times, [.text("epochs"), .text("time per epoch")]),
                .infix(
                    .times,
                    [
                        Quantity.count(epochs, "epochs"),
                        Quantity.given(epochTime.value, epochTime.unit.symbol + "/epoch"),
                    ]),
                Quantity.of(total),
            ], producing: converts(total, to: .minutes) ? [] : ["total_minutes"])
        Quantity.conversionSteps(total, into: &solution, producing: [.minutes: ["total_minutes"]])
        members.append(JSONMember("total_minutes", .number(total.minutes)))
        return members
    }

    /// Whether the conversions of `time` include a step into `unit`.
    private static func converts(_ time: TimeQuantity, to unit: TimeUnit) -> Bool {
        time.conversionsUpward.dropFirst().contains { $0.unit == unit }
    }
}
