import Testing

@testable import NNCore

@Suite("Packing workspace: one cache-line-aligned buffer per thread")
struct PackingWorkspaceTests {
    /// The address of `pointer` modulo a 64-byte cache line.
    static func offsetInLine(_ pointer: UnsafeMutablePointer<Double>) -> Int {
        Int(bitPattern: UInt(bitPattern: pointer)) % 64
    }

    @Test("Each buffer, small or grown past the allocator's mmap threshold, starts on a cache line")
    func aligned() {
        for count in [1, 5000, 1 << 17, 300_001] {
            #expect(Self.offsetInLine(PackingWorkspace.buffer(count: count)) == 0, "count \(count)")
        }
    }

    @Test("A request no larger than the buffer gets the same buffer back")
    func reused() {
        let large = PackingWorkspace.buffer(count: 1 << 16)
        #expect(PackingWorkspace.buffer(count: 100) == large)
        #expect(PackingWorkspace.buffer(count: 1 << 16) == large)
    }
}
