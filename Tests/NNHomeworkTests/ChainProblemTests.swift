import Testing

@testable import NNHomework

@Suite("ChainProblem: reading --depth and --factors")
struct ChainProblemTests {
    @Test(
        "--depth takes N, LOW..HIGH and N,M,…",
        arguments: [
            ("6", [6]), ("1..6", [1, 2, 3, 4, 5, 6]), ("2,4,6", [2, 4, 6]), (" 3 .. 4 ", [3, 4]),
        ])
    func depths(_ text: String, _ expected: [Int]) throws {
        #expect(try ChainProblem.depths(text) == expected)
    }

    @Test(
        "--depth refuses 0, words, empty entries, empty ranges and more than 200 depths",
        arguments: [
            "0", "x", "1,,2", "3..1", "1..201", "-2..3", "10001",
        ])
    func badDepths(_ text: String) {
        #expect(throws: InputError.self) { try ChainProblem.depths(text) }
    }

    @Test("--factors takes numbers separated by spaces or commas, with a Unicode minus")
    func factors() throws {
        #expect(try ChainProblem.factors("0.005 0.1") == [0.005, 0.1])
        #expect(try ChainProblem.factors("1, −2,3") == [1, -2, 3])
        #expect(throws: InputError.self) { try ChainProblem.factors(" ") }
        #expect(throws: InputError.self) { try ChainProblem.factors("1 inf") }
    }

    @Test("--activation's factor is the activation's own derivative at its peak: σ′(0) = 1/4, tanh′(0) = ReLU′(1) = 1")
    func peaks() {
        #expect(PeakDerivative.sigmoid.value == 0.25)
        #expect(PeakDerivative.tanh.value == 1)
        #expect(PeakDerivative.relu.value == 1)
    }
}
