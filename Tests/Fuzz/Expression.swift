import NNCore

/// Fuzzes the expression language: any bytes are read as a formula; a formula
/// that parses is printed, simplified, differentiated in every variable (once,
/// as `nnhw gradcheck` does), and the formula and its derivatives are evaluated
/// with every variable at 0.5 and at −2.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let expression = try? Expression(parsing: text) else { return 0 }
    _ = expression.description
    _ = expression.simplified().description
    let derivatives = expression.variables.map { expression.derivative(withRespectTo: $0) }
    for derivative in derivatives { _ = derivative.description }
    for value in [0.5, -2.0] {
        let point = Dictionary(uniqueKeysWithValues: expression.variables.map { ($0, value) })
        _ = try? expression.value(at: point)
        for derivative in derivatives { _ = try? derivative.value(at: point) }
    }
    return 0
}
