/// Whose rules count the parameters where frameworks differ.
public enum ParameterConvention: String, Sendable, Hashable, CaseIterable {
    /// PyTorch (torchinfo): batch norm has 2C parameters (γ, β; the running
    /// mean and variance are buffers, not parameters); recurrent layers have two
    /// bias vectors per gate set (b_ih and b_hh).
    case torch
    /// Keras (`model.summary()`): batch norm has 2C trainable (γ, β) and 2C
    /// non-trainable (moving mean and variance) weights; recurrent layers have
    /// one bias vector per gate set, except GRU with `reset_after=True` (the
    /// default since TensorFlow 2), which has two.
    case keras
}
