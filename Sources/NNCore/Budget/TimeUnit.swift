/// A unit of time for durations of training: seconds, minutes, hours, days.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable, Comparable {
    /// s.
    case seconds = "s"
    /// min.
    case minutes = "min"
    /// h.
    case hours = "h"
    /// d.
    case days = "d"

    /// The length of one unit in seconds: 1, 60, 3600, 86 400.
    public var seconds: Double {
        switch self {
        case .seconds: 1
        case .minutes: 60
        case .hours: 3600
        case .days: 86_400
        }
    }

    /// The symbol the unit is written with: "s", "min", "h", "d".
    public var symbol: String { rawValue }

    /// The next larger unit and how many of this unit make one of it
    /// (60 s = 1 min, 60 min = 1 h, 24 h = 1 d), or nil for days.
    public var larger: (unit: TimeUnit, factor: Double)? {
        switch self {
        case .seconds: (.minutes, 60)
        case .minutes: (.hours, 60)
        case .hours: (.days, 24)
        case .days: nil
        }
    }

    /// Shorter units come first.
    public static func < (lhs: TimeUnit, rhs: TimeUnit) -> Bool {
        lhs.seconds < rhs.seconds
    }
}

/// A length of time as a number and its unit: 2 min, 1.5 h.
public struct TimeQuantity: Sendable, Hashable {
    /// The number of units.
    public var value: Double
    /// The unit.
    public var unit: TimeUnit

    /// `value` of `unit`.
    public init(_ value: Double, _ unit: TimeUnit) {
        self.value = value
        self.unit = unit
    }

    /// The same length in minutes: value · (unit in s) / 60.
    public var minutes: Double { value * unit.seconds / 60 }

    /// The same length in `other` units: value · (unit in s) / (other in s).
    public func converted(to other: TimeUnit) -> TimeQuantity {
        TimeQuantity(value * unit.seconds / other.seconds, other)
    }

    /// This length, then the same length in each larger unit in which it is at
    /// least 1, in increasing order: 6000 min → [6000 min, 100 h, 4.1667 d].
    public var conversionsUpward: [TimeQuantity] {
        var result = [self]
        var current = self
        while let (unit, factor) = current.unit.larger, current.value / factor >= 1 {
            current = TimeQuantity(current.value / factor, unit)
            result.append(current)
        }
        return result
    }
}
