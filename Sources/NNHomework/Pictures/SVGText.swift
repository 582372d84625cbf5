/// Text escaped for SVG, which is XML: & < > " become entities.
enum SVGText {
    /// The font stack every SVG names: fonts found on Linux, macOS and Windows alike.
    static let fontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif"

    /// `text` with the characters XML reserves written as entities.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The colours of the series, in order (matplotlib's tab10).
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    /// The colour of series `index`.
    static func colour(_ index: Int) -> String { palette[index % palette.count] }
}
