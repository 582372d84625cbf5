import NNHomework

/// Fuzzes the network spec decoder: any bytes are read as a spec, and a spec
/// that decodes is solved forward and backward and drawn as text and JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetworkSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
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
