/// One hyperparameter of a grid and the number of values it takes.
public struct GridFactor: Sendable, Hashable {
    /// The hyperparameter's name as given: "d", "lambda", "lr".
    public var name: String
    /// nᵢ, the number of values tried, at least 1.
    public var count: Int

    /// A factor of `count` values.
    ///
    /// - Precondition: `count >= 1`.
    public init(name: String, count: Int) {
        precondition(count >= 1, "A grid factor needs at least one value, got \(count)")
        self.name = name
        self.count = count
    }
}

/// An exhaustive grid search: one grid is the Cartesian product of its
/// factors, C = n₁ · n₂ · … · n_k; several grids are a union, as scikit-learn's
/// `ParameterGrid` treats a list of grids, C = C₁ + C₂ + ….
public struct GridSearch: Sendable, Hashable {
    /// The grids, each a list of factors; a single grid for a plain search.
    public var grids: [[GridFactor]]

    /// A search over the union of `grids`.
    ///
    /// - Precondition: at least one grid, and each grid has at least one factor.
    public init(grids: [[GridFactor]]) {
        precondition(!grids.isEmpty && grids.allSatisfy { !$0.isEmpty }, "A grid search needs factors")
        self.grids = grids
    }

    /// A search over one grid.
    public init(factors: [GridFactor]) {
        self.init(grids: [factors])
    }

    /// Cᵢ = n₁ · n₂ · … · n_k, the combinations of each grid.
    ///
    /// - Throws: ``BudgetError/overflow`` when a product exceeds Int.max.
    public func combinationsPerGrid() throws(BudgetError) -> [Int] {
        var result: [Int] = []
        for grid in grids {
            result.append(try Self.checkedProduct(grid.map(\.count)))
        }
        return result
    }

    /// C = Σᵢ Cᵢ, the runs of the whole search.
    ///
    /// - Throws: ``BudgetError/overflow`` when the count exceeds 2⁵³ (``Count/limit``).
    public func combinations() throws(BudgetError) -> Int {
        var total = 0
        for count in try combinationsPerGrid() {
            let (sum, overflow) = total.addingReportingOverflow(count)
            if overflow || sum > Count.limit { throw .overflow }
            total = sum
        }
        return total
    }

    /// a · b · … of whole numbers, checked for overflow.
    ///
    /// - Throws: ``BudgetError/overflow`` when the product exceeds 2⁵³ (``Count/limit``).
    public static func checkedProduct(_ factors: [Int]) throws(BudgetError) -> Int {
        var product = 1
        for factor in factors {
            let (next, overflow) = product.multipliedReportingOverflow(by: factor)
            if overflow || next > Count.limit { throw .overflow }
            product = next
        }
        return product
    }
}
