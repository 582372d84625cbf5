/// Plots of functions of one variable: the y axis fitted to the curves,
/// each curve sampled by ``CurveSampler`` and clipped to the axes.
public enum FunctionPlot {
    /// Values beyond ±10¹² are left out of the fitted y range, as an asymptote is.
    public static let limit = 1e12

    /// The plot of `curves` over `lower`…`upper`.
    ///
    /// The y range is `yRange` where given; otherwise it spans the finite
    /// values of the curves on a uniform grid up to ±``limit`` (an asymptote at
    /// an end of the range is left out of the fit and clipped), widened by 5%
    /// and then to round ticks.
    ///
    /// - Precondition: `lower < upper`, both within ±``limit``, `yRange` within it too, and `curves` is not empty.
    public static func plot(
        _ curves: [FunctionCurve], from lower: Double, to upper: Double, title: String, xLabel: String,
        yLabel: String, yRange: (lower: Double?, upper: Double?) = (nil, nil)
    ) -> Plot {
        precondition(lower < upper && abs(lower) <= limit && abs(upper) <= limit, "A plot needs a bounded range")
        let sampler = CurveSampler()
        let values = curves.flatMap { sampler.overview($0.evaluate, from: lower, to: upper, breaks: $0.breaks) }
            .filter { abs($0) <= limit }
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        let margin = 0.05 * (high - low)
        let fitted = Ticks.rounded(low - margin, high + margin)
        let yLower = yRange.lower ?? min(fitted.lower, (yRange.upper ?? fitted.upper) - 1)
        let yUpper = yRange.upper ?? max(fitted.upper, yLower + 1)
        let series = curves.map { curve in
            let sampled = sampler.sample(
                curve.evaluate, from: lower, to: upper, breaks: curve.breaks, yLower: yLower, yUpper: yUpper)
            return Plot.Series(name: curve.name, segments: sampled.segments, markers: sampled.markers)
        }
        return Plot(
            title: title, x: Plot.Axis(label: xLabel, lower: lower, upper: upper),
            y: Plot.Axis(label: yLabel, lower: yLower, upper: yUpper), series: series)
    }
}
