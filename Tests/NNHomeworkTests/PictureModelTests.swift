import Foundation
import NNCore
import Testing

@testable import NNHomework

@Suite("Pictures: ticks, sampling, graphs and the training plot builders")
struct PictureModelTests {
    @Test(
        "ticks are round multiples inside the range",
        arguments: [
            (-3.0, 3.0, [-3.0, -2, -1, 0, 1, 2, 3]), (0.001, 1, [0.2, 0.4, 0.6, 0.8, 1]),
            (-0.2, 1.2, [0, 0.5, 1]), (0, 250, [0, 50, 100, 150, 200, 250]),
        ])
    func ticks(lower: Double, upper: Double, expected: [Double]) {
        #expect(Ticks.round(from: lower, to: upper) == expected)
    }

    @Test("a sign change and the ReLU kink are sampled exactly; the jump of sign has its three values")
    func breaks() {
        let sign = FunctionCurve.activation(Activation(.sign), derivative: false)
        let plot = FunctionPlot.plot([sign], from: -2, to: 2, title: "", xLabel: "x", yLabel: "y")
        let markers = plot.series[0].markers
        // sign(0) = 0 is taken; −1 and 1 are the limits (torch.sign).
        #expect(markers.contains(Plot.Marker(.filled, at: Plot.Point(0, 0))))
        #expect(markers.contains(Plot.Marker(.open, at: Plot.Point(0, -1))))
        #expect(markers.contains(Plot.Marker(.open, at: Plot.Point(0, 1))))
        #expect(plot.series[0].segments.count == 2)
        let relu = FunctionCurve.activation(Activation(.relu), derivative: false)
        let drawn = FunctionPlot.plot([relu], from: -1, to: 1, title: "", xLabel: "x", yLabel: "y")
        #expect(drawn.series[0].markers == [Plot.Marker(.kink, at: Plot.Point(0, 0))])
        #expect(drawn.series[0].segments.count == 1)
        #expect(drawn.series[0].segments[0].contains(Plot.Point(0, 0)))
    }

    @Test("a formula's kinks are found where abs's argument changes sign: |x − 1/3| at x = 1/3")
    func formulaKink() throws {
        let f = try Expression(parsing: "abs(x - 1/3)")
        let curve = FunctionCurve.formula(f, variable: "x", derivative: true, from: -1, to: 1)
        #expect(curve.breaks.count == 1)
        #expect(abs((curve.breaks.first?.x ?? 0) - 1.0 / 3) < 1e-15)
        let plot = FunctionPlot.plot([curve], from: -1, to: 1, title: "", xLabel: "x", yLabel: "y")
        // abs′ = sign: −1 then 1, and 0 at the kink itself (the expression language's convention).
        #expect(plot.series[0].markers.filter { $0.kind == .filled }.map(\.point.y) == [0])
        #expect(Set(plot.series[0].markers.filter { $0.kind == .open }.map(\.point.y)) == [-1, 1])
    }

    @Test("an asymptote of a formula is a gap, not a spike: 1/x on [−1, 1]")
    func asymptote() throws {
        let f = try Expression(parsing: "1/x")
        let curve = FunctionCurve.formula(f, variable: "x", derivative: false, from: -1, to: 1)
        let plot = FunctionPlot.plot([curve], from: -1, to: 1, title: "", xLabel: "x", yLabel: "y", yRange: (-10, 10))
        let segments = plot.series[0].segments
        #expect(segments.count == 2)
        #expect(segments.allSatisfy { segment in segment.allSatisfy { ($0.x < 0) == (segment[0].x < 0) } })
        #expect(segments.joined().allSatisfy { abs($0.y) <= 10 })
    }

    @Test("the loss slices: ℓ and dℓ/dx agree with central differences for every loss of the catalogue")
    func lossSlices() throws {
        for (name, _) in LossSpec.names {
            let loss = try LossSpec.decode(JSONCursor(value: .string(name), path: "", rootName: "NAME"))
            let slice = LossCurve(loss)
            for x in [slice.lower + 0.2 * (slice.upper - slice.lower), slice.lower + 0.7 * (slice.upper - slice.lower)]
            where !slice.kinks.contains(x) {
                let h = 1e-6
                let numeric = (slice.value(x + h, derivative: false) - slice.value(x - h, derivative: false)) / (2 * h)
                let analytic = slice.value(x, derivative: true)
                #expect(abs(numeric - analytic) <= 1e-5 * max(1, abs(analytic)), "\(name) at \(x)")
            }
        }
    }

    @Test("the graph of x·x + x: one node for x, whose gradient sums its three uses (2x + 1 = 7 at x = 3)")
    func sharedNode() throws {
        let graph = ComputationalGraph(try Expression(parsing: "x*x + x"), at: ["x": 3])
        #expect(graph.nodes.count == 3)
        #expect(graph.nodes.last?.value == 12)
        #expect(graph.variableGradients.map(\.gradient) == [7])
    }

    @Test("the contour builder: level lines of the saddle x² − y² at round levels, the iterates drawn over them")
    func contour() throws {
        let f = try Expression(parsing: "x^2 - y^2")
        let iterates: [[Double]] = [[1, 0.01], [0.5, 0.012], [0.25, 0.0144], [5, 5]]
        let plot = TrainingPlots.contour(of: f, variables: ("x", "y"), x: -2...2, y: -2...2, iterates: iterates)
        let contours = plot.series.filter { if case .contour = $0.style { true } else { false } }
        #expect(!contours.isEmpty)
        for series in contours {
            guard case .contour(let level) = series.style else { continue }
            // Every point of a level line lies on f = level, up to the grid's linear interpolation.
            for point in series.segments.joined() {
                #expect(abs(point.x * point.x - point.y * point.y - level) < 0.01, "\(point) on \(level)")
            }
        }
        let path = try #require(plot.series.last)
        #expect(path.style == .iterates)
        #expect(path.segments == [[Plot.Point(1, 0.01), Plot.Point(0.5, 0.012), Plot.Point(0.25, 0.0144)]])
        #expect(PlotSVGWriter().svg(plot).contains("<circle cx="))
    }

    @Test("the history builder: loss and accuracy per epoch from plain numbers")
    func history() {
        let plot = TrainingPlots.history(losses: [2.3, 1.1, 0.6], accuracies: [0.1, 0.5, 0.8])
        #expect(plot.series.map(\.name) == ["loss", "accuracy"])
        #expect(plot.series[0].segments == [[Plot.Point(1, 2.3), Plot.Point(2, 1.1), Plot.Point(3, 0.6)]])
        #expect(plot.x.label == "epoch")
        #expect(plot.y.lower <= 0 && plot.y.upper >= 2.3)
        #expect(PlotTextWriter(width: 60).text(plot).contains("⠶ accuracy"))
    }

    @Test("ASCII coordinates: rounded, trailing zeros dropped, no exponent")
    func coordinates() {
        #expect(PictureNumber.ascii(344, decimals: 2) == "344")
        #expect(PictureNumber.ascii(-0.25, decimals: 2) == "-0.25")
        #expect(PictureNumber.ascii(1e-7, decimals: 6) == "0")
        #expect(PictureNumber.ascii(0.000065, decimals: 6) == "0.000065")
        #expect(PictureNumber.ascii(12.5049, decimals: 2) == "12.5")
    }
}
