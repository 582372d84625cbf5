// Golden files for nnhw's output, as swift-argument-parser's `assertSnapshot`.
//
// The expected output of each end-to-end run is kept in
// `Tests/nnhwTests/Snapshots/<name>.<ext>`. To (re)record every snapshot after
// an intended change of output, run from the package root:
//
//     NNHW_RECORD_SNAPSHOTS=1 swift test --filter nnhwTests
//
// Recording writes the files and records an issue for each one (so the
// recording run fails on purpose); then read `git diff Tests/nnhwTests/Snapshots`,
// check the numbers, and run `swift test --filter nnhwTests` again.
import Foundation
import Testing

/// Where the golden files live.
let snapshotDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Whether this run re-records snapshots instead of comparing with them.
var isRecordingSnapshots: Bool { ProcessInfo.processInfo.environment["NNHW_RECORD_SNAPSHOTS"] == "1" }

/// Compares `output` with the golden file `Snapshots/<name>`, or records it
/// when `NNHW_RECORD_SNAPSHOTS=1`.
///
/// - Parameters:
///   - output: what the command printed.
///   - name: the file name with its extension: `backward-relu-3-layer.txt`.
func assertSnapshot(_ output: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = snapshotDirectory.appendingPathComponent(name)
    if isRecordingSnapshots {
        do {
            try FileManager.default.createDirectory(at: snapshotDirectory, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: file)
            Issue.record(
                "Recorded snapshot \(name); unset NNHW_RECORD_SNAPSHOTS to compare with it",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
        Issue.record(
            "No snapshot \(file.path); record it with NNHW_RECORD_SNAPSHOTS=1 swift test --filter nnhwTests",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard output != expected else { return }
    Issue.record(
        """
        Output differs from snapshot \(name) (re-record with NNHW_RECORD_SNAPSHOTS=1 if the change is intended):
        \(lineDifference(expected: expected, actual: output))
        """, sourceLocation: sourceLocation)
}

/// The first line where `actual` differs from `expected`, both shown.
private func lineDifference(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(old.count, new.count) {
        let a = index < old.count ? String(old[index]) : "<end>"
        let b = index < new.count ? String(new[index]) : "<end>"
        if a != b { return "line \(index + 1):\n  expected: \(a)\n  actual:   \(b)" }
    }
    return "(same lines)"
}
