import NNHomework

/// `nnhw completions bash|zsh|fish`: a shell completion script for every subcommand and option.
enum CompletionsCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "completions",
        summary: "a shell completion script for bash, zsh or fish",
        arguments: [Option.value("SHELL", nil, .choice(Completions.shells), "the shell", presence: .required)],
        options: [],
        details: [
            "bash: eval \"$(nnhw completions bash)\" in ~/.bashrc",
            "zsh:  nnhw completions zsh > \"${fpath[1]}/_nnhw\"",
            "fish: nnhw completions fish > ~/.config/fish/completions/nnhw.fish",
        ],
        examples: ["nnhw completions bash", "nnhw completions fish"],
        run: { values throws(InputError) in
            Output(text: Completions.script(for: values.text("SHELL") ?? "bash", subcommands: Registry.subcommands))
        })
}
