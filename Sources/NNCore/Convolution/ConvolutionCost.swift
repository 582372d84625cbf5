/// The parameter and multiply-add counts of a convolution layer, in checked
/// integer arithmetic (a count past 2⁵³, which JSON cannot carry exactly, is an error, not a trap).
public enum ConvolutionCost {
    /// The number of parameters of a layer of F filters of size k_h × k_w over
    /// c_in channels: (k_h·k_w·c_in + 1)·F with a bias, k_h·k_w·c_in·F without.
    ///
    /// The same count holds for the transposed convolution (PyTorch's
    /// `ConvTranspose2d` weight is c_in × F × k_h × k_w, its bias F).
    /// - Throws: ``ConvolutionError/tooLarge`` when the count overflows.
    public static func parameters(
        kernelHeight: Int, kernelWidth: Int, inputChannels: Int, filters: Int, hasBias: Bool
    ) throws(ConvolutionError) -> Int {
        let weights = try product([kernelHeight, kernelWidth, inputChannels])
        let (perFilter, overflow) = weights.addingReportingOverflow(hasBias ? 1 : 0)
        guard !overflow else { throw .tooLarge }
        return try product([perFilter, filters])
    }

    /// The multiply-adds of a layer: k_h·k_w·c_in·F for each of `positions`
    /// window positions (H_out·W_out for a convolution; H_in·W_in for a
    /// transposed convolution, which scatters each input entry). Bias
    /// additions are not multiply-adds and are not counted.
    ///
    /// - Throws: ``ConvolutionError/tooLarge`` when the count overflows.
    public static func multiplyAdds(
        kernelHeight: Int, kernelWidth: Int, inputChannels: Int, filters: Int, positions: Int
    ) throws(ConvolutionError) -> Int {
        try product([kernelHeight, kernelWidth, inputChannels, filters, positions])
    }

    /// The product of `factors`.
    ///
    /// - Throws: ``ConvolutionError/tooLarge`` when it passes 2⁵³ (``Count/limit``),
    ///   past which a count cannot be printed exactly.
    public static func product(_ factors: [Int]) throws(ConvolutionError) -> Int {
        var result = 1
        for factor in factors {
            let (next, overflow) = result.multipliedReportingOverflow(by: factor)
            guard !overflow, next <= Count.limit else { throw .tooLarge }
            result = next
        }
        return result
    }
}
