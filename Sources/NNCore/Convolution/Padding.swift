/// How much zero padding a convolution or pooling window gets along one dimension.
public enum Padding: Sendable, Hashable {
    /// P zeros before and P after.
    case symmetric(Int)
    /// No padding (P = 0).
    case valid
    /// TensorFlow's "same": n_out = ⌈n/S⌉, with total padding
    /// max((n_out − 1)·S + k_eff − n, 0) split ⌊·/2⌋ before and the rest after
    /// (the extra row or column goes to the bottom/right).
    case same
    /// k_eff − 1 zeros on each side: every overlap of window and input counts.
    case full
}
