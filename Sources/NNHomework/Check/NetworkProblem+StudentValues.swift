import NNCore

extension NetworkProblem {
    /// The hook that settles each value of the pass on the one the student
    /// wrote for it, entry by entry, where `answers` (shaped like the result
    /// of `forward`/`backward`) has a number; other entries stay as computed.
    func settlingOnStudentValues(_ answers: JSONValue) -> PassHook {
        let isBatch = isBatch
        let isAugmented = isAugmented
        let hasBias = hasBias
        return PassHook { quantity, value in
            /// `value` with entry (i, j) taken from `path`'s row i, column j + `offset`
            /// (entry j for a flat per-sample vector).
            func substituted(_ path: String, flat: Bool, offset: Int = 0) -> Matrix {
                guard let written = answers.value(atPath: path) else { return value }
                var result = value
                for i in 0..<value.rows {
                    for j in 0..<value.columns {
                        let entry = flat ? "[\(j + offset)]" : "[\(i)][\(j + offset)]"
                        if let x = written.value(atPath: entry)?.numberValue { result[i, j] = x }
                    }
                }
                return result
            }
            /// The bias column of an augmented weight matrix, as a row.
            func biasColumn(_ path: String) -> Matrix {
                guard let written = answers.value(atPath: path) else { return value }
                var result = value
                for j in 0..<value.columns {
                    if let x = written.value(atPath: "[\(j)][0]")?.numberValue { result[0, j] = x }
                }
                return result
            }
            let perSample = !isBatch
            switch quantity {
            case .preActivation(let layer): return substituted("layers[\(layer - 1)].a", flat: perSample)
            case .activation(let layer): return substituted("layers[\(layer - 1)].z", flat: perSample)
            case .loss: return substituted("loss", flat: true)
            case .outputGradient: return value
            case .delta(let layer): return substituted("layers[\(layer - 1)].delta", flat: perSample)
            case .weightGradient(let layer):
                return substituted("layers[\(layer - 1)].grad_W", flat: false, offset: isAugmented ? 1 : 0)
            case .biasGradient(let layer):
                guard hasBias[layer - 1] else { return value }
                return isAugmented
                    ? biasColumn("layers[\(layer - 1)].grad_W") : substituted("layers[\(layer - 1)].grad_b", flat: true)
            case .activationGradient(let layer):
                return layer == 0 ? substituted("grad_input", flat: perSample) : value
            case .updatedWeights(let layer):
                return substituted("layers[\(layer - 1)].W_updated", flat: false, offset: isAugmented ? 1 : 0)
            case .updatedBias(let layer):
                guard hasBias[layer - 1] else { return value }
                return isAugmented
                    ? biasColumn("layers[\(layer - 1)].W_updated")
                    : substituted("layers[\(layer - 1)].b_updated", flat: true)
            }
        }
    }
}
