extension NumberFormat {
    /// A whole number with a comma between each group of three digits and a
    /// Unicode minus: `138,357,544`, `−1,024`, `0`.
    public func grouped(_ count: Int) -> String {
        let digits = Array(String(count.magnitude))
        var result = ""
        for (position, digit) in digits.enumerated() {
            if position > 0 && (digits.count - position) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (count < 0 ? "−" : "") + result
    }
}
