import NNHomework

/// `nnhw notation`: the notations `--notation` offers.
enum NotationCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "notation",
        summary: "list the notations --notation offers (which letter is the pre-activation, the activation, the loss)",
        options: [.flag("--list", "list the notations (the default)")],
        details: [
            "Use a notation with forward, backward or gradcheck --net: --notation s/a",
            "Change the loss letter or the prediction's accent after the name: --notation z/a,loss=L,prediction=tilde",
            "JSON keys never change: \"a\" is always the pre-activation and \"z\" the activation.",
        ],
        examples: ["nnhw notation --list", "nnhw backward --example relu-3-layer --notation s/a"],
        run: { _ throws(InputError) in
            let width = Notation.presets.map { $0.notation.name.count }.max() ?? 0
            var lines = ["Notations (--notation NAME[,loss=L|C|E|J][,prediction=hat|tilde]):"]
            for (notation, aliases) in Notation.presets {
                let padding = String(repeating: " ", count: width - notation.name.count + 2)
                let also = aliases.isEmpty ? "" : " (also: \(aliases.joined(separator: ", ")))"
                lines.append("  \(notation.name)\(padding)\(notation.summary)\(also)")
            }
            lines.append("The default is a/z.")
            return Output(text: lines.joined(separator: "\n") + "\n")
        })
}
