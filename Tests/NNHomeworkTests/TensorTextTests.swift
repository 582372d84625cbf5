import NNCore
import Testing

@testable import NNHomework

@Suite("Matrices and sizes as written on the command line")
struct TensorTextTests {
    @Test("rows by ; entries by spaces or commas, Unicode minus accepted")
    func rows() throws {
        #expect(
            try TensorText.channels(parsing: "6 0 1; 3,4,1; 1 7 −2", place: "--input") == [
                Matrix([[6, 0, 1], [3, 4, 1], [1, 7, -2]])
            ])
    }

    @Test("JSON rows and C × H × W channels")
    func json() throws {
        #expect(try TensorText.channels(parsing: "[[1,2],[3,4]]", place: "--input") == [Matrix([[1, 2], [3, 4]])])
        let stack = try TensorText.channels(parsing: "[[[1]],[[2]]]", place: "--input")
        #expect(stack == [Matrix([[1]]), Matrix([[2]])])
    }

    @Test("a C_out × C × k × k kernel is C_out filters; every other form is one filter")
    func filters() throws {
        let bank = try TensorText.filters(parsing: "[[[[1]],[[2]]],[[[3]],[[4]]],[[[5]],[[6]]]]", place: "--kernel")
        #expect(
            bank == [[Matrix([[1]]), Matrix([[2]])], [Matrix([[3]]), Matrix([[4]])], [Matrix([[5]]), Matrix([[6]])]])
        #expect(
            try TensorText.filters(parsing: "[[[1]],[[2]]]", place: "--kernel") == [[Matrix([[1]]), Matrix([[2]])]])
        #expect(try TensorText.filters(parsing: "1 0; 0 1", place: "--kernel") == [[Matrix([[1, 0], [0, 1]])]])
        #expect(
            throws: InputError(
                .invalidData, at: "--kernel[2]",
                "is 1 × 1 × 1, but filter 0 is 2 × 1 × 1; every filter must have the same shape")
        ) {
            try TensorText.filters(parsing: "[[[[1]],[[2]]],[[[3]],[[4]]],[[[5]]]]", place: "--kernel")
        }
    }

    @Test(
        "malformed matrices name the option and the row and column",
        arguments: [
            ("1 2; 3 x", "--input: row 2, column 2: \"x\" is not a finite number"),
            ("1 2; 3", "--input: row 2 has 1 entry, but row 1 has 2"),
            ("1 2;; 3 4", "--input: row 2 is empty"),
            ("[[1,2],[3]]", "--input[1]: has 1 entry, but row 0 has 2"),
            ("[[[1,2]],[[3,4],[5]]]", "--input[1][1]: has 1 entry, but row 0 has 2"),
            ("[[[1,2]],[[3,4],[5,6]]]", "--input[1]: is 2 × 2, but channel 0 is 1 × 2"),
            ("  ", "--input: is empty; expected a matrix"),
            ("1e999", "--input: row 1, column 1: \"1e999\" is not a finite number"),
        ])
    func malformed(_ text: String, _ message: String) {
        #expect {
            try TensorText.channels(parsing: text, place: "--input")
        } throws: { error in
            (error as? InputError)?.description == message && (error as? InputError)?.kind == .invalidData
        }
    }

    @Test("sizes: 36x36x3, 3×5, -3 (read, to be refused later) and errors")
    func sizes() throws {
        #expect(try SizeText.sizes(parsing: "36x36x3", option: "--input", counts: 2...3) == [36, 36, 3])
        #expect(try SizeText.sizes(parsing: "3×5", option: "--kernel", counts: 1...2) == [3, 5])
        #expect(try SizeText.sizes(parsing: "-3", option: "--kernel", counts: 1...2) == [-3])
        #expect(throws: InputError(.usage, at: "--kernel", "\"3y\" is not a whole number; write sizes as 3 or 3x5")) {
            try SizeText.sizes(parsing: "3y", option: "--kernel", counts: 1...2)
        }
    }

    @Test("padding: numbers, PxQ and the named rules")
    func padding() throws {
        #expect(try SizeText.padding(parsing: "same", option: "--padding") == (.same, .same))
        #expect(try SizeText.padding(parsing: "1x2", option: "--padding") == (.symmetric(1), .symmetric(2)))
        #expect(throws: InputError.self) { try SizeText.padding(parsing: "half", option: "--padding") }
    }
}
