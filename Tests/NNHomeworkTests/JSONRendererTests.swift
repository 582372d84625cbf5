import Testing

@testable import NNHomework

@Suite("Rendering a solution as JSON")
struct JSONRendererTests {
    @Test("the results print as pretty JSON ending in a newline")
    func rendersResults() {
        var solution = Solution(
            title: "Forward pass",
            result: .object([JSONMember("output", .array([.number(0.25), .number(1)]))]))
        solution.addRemark("Steps are not part of the JSON output.")
        #expect(JSONRenderer().render(solution) == "{\n  \"output\": [0.25, 1]\n}\n")
    }
}
