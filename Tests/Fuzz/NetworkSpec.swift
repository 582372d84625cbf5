import NNHomework

/// Fuzzes the network spec decoders: any bytes are read as a spec (of dense or of
/// typed layers), and a spec that decodes is solved forward and backward and drawn
/// as text and JSON; a spec of typed layers is also gradient-checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetworkSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let spec = try? JSONValue(parsing: text), StackProblem.isStack(spec) {
        guard let problem = try? StackProblem(json: spec, source: "fuzz.json") else { return 0 }
        let solver = StackSolver()
        for solve in [solver.forward, solver.backward] {
            if let solution = try? solve(problem) {
                _ = TextRenderer().render(solution)
                _ = JSONRenderer().render(solution)
            }
        }
        _ = try? StackGradientCheckSolver().solve(problem)
        return 0
    }
    guard let problem = try? NetworkProblem(parsing: text, source: "fuzz.json") else { return 0 }
    let solver = NetworkSolver()
    for solve in [solver.forward, solver.backward] {
        if let solution = try? solve(problem) {
            _ = TextRenderer().render(solution)
            _ = JSONRenderer().render(solution)
        }
    }
    return 0
}
