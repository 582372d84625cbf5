import Foundation

/// Malformed invocations recorded by sweeping every option of the numeric
/// subcommands over bad values (words, signs, zero, fractions, 1e999,
/// hexadecimal, 20-digit numbers) and every key of a network spec over wrong
/// types, shapes and names; each message was read and kept because it names
/// the place and says what is wrong (issue 12, acceptance C). One JSON object
/// per line in `Fixtures/malformed-invocations.json`: `arguments`, `input`
/// (standard input, if any), `status` and the `expected` first line of stderr.
let sweptInvocations: [MalformedInvocation] = {
    struct Row: Decodable {
        let arguments: [String]
        let input: String?
        let status: Int32
        let expected: String
    }
    let url = CommandRunner.packageRoot.appendingPathComponent("Tests/nnhwTests/Fixtures/malformed-invocations.json")
    guard let data = try? Data(contentsOf: url), let rows = try? JSONDecoder().decode([Row].self, from: data) else {
        return []
    }
    return rows.map { MalformedInvocation($0.arguments, input: $0.input, $0.status, $0.expected) }
}()
