import Testing

@testable import NNHomework

@Suite("TextBlock")
struct TextBlockTests {
    let tall = TextBlock(lines: ["⎡1⎤", "⎢2⎥", "⎣3⎦"], baseline: 1)

    @Test("blocks side by side share their baseline row")
    func horizontal() {
        let joined = TextBlock.joined([TextBlock("x"), tall, TextBlock("y")], separator: " = ")
        #expect(joined.lines == ["    ⎡1⎤    ", "x = ⎢2⎥ = y", "    ⎣3⎦    "])
        #expect(joined.baseline == 1)
        #expect(joined.width == 11)
    }

    @Test("parentheses grow to the block's height")
    func parentheses() {
        #expect(TextBlock("a").parenthesized().lines == ["(a)"])
        #expect(tall.parenthesized().lines == ["⎛⎡1⎤⎞", "⎜⎢2⎥⎟", "⎝⎣3⎦⎠"])
    }

    @Test("moving the baseline below the last row adds blank rows")
    func withBaseline() {
        let moved = TextBlock(lines: ["ab", "cd"], baseline: 0).withBaseline(3)
        #expect(moved.lines == ["ab", "cd", "  ", "  "])
        #expect(moved.baseline == 3)
    }

    @Test("a block reports a leading minus and parenthesis on its baseline only")
    func leadingCharacters() {
        #expect(TextBlock("−3").startsWithMinus)
        #expect(!TextBlock("3 − 2").startsWithMinus)
        #expect(TextBlock(lines: ["⎛", "⎝"], baseline: 1).startsWithParenthesis)
    }

    @Test("lines lose trailing spaces before printing")
    func trimming() {
        #expect(TextBlock.horizontal([TextBlock("a"), tall]).trimmedLines == [" ⎡1⎤", "a⎢2⎥", " ⎣3⎦"])
        #expect(TextBlock(lines: ["a  ", "b"], baseline: 0).trimmedLines == ["a", "b"])
    }
}
