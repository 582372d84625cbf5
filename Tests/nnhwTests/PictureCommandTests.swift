import Foundation
import Testing

/// Issue 19: `nnhw plot`, `nnhw diagram` and `backward --diagram`, end to end.
@Suite("nnhw plot and nnhw diagram end to end")
struct PictureCommandTests {
    @Test("acceptance D: every picture kind in every format matches its golden file", arguments: PictureCase.all)
    func golden(_ picture: PictureCase) throws {
        let result = try CommandRunner.run(picture.commandLine)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "")
        assertSnapshot(result.output, named: picture.snapshotName)
    }

    /// The SVG's circles of one class (`open`, `filled`) as (cx, cy).
    private func circles(_ svg: String, kind: String) -> [(Double, Double)] {
        svg.split(separator: "\n").filter { $0.contains("<circle class=\"\(kind)\"") }.map { line in
            func attribute(_ name: String) -> Double {
                guard let start = line.range(of: "\(name)=\"") else { return .nan }
                return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            return (attribute("cx"), attribute("cy"))
        }
    }

    @Test(
        "acceptance B: ReLU′ has both axis labels, tick labels, a legend entry, one open and one filled circle at x = 0"
    )
    func reluDerivative() throws {
        let svg = try CommandRunner.run(["plot", "relu", "--derivative", "--format", "svg"]).output
        #expect(svg.contains(">x</text>"))
        #expect(svg.contains(">f′(x)</text>"))
        for tick in ["−3", "−2", "−1", "0", "1", "2", "3", "0.2", "0.4", "0.6", "0.8"] {
            #expect(svg.contains(">\(tick)</text>"), "\(tick)")
        }
        #expect(svg.contains("<g class=\"legend\">"))
        #expect(svg.contains(">ReLU′(x)</text>"))
        let open = circles(svg, kind: "open")
        let filled = circles(svg, kind: "filled")
        try #require(open.count == 1 && filled.count == 1)
        // x = 0 is the middle of the frame: 72 + (640 − 72 − 24)/2 = 344 px.
        #expect(open[0].0 == 344 && filled[0].0 == 344)
        #expect(open[0].1 < filled[0].1, "the open circle is the limit 1 from the right, above the filled value 0")
        let json = try CommandRunner.json(["plot", "relu", "--derivative"])
        let series = try #require((json["series"] as? [[String: Any]])?.first)
        let markers = try #require(series["markers"] as? [[String: Any]])
        #expect(markers.count == 2)
        #expect(
            markers.contains { $0["kind"] as? String == "filled" && $0["x"] as? Double == 0 && $0["y"] as? Double == 0 }
        )
        #expect(
            markers.contains { $0["kind"] as? String == "open" && $0["x"] as? Double == 0 && $0["y"] as? Double == 1 })
    }

    @Test("acceptance B: the cross-entropy plot has no point above its clipped range and no spike at p → 0")
    func crossEntropyClipped() throws {
        for arguments in [
            ["plot", "cross_entropy"],
            ["plot", "--f", "-ln(p)", "--var", "p", "--from", "0.001", "--to", "1"],
        ] {
            let json = try CommandRunner.json(arguments)
            let y = try #require(json["y"] as? [String: Any])
            let range = try #require(y["range"] as? [Double])
            let series = try #require(json["series"] as? [[String: Any]])
            let segments = try #require(series.first?["segments"] as? [[[Double]]])
            let points = segments.joined()
            #expect(!points.isEmpty)
            #expect(points.allSatisfy { $0[1] <= range[1] && $0[1] >= range[0] }, "a point outside \(range)")
            // No spike: between neighbouring points the curve never moves more than a tenth of the y range.
            for segment in segments {
                for (a, b) in zip(segment, segment.dropFirst()) {
                    #expect(abs(b[1] - a[1]) <= 0.1 * (range[1] - range[0]), "a step from \(a) to \(b)")
                }
            }
            // −ln p is drawn to within 1e-9 of the exact values (an independent evaluation), but where it is cut at the edge.
            for point in points where point[0] > 0 && point[1] < range[1] {
                #expect(abs(point[1] - -log(point[0])) <= 1e-9 * max(1, abs(point[1])))
            }
        }
        let named = try CommandRunner.json(["plot", "cross_entropy"])
        let range = try #require((named["y"] as? [String: Any])?["range"] as? [Double])
        let first = try #require(
            ((named["series"] as? [[String: Any]])?.first?["segments"] as? [[[Double]]])?.first?.first)
        #expect(first[1] == range[1], "−ln p is infinite at p = 0: the curve starts on the top edge, clipped")
        #expect(range[1] < 20)
    }

    @Test("acceptance C: the staged table of tanh(a·b + c) at a = 1, b = −2, c = 3")
    func stagedTable() throws {
        // Independent values: tanh(1) and 1 − tanh²(1) from Foundation; ∂f/∂a = b(1 − tanh²(1)), ∂f/∂b = a(1 − tanh²(1)).
        let t = tanh(1.0)
        let local = 1 - t * t
        let text = try CommandRunner.run(["diagram", "--f", "tanh(a*b + c)", "--at", "a=1,b=-2,c=3", "--width", "120"])
            .output
        let rows = text.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("a b ") && $0.contains("−2") })
        #expect(rows.contains { $0.hasPrefix("a b + c ") && $0.contains("  1  ") })
        #expect(
            rows.contains { $0.hasPrefix("f ") && $0.contains("0.7616") && $0.contains("1 − tanh(a b + c)² = 0.4200") })
        #expect(text.contains("(1) ∂f/∂a = −0.8399"))
        #expect(text.contains("(2) ∂f/∂b = 0.4200"))
        #expect(text.contains("(3) ∂f/∂c = 0.4200"))
        let json = try CommandRunner.json(["diagram", "--f", "tanh(a*b + c)", "--at", "a=1,b=-2,c=3"])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        func node(_ name: String) -> [String: Any]? { nodes.first { $0["name"] as? String == name } }
        #expect(node("a b")?["value"] as? Double == -2)
        #expect(node("a b + c")?["value"] as? Double == 1)
        #expect(abs((node("f")?["value"] as? Double ?? 0) - t) < 1e-15)
        #expect(abs(((node("f")?["local_gradients"] as? [Double])?.first ?? 0) - local) < 1e-15)
        let gradient = try #require(json["gradient"] as? [String: Double])
        #expect(abs((gradient["a"] ?? 0) - -2 * local) < 1e-15)
        #expect(abs((gradient["b"] ?? 0) - local) < 1e-15)
        #expect(abs((gradient["c"] ?? 0) - local) < 1e-15)
    }

    @Test(
        "--output writes the picture and markdown links it; backward --diagram writes the network beside the solution")
    func files() throws {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("relu.svg").path
        let linked = try CommandRunner.run(["plot", "relu", "--format", "markdown", "--output", svg])
        #expect(linked.status == 0)
        #expect(linked.output == "![ReLU](\(svg))\n")
        let written = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(written == (try CommandRunner.run(["plot", "relu", "--format", "svg"]).output))
        let diagram = folder.appendingPathComponent("net.svg").path
        let backward = try CommandRunner.run(["backward", "--example", "relu-3-layer", "--diagram", diagram])
        #expect(backward.status == 0)
        #expect(backward.output == (try CommandRunner.run(["backward", "--example", "relu-3-layer"]).output))
        let drawn = try String(contentsOfFile: diagram, encoding: .utf8)
        #expect(
            drawn
                == (try CommandRunner.run(["diagram", "--example", "relu-3-layer", "--values", "--format", "svg"])
                    .output))
        // δ⁽³⁾ = −4 and δ₁⁽²⁾ = 8 of the worked solution (OUTPUT-EXAMPLES.md, by hand) are written beside their units.
        #expect(drawn.contains(">δ₁⁽³⁾ = −4</text>"))
        #expect(drawn.contains(">δ₁⁽²⁾ = 8</text>"))
        let unwritable = try CommandRunner.run(["plot", "relu", "--output", "/nonexistent-folder/x.svg"])
        #expect(unwritable.status == 73)
        #expect(unwritable.error.hasPrefix("nnhw: /nonexistent-folder/x.svg: cannot write: "))
        let unknown = try CommandRunner.run(["plot", "relu", "--output", "x.png"])
        #expect(unknown.status == 64)
        #expect(!FileManager.default.fileExists(atPath: CommandRunner.packageRoot.appendingPathComponent("x.png").path))
    }

    @Test(
        "acceptance A: every SVG is well-formed XML (xmllint)",
        .enabled(if: ExternalTool.exists("xmllint"), "xmllint is not installed (Debian: libxml2-utils)"),
        arguments: PictureCase.inFormat("svg"))
    func wellFormed(_ picture: PictureCase) throws {
        let svg = try CommandRunner.run(picture.commandLine).output
        let check = try ExternalTool.run("xmllint", ["--noout", "-"], input: Data(svg.utf8))
        #expect(check.status == 0, "\(check.error)")
    }

    @Test(
        "acceptance A: every SVG renders to a PNG that is not blank (rsvg-convert)",
        .enabled(if: ExternalTool.exists("rsvg-convert"), "rsvg-convert is not installed (Debian: librsvg2-bin)"),
        arguments: PictureCase.inFormat("svg"))
    func renders(_ picture: PictureCase) throws {
        let svg = try CommandRunner.run(picture.commandLine).output
        let png = try ExternalTool.run("rsvg-convert", ["--format", "png"], input: Data(svg.utf8))
        #expect(png.status == 0, "\(png.error)")
        #expect(png.output.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank picture of the same size compresses to a few hundred bytes; a drawn one is many times larger.
        let size = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<svg ") })
        let blank =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size.split(separator: " ").filter { $0.hasPrefix("width=") || $0.hasPrefix("height=") }.joined(separator: " "))><rect width=\"100%\" height=\"100%\" fill=\"white\"/></svg>"
        let empty = try ExternalTool.run("rsvg-convert", ["--format", "png"], input: Data(blank.utf8))
        #expect(empty.status == 0)
        #expect(
            png.output.count > 4 * empty.output.count, "\(png.output.count) bytes against \(empty.output.count) blank")
    }

    @Test(
        "acceptance A: every DOT file is read by Graphviz's dot",
        .enabled(if: ExternalTool.exists("dot"), "Graphviz's dot is not installed (Debian: graphviz)"),
        arguments: PictureCase.inFormat("dot"))
    func graphviz(_ picture: PictureCase) throws {
        let source = try CommandRunner.run(picture.commandLine).output
        let drawn = try ExternalTool.run("dot", ["-Tsvg"], input: Data(source.utf8))
        #expect(drawn.status == 0, "\(drawn.error)")
        #expect(String(decoding: drawn.output, as: UTF8.self).contains("<svg"))
    }

    @Test(
        "acceptance A: every TikZ and pgfplots figure compiles with pdflatex",
        .enabled(
            if: ExternalTool.exists("pdflatex"),
            "pdflatex is not installed (Debian: texlive-latex-base, texlive-pictures)"),
        arguments: PictureCase.inFormat("latex"))
    func compiles(_ picture: PictureCase) throws {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try CommandRunner.run(picture.commandLine + ["--standalone"]).output
        try source.write(to: folder.appendingPathComponent("picture.tex"), atomically: true, encoding: .utf8)
        let run = try ExternalTool.run(
            "pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "picture.tex"], in: folder)
        #expect(run.status == 0, "\(String(decoding: run.output, as: UTF8.self).suffix(800))")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("picture.pdf").path))
    }

    @Test("Deliver 5: the README's pictures in docs/pictures are what generate.sh draws now")
    func readmePictures() throws {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nnhw = try #require(CommandRunner.executable)
        let script = CommandRunner.packageRoot.appendingPathComponent("docs/pictures/generate.sh").path
        let run = try ExternalTool.run("bash", [script, nnhw.path, folder.path])
        try #require(run.status == 0, "\(run.error)")
        let drawn = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(drawn.count >= 6)
        let committed = CommandRunner.packageRoot.appendingPathComponent("docs/pictures")
        for name in drawn {
            let fresh = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let old = try? String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)
            #expect(fresh == old, "docs/pictures/\(name) is stale: run docs/pictures/generate.sh .build/debug/nnhw")
            let readme = try String(contentsOf: ReadmeExample.readme, encoding: .utf8)
            #expect(readme.contains("(docs/pictures/\(name))"), "README does not show docs/pictures/\(name)")
        }
    }
}
