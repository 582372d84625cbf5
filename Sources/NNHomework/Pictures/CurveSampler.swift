/// Samples a function of one variable into the pieces of a plotted curve.
///
/// The interval is cut at the function's break points (kinks and jumps,
/// given exactly), so the curve is exact there: at a break point k the
/// sampler takes the one-sided limits f(k⁻), f(k⁺) as the neighbouring
/// floating-point values give them, and the value f(k). Between break points
/// a uniform grid is refined by bisection wherever the midpoint leaves the
/// chord, so the curve is smooth where it bends. A jump the break points do
/// not name (an asymptote of a formula) is found where bisection stops with
/// a step still large, and is left open: the curve has a gap there, no spike.
public struct CurveSampler: Sendable {
    /// A point where the function or its slope may jump.
    public struct Break: Sendable, Hashable {
        /// Where.
        public var x: Double
        /// Whether a continuous curve is marked there as a kink (its slope jumps).
        public var marksKink: Bool

        /// A break point at `x`.
        public init(_ x: Double, marksKink: Bool) {
            self.x = x
            self.marksKink = marksKink
        }
    }

    /// Intervals of the uniform grid over the whole range.
    var gridIntervals = 120
    /// How many times an interval may be halved.
    var maximumDepth = 7
    /// The largest distance of a midpoint from the chord, as a fraction of the y range.
    var tolerance = 0.002
    /// A last step larger than this fraction of the y range is a jump.
    var jumpFraction = 0.08

    /// A sampler with the default grid and tolerances.
    public init() {}

    /// The values on the uniform grid over `lower`…`upper` with the break
    /// points' limits, the finite ones: what the y axis is fitted to.
    public func overview(_ f: (Double) -> Double, from lower: Double, to upper: Double, breaks: [Break]) -> [Double] {
        var values: [Double] = []
        for i in 0...gridIntervals {
            values.append(f(lower + (upper - lower) * Double(i) / Double(gridIntervals)))
        }
        for point in breaks where point.x > lower && point.x < upper {
            values += [f(point.x.nextDown), f(point.x), f(point.x.nextUp)]
        }
        return values.filter(\.isFinite)
    }

    /// The curve of `f` over `lower`…`upper` as pieces and markers, clipped to `yLower`…`yUpper`.
    public func sample(
        _ f: (Double) -> Double, from lower: Double, to upper: Double, breaks: [Break], yLower: Double,
        yUpper: Double
    ) -> (segments: [[Plot.Point]], markers: [Plot.Marker]) {
        let span = yUpper - yLower
        let inside = breaks.filter { $0.x > lower && $0.x < upper }.sorted { $0.x < $1.x }
        let ends = [lower] + inside.map(\.x) + [upper]
        var pieces: [[Plot.Point]] = [[]]
        var markers: [Plot.Marker] = []
        for index in 0..<(ends.count - 1) {
            let left = ends[index]
            let right = ends[index + 1]
            let start = index == 0 ? left : left.nextUp
            let end = index == ends.count - 2 ? right : right.nextDown
            let count = max(2, Int((Double(gridIntervals) * (right - left) / (upper - lower)).rounded(.up)))
            var previous = Plot.Point(start, f(start))
            var xs = (1..<count).map { left + (right - left) * Double($0) / Double(count) }
            xs.append(end)
            Self.add(previous, to: &pieces)
            for x in xs {
                let next = Plot.Point(x, f(x))
                refine(f, previous, next, depth: 0, span: span, into: &pieces)
                previous = next
            }
            guard index < inside.count else { continue }
            let point = inside[index]
            let k = point.x
            let limits = (left: f(k.nextDown), value: f(k), right: f(k.nextUp))
            let closeness = 1e-9 * max(1, span)
            let jumps = abs(limits.left - limits.right) > closeness || abs(limits.value - limits.left) > closeness
            if jumps {
                pieces.append([])
                markers.append(Plot.Marker(.filled, at: Plot.Point(k, limits.value)))
                for limit in [limits.left, limits.right] where abs(limit - limits.value) > closeness {
                    let marker = Plot.Marker(.open, at: Plot.Point(k, limit))
                    if !markers.contains(marker) { markers.append(marker) }
                }
            } else {
                Self.add(Plot.Point(k, limits.value), to: &pieces)
                if point.marksKink { markers.append(Plot.Marker(.kink, at: Plot.Point(k, limits.value))) }
            }
        }
        let segments = pieces.flatMap { Self.clipped($0, yLower, yUpper) }.filter { $0.count >= 2 }
        let shown = markers.filter { $0.point.y >= yLower && $0.point.y <= yUpper && $0.point.y.isFinite }
        return (segments, shown)
    }

    /// Adds the points between `a` (already added) and `b`, and `b`.
    private func refine(
        _ f: (Double) -> Double, _ a: Plot.Point, _ b: Plot.Point, depth: Int, span: Double,
        into pieces: inout [[Plot.Point]]
    ) {
        let bothFinite = a.y.isFinite && b.y.isFinite
        if depth < maximumDepth {
            let middle = Plot.Point((a.x + b.x) / 2, f((a.x + b.x) / 2))
            let bends = !bothFinite || !middle.y.isFinite || abs(middle.y - (a.y + b.y) / 2) > tolerance * span
            if bends {
                refine(f, a, middle, depth: depth + 1, span: span, into: &pieces)
                refine(f, middle, b, depth: depth + 1, span: span, into: &pieces)
                return
            }
        } else if !bothFinite || abs(b.y - a.y) > jumpFraction * span {
            pieces.append([])
        }
        Self.add(b, to: &pieces)
    }

    /// Appends `point` to the last piece, or ends the piece at a non-finite value.
    private static func add(_ point: Plot.Point, to pieces: inout [[Plot.Point]]) {
        guard point.y.isFinite else {
            if pieces.last?.isEmpty == false { pieces.append([]) }
            return
        }
        pieces[pieces.count - 1].append(point)
    }

    /// The parts of a piece inside `lower`…`upper`, each ended where the curve crosses the edge.
    static func clipped(_ piece: [Plot.Point], _ lower: Double, _ upper: Double) -> [[Plot.Point]] {
        func inside(_ p: Plot.Point) -> Bool { p.y >= lower && p.y <= upper }
        func crossing(_ a: Plot.Point, _ b: Plot.Point, _ level: Double) -> Plot.Point {
            Plot.Point(a.x + (b.x - a.x) * (level - a.y) / (b.y - a.y), level)
        }
        var result: [[Plot.Point]] = [[]]
        for (index, point) in piece.enumerated() {
            let previous = index > 0 ? piece[index - 1] : nil
            if inside(point) {
                if let previous, !inside(previous) {
                    result[result.count - 1].append(crossing(previous, point, previous.y > upper ? upper : lower))
                }
                result[result.count - 1].append(point)
            } else if let previous, inside(previous) {
                result[result.count - 1].append(crossing(previous, point, point.y > upper ? upper : lower))
                result.append([])
            } else if let previous, (previous.y > upper) != (point.y > upper) {
                result[result.count - 1] += [
                    crossing(previous, point, previous.y > upper ? upper : lower),
                    crossing(previous, point, point.y > upper ? upper : lower),
                ]
                result.append([])
            }
        }
        return result
    }
}
