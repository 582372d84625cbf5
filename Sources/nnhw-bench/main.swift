import Foundation
import NNCore

/// nnhw-bench: matrix products, an MLP step, a training run, a full gradient check and the
/// start-up of the nnhw binary; with --compare, numpy's and PyTorch's figures from the same run.
///
/// Usage: swift run -c release nnhw-bench [--compare] [--nnhw PATH] [--quick] [--kernel NAME]
/// (--product N THREADS|auto, --peak, --mlp-step, --training and --gradient-check S time one row alone.)
fixHeapThresholds()
let arguments = Array(CommandLine.arguments.dropFirst())
let compare = arguments.contains("--compare")
let quick = arguments.contains("--quick")
let nnhwPath: String = {
    if let index = arguments.firstIndex(of: "--nnhw"), index + 1 < arguments.count { return arguments[index + 1] }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return executable.deletingLastPathComponent().appendingPathComponent("nnhw").path
}()
let sizes = [64, 256, 512, 1024]
let kernel: MatrixProduct.Kernel = {
    guard let index = arguments.firstIndex(of: "--kernel") else { return .native }
    guard index + 1 < arguments.count, let kernel = MatrixProduct.Kernel(rawValue: arguments[index + 1]) else {
        let names = MatrixProduct.Kernel.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("nnhw-bench: --kernel takes one of \(names)\n".utf8))
        exit(64)
    }
    return kernel
}()
let samplesPerMeasurement = quick ? 3 : 7

/// The median of `samplesPerMeasurement` timings of `body`, each repeated enough to last ≥ 40 ms, in seconds per call.
func secondsPerCall(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    body()
    var repetitions = 1
    while true {
        let elapsed = clock.measure { for _ in 0..<repetitions { body() } }
        if elapsed >= .milliseconds(40) { break }
        repetitions *= 2
    }
    let timings = (0..<samplesPerMeasurement).map { _ in
        clock.measure { for _ in 0..<repetitions { body() } }
    }
    return median(timings.map { seconds($0) / Double(repetitions) })
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func randomMatrix(_ rows: Int, _ columns: Int, _ generator: inout SplitMix64) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in 2 * generator.nextUnit() - 1 })
}

/// GFLOP/s of an n × n product (2n³ floating-point operations).
func productGFLOPs(_ n: Int, _ product: MatrixProduct) -> Double {
    var generator = SplitMix64(seed: UInt64(n))
    let a = randomMatrix(n, n, &generator)
    let b = randomMatrix(n, n, &generator)
    var sink = 0.0
    let time = secondsPerCall { sink += product(a, b).elements[0] }
    precondition(sink.isFinite)
    return 2 * Double(n * n * n) / time / 1e9
}

/// A network of dense layers with the given widths: ReLU hidden layers, softmax + cross-entropy output, He weights.
func mlp(_ widths: [Int], _ generator: inout SplitMix64) -> Network {
    let layers = zip(widths, widths.dropFirst()).enumerated().map { index, pair in
        let activation = index == widths.count - 2 ? Activation(.softmax(beta: 1)) : Activation(.relu)
        let weights = WeightInitialization(for: activation).weights(inputs: pair.0, outputs: pair.1, using: &generator)
        return Dense(
            weights: weights, bias: (0..<pair.1).map { _ in 0.1 * generator.nextUnit() }, activation: activation)
    }
    return Network(layers: layers, loss: Loss(.crossEntropy))
}

func oneHot(_ samples: Int, _ classes: Int, _ generator: inout SplitMix64) -> Matrix {
    var target = Matrix(rows: samples, columns: classes)
    for s in 0..<samples { target[s, generator.nextInt(below: classes)] = 1 }
    return target
}

/// Seconds per forward + backward step of the 784-256-128-10 MLP on a batch of 64.
func mlpStep() -> Double {
    var generator = SplitMix64(seed: 7)
    let network = mlp([784, 256, 128, 10], &generator)
    let input = randomMatrix(64, 784, &generator)
    let target = oneHot(64, 10, &generator)
    var sink = 0.0
    let time = secondsPerCall {
        let gradients = network.backward(network.forward(input), target: target)
        sink += gradients.weightGradients[0].elements[0]
    }
    precondition(sink.isFinite)
    return time
}

