#!/usr/bin/env python3
"""Reads what a TeX run wrote to its log: errors, missing characters and overfull boxes, each with
the source lines it comes from. Used by check-latex.sh and check-markdown.sh; standard library only.

    tex-log.py compile LOG SOURCE [TEXT]    errors (with the line of SOURCE TeX stopped at) and missing
                                            characters (with the lines of TEXT, default SOURCE, using them);
                                            LOG may be pandoc's standard error, which quotes the log
    tex-log.py errors LOG SOURCE [TEXT]     the same with every distinct error, for a run that went on
                                            past the first (no -halt-on-error)
    tex-log.py overfull LOG SOURCE TOL      every overfull box over TOL pt
    tex-log.py remarks LOG STRIPPED_LOG SOURCE TOL
                                            displays that overflow by over TOL pt because of a remark
    tex-log.py strip-remarks SOURCE OUT     SOURCE with every remark inside a display removed

Each command prints one line per finding, its reason, followed by the source lines it concerns,
each indented as `    | line`, and exits 1 when it found anything. The log must be unwrapped
(max_print_line=100000, as cases.sh sets).

Overfull boxes. TeX names where a box was built, and that tells prose from display math:
  "in paragraph at lines A--B"   a line of a broken paragraph: prose (a title, a sentence, a note,
                                 a verdict, an \\intertext, a remark set as a paragraph), or an
                                 inline formula in it; or a table, when those lines hold a
                                 \\begin{tabular} (a tabular is one box in a line of a paragraph);
  "detected at line N"           a box of fixed width: a display (\\[ \\], equation*, one row of
                                 align*; N is the line of \\end{...}), or an \\hbox in prose;
  "in alignment at lines A--B"   a row of a tabular or \\halign.
A remark *inside* a display (today's `\\quad \\text{[...]}` after a formula or on a row of its own)
cannot be told from the formula by the log alone, so `remarks` compares two compilations: the
fragment as it is and the fragment with those remarks cut out (`strip-remarks`, keeping every line).
A display over the column by more than TOL pt, and by more than TOL pt more than without its
remarks, has a remark overflowing the column.
In a two-column page, then, prose and remarks must fit the column; displays without a remark and
tables may overflow it (the one-column check bounds every box, whatever its kind).
"""
import re
import sys

ERROR = re.compile(r"^! (.*)")
ERROR_LINE = re.compile(r"^l\.(\d+) ?(.*)")
# TeX writes "Missing character: There is no X in font F!"; pandoc repeats it after "[WARNING] ", cut.
MISSING = re.compile(r"^(?:\[WARNING\] )?Missing character: There is no (.+?) in font (.+?)!?$")
OVERFULL = re.compile(
    r"^Overfull \\([hv])box \((\d+(?:\.\d+)?)pt too (?:wide|high)\) "
    r"(?:in paragraph at lines (\d+)--(\d+)|in alignment at lines (\d+)--(\d+)|detected at line (\d+)"
    r"|has occurred while \\output is active)"
)
TABLE = re.compile(r"\\begin\{(tabular\*?|tabularx|longtable)\}")
DISPLAY_START = re.compile(r"\\begin\{(align|equation|gather|multline|flalign|alignat)\*?\}|\\\[|\$\$")
# The remark markup of today's renderer: a bracketed text run, usually after \quad.
REMARK = re.compile(r"(\\quad\s*)?\\text\{\[")
SNIPPET_LINES = 6
SNIPPET_WIDTH = 400
MAX_ERRORS = 20


