import NNCore

extension NetworkProblem {
    /// `target`, as the loss needs it: one row per sample.
    ///
    /// - For the regression losses: a number (one output), a vector, or for a
    ///   batch a matrix (or a vector when there is one output).
    /// - For cross-entropy (from probabilities or scores): a 0-based class index
    ///   or a probability vector; for a batch a vector of class indices or a
    ///   matrix of probability rows. The multiclass hinge takes class indices only.
    /// - For binary cross-entropy (from probabilities or logits) and the focal
    ///   loss: like the regression losses, every value in [0, 1].
    /// - For hinge, squared hinge, perceptron and logistic: like the regression
    ///   losses, every value −1 or 1.
    /// - For KL divergence: the distribution p, a probability row per sample.
    static func decodeTarget(
        _ cursor: JSONCursor, loss: Loss, outputs: Int, samples: Int, isBatch: Bool
    ) throws(InputError) -> (Matrix, classes: [Int]?) {
        switch loss.function {
        case .crossEntropy, .crossEntropyFromScores:
            return try decodeClassTarget(cursor, outputs: outputs, samples: samples, isBatch: isBatch)
        case .multiclassHinge:
            let (target, classes) = try decodeClassTarget(cursor, outputs: outputs, samples: samples, isBatch: isBatch)
            guard classes != nil else { throw cursor.error(.classIndexRequired(loss: "multiclass_hinge")) }
            return (target, classes)
        case .klDivergence:
            if !isBatch { return (Matrix(row: try probabilityRow(cursor, outputs: outputs)), nil) }
            let rows = try cursor.elements()
            guard rows.count == samples else {
                throw cursor.error(.targetRows(count: rows.count, samples: samples))
            }
            var probabilities: [[Double]] = []
            for row in rows { probabilities.append(try probabilityRow(row, outputs: outputs)) }
            return (Matrix(probabilities), nil)
        case .entropy:
            throw cursor.error(.entropyHasNoTarget)
        default:
            break
        }
        let target = try decodeValues(cursor, outputs: outputs, samples: samples, isBatch: isBatch)
        switch loss.function {
        case .binaryCrossEntropy, .binaryCrossEntropyFromLogits, .focal:
            if let bad = target.elements.firstIndex(where: { !(0...1).contains($0) }) {
                throw cursor.error(.binaryTargetRange(target.elements[bad]))
            }
        case .hinge, .squaredHinge, .perceptron, .logistic:
            if let bad = target.elements.firstIndex(where: { $0 != 1 && $0 != -1 }) {
                throw cursor.error(.signLabel(target.elements[bad], loss: LossNotation.canonicalName(loss.function)))
            }
        default:
            break
        }
        return (target, nil)
    }

    private static func decodeValues(
        _ cursor: JSONCursor, outputs: Int, samples: Int, isBatch: Bool
    ) throws(InputError) -> Matrix {
        if !isBatch {
            let values: [Double]
            if case .number = cursor.value { values = [try cursor.number()] } else { values = try cursor.vector() }
            guard values.count == outputs else {
                throw cursor.error(.targetValues(count: values.count, outputs: outputs))
            }
            return Matrix(row: values)
        }
        let rows = try cursor.elements()
        guard rows.count == samples else {
            throw cursor.error(.targetRows(count: rows.count, samples: samples))
        }
        if outputs == 1, rows.allSatisfy({ if case .number = $0.value { true } else { false } }) {
            return Matrix(column: try cursor.vector())
        }
        let matrix = try cursor.matrix()
        guard matrix.columns == outputs else {
            throw rows[0].error(.targetValues(count: matrix.columns, outputs: outputs))
        }
        return matrix
    }

    private static func decodeClassTarget(
        _ cursor: JSONCursor, outputs: Int, samples: Int, isBatch: Bool
    ) throws(InputError) -> (Matrix, classes: [Int]?) {
        if !isBatch {
            if case .number = cursor.value {
                let k = try classIndex(cursor, outputs: outputs)
                return (oneHot([k], classes: outputs), [k])
            }
            let row = try probabilityRow(cursor, outputs: outputs)
            return (Matrix(row: row), nil)
        }
        let rows = try cursor.elements()
        guard rows.count == samples else {
            throw cursor.error(.classTargets(count: rows.count, samples: samples))
        }
        if rows.allSatisfy({ if case .number = $0.value { true } else { false } }) {
            var classes: [Int] = []
            for row in rows { classes.append(try classIndex(row, outputs: outputs)) }
            return (oneHot(classes, classes: outputs), classes)
        }
        if let index = rows.firstIndex(where: { if case .number = $0.value { true } else { false } }) {
            throw rows[index].error(.mixedClassTargets)
        }
        var probabilities: [[Double]] = []
        for row in rows { probabilities.append(try probabilityRow(row, outputs: outputs)) }
        return (Matrix(probabilities), nil)
    }

    private static func classIndex(_ cursor: JSONCursor, outputs: Int) throws(InputError) -> Int {
        let value = try cursor.number()
        guard value == value.rounded(), value >= 0, value < Double(outputs), let k = Int(exactly: value) else {
            throw cursor.error(.notAClassIndex(value, outputs: outputs))
        }
        return k
    }

    private static func probabilityRow(_ cursor: JSONCursor, outputs: Int) throws(InputError) -> [Double] {
        guard case .array = cursor.value else {
            throw cursor.error(.expected("a 0-based class index or a probability vector", found: cursor.value.typeName))
        }
        let row = try cursor.vector()
        guard row.count == outputs else {
            throw cursor.error(.classProbabilities(count: row.count, outputs: outputs))
        }
        let entries = try cursor.elements()
        if let negative = row.firstIndex(where: { $0 < 0 }) {
            throw entries[negative].error(.negativeProbability(row[negative]))
        }
        guard abs(row.reduce(0, +) - 1) <= 1e-9 else {
            throw cursor.error(.probabilitySum(row.reduce(0, +)))
        }
        return row
    }

    private static func oneHot(_ classes: [Int], classes count: Int) -> Matrix {
        var result = Matrix(rows: classes.count, columns: count)
        for (sample, k) in classes.enumerated() { result[sample, k] = 1 }
        return result
    }
}