/// Seconds for a gradient check of every parameter of the 784-32-10 MLP on a batch of `batch` samples.
func gradientCheck(batch: Int) -> (seconds: Double, parameters: Int, passed: Int) {
    var generator = SplitMix64(seed: 11)
    let network = mlp([784, 32, 10], &generator)
    let input = randomMatrix(batch, 784, &generator)
    let target = oneHot(batch, 10, &generator)
    let parameters = network.parameters
    var passed = 0
    let clock = ContinuousClock()
    let timings = (0..<(quick ? 1 : 3)).map { _ in
        clock.measure {
            let gradients = network.backward(network.forward(input), target: target)
            let results = GradientCheck().compare(
                network, input: input, target: target, gradients: gradients, parameters: parameters)
            passed = results.count { $0.passes || $0.isNearKink }
        }
    }
    return (median(timings.map(seconds)), parameters.count, passed)
}

/// The median wall time of `runs` runs of `program` (nnhw unless given) with `commandArguments`, in milliseconds; nil if it fails.
func startupMilliseconds(_ commandArguments: [String], runs: Int, program: String = nnhwPath) -> Double? {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([program] + commandArguments).map { strdup($0) } + [nil]
    defer {
        for pointer in argv { free(pointer) }
    }
    let clock = ContinuousClock()
    var timings: [Double] = []
    for _ in 0..<runs {
        var pid: pid_t = 0
        var status: Int32 = 0
        let elapsed = clock.measure {
            guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else {
                status = -1
                return
            }
            waitpid(pid, &status, 0)
        }
        guard status == 0 else { return nil }
        timings.append(seconds(elapsed) * 1000)
    }
    return median(timings)
}

/// numpy's GFLOP/s per size, ms per MLP step, and its BLAS library and kernel.
typealias NumpyFigures = (gflops: [Double], mlpMilliseconds: Double, blas: String)

