extension LayerStack: TrainableModel {
    /// Every layer's trainable tensors in order: W and b, K and b, γ and β (see ``StackLayer/parameterTensors``).
    public var parameterVector: [Double] {
        layers.flatMap { $0.parameterTensors.flatMap { $0 } }
    }

    /// The stack with the parameters of the vector, in the order of ``parameterVector``.
    public func replacingParameters(_ vector: [Double]) -> LayerStack {
        var result = self
        var offset = 0
        for index in layers.indices {
            result.layers[index].parameterTensors = layers[index].parameterTensors.map { tensor in
                defer { offset += tensor.count }
                return Array(vector[offset..<offset + tensor.count])
            }
        }
        return result
    }

    /// Backpropagation's gradient of every parameter, in the order of ``parameterVector``.
    public func gradientVector(input: Matrix, target: Matrix) -> [Double] {
        backward(forward(input), target: target).layers.flatMap { $0.parameters.flatMap { $0 } }
    }

    /// L and ŷ of a forward pass.
    public func evaluate(input: Matrix, target: Matrix) -> (loss: Double, output: Matrix) {
        let pass = forward(input)
        return (loss(of: pass, target: target), pass.output)
    }
}
