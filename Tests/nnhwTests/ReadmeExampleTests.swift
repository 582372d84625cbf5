import Foundation
import Testing

/// A code block of the README or of a reference page in `docs/` that starts
/// with one `$ nnhw …` command line and shows what it prints: the command's
/// words and the lines shown.
struct ReadmeExample: Sendable, CustomTestStringConvertible {
    /// The page the block is on.
    let page: URL
    /// The command's arguments after `nnhw`.
    let arguments: [String]
    /// The command line as written.
    let commandLine: String
    /// The output shown under it.
    let shown: String

    /// The lines shown when the block shows only some of the output, one run
    /// of whole lines, and ends on a line `…`.
    var head: String? {
        guard shown.hasSuffix("\n…") else { return nil }
        return String(shown.dropLast("…".count))
    }

    var testDescription: String { "\(page.lastPathComponent): \(commandLine)" }

    static let readme = CommandRunner.packageRoot.appendingPathComponent("README.md")

    /// The README and every Markdown page in `docs/`, in name order.
    static var pages: [URL] {
        let docs = CommandRunner.packageRoot.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [readme] + names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    /// Every runnable example on every page.
    static var everywhere: [ReadmeExample] {
        pages.flatMap { page in
            all(in: (try? String(contentsOf: page, encoding: .utf8)) ?? "", page: page)
        }
    }

    /// Every block whose first line is a `$ nnhw` command that runs on its own:
    /// no pipe, no comment, no file the repository does not have, and no second command.
    static func all(in text: String, page: URL = readme) -> [ReadmeExample] {
        blocks(in: text).compactMap { block in
            guard let first = block.first, first.hasPrefix("$ nnhw "),
                !block.dropFirst().contains(where: { $0.hasPrefix("$ ") }),
                !first.contains("|"), !first.contains("#"),
                let arguments = words(String(first.dropFirst("$ nnhw ".count))),
                arguments.allSatisfy(isAvailable)
            else { return nil }
            return ReadmeExample(
                page: page, arguments: arguments, commandLine: first, shown: block.dropFirst().joined(separator: "\n"))
        }
    }

    /// The lines of each fenced block without a language, fences left out.
    static func blocks(in text: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        var inOtherBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let open = current {
                    blocks.append(open)
                    current = nil
                } else if inOtherBlock {
                    inOtherBlock = false
                } else if line == "```" {
                    current = []
                } else {
                    inOtherBlock = true
                }
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// A command line split into words as a shell would: spaces separate,
    /// double quotes group; nil for anything else a shell would read specially.
    static func words(_ line: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inQuotes = false
        var hasWord = false
        for character in line {
            if character == "\"" {
                inQuotes.toggle()
                hasWord = true
            } else if character == " " && !inQuotes {
                if hasWord { words.append(word) }
                word = ""
                hasWord = false
            } else {
                if !inQuotes && "$`'\\<>&;*?|".contains(character) { return nil }
                word.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(word) }
        return inQuotes ? nil : words
    }

    /// Whether an argument naming a file names one in the repository.
    private static func isAvailable(_ argument: String) -> Bool {
        guard argument.hasSuffix(".json") else { return true }
        return FileManager.default.fileExists(atPath: CommandRunner.packageRoot.appendingPathComponent(argument).path)
    }
}

@Suite("README and docs/ examples show what nnhw prints", .serialized)
struct ReadmeExampleTests {
    static let text = (try? String(contentsOf: ReadmeExample.readme, encoding: .utf8)) ?? ""

    @Test("the README and docs/ show real output for their commands", arguments: ReadmeExample.everywhere)
    func example(_ example: ReadmeExample) throws {
        let result = try CommandRunner.run(example.arguments)
        let printed = (result.output + result.error).trimmingCharacters(in: .newlines)
        if isRecordingSnapshots && example.head == nil {
            let old = "```\n\(example.commandLine)\n" + (example.shown.isEmpty ? "" : "\(example.shown)\n") + "```"
            let new = "```\n\(example.commandLine)\n\(printed)\n```"
            let current = try String(contentsOf: example.page, encoding: .utf8)
            try current.replacingOccurrences(of: old, with: new).write(
                to: example.page, atomically: true, encoding: .utf8)
            return
        }
        if let head = example.head {
            #expect(
                printed.hasPrefix(head) || printed.contains("\n" + head),
                "the lines shown are not in the real output: \(head.debugDescription)")
        } else {
            #expect(
                printed == example.shown, "re-record with NNHW_RECORD_SNAPSHOTS=1 swift test --filter ReadmeExample")
        }
    }

    @Test("every reference page in docs/ is linked from the README")
    func pagesLinked() {
        for page in ReadmeExample.pages.dropFirst() {
            #expect(
                Self.text.contains("(docs/\(page.lastPathComponent))"), "README links no docs/\(page.lastPathComponent)"
            )
        }
    }

    @Test("the scan finds the README's runnable examples and splits command lines as a shell does")
    func scanning() {
        #expect(ReadmeExample.all(in: Self.text).count >= 10)
        #expect(ReadmeExample.everywhere.count >= 25)
        #expect(
            ReadmeExample.words("conv --input \"6 0 1; 3 4 1\" --kernel 2") == [
                "conv", "--input", "6 0 1; 3 4 1", "--kernel", "2",
            ])
        #expect(ReadmeExample.words("backward --example x | sed 1p") == nil)
        let blocks = ReadmeExample.blocks(in: "a\n```\n$ nnhw x\nout\n```\n```json\n{}\n```\n")
        #expect(blocks == [["$ nnhw x", "out"]])
    }
}
