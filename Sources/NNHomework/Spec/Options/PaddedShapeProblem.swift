/// The shape of an input after zero padding, asked with no kernel
/// (`nnhw conv-size --input 15x15x8 --padding 2`): P rows above and below,
/// Q columns left and right.
public struct PaddedShapeProblem: Sendable, Hashable {
    /// H, the input's rows.
    public var height: Int
    /// W, the input's columns.
    public var width: Int
    /// C, the channels (1 for an H × W input).
    public var channels: Int
    /// P, the zeros above and below.
    public var rowPadding: Int
    /// Q, the zeros left and right.
    public var columnPadding: Int
    /// Whether shapes are written C × H × W.
    public var isChannelsFirst: Bool

    /// The padding question of `nnhw conv-size` without `--kernel`: `--input`, `--padding`, `--channels-first`.
    ///
    /// - Throws: a usage error when `--padding` is missing or names a rule (same, full) that needs a
    ///   kernel, or when an option that describes a layer is given.
    public init(_ options: OptionValues) throws(InputError) {
        guard let shape = options.sizes("--input") else {
            throw InputError(at: "--input", .missing(give: "the input shape, e.g. --input 36x36x3"))
        }
        guard options.isGiven("--padding"), let padding = options.padding("--padding") else {
            throw InputError(
                at: "--kernel",
                .missing(give: "the kernel size, e.g. --kernel 3 (or --padding P alone for the padded shape)"))
        }
        for option in [
            "--stride", "--dilation", "--filters", "--no-bias", "--transposed", "--output-padding", "--pool",
            "--ceil-mode",
        ]
        where options.isGiven(option) {
            throw InputError(at: option, .needsKernel)
        }
        guard case .symmetric(let p) = padding.height, case .symmetric(let q) = padding.width else {
            throw InputError(at: "--padding", .namedPaddingNeedsKernel)
        }
        isChannelsFirst = options.has("--channels-first")
        (height, width, channels) =
            shape.count == 2
            ? (shape[0], shape[1], 1)
            : isChannelsFirst ? (shape[1], shape[2], shape[0]) : (shape[0], shape[1], shape[2])
        rowPadding = p
        columnPadding = q
    }
}
