import NNCore

/// The plots of an optimizer's run and of training, from plain numbers:
/// iterates over the contour lines of a two-variable f, and the loss (and
/// accuracy) per epoch. `nnhw optimize --plot` and `nnhw train --plot` draw these.
public enum TrainingPlots {
    /// The contour lines of f(x, y) over the box `x`, `y` at round levels (about
    /// `levels` of them), found by marching squares on a 80 × 80 grid, with the
    /// iterates (x⁽ᵏ⁾, y⁽ᵏ⁾) drawn over them as a path; iterates outside the box are cut at its edge.
    ///
    /// - Precondition: f has at most the two variables named, each range is
    ///   finite and not empty, and every iterate has two entries.
    public static func contour(
        of f: Expression, variables: (x: String, y: String), x: ClosedRange<Double>, y: ClosedRange<Double>,
        iterates: [[Double]], levels: Int = 12, title: String? = nil
    ) -> Plot {
        precondition(iterates.allSatisfy { $0.count == 2 }, "Each iterate is a point (x, y)")
        precondition(x.upperBound > x.lowerBound && y.upperBound > y.lowerBound, "A contour plot needs a box")
        let n = 80
        func value(_ i: Int, _ j: Int) -> Double {
            let point = [
                variables.x: x.lowerBound + (x.upperBound - x.lowerBound) * Double(i) / Double(n),
                variables.y: y.lowerBound + (y.upperBound - y.lowerBound) * Double(j) / Double(n),
            ]
            return (try? f.value(at: point)) ?? .nan
        }
        var grid = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n + 1)
        for i in 0...n { for j in 0...n { grid[i][j] = value(i, j) } }
        let finite = grid.joined().filter(\.isFinite)
        var series: [Plot.Series] = []
        if let low = finite.min(), let high = finite.max(), high > low {
            for level in Ticks.round(from: low, to: high, count: levels) where level > low && level < high {
                let segments = joined(marchingSquares(grid, level: level, x: x, y: y))
                if !segments.isEmpty {
                    series.append(Plot.Series(name: nil, style: .contour(level: level), segments: segments))
                }
            }
        }
        let path = iterates.map { Plot.Point($0[0], $0[1]) }
        let inside = path.filter { x.contains($0.x) && y.contains($0.y) }
        series.append(Plot.Series(name: "iterates", style: .iterates, segments: inside.count >= 1 ? [inside] : []))
        let shown = PictureText.plain(Prose(MathExpression(f, division: .slash)))
        return Plot(
            title: title ?? "f(\(variables.x), \(variables.y)) = \(shown)",
            x: Plot.Axis(label: variables.x, lower: x.lowerBound, upper: x.upperBound),
            y: Plot.Axis(label: variables.y, lower: y.lowerBound, upper: y.upperBound), series: series)
    }

    /// The segments of the contour f = level on a grid of values `grid[i][j]` at
    /// the box's points, each crossing of a cell edge interpolated linearly.
    static func marchingSquares(
        _ grid: [[Double]], level: Double, x: ClosedRange<Double>, y: ClosedRange<Double>
    ) -> [[Plot.Point]] {
        let n = grid.count - 1
        func point(_ i: Double, _ j: Double) -> Plot.Point {
            Plot.Point(
                x.lowerBound + (x.upperBound - x.lowerBound) * i / Double(n),
                y.lowerBound + (y.upperBound - y.lowerBound) * j / Double(n))
        }
        var segments: [[Plot.Point]] = []
        for i in 0..<n {
            for j in 0..<n {
                let corners = [(0, 0), (1, 0), (1, 1), (0, 1)].map { (di, dj) in
                    (i: Double(i + di), j: Double(j + dj), v: grid[i + di][j + dj])
                }
                guard corners.allSatisfy({ $0.v.isFinite }) else { continue }
                var crossings: [Plot.Point] = []
                for k in 0..<4 {
                    let a = corners[k]
                    let b = corners[(k + 1) % 4]
                    guard (a.v < level) != (b.v < level) else { continue }
                    let t = (level - a.v) / (b.v - a.v)
                    crossings.append(point(a.i + t * (b.i - a.i), a.j + t * (b.j - a.j)))
                }
                if crossings.count == 2 { segments.append(crossings) }
                if crossings.count == 4 {
                    segments.append([crossings[0], crossings[1]])
                    segments.append([crossings[2], crossings[3]])
                }
            }
        }
        return segments
    }

    /// The two-point segments of a contour joined into polylines where one ends at another's end.
    static func joined(_ segments: [[Plot.Point]]) -> [[Plot.Point]] {
        struct Key: Hashable {
            let x: Int64
            let y: Int64
            init(_ point: Plot.Point) {
                x = Int64((point.x * 1e9).rounded())
                y = Int64((point.y * 1e9).rounded())
            }
        }
        var byEnd: [Key: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            for point in [segment[0], segment[1]] { byEnd[Key(point), default: []].append(index) }
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [[Plot.Point]] = []
        func next(after point: Plot.Point) -> Plot.Point? {
            guard let index = byEnd[Key(point)]?.first(where: { !used[$0] }) else { return nil }
            used[index] = true
            return Key(segments[index][0]) == Key(point) ? segments[index][1] : segments[index][0]
        }
        for index in segments.indices where !used[index] {
            used[index] = true
            var line = segments[index]
            while let point = next(after: line[line.count - 1]) { line.append(point) }
            while let point = next(after: line[0]) { line.insert(point, at: 0) }
            lines.append(line)
        }
        return lines
    }

    /// The loss per epoch 1, 2, … as a curve, and the accuracy per epoch as a
    /// second one when given (both on one axis, so accuracies are fractions 0…1).
    ///
    /// - Precondition: `losses` is not empty and every value is finite;
    ///   `accuracies`, when given, has one entry per epoch.
    public static func history(losses: [Double], accuracies: [Double]? = nil, title: String = "Training") -> Plot {
        precondition(!losses.isEmpty && losses.allSatisfy(\.isFinite), "A loss per epoch, each finite")
        precondition(
            accuracies.map { $0.count == losses.count && $0.allSatisfy(\.isFinite) } ?? true, "An accuracy per epoch")
        let values = losses + (accuracies ?? [])
        let low = min(0, values.min() ?? 0)
        let high = values.max() ?? 1
        let range = Ticks.rounded(low, high + 0.05 * (high - low))
        let epochs = Double(losses.count)
        var series = [
            Plot.Series(name: "loss", segments: [losses.enumerated().map { Plot.Point(Double($0 + 1), $1) }])
        ]
        if let accuracies {
            series.append(
                Plot.Series(
                    name: "accuracy", segments: [accuracies.enumerated().map { Plot.Point(Double($0 + 1), $1) }]))
        }
        return Plot(
            title: title, x: Plot.Axis(label: "epoch", lower: 1, upper: max(2, epochs)),
            y: Plot.Axis(label: accuracies == nil ? "loss" : "loss, accuracy", lower: range.lower, upper: range.upper),
            series: series)
    }
}
