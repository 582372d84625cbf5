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
        let option =
            switch error {
            case .notPositive(.inputSize, _), .tooLarge: inputOption
            case .notPositive(.kernelSize, _), .kernelLargerThanInput: kernelOption
            case .notPositive(let size, _): "--\(size.rawValue)"
            case .negativePadding: "--padding"
            }
        self.init(at: option, .described(error.description(along: lines), prefix: ""))
    }
}
