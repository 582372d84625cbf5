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
        let (x, y) = (points.map { $0[0] }, points.map { $0[1] })
        let span = max(self.span(x), self.span(y))
        let plot = TrainingPlots.contour(
            of: f, variables: (variables[0], variables[1]), x: box(x, span: span), y: box(y, span: span),
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

    /// How far the values spread (0 for a single value).
    private static func span(_ values: [Double]) -> Double {
        (values.max() ?? 0) - (values.min() ?? 0)
    }

    /// A range as wide as the wider of the two coordinates' spreads, centred on the values,
    /// with a quarter of that width on each side (±1 when the iterates do not move).
    private static func box(_ values: [Double], span: Double) -> ClosedRange<Double> {
        let middle = ((values.max() ?? 0) + (values.min() ?? 0)) / 2
        let half = span > 0 ? span * 0.75 : 1
        return (middle - half)...(middle + half)
    }
}
