import NNHomework

/// `backward --diagram FILE`: the network diagram with the worked solution's values, written beside it.
enum BackwardDiagram {
    /// The file `--diagram FILE` writes for `solution`, in the format FILE's extension names.
    ///
    /// - Throws: a usage error for an extension naming no diagram format.
    static func file(_ path: String, problem: NetworkProblem, solution: Solution, _ values: OptionValues)
        throws(InputError) -> WrittenFile
    {
        guard let format = PictureFormat(fileName: path), [.svg, .latex, .dot, .json].contains(format) else {
            throw InputError(
                at: "--diagram", .invalid("\"\(path)\" names no diagram format; end it in .svg, .tex, .dot or .json"))
        }
        let diagram = try NetworkDiagram.diagram(
            problem, notation: try Notation(values), values: solution.result,
            precision: values.whole("--precision") ?? 4)
        return WrittenFile(path: path, contents: diagram.rendered(format))
    }
}