/// numpy's figures at `threads` BLAS threads: GFLOP/s per size, ms per MLP step, and the BLAS
/// library and kernel threadpoolctl names ("openblas Haswell"); nil without python3 + numpy.
func numpyFigures(threads: Int) -> NumpyFigures? {
    let script = """
        import time, numpy as np
        def per_call(f):
            f(); reps = 1
            while True:
                t = time.perf_counter()
                for _ in range(reps): f()
                if time.perf_counter() - t >= 0.04: break
                reps *= 2
            ts = []
            for _ in range(\(samplesPerMeasurement)):
                t = time.perf_counter()
                for _ in range(reps): f()
                ts.append((time.perf_counter() - t) / reps)
            return sorted(ts)[len(ts) // 2]
        rng = np.random.default_rng(1)
        out = []
        for n in \(sizes):
            a = rng.uniform(-1, 1, (n, n)); b = rng.uniform(-1, 1, (n, n))
            out.append(2 * n**3 / per_call(lambda: a @ b) / 1e9)
        x = rng.uniform(-1, 1, (64, 784)); y = np.eye(10)[rng.integers(0, 10, 64)]
        ws = [rng.normal(0, np.sqrt(2 / i), (o, i)) for i, o in [(784, 256), (256, 128), (128, 10)]]
        bs = [np.full(o, 0.05) for o in (256, 128, 10)]
        def step():
            zs = [x]; As = []
            for l, (w, b) in enumerate(zip(ws, bs)):
                a = zs[-1] @ w.T + b; As.append(a)
                if l < 2: zs.append(np.maximum(a, 0))
                else:
                    e = np.exp(a - a.max(axis=1, keepdims=True)); zs.append(e / e.sum(axis=1, keepdims=True))
            d = (zs[-1] - y) / 64
            grads = []
            for l in (2, 1, 0):
                grads.append((d.T @ zs[l], d.sum(axis=0)))
                dz = d @ ws[l]
                if l > 0: d = dz * (As[l - 1] > 0)
            return grads
        out.append(per_call(step) * 1000)
        print(" ".join(repr(v) for v in out))
        try:
            from threadpoolctl import threadpool_info
            print(" ".join(f"{i['internal_api']} {i.get('architecture') or ''}".strip() for i in threadpool_info()))
        except ImportError:
            print("(threadpoolctl not installed)")
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    var environment = ProcessInfo.processInfo.environment
    for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = "\(threads)" }
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    guard let first = lines.first else { return nil }
    let values = first.split(separator: " ").compactMap { Double($0) }
    guard values.count == sizes.count + 1 else { return nil }
    return (Array(values.prefix(sizes.count)), values[sizes.count], lines.dropFirst().first.map(String.init) ?? "")
}

func cpuModel() -> String {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
    return line.map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? "" }?
        .trimmingCharacters(in: .whitespaces) ?? "unknown processor"
}

/// The vector extensions among the processor's flags that decide the kernel ("avx2 fma", "avx512f …").
func vectorFeatures() -> String {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") || $0.hasPrefix("Features") })
    else { return "unknown (no /proc/cpuinfo)" }
    let flags = Set(line.split(separator: ":", maxSplits: 1).last?.split(separator: " ").map(String.init) ?? [])
    let wanted = ["sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512vl", "asimd"]
    let present = wanted.filter(flags.contains)
    return present.joined(separator: " ")
        + (flags.contains("avx512f") || flags.contains("asimd") ? "" : " (no avx512f)")
}

/// Where threads leave their results, so the work that made them is not left out.
final class Sink: @unchecked Sendable {
    private let lock = NSLock()
    private var sum = 0.0

    var total: Double { lock.withLock { sum } }

    func add(_ value: Double) { lock.withLock { sum += value } }
}

/// GFLOP/s of ``MatrixProduct/Kernel/peakLoop(iterations:)`` for the benchmarked kernel, on
/// `threads` threads at once (the median of `samplesPerMeasurement` runs of about 0.1 s).
func peakGFLOPs(threads: Int) -> Double {
    let iterations = 5_000_000
    let clock = ContinuousClock()
    let sink = Sink()
    let timings = (0..<samplesPerMeasurement).map { _ in
        clock.measure {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                sink.add(kernel.peakLoop(iterations: iterations))
            }
        }
    }
    precondition(sink.total.isFinite)
    return Double(threads * iterations * kernel.operationsPerPeakIteration) / median(timings.map(seconds)) / 1e9
}

func format(_ value: Double?, _ decimals: Int) -> String {
    guard let value else { return "—" }
    return String(format: "%.\(decimals)f", value)
}

func row(_ cells: [String]) {
    let widths = [44, 12, 10, 7, 12, 10, 7]
    print(
        zip(cells, widths).enumerated().map { index, pair in
            index == 0
                ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, pair.1 - pair.0.count)) + pair.0
        }.joined(separator: " "))
}

/// ms per MLP step measured by a child nnhw-bench with NNHW_THREADS set, so the thread limit
/// applies to every product inside the network.
func mlpStepInChild(threads: Int) -> Double? {
    inChild(["--mlp-step"], threads: threads)
}

/// GFLOP/s of an n × n product on at most `threads` threads, the number chosen by size as in
/// nnhw's own products (one thread below about 2²¹ multiply-adds, as OpenBLAS also does),
/// measured by a child nnhw-bench with NNHW_THREADS set.
func automaticProductInChild(_ n: Int, threads: Int) -> Double? {
    inChild(["--product", "\(n)", "auto", "--kernel", kernel.rawValue], threads: threads)
}

/// The number a child nnhw-bench prints for `childArguments` with NNHW_THREADS=`threads`; nil if it fails.
func inChild(_ childArguments: [String], threads: Int) -> Double? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    process.arguments = childArguments + (quick ? ["--quick"] : [])
    var environment = ProcessInfo.processInfo.environment
    environment["NNHW_THREADS"] = "\(threads)"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
}

if let index = arguments.firstIndex(of: "--gradient-check"), index + 1 < arguments.count,
    let batch = Int(arguments[index + 1])
{
    let check = gradientCheck(batch: batch)
    print(check.seconds, check.passed, check.parameters)
    exit(0)
}

if let index = arguments.firstIndex(of: "--product"), index + 2 < arguments.count, let n = Int(arguments[index + 1]) {
    let threads = arguments[index + 2]
    guard threads == "auto" || (Int(threads) ?? 0) > 0 else {
        FileHandle.standardError.write(Data("nnhw-bench: --product N THREADS takes a positive THREADS or auto\n".utf8))
        exit(64)
    }
    print(productGFLOPs(n, MatrixProduct(threads: Int(threads), kernel: kernel)))
    exit(0)
}

if arguments.contains("--peak") {
    print(peakGFLOPs(threads: 1), peakGFLOPs(threads: 2))
    exit(0)
}

/// The training rows: nnhw's and PyTorch's ms per epoch and final losses.
func trainingRows(compare: Bool) {
    for benchmark in TrainingBenchmark.all { trainingRow(benchmark, compare: compare) }
}

func trainingRow(_ benchmark: TrainingBenchmark, compare: Bool) {
    let mine = benchmark.nnhw()
    let theirs = compare ? benchmark.torch() : nil
    let widths = benchmark.widths.map(String.init).joined(separator: "-")
    row([
        "train \(widths) S=\(benchmark.samples) B=\(benchmark.batchSize), ms/epoch",
        format(mine.secondsPerEpoch * 1000, 3), "", "", "", "", "",
    ])
    if let theirs {
        print(
            "  PyTorch (float64, 1 thread): \(format(theirs.secondsPerEpoch * 1000, 3)) ms/epoch, ratio nnhw/PyTorch "
                + "\(format(mine.secondsPerEpoch / theirs.secondsPerEpoch, 3)); final loss nnhw \(mine.loss), "
                + "PyTorch \(theirs.loss), |Δ| = \(abs(mine.loss - theirs.loss))")
    } else if compare {
        print("  (PyTorch not available: python3 -c 'import torch' failed)")
    } else {
        print("  final loss \(mine.loss)")
    }
}

if arguments.contains("--training") {
    trainingRows(compare: compare)
    exit(0)
}

if arguments.contains("--mlp-step") {
    print(mlpStep() * 1000)
    exit(0)
}

let peak1 = peakGFLOPs(threads: 1)
let peak2 = peakGFLOPs(threads: 2)
print("nnhw-bench on \(cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) processors")
print("features: \(vectorFeatures())")
print(
    "kernel: \(kernel.rawValue) (\(kernel.summary))"
        + (kernel == .native
            ? ", this build's own" : ", not this build's own (\(MatrixProduct.Kernel.native.rawValue))")
        + (kernel.isCompiledNatively ? "" : ", not compiled for its instructions: slow"))
print(
    "peak of its instructions (\(kernel == .portable ? "multiply then add" : "fused multiply-add") loop): "
        + "\(format(peak1, 1)) GFLOP/s on one thread, \(format(peak2, 1)) on two")
/// One pass over the products and the MLP step: nnhw's figures and, with --compare, numpy's,
/// taken back to back, so that a slow spell of a shared machine falls on both sides of a ratio.
struct ComparisonRound {
    /// nnhw's GFLOP/s per size on one thread, and with at most two.
    let products1: [Double]
    let products2: [Double?]
    /// nnhw's ms per MLP step on one thread and on two.
    let step1: Double?
    let step2: Double?
    let numpy1: NumpyFigures?
    let numpy2: NumpyFigures?

    static func measure() -> ComparisonRound {
        let numpy1 = compare ? numpyFigures(threads: 1) : nil
        let products1 = sizes.map { productGFLOPs($0, MatrixProduct(threads: 1, kernel: kernel)) }
        let numpy2 = compare ? numpyFigures(threads: 2) : nil
        let products2 = sizes.map { automaticProductInChild($0, threads: 2) }
        return ComparisonRound(
            products1: products1, products2: products2, step1: mlpStepInChild(threads: 1),
            step2: mlpStepInChild(threads: 2), numpy1: numpy1, numpy2: numpy2)
    }
}

/// The median of the values present; nil if none is.
func median(of values: [Double?]) -> Double? {
    let present = values.compactMap { $0 }
    return present.isEmpty ? nil : median(present)
}

// With --compare, three rounds: each cell is the median of its rounds, each ratio the median of
// the rounds' own ratios.
let rounds = (0..<(compare ? 3 : 1)).map { _ in ComparisonRound.measure() }
if compare && rounds[0].numpy1 == nil { print("(numpy not available: python3 -c 'import numpy' failed)") }
if let numpy1 = rounds[0].numpy1 { print("numpy's BLAS (threadpoolctl): \(numpy1.blas)") }
if compare { print("each figure the median of \(rounds.count) rounds, nnhw and numpy back to back in each") }
row(["", "nnhw 1T", "numpy 1T", "ratio", "nnhw 2T", "numpy 2T", "ratio"])
/// "37.4 (79%)": GFLOP/s and its share of the measured peak.
func withPeak(_ gflops: Double?, _ peak: Double) -> String {
    guard let gflops else { return "—" }
    return "\(format(gflops, 1)) (\(format(100 * gflops / peak, 0))%)"
}
/// The median over the rounds of nnhw's figure over numpy's.
func ratio(_ mine: (ComparisonRound) -> Double?, _ theirs: (ComparisonRound) -> Double?) -> String {
    let ratios = rounds.map { round in mine(round).flatMap { a in theirs(round).map { a / $0 } } }
    guard let value = median(of: ratios) else { return "—" }
    return format(value, 2)
}
for (index, n) in sizes.enumerated() {
    row([
        "product n=\(n) GFLOP/s", withPeak(median(of: rounds.map { $0.products1[index] }), peak1),
        format(median(of: rounds.map { $0.numpy1?.gflops[index] }), 1),
        ratio({ $0.products1[index] }, { $0.numpy1?.gflops[index] }),
        withPeak(median(of: rounds.map { $0.products2[index] }), peak2),
        format(median(of: rounds.map { $0.numpy2?.gflops[index] }), 1),
        ratio({ $0.products2[index] }, { $0.numpy2?.gflops[index] }),
    ])
}
let step1 = median(of: rounds.map(\.step1))
let step2 = median(of: rounds.map(\.step2))
let numpyStep1 = median(of: rounds.map { $0.numpy1?.mlpMilliseconds })
let numpyStep2 = median(of: rounds.map { $0.numpy2?.mlpMilliseconds })
row([
    "MLP 784-256-128-10 fwd+bwd, ms/step", format(step1, 3), format(numpyStep1, 3),
    ratio(\.step1, { $0.numpy1?.mlpMilliseconds }), format(step2, 3), format(numpyStep2, 3),
    ratio(\.step2, { $0.numpy2?.mlpMilliseconds }),
])
row([
    "MLP batch 64, samples/s", format(step1.map { 64_000 / $0 }, 0), format(numpyStep1.map { 64_000 / $0 }, 0),
    "", format(step2.map { 64_000 / $0 }, 0), format(numpyStep2.map { 64_000 / $0 }, 0), "",
])
trainingRows(compare: compare)
for batch in [1, 16, 64] {
    let check = gradientCheck(batch: batch)
    row(["gradient check 784-32-10, S=\(batch), s", format(check.seconds, 3), "", "", "", "", ""])
    if check.passed != check.parameters {
        print("  (\(check.parameters - check.passed) of \(check.parameters) parameters failed)")
    }
}
let runs = quick ? 20 : 100
if let conv = startupMilliseconds(["conv-size", "--input", "36x36x3", "--kernel", "3"], runs: runs) {
    row(["nnhw conv-size start-up+answer, ms", format(conv, 2), "", "", "", "", ""])
} else {
    print("(start-up not measured: no runnable nnhw at \(nnhwPath); build it with swift build -c release)")
}
if compare,
    let python = startupMilliseconds(["python3", "-c", "import numpy"], runs: quick ? 5 : 20, program: "/usr/bin/env")
{
    row(["python3 -c 'import numpy', ms", "", format(python, 1), "", "", "", ""])
}
