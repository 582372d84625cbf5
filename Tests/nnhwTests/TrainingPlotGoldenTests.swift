import Foundation
import NNCore
import NNHomework
import Testing

/// The builders `optimize --plot` and `train --plot` will use, drawn in every plot format.
@Suite("Training plots: golden files in every format")
struct TrainingPlotGoldenTests {
    /// Gradient descent on the saddle f(x, y) = x² − y² from (1, 0.01), η = 0.25:
    /// x ← x − 2ηx halves, y ← y + 2ηy grows by 1.5 (by hand), so the iterates run along the ridge and stall.
    static func saddle() throws -> Plot {
        var point = [1.0, 0.01]
        var iterates = [point]
        for _ in 0..<8 {
            point = [point[0] * 0.5, point[1] * 1.5]
            iterates.append(point)
        }
        return TrainingPlots.contour(
            of: try Expression(parsing: "x^2 - y^2"), variables: ("x", "y"), x: -1.5...1.5, y: -1.5...1.5,
            iterates: iterates)
    }

    static let history = TrainingPlots.history(
        losses: [2.30, 1.52, 1.05, 0.81, 0.66, 0.58], accuracies: [0.12, 0.48, 0.66, 0.74, 0.79, 0.81])

    @Test(
        "contour with iterates and loss per epoch, in text, svg, latex and json",
        arguments: ["text", "svg", "latex", "json"])
    func golden(_ name: String) throws {
        let format = try #require(PictureFormat(rawValue: name))
        let ending = ["svg": "svg", "latex": "tex", "text": "txt", "json": "json"][name] ?? name
        assertSnapshot(try Self.saddle().rendered(format, width: 80), named: "picture-training-contour.\(ending)")
        assertSnapshot(Self.history.rendered(format, width: 80), named: "picture-training-history.\(ending)")
    }

    @Test(
        "the training plots' SVGs are well-formed and render (xmllint, rsvg-convert)",
        .enabled(
            if: ExternalTool.exists("xmllint") && ExternalTool.exists("rsvg-convert"),
            "xmllint or rsvg-convert is not installed (Debian: libxml2-utils, librsvg2-bin)"))
    func svgRenders() throws {
        for plot in [try Self.saddle(), Self.history] {
            let svg = Data(plot.rendered(.svg).utf8)
            #expect(try ExternalTool.run("xmllint", ["--noout", "-"], input: svg).status == 0)
            let png = try ExternalTool.run("rsvg-convert", ["--format", "png"], input: svg)
            #expect(png.status == 0 && png.output.count > 5000)
        }
    }

    @Test(
        "the training plots' pgfplots figures compile (pdflatex)",
        .enabled(
            if: ExternalTool.exists("pdflatex"),
            "pdflatex is not installed (Debian: texlive-latex-base, texlive-pictures)"))
    func latexCompiles() throws {
        for plot in [try Self.saddle(), Self.history] {
            let folder = try ExternalTool.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try plot.rendered(.latex, standalone: true).write(
                to: folder.appendingPathComponent("p.tex"), atomically: true, encoding: .utf8)
            let run = try ExternalTool.run(
                "pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "p.tex"], in: folder)
            #expect(run.status == 0)
        }
    }
}
