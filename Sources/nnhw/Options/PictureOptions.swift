import NNHomework

/// The options of the subcommands that draw a picture (`plot`, `diagram`):
/// its format, the file it goes to, the text width and a standalone LaTeX document.
enum PictureOptions {
    /// `--format`, `--output`, `--width`, `--standalone`, for pictures in `formats`.
    static func options(_ formats: [PictureFormat]) -> [Option] {
        [
            .value("--format", nil, .choice(formats.map(\.rawValue)), "picture format", default: "text"),
            .value(
                "--output", "FILE", .text,
                "write the picture to FILE (format from --format, else from .svg .tex .dot .json .txt); markdown links it"
            ),
            .value(
                "--width", "N", .whole(30...1000),
                "width of a text picture in characters (default: the terminal's, else 80)"),
            .flag("--standalone", "with latex: a complete document for pdflatex"),
        ]
    }

    /// The format of stdout (`--format`, or markdown), and of the file `--output` names.
    ///
    /// - Throws: a usage error for `--standalone` without latex, or an `--output`
    ///   whose extension names no picture format when `--format` does not say.
    static func formats(_ values: OptionValues, accepted: [PictureFormat]) throws(InputError) -> (
        shown: PictureFormat, file: PictureFormat?
    ) {
        let given = values.isGiven("--format") ? values.text("--format").flatMap(PictureFormat.init(rawValue:)) : nil
        guard let path = values.text("--output") else {
            let shown = given ?? .text
            if values.has("--standalone") && shown != .latex { throw InputError(.latexOnly("--standalone")) }
            return (shown, nil)
        }
        var file = given == .markdown ? nil : given
        if file == nil { file = PictureFormat(fileName: path) }
        guard let file, file != .markdown, accepted.contains(file) else {
            let names = accepted.filter { $0 != .markdown }.map(\.rawValue).joined(separator: ", ")
            throw InputError(at: "--output", .invalid("\"\(path)\" names no picture format; give --format \(names)"))
        }
        if values.has("--standalone") && file != .latex { throw InputError(.latexOnly("--standalone")) }
        return (given == .markdown ? .markdown : file, file)
    }

    /// The text width: `--width`, else the terminal's, else 80.
    static func width(_ values: OptionValues) -> Int {
        values.whole("--width") ?? System.terminalWidth() ?? 80
    }

    /// What to print and write for a picture drawn by `draw` in a format: without
    /// `--output` the picture on stdout; with it the picture in the file and, for
    /// markdown, a link `![title](FILE)` on stdout.
    static func output(
        _ values: OptionValues, accepted: [PictureFormat], title: String,
        draw: (PictureFormat) throws(InputError) -> String
    ) throws(InputError) -> Output {
        let (shown, file) = try formats(values, accepted: accepted)
        guard let file, let path = values.text("--output") else { return Output(text: try draw(shown)) }
        let link = shown == .markdown ? "![\(title)](\(path))\n" : ""
        return Output(text: link, files: [WrittenFile(path: path, contents: try draw(file))])
    }
}
