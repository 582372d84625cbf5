import NNCore
import Testing

@testable import NNHomework

@Suite("TextMatrixLayout")
struct TextMatrixLayoutTests {
    let layout = TextMatrixLayout(numberFormat: NumberFormat(precision: 4), maxColumns: 8, maxRows: 12)

    @Test(
        "elided indices keep the first and last ones around a gap",
        arguments: [
            (20, 8, [0, 1, 2, 3, nil, 17, 18, 19]), (8, 8, [0, 1, 2, 3, 4, 5, 6, 7]),
            (5, 0, [0, nil, 4]), (3, 1, [0, 1, 2]),
        ] as [(Int, Int, [Int?])])
    func elision(count: Int, limit: Int, expected: [Int?]) {
        #expect(TextMatrixLayout.shownIndices(count: count, limit: limit) == expected)
    }

    @Test("an empty matrix is drawn as empty brackets")
    func empty() {
        #expect(layout.block(for: Matrix(rows: 0, columns: 3)).lines == ["[]"])
    }

    @Test("a column of two has its baseline on the top row")
    func evenBaseline() {
        #expect(layout.block(for: Matrix(column: [1, 2])).baseline == 0)
        #expect(layout.block(for: Matrix(column: [1, 2, 3, 4])).baseline == 1)
    }
}
