import NNCore

extension InputError {
    /// The error a user sees when the sizes of one dimension do not fit,
    /// at the option that gave the offending number.
    ///
    /// - Parameters:
    ///   - error: what NNCore found.
    ///   - lines: "rows" or "columns", the dimension's lines.
    ///   - inputOption: the option that gave the input: `--input`.
    ///   - kernelOption: the option that gave the window: `--kernel` or `--size`.
    init(_ error: ConvolutionError, lines: String, inputOption: String = "--input", kernelOption: String = "--kernel") {
        switch error {
        case .notPositive(let name, let value):
            let option =
                switch name {
                case "input size": inputOption
                case "kernel size": kernelOption
                default: "--\(name)"
                }
            self.init(.invalidData, at: option, "the \(name) along the \(lines) must be at least 1, got \(value)")
        case .negativePadding(let padding):
            self.init(.invalidData, at: "--padding", "must be 0 or more, got \(padding)")
        case .kernelLargerThanInput(let kernel, let paddedInput):
            self.init(
                .invalidData, at: kernelOption,
                "the window spans \(kernel) \(lines), more than the \(paddedInput) \(lines) of the padded input")
        case .tooLarge:
            self.init(.invalidData, at: inputOption, "the sizes along the \(lines) are too large to compute with")
        }
    }
}
