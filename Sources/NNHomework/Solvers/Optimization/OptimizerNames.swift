import NNCore

/// How an optimizer's quantities are written at a time t: w_t, g_t, v_t, m̂_t
/// for a vector of parameters, or with a layer for one tensor of a network.
struct OptimizerNames: Sendable {
    /// The quantity named `base` (with an accent) at the time written `time` ("t", "t−1", "1").
    let symbol: @Sendable (_ base: String, _ accent: Symbol.Accent?, _ time: String) -> MathExpression

    /// Names with the time as subscript: w₁, v₀, m̂ₜ.
    static let vector = OptimizerNames { base, accent, time in
        .symbol(Symbol(base, index: time, accent: accent))
    }

    /// Names of one tensor of a network: W⁽ˡ⁾ₜ for the parameters, v⁽ˡ⁾_{W,t} for the state.
    static func tensor(_ name: String, layer: Int) -> OptimizerNames {
        OptimizerNames { base, accent, time in
            base == "w"
                ? .symbol(Symbol(name, layer: layer, index: time, accent: accent))
                : .symbol(Symbol(base, layer: layer, index: "\(name),\(time)", accent: accent))
        }
    }

    func callAsFunction(_ base: String, _ time: String, accent: Symbol.Accent? = nil) -> MathExpression {
        symbol(base, accent, time)
    }
}
