import Foundation
import NNCore

/// The training benchmark: the same MLP, data, initial weights, batch size and epochs in nnhw and in
/// PyTorch (CPU, float64, one thread). Every number comes from one formula with `sin`, so both sides
/// start from the same bits without a file between them.
struct TrainingBenchmark {
    /// The layer widths, input first.
    var widths: [Int]
    /// The samples of the data.
    var samples: Int
    /// Samples per update.
    var batchSize: Int
    /// Passes over the data.
    var epochs: Int
    var learningRate = 0.05
    var momentum = 0.9

    /// A homework-sized network (iris-like: 150 samples, 4-16-3) and a larger one (1,024 samples, 64-128-10).
    static let all = [
        TrainingBenchmark(widths: [4, 16, 3], samples: 150, batchSize: 10, epochs: 20),
        TrainingBenchmark(widths: [64, 128, 10], samples: 1024, batchSize: 32, epochs: 5),
    ]

    /// x_{s,k} = sin(0.37 s + 1.3 k), class (7s) mod 10 one-hot.
    func data() -> (input: Matrix, target: Matrix) {
        var input = Matrix(rows: samples, columns: widths[0])
        var target = Matrix(rows: samples, columns: widths[widths.count - 1])
        for s in 0..<samples {
            for k in 0..<widths[0] { input[s, k] = sin(0.37 * Double(s) + 1.3 * Double(k)) }
            target[s, (7 * s) % widths[widths.count - 1]] = 1
        }
        return (input, target)
    }

    /// W⁽ˡ⁾_{i,j} = 0.1 sin(1 + 7i + 13j + l), b⁽ˡ⁾_i = 0.01 cos(i + l); ReLU, then softmax with cross-entropy.
    func network() -> Network {
        let layers = zip(widths, widths.dropFirst()).enumerated().map { l, pair in
            var weights = Matrix(rows: pair.1, columns: pair.0)
            for i in 0..<pair.1 {
                for j in 0..<pair.0 { weights[i, j] = 0.1 * sin(1 + 7 * Double(i) + 13 * Double(j) + Double(l)) }
            }
            let bias = (0..<pair.1).map { 0.01 * cos(Double($0) + Double(l)) }
            let activation = l == widths.count - 2 ? Activation(.softmax(beta: 1)) : Activation(.relu)
            return Dense(weights: weights, bias: bias, activation: activation)
        }
        return Network(layers: layers, loss: Loss(.crossEntropy))
    }

    /// nnhw's seconds per epoch (the median of three runs) and final loss.
    func nnhw() -> (secondsPerEpoch: Double, loss: Double) {
        let (input, target) = data()
        let trainer = Trainer(
            optimizer: Optimizer(.momentum(momentum, .torch, nesterov: false), learningRate: learningRate),
            epochs: epochs, batchSize: batchSize, trainsBias: Array(repeating: true, count: widths.count - 1))
        let clock = ContinuousClock()
        var loss = 0.0
        let timings = (0..<3).map { _ in
            clock.measure {
                loss = trainer.train(network(), input: input, target: target, accuracy: nil).epochs.last?.loss ?? .nan
            }
        }
        return (median(timings.map(seconds)) / Double(epochs), loss)
    }

    /// PyTorch's seconds per epoch (the median of three runs) and final loss; nil without python3 + torch.
    func torch() -> (secondsPerEpoch: Double, loss: Double)? {
        let script = """
            import math, time, torch
            torch.set_num_threads(1)
            torch.set_default_dtype(torch.float64)
            widths, S, B, E = \(widths), \(samples), \(batchSize), \(epochs)
            X = torch.tensor([[math.sin(0.37 * s + 1.3 * k) for k in range(widths[0])] for s in range(S)])
            Y = torch.tensor([(7 * s) % widths[-1] for s in range(S)])
            def model():
                layers = []
                for l, (i, o) in enumerate(zip(widths, widths[1:])):
                    lin = torch.nn.Linear(i, o)
                    with torch.no_grad():
                        lin.weight.copy_(torch.tensor([[0.1 * math.sin(1 + 7 * r + 13 * c + l) for c in range(i)] for r in range(o)]))
                        lin.bias.copy_(torch.tensor([0.01 * math.cos(r + l) for r in range(o)]))
                    layers.append(lin)
                    if l < len(widths) - 2: layers.append(torch.nn.ReLU())
                return torch.nn.Sequential(*layers)
            times, loss = [], None
            for run in range(3):
                net = model()
                opt = torch.optim.SGD(net.parameters(), lr=\(learningRate), momentum=\(momentum))
                lossf = torch.nn.CrossEntropyLoss()
                t = time.perf_counter()
                for epoch in range(E):
                    for start in range(0, S, B):
                        opt.zero_grad()
                        lossf(net(X[start:start + B]), Y[start:start + B]).backward()
                        opt.step()
                    with torch.no_grad():
                        loss = lossf(net(X), Y).item()
                times.append((time.perf_counter() - t) / E)
            print(repr(sorted(times)[1]), repr(loss))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        var environment = ProcessInfo.processInfo.environment
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = "1" }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let values = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap {
            Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard values.count == 2 else { return nil }
        return (values[0], values[1])
    }
}
