extension NumberFormat {
    /// A whole number with a comma between each group of three digits and a
    /// Unicode minus: `138,357,544`, `−1,024`, `0`.
    public func grouped(_ count: Int) -> String {
        (count < 0 ? "−" : "") + Self.commaGrouped(String(count.magnitude))
    }
}
