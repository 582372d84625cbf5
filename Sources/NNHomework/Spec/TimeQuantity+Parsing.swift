import NNCore

extension TimeQuantity {
    /// The unit names accepted after a number, and the unit each means.
    static let unitNames: [(names: [String], unit: TimeUnit)] = [
        (["s", "sec", "secs", "second", "seconds"], .seconds),
        (["min", "mins", "minute", "minutes"], .minutes),
        (["h", "hr", "hrs", "hour", "hours"], .hours),
        (["d", "day", "days"], .days),
    ]

    /// A duration written as a number and a unit, with or without a space:
    /// `2min`, `90s`, `1.5h`, `3d`, `45 min`, `2 hours`.
    ///
    /// - Parameters:
    ///   - text: what the user wrote.
    ///   - place: the option it came from, for errors.
    /// - Throws: a usage error when the number or the unit is missing or unknown,
    ///   or the duration is not positive.
    public init(parsing text: String, at place: String) throws(InputError) {
        let trimmed = text.trimmingSpaces
        let number = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }
        let unitText = trimmed.dropFirst(number.count).trimmingSpaces.lowercased()
        guard !number.isEmpty, let value = NumberText.decimal(number) else {
            throw InputError(at: place, .expected("a duration such as 2min, 90s, 1.5h or 3d", got: text))
        }
        guard !unitText.isEmpty else {
            throw InputError(at: place, .noUnit(text))
        }
        guard let unit = Self.unitNames.first(where: { $0.names.contains(unitText) })?.unit else {
            throw InputError(at: place, .unknownUnit(String(unitText), in: text))
        }
        guard value > 0 else { throw InputError(at: place, .notPositive(text)) }
        self.init(value, unit)
    }
}
