#!/usr/bin/env bash
# Issue 11 B: every LaTeX output of every case in cases.txt typesets.
#
#   Tests/Typesetting/check-latex.sh NNHW_BINARY
#
# For each case:
#   1. `--format latex --standalone` compiles with pdflatex, xelatex and lualatex
#      (-halt-on-error -interaction=nonstopmode): no error, no "Missing character" in the log.
#   2. The fragment (`--format latex`) is \input into a one-column article with 1-inch margins
#      (\documentclass{article}, the standalone output's own preamble, geometry margin=1in) and
#      compiled with pdflatex: no error and no overfull box over 5 pt (TYPESET_TOLERANCE_PT).
#   3. The same in \documentclass[twocolumn]{article}: no prose line and no remark over 5 pt wider
#      than its column. Wide formulas may overflow a column; point 2 bounds them on a full page.
#      How prose, displays and remarks are told apart: see tex-log.py.
# Prints one line per case (`ok NAME` or `FAIL NAME: reasons`), the offending source lines of each
# failure on standard error, and `N passed, M failed`; exits 1 on any failure.
# Environment: TYPESET_TOLERANCE_PT and those of cases.sh (TYPESET_ONLY, TYPESET_JOBS, TYPESET_KEEP).
set -euo pipefail
source "$(dirname "$0")/cases.sh"
setup "$@"
tolerance=${TYPESET_TOLERANCE_PT:-5}
texlog=$here/tex-log.py

for tool in pdflatex xelatex lualatex python3; do
    command -v "$tool" > /dev/null || { echo "$0: $tool is not installed (see .ci/run)" >&2; exit 69; }
done

# compile ENGINE FOLDER [on]: runs ENGINE on FOLDER/doc.tex, stopping at the first error unless
# "on"; leaves FOLDER/doc.log.
compile() {
    local halt=-halt-on-error
    [[ ${3:-} == on ]] && halt=""
    (cd "$2" && timeout 300 "$1" $halt -interaction=nonstopmode doc.tex > /dev/null 2>&1)
}

# wrap CLASS_OPTIONS FOLDER PREAMBLE_FILE: writes FOLDER/doc.tex, an article that \inputs FOLDER/fragment.tex.
wrap() {
    {
        printf '\\documentclass%s{article}\n' "$1"
        cat "$3"
        printf '%s\n' '\usepackage{geometry}' '\geometry{margin=1in}' '\begin{document}' '\input{fragment}' '\end{document}'
    } > "$2/doc.tex"
}

check_case() {
    local index=$1
    folder=$2
    reasons=()
    local message engine findings=$folder/findings
    if ! message=$(run_nnhw "$index" "$folder/standalone.tex" --format latex --standalone); then
        echo "FAIL $message" > "$folder/verdict"
        return
    fi
    for engine in pdflatex xelatex lualatex; do
        mkdir -p "$folder/$engine"
        cp "$folder/standalone.tex" "$folder/$engine/doc.tex"
        local compiled=yes
        compile "$engine" "$folder/$engine" || compiled=no
        if python3 "$texlog" compile "$folder/$engine/doc.log" "$folder/$engine/doc.tex" > "$findings"; then
            [[ $compiled == yes ]] || note "$engine: failed without an error in the log"
        elif [[ $compiled == yes ]]; then
            note "$engine: $(summary "$findings")" "$engine" "$findings"
        else
            # The verdict names the error -halt-on-error stopped at; the details list every error
            # of a run that goes on past it, so that one report shows all there is to fix.
            mkdir -p "$folder/$engine-on"
            cp "$folder/standalone.tex" "$folder/$engine-on/doc.tex"
            compile "$engine" "$folder/$engine-on" on || true
            python3 "$texlog" errors "$folder/$engine-on/doc.log" "$folder/$engine-on/doc.tex" > "$findings.all" || true
            [[ -s $findings.all ]] || cp "$findings" "$findings.all"
            note "$engine: $(summary "$findings.all")" "$engine (every error, run on past the first)" "$findings.all"
            rm -f "$findings.all"
        fi
    done

    if ! message=$(run_nnhw "$index" "$folder/fragment.tex" --format latex); then
        reasons+=("$message")
    else
        # The standalone preamble less its \documentclass: the packages the fragment needs.
        sed -n '/\\begin{document}/q; /^\\documentclass/d; p' "$folder/standalone.tex" > "$folder/preamble.tex"
        local layout label
        for layout in onecolumn twocolumn; do
            label=$([[ $layout == onecolumn ]] && echo "1-column" || echo "2-column")
            mkdir -p "$folder/$layout"
            cp "$folder/fragment.tex" "$folder/$layout/fragment.tex"
            wrap "$([[ $layout == twocolumn ]] && echo "[twocolumn]")" "$folder/$layout" "$folder/preamble.tex"
            if compile pdflatex "$folder/$layout"; then
                :
            elif ! python3 "$texlog" compile "$folder/$layout/doc.log" "$folder/$layout/fragment.tex" > "$findings"; then
                note "$label fragment: $(summary "$findings")" "$label fragment" "$findings"
            else
                note "$label fragment: pdflatex failed without an error in the log"
            fi
        done
        # Only a display that overflows a column can owe it to a remark: then compile once more
        # without the remarks, to tell what the formula needs from what the remark adds.
        mkdir -p "$folder/twocolumn-without-remarks"
        : > "$folder/twocolumn-without-remarks/doc.log"
        if grep -q '^Overfull \\hbox .* detected at line' "$folder/twocolumn/doc.log" 2> /dev/null; then
            python3 "$texlog" strip-remarks "$folder/fragment.tex" "$folder/twocolumn-without-remarks/fragment.tex"
            wrap "[twocolumn]" "$folder/twocolumn-without-remarks" "$folder/preamble.tex"
            compile pdflatex "$folder/twocolumn-without-remarks" || true
        fi
        if [[ -f $folder/onecolumn/doc.log ]] \
            && ! python3 "$texlog" overfull "$folder/onecolumn/doc.log" "$folder/fragment.tex" "$tolerance" > "$findings"; then
            note "1-column: $(count "$findings" "overfull box" "overfull boxes") over ${tolerance}pt" "1-column" "$findings"
        fi
        if [[ -f $folder/twocolumn/doc.log ]] && ! python3 "$texlog" remarks "$folder/twocolumn/doc.log" \
            "$folder/twocolumn-without-remarks/doc.log" "$folder/fragment.tex" "$tolerance" > "$findings"; then
            note "2-column: $(count "$findings" "remark or prose line" "remarks or prose lines") over the column" \
                "2-column" "$findings"
        fi
    fi
    rm -f "$findings"
    write_verdict
}

run_cases check_case
