/// A gradient carried back through a chain of local derivatives, as the chain
/// rule multiplies them: ∂L/∂x = G · f₁ · f₂ ⋯ fₙ, with G the upstream gradient
/// ∂L/∂y arriving at the chain's end and fᵢ the local derivative of step i.
///
/// A residual block y = x + F(x) has ∂y/∂x = 1 + F′(x): with blocks of K steps
/// each block contributes 1 + ∏ of its K factors instead of the bare product;
/// a skip path around the whole chain adds 1 to the chain's product.
public struct GradientChain: Sendable, Hashable {
    /// G, the gradient arriving at the end of the chain.
    public var upstream: Double
    /// The local derivatives f₁ … fₙ, in the order the steps are taken.
    public var factors: [Double]
    /// K, the steps per residual block (each block 1 + ∏ of its factors), or nil for a plain chain.
    public var blockSize: Int?
    /// Whether a skip path goes around the whole chain (its product + 1).
    public var skipsWholeChain: Bool

    /// A chain of `factors` after the upstream gradient `upstream`.
    ///
    /// - Precondition: `blockSize`, when given, is at least 1 and divides the number of factors.
    public init(upstream: Double, factors: [Double], blockSize: Int? = nil, skipsWholeChain: Bool = false) {
        if let blockSize {
            precondition(blockSize >= 1 && factors.count % blockSize == 0, "Residual blocks must be whole")
        }
        self.upstream = upstream
        self.factors = factors
        self.blockSize = blockSize
        self.skipsWholeChain = skipsWholeChain
    }

    /// The factors of each residual block (each factor on its own for a plain chain).
    public var blocks: [[Double]] {
        let size = blockSize ?? 1
        return stride(from: 0, to: factors.count, by: size).map { Array(factors[$0..<($0 + size)]) }
    }

    /// What each block multiplies the gradient by: 1 + ∏ of its factors in a
    /// residual chain, the factor itself in a plain one.
    public var blockGains: [Double] {
        blockSize == nil ? factors : blocks.map { 1 + $0.reduce(1, *) }
    }

    /// The product of the chain between its ends: ∏ of the block gains, plus 1
    /// with a skip path around the whole chain.
    public var gain: Double {
        let product = blockGains.reduce(1, *)
        return skipsWholeChain ? product + 1 : product
    }

    /// ∂L/∂x = G · gain, the gradient at the start of the chain.
    public var gradient: Double { upstream * gain }
}
