import NNHomework

/// Fuzzes the matrix-literal reader behind `conv`/`pool` `--input` and `--kernel`:
/// any bytes are read as channels, and channels that decode are drawn as text.
/// (`conv` and `pool` over such input are fuzzed by the Invocation target.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatrix(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let channels = try? TensorText.channels(parsing: text, place: "--input") else { return 0 }
    for channel in channels {
        _ = TextRenderer().render(.matrix(channel))
    }
    return 0
}
