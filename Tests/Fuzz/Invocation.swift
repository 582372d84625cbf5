/// Fuzzes whole command lines: the input's lines are the arguments given to
/// `Program.run`, in process, as `nnhw` would receive them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInvocation(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let arguments = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    _ = Program.run(arguments)
    return 0
}
