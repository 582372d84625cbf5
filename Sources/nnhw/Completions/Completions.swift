/// Shell completion scripts, derived from the registry of subcommands:
/// subcommand names with their summaries, each subcommand's options with
/// their help, the names of choices, and file names where an option reads a file.
enum Completions {
    /// The shells scripts are written for.
    static let shells = ["bash", "zsh", "fish"]

    /// The script for `shell` (one of ``shells``) completing `subcommands`.
    static func script(for shell: String, subcommands: [Subcommand]) -> String {
        switch shell {
        case "zsh": zsh(subcommands)
        case "fish": fish(subcommands)
        default: bash(subcommands)
        }
    }

    /// The words completed right after `nnhw`.
    private static func topLevelWords(_ subcommands: [Subcommand]) -> [String] {
        subcommands.map(\.name) + ["help", "--help", "--version"]
    }

    private static func bash(_ subcommands: [Subcommand]) -> String {
        var lines = [
            "# bash completion for nnhw: eval \"$(nnhw completions bash)\"",
            "_nnhw() {",
            "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"",
            "    if [[ $COMP_CWORD -eq 1 ]]; then",
            "        COMPREPLY=($(compgen -W \"\(topLevelWords(subcommands).joined(separator: " "))\" -- \"$cur\"))",
            "        return",
            "    fi",
            "    case \"${COMP_WORDS[1]}\" in",
        ]
        for subcommand in subcommands {
            lines.append("    \(subcommand.name))")
            lines.append("        case \"$prev\" in")
            for option in subcommand.options where !option.isFlag {
                if !option.choices.isEmpty {
                    let words = option.choices.joined(separator: " ")
                    lines.append(
                        "            \(option.name)) COMPREPLY=($(compgen -W \"\(words)\" -- \"$cur\")); return ;;")
                } else if option.takesFile {
                    lines.append("            \(option.name)) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;")
                } else {
                    lines.append("            \(option.name)) return ;;")
                }
            }
            lines.append("        esac")
            var words = subcommand.options.map(\.name) + ["--help"]
            for argument in subcommand.arguments { words += argument.choices }
            lines.append("        COMPREPLY=($(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\")) ;;")
        }
        lines += ["    esac", "}", "complete -F _nnhw nnhw"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func zsh(_ subcommands: [Subcommand]) -> String {
        var lines = [
            "#compdef nnhw",
            "# zsh completion for nnhw: nnhw completions zsh > \"${fpath[1]}/_nnhw\"",
            "_nnhw() {",
            "    local -a subcommands",
            "    subcommands=(",
        ]
        for subcommand in subcommands {
            lines.append("        '\(subcommand.name):\(zshQuoted(subcommand.summary))'")
        }
        lines += [
            "    )",
            "    if (( CURRENT == 2 )); then",
            "        _describe 'subcommand' subcommands",
            "        return",
            "    fi",
            "    case $words[2] in",
        ]
        for subcommand in subcommands {
            lines.append("    \(subcommand.name))")
            var specs = subcommand.options.map { option in
                let prefix = option.isRepeatable ? "*" : ""
                let description = "\(prefix)\(option.name)[\(zshQuoted(zshBracketed(option.help)))]"
                guard !option.isFlag else { return "'\(description)'" }
                let value = zshQuoted(option.valueName ?? "VALUE").replacing(":", with: "\\:")
                if !option.choices.isEmpty {
                    return "'\(description):\(value):(\(option.choices.joined(separator: " ")))'"
                }
                return "'\(description):\(value):\(option.takesFile ? "_files" : " ")'"
            }
            for argument in subcommand.arguments {
                specs.append("':\(zshQuoted(argument.name)):(\(argument.choices.joined(separator: " ")))'")
            }
            lines.append("        _arguments \\")
            lines += specs.map { "            \($0) \\" }
            lines.append("            '(-h --help)'{-h,--help}'[show the help]' ;;")
        }
        lines += ["    esac", "}", "_nnhw \"$@\""]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func fish(_ subcommands: [Subcommand]) -> String {
        var lines = [
            "# fish completion for nnhw: nnhw completions fish > ~/.config/fish/completions/nnhw.fish",
            "complete -c nnhw -f",
        ]
        for subcommand in subcommands {
            lines.append(
                "complete -c nnhw -n __fish_use_subcommand -a \(subcommand.name) -d '\(fishQuoted(subcommand.summary))'"
            )
        }
        for subcommand in subcommands {
            let condition = "-n '__fish_seen_subcommand_from \(subcommand.name)'"
            for option in subcommand.options {
                var line = "complete -c nnhw \(condition) -l \(option.name.dropFirst(2))"
                if !option.choices.isEmpty {
                    line += " -x -a '\(option.choices.joined(separator: " "))'"
                } else if option.takesFile {
                    line += " -r -F"
                } else if !option.isFlag {
                    line += " -x"
                }
                lines.append(line + " -d '\(fishQuoted(option.help))'")
            }
            for argument in subcommand.arguments {
                lines.append("complete -c nnhw \(condition) -a '\(argument.choices.joined(separator: " "))'")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` inside a single-quoted zsh word.
    private static func zshQuoted(_ text: String) -> String { text.replacing("'", with: "'\\''") }

    /// `text` inside the brackets of an `_arguments` description.
    private static func zshBracketed(_ text: String) -> String {
        text.replacing("[", with: "\\[").replacing("]", with: "\\]")
    }

    /// `text` inside a single-quoted fish word.
    private static func fishQuoted(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
    }
}