def read(path):
    """The lines of the file at `path`; none if there is no such file (a run that never started)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read().splitlines()
    except FileNotFoundError:
        return []


def snippet(source, first, last):
    """Source lines first...last (1-based), at most SNIPPET_LINES of them, each cut to SNIPPET_WIDTH."""
    lines = source[max(first, 1) - 1 : last]
    if len(lines) > SNIPPET_LINES:
        lines = lines[: SNIPPET_LINES - 1] + [f"... ({len(lines) - SNIPPET_LINES + 1} more lines)"]
    return [line if len(line) <= SNIPPET_WIDTH else line[:SNIPPET_WIDTH] + " ..." for line in lines]


def display_start(source, last):
    """The first line of the display that ends on line `last`."""
    for number in range(last, 0, -1):
        if DISPLAY_START.search(source[number - 1]):
            return number
    return last


def compile_findings(log, source, text, every=False):
    """The first error, with the line of `source` TeX stopped at (`every`: each distinct error
    message once, with up to three of its lines, and each unmapped character once), then every
    distinct missing character, with the lines of `text` that use it."""
    errors = []  # (message, line number or None)
    for index, line in enumerate(log):
        match = ERROR.match(line)
        if not match or match.group(1).strip().startswith(("==> Fatal error", "Emergency stop")):
            continue
        # The message, with its continuation lines when it is a LaTeX error (TeX's own errors go
        # on with the context, which varies from one occurrence to the next).
        message = [match.group(1)]
        for follow in log[index + 1 :] if match.group(1).startswith("LaTeX Error") else []:
            if not follow.strip() or ERROR_LINE.match(follow) or follow.startswith("See the"):
                break
            message.append(follow.strip())
        number = None
        for follow in log[index + 1 : index + 40]:
            at = ERROR_LINE.match(follow)
            if at:
                number = int(at.group(1))
                break
        message = " ".join(message)
        errors.append((message if len(message) <= SNIPPET_WIDTH else message[:SNIPPET_WIDTH] + " ...", number))
        if not every:
            break
    lines = {}
    for message, number in errors:
        lines.setdefault(message, [])
        if number is not None and number not in lines[message]:
            lines[message].append(number)
    findings = []
    for message, numbers in list(lines.items())[:MAX_ERRORS]:
        where = []
        for number in numbers[:3]:
            where += [f"line {number}:"] + snippet(source, number, number)
        if len(numbers) > 3:
            where.append(f"... and at lines {', '.join(str(n) for n in numbers[3:])}")
        unicode = re.search(r"Unicode character (\S+) \(U\+", message)
        if unicode:
            where += used_by(unicode.group(1), text)
        findings.append((message, where))
    seen = {}
    for line in log:
        match = MISSING.match(line)
        if match:
            # pandoc's copy names the code point twice: "⁽ (U+207D) (U+207D)".
            character = re.sub(r"( \(U\+[0-9A-F]+\))\1", r"\1", match.group(1))
            seen.setdefault(character, match.group(2))
    for character, font in seen.items():
        findings.append((f"Missing character {character} in font {font}", used_by(character.split(" ")[0], text)))
    return findings


def used_by(glyph, text):
    """The first three lines of `text` that hold `glyph`, numbered."""
    used = [f"line {n}: {line}" for n, line in enumerate(text, 1) if glyph in line][:3]
    return [line if len(line) <= SNIPPET_WIDTH else line[:SNIPPET_WIDTH] + " ..." for line in used]


def overfull_boxes(log, source):
    """(kind, points, first line, last line) of every overfull box, duplicates (amsmath measures
    an \\intertext twice) removed."""
    boxes = []
    for line in log:
        match = OVERFULL.match(line)
        if not match:
            continue
        box, points = match.group(1), float(match.group(2))
        if match.group(3):
            kind, first, last = "paragraph", int(match.group(3)), int(match.group(4))
            if any(TABLE.search(text) for text in source[first - 1 : last]):
                kind = "table"
        elif match.group(5):
            kind, first, last = "alignment", int(match.group(5)), int(match.group(6))
        elif match.group(7):
            last = int(match.group(7))
            kind, first = "display", display_start(source, last)
        else:
            kind, first, last = "page", 0, 0
        if box == "v":
            kind = "vbox"
        entry = (kind, points, first, last)
        if entry not in boxes:
            boxes.append(entry)
    return boxes


def describe(kind, points, first, last):
    where = f"lines {first}-{last}" if first != last else f"line {last}"
    noun = {
        "paragraph": "paragraph",
        "table": "table",
        "display": "display",
        "alignment": "table row",
        "vbox": "vbox",
        "page": "page",
    }
    return f"overfull {noun[kind]} {points:.1f}pt at {where}"


def overfull_findings(log, source, tolerance):
    return [
        (describe(*box), snippet(source, box[2], box[3]))
        for box in overfull_boxes(log, source)
        if box[1] > tolerance
    ]


def remark_findings(log, stripped_log, source, tolerance):
    """Prose overflowing the column, and displays whose overflow is over `tolerance` pt more with
    their remarks than without; tables and displays without remarks may overflow a column."""
    findings = []
    without = {}
    for kind, points, first, last in overfull_boxes(stripped_log, source):
        without[(kind, last)] = max(points, without.get((kind, last), 0.0))
    widest = {}
    for kind, points, first, last in overfull_boxes(log, source):
        if kind == "paragraph":
            if points > tolerance:
                findings.append((f"prose {describe(kind, points, first, last)}", snippet(source, first, last)))
            continue
        if kind != "display":
            continue
        key = (first, last)
        widest[key] = max(points, widest.get(key, 0.0))
    for (first, last), points in widest.items():
        alone = without.get(("display", last), 0.0)
        has_remark = any(REMARK.search(line) for line in source[first - 1 : last])
        if has_remark and points > tolerance and points - alone > tolerance:
            reason = f"remark in display {points:.1f}pt over the column at lines {first}-{last} ({alone:.1f}pt without it)"
            remarks = [line for line in source[first - 1 : last] if REMARK.search(line)]
            findings.append((reason, snippet(remarks, 1, len(remarks))))
    return findings


def strip_remarks(text):
    """`text` with every `\\quad \\text{[...]}` removed; newlines inside a remark are kept, so every
    other line keeps its number."""
    out = []
    position = 0
    for match in REMARK.finditer(text):
        if match.start() < position:
            continue
        depth, index = 1, match.end()
        while index < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            index += 1
        out.append(text[position : match.start()])
        out.append("\n" * text.count("\n", match.start(), index))
        position = index
    out.append(text[position:])
    return "".join(out)


def report(findings):
    for reason, lines in findings:
        print(reason)
        for line in lines:
            print("    | " + line)
    return 1 if findings else 0


def main(arguments):
    command = arguments[0] if arguments else ""
    if command in ("compile", "errors") and len(arguments) in (3, 4):
        source = read(arguments[2])
        text = read(arguments[3]) if len(arguments) == 4 else source
        return report(compile_findings(read(arguments[1]), source, text, every=command == "errors"))
    if command == "overfull" and len(arguments) == 4:
        return report(overfull_findings(read(arguments[1]), read(arguments[2]), float(arguments[3])))
    if command == "remarks" and len(arguments) == 5:
        log, stripped, source = read(arguments[1]), read(arguments[2]), read(arguments[3])
        return report(remark_findings(log, stripped, source, float(arguments[4])))
    if command == "strip-remarks" and len(arguments) == 3:
        with open(arguments[1], encoding="utf-8") as file:
            text = file.read()
        with open(arguments[2], "w", encoding="utf-8") as file:
            file.write(strip_remarks(text))
        return 0
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
