/// A worked solution: a title, conventions stated up front, titled sections of
/// numbered steps, and the named results that `--format json` prints.
public struct Solution: Sendable, Hashable {
    /// One part of a solution: "Forward pass", "Loss", "Backward pass".
    public struct Section: Sendable, Hashable {
        /// The section's heading.
        public var title: Prose
        /// The steps and remarks, in order.
        public var items: [Item]

        /// A section with the given heading and items.
        public init(title: Prose, items: [Item]) {
            self.title = title
            self.items = items
        }
    }

    /// An entry of a section.
    public enum Item: Sendable, Hashable {
        /// A numbered step.
        case step(Step)
        /// A sentence of explanation between steps.
        case remark(Prose)
        /// A table, drawn with aligned columns.
        case table(Table)
    }

    /// The headline, e.g. "Backward pass · 3 dense layers, ReLU · loss L = (ŷ − y)²".
    public var title: Prose
    /// Sentences stating conventions, shown before the first section.
    public var preamble: [Prose]
    /// The sections, in order.
    public private(set) var sections: [Section]
    /// The machine-readable results, with stable keys and full precision.
    public var result: JSONValue

    /// An empty solution with the given title.
    public init(title: Prose, preamble: [Prose] = [], result: JSONValue = .null) {
        self.title = title
        self.preamble = preamble
        self.sections = []
        self.result = result
    }

    /// The number the next step will get.
    public var nextStepNumber: Int { stepCount + 1 }

    /// How many steps the sections hold, counted as they are added.
    private var stepCount = 0

    /// Starts a new section; later steps and remarks go into it.
    public mutating func beginSection(_ title: Prose) {
        sections.append(Section(title: title, items: []))
    }

    /// Adds the step `lhs = rhs[0] = …` to the current section and returns its number;
    /// `producing` names the places in ``result`` it computes (see ``Step/resultPaths``).
    @discardableResult
    public mutating func addStep(
        _ lhs: MathExpression, _ rhs: [MathExpression], note: Prose? = nil, producing resultPaths: [String] = []
    ) -> Int {
        let number = nextStepNumber
        stepCount += 1
        append(.step(Step(number: number, lhs: lhs, rhs: rhs, note: note, resultPaths: resultPaths)))
        return number
    }

    /// Puts `section` before all others; its items must not be steps, so that
    /// the numbers of the existing steps stay as they are.
    ///
    /// - Precondition: `section` holds no step.
    public mutating func prependSection(_ section: Section) {
        precondition(
            !section.items.contains { if case .step = $0 { true } else { false } },
            "A prepended section would renumber the steps")
        sections.insert(section, at: 0)
    }

    /// The step that computes the value at `path` in ``result``: the step whose
    /// ``Step/resultPaths`` holds the longest prefix of `path` (ending where a
    /// key or an index ends), or nil when no step names it.
    public func step(producing path: String) -> Step? {
        var best: (step: Step, length: Int)?
        for step in steps {
            for prefix in step.resultPaths where Self.path(path, startsWith: prefix) {
                if prefix.count > (best?.length ?? -1) { best = (step, prefix.count) }
            }
        }
        return best?.step
    }

    private static func path(_ path: String, startsWith prefix: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.dropFirst(prefix.count)
        return rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[")
    }

    /// Adds a sentence of explanation to the current section.
    public mutating func addRemark(_ text: Prose) {
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
