import NNCore

extension NetworkWorksheet {
    /// z⁽⁰⁾ = x, then for each layer a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and z⁽ˡ⁾ = f(a⁽ˡ⁾).
    mutating func writeForwardPass() {
        solution.beginSection("Forward pass")
        writeInput()
        for layer in 1...layerCount {
            writePreActivation(layer)
            writeActivation(layer)
        }
    }

    private mutating func writeInput() {
        let x = problem.input
        if problem.isAugmented {
            let withOne = Self.prependingOnes(to: x)
            if isBatch {
                solution.addStep(
                    symbols.z(0), [result(withOne)],
                    note: "\(symbols.input) with a leading column of ones for the bias weights")
            } else {
                solution.addStep(
                    symbols.z(0), [.vectorOf([.number(1), symbols.input]), result(withOne)],
                    note: "leading \(1) for the bias weight")
            }
        } else {
            solution.addStep(symbols.z(0), [symbols.input, result(x)])
        }
    }

    private mutating func writePreActivation(_ layer: Int) {
        let dense = problem.network.layers[layer - 1]
        let input = layerInput(layer)
        let weights = shownWeights(layer)
        let a = pass.preActivations[layer - 1]
        let hasBias = problem.hasBias[layer - 1] && !problem.isAugmented

        let product: MathExpression
        let numericProduct: MathExpression
        let productValue: Matrix
        if isBatch {
            product = .product([symbols.z(layer - 1), symbols.weights(layer, transposed: true)])
            numericProduct = .product([.matrix(input), .matrix(weights.transposed())])
            productValue = rounded(input * weights.transposed())
        } else {
            product = .product([symbols.weights(layer), symbols.z(layer - 1)])
            numericProduct = .product([.matrix(weights), operand(input)])
            productValue = rounded(input * weights.transposed())
        }
        guard hasBias else {
            solution.addStep(symbols.a(layer), [product, numericProduct, result(a)], producing: [path(layer, "a")])
            return
        }
        let biasSymbol: MathExpression =
            isBatch ? .product([symbols.ones, symbols.bias(layer, transposed: true)]) : symbols.bias(layer)
        let biasValue =
            isBatch
            ? Matrix(rows: a.rows, columns: a.columns).addingToEachRow(dense.bias) : Matrix(row: dense.bias)
        solution.addStep(
            symbols.a(layer),
            [
                .infix(.plus, [product, biasSymbol]),
                .infix(.plus, [numericProduct, operand(biasValue)]),
                .infix(.plus, [operand(productValue), operand(biasValue)]),
                result(a),
            ], producing: [path(layer, "a")])
    }

    private mutating func writeActivation(_ layer: Int) {
        let notation = activation(layer)
        let a = pass.preActivations[layer - 1]
        let z = pass.activations[layer]
        let isOutput = layer == layerCount
        let lhs = isOutput ? symbols.prediction : symbols.z(layer)
        let paths = isOutput ? [path(layer, "z"), "output"] : [path(layer, "z")]
        var rhs: [MathExpression] = isOutput ? [symbols.z(layer)] : []

        if problem.isAugmented && !isOutput && isBatch {
            rhs += [notation.applied(to: symbols.a(layer)), result(Self.prependingOnes(to: z))]
            solution.addStep(
                lhs, rhs, note: "with a leading column of ones for the next layer's bias weights", producing: paths)
            return
        }
        if problem.isAugmented && !isOutput {
            rhs.append(.vectorOf([.number(1), notation.applied(to: symbols.a(layer))]))
            if !isBatch && notation.activation.isElementwise && a.columns <= 4 {
                rhs.append(.vectorOf([.number(1)] + a.row(0).map { notation.applied(to: .number($0)) }))
            }
            rhs.append(result(Self.prependingOnes(to: z)))
            solution.addStep(lhs, rhs, producing: paths)
            return
        }
        rhs.append(notation.applied(to: symbols.a(layer)))
        if notation.name != nil || notation.activation.scale != 1 {
            if !isBatch && isScalar(a) {
                rhs.append(notation.applied(to: .number(a[0, 0])))
            } else if !isBatch {
                rhs.append(notation.applied(to: result(a)))
            }
        }
        rhs.append(result(z))
        solution.addStep(lhs, rhs, producing: paths)
    }
}
