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

    /// Names of one tensor of a network: W⁽ˡ⁾ₜ for the parameters, v⁽ˡ⁾_{W,t} for the state;
    /// with an index (one kernel of a convolution), K⁽ˡ⁾_{1,2,t} and v⁽ˡ⁾_{K1,2,t}.
    static func tensor(_ name: String, layer: Int, index: String? = nil) -> OptimizerNames {
        let prefix = index.map { "\($0)," } ?? ""
        return OptimizerNames { base, accent, time in
            base == "w"
                ? .symbol(Symbol(name, layer: layer, index: prefix + time, accent: accent))
                : .symbol(
                    Symbol(base, layer: layer, index: "\(name)\(prefix.isEmpty ? "," : prefix)\(time)", accent: accent))
        }
    }

    func callAsFunction(_ base: String, _ time: String, accent: Symbol.Accent? = nil) -> MathExpression {
        symbol(base, accent, time)
    }
}
