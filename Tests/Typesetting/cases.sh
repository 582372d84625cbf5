# shellcheck shell=bash
# Sourced by check-latex.sh and check-markdown.sh: reads the case list, runs nnhw for a case,
# runs the per-case check in parallel, and prints one line per case and the closing count.
#
# Environment:
#   TYPESET_CASES  the case list (default Tests/Typesetting/cases.txt)
#   TYPESET_ONLY   a regular expression: check only the cases whose name matches
#   TYPESET_JOBS   cases checked at once (default: the number of processors)
#   TYPESET_KEEP   a folder to keep every generated file and log in (default: a temporary one, removed)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

# Reads the case list into the arrays case_names, case_arguments (one shell-quoted string each)
# and case_inputs.
read_cases() {
    local file=${TYPESET_CASES:-$here/cases.txt} line name rest arguments input
    case_names=() case_arguments=() case_inputs=()
    while IFS= read -r line || [[ -n $line ]]; do
        [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
        name=${line%% | *}
        rest=${line#* | }
        if [[ $rest == *" | "* ]]; then
            arguments=${rest%% | *}
            input=${rest#* | }
        else
            arguments=$rest
            input=""
        fi
        if [[ -n ${TYPESET_ONLY:-} ]] && ! [[ $name =~ $TYPESET_ONLY ]]; then continue; fi
        case_names+=("$name")
        case_arguments+=("$arguments")
        case_inputs+=("$input")
    done < "$file"
}

# run_nnhw INDEX OUTPUT EXTRA_ARGUMENTS...: runs case INDEX with the extra arguments appended, from
# the package root, writing standard output to OUTPUT. Fails (printing the reason) unless nnhw
# exits 0 or 1 with some output and nothing on standard error.
run_nnhw() {
    local index=$1 output=$2
    shift 2
    local words status
    # The case list is part of the repository: its argument field is shell words, split by eval.
    eval "words=(${case_arguments[$index]})"
    status=0
    (cd "$root" && printf '%s' "${case_inputs[$index]}" | "$nnhw" "${words[@]}" "$@") \
        > "$output" 2> "$output.stderr" || status=$?
    if [[ $status -gt 1 ]]; then
        echo "nnhw ${case_arguments[$index]} $* exited $status: $(head -c 300 "$output.stderr")"
        return 1
    fi
    if [[ -s $output.stderr ]]; then
        echo "nnhw ${case_arguments[$index]} $* wrote to standard error: $(head -c 300 "$output.stderr")"
        return 1
    fi
    if [[ ! -s $output ]]; then
        echo "nnhw ${case_arguments[$index]} $* printed nothing"
        return 1
    fi
}

# note REASON [LABEL FINDINGS_FILE]: adds REASON to the verdict, and the findings (tex-log.py's or
# mathjax-dom.py's output: a reason line, then its source lines as "    | line") to the details,
# each reason after LABEL.
note() {
    reasons+=("$1")
    if [[ $# -ge 3 && -s $3 ]]; then
        awk -v label="$2" '/^    \| /{ print "  " $0; next } { print label ": " $0 }' "$3" >> "$folder/details"
    fi
}

# summary FINDINGS_FILE: the findings for a verdict: the first other than a character (and how
# many more), then the characters pdflatex has no mapping for and those a font lacks, listed.
summary() {
    awk '
        /^    \| line [0-9]+:$/ { if (others == 1 && !at) { at = 1; first = first " (line " substr($3, 1, length($3) - 1) ")" } }
        /^    \| / { next }
        /^LaTeX Error: Unicode character / { unmapped = unmapped (unmapped ? " " : "") $5; next }
        /^Missing character / { missing = missing (missing ? " " : "") $3; next }
        { if (others++ == 0) first = $0 }
        END {
            out = first (others > 1 ? " (and " others - 1 " more)" : "")
            if (unmapped) out = out (out ? "; " : "") "characters not set up for LaTeX: " unmapped
            if (missing) out = out (out ? "; " : "") "missing characters " missing
            print out
        }' "$1"
}

# count FINDINGS_FILE ONE MANY: how many findings, as "1 ONE" or "N MANY".
count() {
    local n
    n=$(grep -vc '^    | ' "$1" || true)
    if [[ $n -eq 1 ]]; then echo "1 $2"; else echo "$n $3"; fi
}

# write_verdict: writes "ok", or "FAIL " and the reasons noted, to $folder/verdict.
write_verdict() {
    if [[ ${#reasons[@]} -eq 0 ]]; then
        echo ok > "$folder/verdict"
    else
        local joined
        joined=$(printf '%s; ' "${reasons[@]}")
        echo "FAIL ${joined%; }" > "$folder/verdict"
    fi
}

# run_cases CHECK_FUNCTION: runs `CHECK_FUNCTION INDEX FOLDER` for every case, TYPESET_JOBS at a
# time, each in its own folder under $work. The function writes "ok" or "FAIL reason; reason" to
# FOLDER/verdict and the offending snippets to FOLDER/details (note and write_verdict do both: the
# function sets folder=FOLDER and reasons=() first). Prints, in case-list order, one line
# per case (on standard error: the case's name and its details, indented) and `N passed, M failed`;
# returns 1 on a failure.
run_cases() {
    local check=$1 jobs=${TYPESET_JOBS:-$(nproc)} index running=0 passed=0 failed=0 verdict
    for index in "${!case_names[@]}"; do
        mkdir -p "$work/${case_names[$index]}"
        ("$check" "$index" "$work/${case_names[$index]}") &
        running=$((running + 1))
        if [[ $running -ge $jobs ]]; then
            wait -n || true
            running=$((running - 1))
        fi
    done
    wait || true
    for index in "${!case_names[@]}"; do
        local folder=$work/${case_names[$index]}
        verdict=$(cat "$folder/verdict" 2> /dev/null || echo "FAIL the check itself did not finish")
        if [[ $verdict == ok ]]; then
            passed=$((passed + 1))
            echo "ok   ${case_names[$index]}"
        else
            failed=$((failed + 1))
            echo "FAIL ${case_names[$index]}: ${verdict#FAIL }"
            if [[ -s $folder/details ]]; then
                echo "${case_names[$index]}:" >&2
                sed 's/^/    /' "$folder/details" >&2
            fi
        fi
    done
    echo "$passed passed, $failed failed"
    [[ $failed -eq 0 ]]
}

# Sets up $nnhw and $work from the command line; call as `setup "$@"`.
setup() {
    if [[ $# -ne 1 ]]; then
        echo "usage: $0 NNHW_BINARY" >&2
        exit 64
    fi
    nnhw=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    if [[ ! -x $nnhw ]]; then
        echo "$0: $1 is not an executable" >&2
        exit 64
    fi
    if [[ -n ${TYPESET_KEEP:-} ]]; then
        work=$TYPESET_KEEP
        rm -rf "$work"
        mkdir -p "$work"
    else
        work=$(mktemp -d)
        trap 'rm -rf "$work"' EXIT
    fi
    # TeX wraps its log at 79 columns unless told otherwise; unwrapped lines are parsed reliably.
    export max_print_line=100000 error_line=254 half_error_line=238
    read_cases
    if [[ ${#case_names[@]} -eq 0 ]]; then
        echo "$0: no cases" >&2
        exit 64
    fi
}
