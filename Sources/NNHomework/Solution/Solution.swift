/// A worked solution: a title, conventions stated up front, titled sections of
/// numbered steps, and the named results that `--format json` prints.
public struct Solution: Sendable, Hashable {
    /// One part of a solution: "Forward pass", "Loss", "Backward pass".
    public struct Section: Sendable, Hashable {
        /// The section's heading.
        public var title: String
        /// The steps and remarks, in order.
        public var items: [Item]
    }

    /// An entry of a section.
    public enum Item: Sendable, Hashable {
        /// A numbered step.
        case step(Step)
        /// A sentence of explanation between steps.
        case remark(String)
        /// A table, drawn with aligned columns.
        case table(Table)
    }

    /// The headline, e.g. "Backward pass · 3 dense layers, ReLU · loss L = (ŷ − y)²".
    public var title: String
    /// Sentences stating conventions, shown before the first section.
    public var preamble: [String]
    /// The sections, in order.
    public private(set) var sections: [Section]
    /// The machine-readable results, with stable keys and full precision.
    public var result: JSONValue

    /// An empty solution with the given title.
    public init(title: String, preamble: [String] = [], result: JSONValue = .null) {
        self.title = title
        self.preamble = preamble
        self.sections = []
        self.result = result
    }

    /// The number the next step will get.
    public var nextStepNumber: Int {
        1
            + sections.reduce(0) { count, section in
                count + section.items.filter { if case .step = $0 { true } else { false } }.count
            }
    }

    /// Starts a new section; later steps and remarks go into it.
    public mutating func beginSection(_ title: String) {
        sections.append(Section(title: title, items: []))
    }

    /// Adds the step `lhs = rhs[0] = …` to the current section and returns its number.
    @discardableResult
    public mutating func addStep(_ lhs: MathExpression, _ rhs: [MathExpression], note: String? = nil) -> Int {
        let number = nextStepNumber
        append(.step(Step(number: number, lhs: lhs, rhs: rhs, note: note)))
        return number
    }

    /// Adds a sentence of explanation to the current section.
    public mutating func addRemark(_ text: String) {
        append(.remark(text))
    }

    /// Adds a table to the current section.
    public mutating func addTable(_ table: Table) {
        append(.table(table))
    }

    private mutating func append(_ item: Item) {
        if sections.isEmpty { beginSection("") }
        sections[sections.count - 1].items.append(item)
    }

    /// Every step, in order.
    public var steps: [Step] {
        sections.flatMap { section in
            section.items.compactMap { if case .step(let step) = $0 { step } else { nil } }
        }
    }
}
