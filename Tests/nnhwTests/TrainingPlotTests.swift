import Foundation
import Testing

/// The JSON object of a picture file.
private func picture(_ path: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
}

private func series(_ plot: [String: Any], named name: String) -> [[Double]] {
    let all = plot["series"] as? [[String: Any]] ?? []
    let found = all.first { $0["name"] as? String == name }
    let segments = found?["segments"] as? [[[NSNumber]]] ?? []
    return segments.flatMap { $0.map { $0.map(\.doubleValue) } }
}

@Suite("optimize --plot and train --plot (issue 19, Deliver 4)")
struct TrainingPlotTests {
    @Test("optimize --plot draws w₀ … w₃ of gradient descent on x² + 10y² over its contour lines")
    func optimizePlot() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-optimize-plot.json").path
        let run = try CommandRunner.run([
            "optimize", "--method", "sgd", "--f", "x^2 + 10*y^2", "--at", "x=1,y=1", "--lr", "0.05", "--steps", "3",
            "--plot", path,
        ])
        #expect(run.status == 0)
        let plot = try picture(path)
        // w ← w − 0.05 (2x, 20y): x is multiplied by 0.9 each step, y goes to 0 in one.
        let expected: [[Double]] = [[1, 1], [0.9, 0], [0.81, 0], [0.729, 0]]
        let iterates = series(plot, named: "iterates")
        #expect(iterates.count == 4)
        for (point, value) in zip(iterates, expected) {
            #expect(abs(point[0] - value[0]) <= 1e-12 && abs(point[1] - value[1]) <= 1e-12)
        }
        let contours = (plot["series"] as? [[String: Any]] ?? []).filter { $0["style"] as? String == "contour" }
        #expect(contours.count >= 3)
    }

    @Test("optimize --plot needs a two-variable --f, and a picture extension")
    func optimizePlotRefused() throws {
        let given = try CommandRunner.run([
            "optimize", "--method", "sgd", "--w", "0 0", "--grad", "1 0", "--plot", "/tmp/nnhw-given.svg",
        ])
        #expect(given.status == 64 || given.status == 65)
        #expect(given.error.contains("--plot: draws the iterates over the contour lines of a two-variable --f"))
        let extensionless = try CommandRunner.run([
            "optimize", "--method", "sgd", "--f", "x^2 + y^2", "--at", "x=1,y=1", "--plot", "/tmp/nnhw-plot",
        ])
        #expect(extensionless.error.contains("names no plot format"))
    }

    @Test(
        "the SVGs of optimize --plot and train --plot are well-formed and render (xmllint, rsvg-convert)",
        .enabled(
            if: ExternalTool.exists("xmllint") && ExternalTool.exists("rsvg-convert"),
            "xmllint or rsvg-convert is not installed (Debian: libxml2-utils, librsvg2-bin)"))
    func svgFiles() throws {
        let folder = FileManager.default.temporaryDirectory
        let runs: [(String, [String])] = [
            (
                "nnhw-optimize-plot.svg",
                ["optimize", "--method", "momentum", "--f", "x^2 - y^2", "--at", "x=1,y=0.01", "--lr", "0.1"]
            ),
            ("nnhw-train-plot.svg", ["train", "--net", "Examples/training/xor-2-2-1.json", "--epochs", "20"]),
        ]
        for (name, arguments) in runs {
            let path = folder.appendingPathComponent(name).path
            #expect(try CommandRunner.run(arguments + ["--plot", path]).status == 0)
            let svg = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(try ExternalTool.run("xmllint", ["--noout", "-"], input: svg).status == 0)
            let png = try ExternalTool.run("rsvg-convert", ["--format", "png"], input: svg)
            #expect(png.status == 0 && png.output.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test("train --plot draws the loss and accuracy of every epoch, the same numbers as the JSON epochs")
    func trainPlot() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-train-plot.json").path
        let arguments = ["train", "--net", "Examples/training/xor-2-2-1.json", "--epochs", "4", "--plot", path]
        let result = try CommandRunner.json(arguments)
        let epochs = try #require(result["epochs"] as? [[String: Any]])
        let plot = try picture(path)
        let losses = series(plot, named: "loss")
        #expect(losses.map { $0[0] } == [1, 2, 3, 4])
        #expect(losses.map { $0[1] } == epochs.compactMap { ($0["loss"] as? NSNumber)?.doubleValue })
        #expect(series(plot, named: "accuracy").count == 4)
    }
}
