import NNCore
import NNHomework

/// Fuzzes the architecture decoders: input starting with `{` is read as the
/// `--arch` JSON form, anything else as the compact `--layers` form; an
/// architecture that decodes is counted under both parameter conventions and drawn.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchitecture(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let problem: ArchitectureProblem
    do {
        problem =
            try text.hasPrefix("{")
            ? ArchitectureProblem(parsing: text, source: "fuzz.json")
            : ArchitectureProblem(compact: text)
    } catch {
        return 0
    }
    for convention in [ParameterConvention.torch, .keras] {
        if let solution = try? ParameterSolver(convention: convention).solve(problem) {
            _ = TextRenderer().render(solution)
            _ = JSONRenderer().render(solution)
        }
    }
    return 0
}
