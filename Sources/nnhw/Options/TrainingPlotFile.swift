import NNHomework

/// The pictures `optimize --plot FILE` and `train --plot FILE` write beside the solution.
enum TrainingPlotFile {
    /// `--plot FILE`: the picture file, its format from the extension (.svg, .tex, .txt or .json).
    static let option = Option.value(
        "--plot", "FILE.svg", .text, "also draw the run to FILE (.svg, .tex, .txt or .json)")

    /// The iterates of `optimize --f` over the contour lines of its two-variable f.
    ///
    /// - Throws: a usage error without a two-variable `--f`, or for an extension naming no plot format.
    static func optimization(_ path: String, problem: OptimizeProblem, solution: Solution) throws(InputError)
        -> WrittenFile
    {
        let format = try self.format(path)
        guard case .formula(let f, let variables) = problem.gradients, variables.count == 2 else {
            throw InputError(at: "--plot", .invalid("draws the iterates over the contour lines of a two-variable --f"))
        }
        let steps = solution.result["steps"]?.arrayValue ?? []
        let iterates = [problem.initial] + steps.compactMap { $0["w"]?.arrayValue?.compactMap(\.numberValue) }
        let points = iterates.filter { $0.count == 2 && $0.allSatisfy(\.isFinite) }
        let plot = TrainingPlots.contour(
            of: f, variables: (variables[0], variables[1]), x: box(points.map { $0[0] }), y: box(points.map { $0[1] }),
            iterates: points)
        return WrittenFile(path: path, contents: plot.rendered(format))
    }

    /// The loss (and accuracy) per epoch of `train`.
    ///
    /// - Throws: a usage error for an extension naming no plot format.
    static func training(_ path: String, solution: Solution) throws(InputError) -> WrittenFile {
        let format = try self.format(path)
        let epochs = solution.result["epochs"]?.arrayValue ?? []
        let losses = epochs.compactMap { $0["loss"]?.numberValue }
        let accuracies = epochs.compactMap { $0["accuracy"]?.numberValue }
        let plot = TrainingPlots.history(
            losses: losses, accuracies: accuracies.count == losses.count ? accuracies : nil)
        return WrittenFile(path: path, contents: plot.rendered(format))
    }

    private static func format(_ path: String) throws(InputError) -> PictureFormat {
        guard let format = PictureFormat(fileName: path), [.svg, .latex, .text, .json].contains(format) else {
            throw InputError(
                at: "--plot", .invalid("\"\(path)\" names no plot format; end it in .svg, .tex, .txt or .json"))
        }
        return format
    }

    /// The range of the values with a quarter of their span on each side (±1 around a single value).
    private static func box(_ values: [Double]) -> ClosedRange<Double> {
        let (low, high) = (values.min() ?? 0, values.max() ?? 0)
        let margin = high > low ? (high - low) / 4 : max(1, abs(low) / 4)
        return (low - margin)...(high + margin)
    }
}
