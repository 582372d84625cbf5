#!/usr/bin/env bash
# Checks the checkers: runs check-latex.sh and check-markdown.sh on a stand-in for nnhw that prints
# known documents (one clean, the others each broken in one way) and expects each verdict.
#
#   Tests/Typesetting/self-test.sh
#
# Prints one line per expectation and `N passed, M failed`; exits 1 if a checker passed a broken
# document, failed a clean one, or gave the wrong reason.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
unset TYPESET_ONLY TYPESET_KEEP TYPESET_TOLERANCE_PT TYPESET_MATHJAX TYPESET_CASES
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The stand-in: `nnhw-stub KIND --format latex|markdown [--standalone]`.
cat > "$work/nnhw-stub" << 'STUB'
#!/usr/bin/env bash
kind=$1 format="" standalone=no
[[ $kind == exits-70 ]] && { echo "nnhw: internal error" >&2; exit 70; }
shift
while [[ $# -gt 0 ]]; do
    case $1 in
        --format) format=$2; shift ;;
        --standalone) standalone=yes ;;
    esac
    shift
done
if [[ $format == latex ]]; then
    if [[ $standalone == yes ]]; then
        printf '%s\n' '\documentclass{article}' '\usepackage[utf8]{inputenc}' '\usepackage{amsmath}' '\begin{document}' ''
    fi
    echo '\section*{Forward pass $\cdot$ one sample}'
    echo 'Each weight row starts with the bias weight, so $a^{(l)} = W^{(l)} z^{(l-1)}$.'
    echo
    case $kind in
        clean)
            printf '%s\n' '\begin{align*}' 'a^{(1)} &= W^{(1)} x = (0.7, 1)^{\top} \tag{1}' \
                '\intertext{A remark set as a paragraph wraps in any column, however long it is, and so it never runs over the neighbouring column.}' \
                'z^{(1)} &= \tanh(a^{(1)}) \tag{2}' '\end{align*}' ;;
        undefined-macro)
            printf '%s\n' '\begin{align*}' 'a &= \undefinedmacro{b} \tag{1}' '\end{align*}' ;;
        missing-character)
            # pdflatex never sees the character; xelatex and lualatex lack it in Latin Modern.
            echo 'A check mark: \ifdefined\Umathchardef\symbol{"2713}\fi.' ;;
        wide-formula)
            printf '%s\n' '\begin{align*}' \
                'a &= \begin{bmatrix} -12345.6789 & -23456.7891 & -34567.8912 & -45678.9123 & -56789.1234 & -67891.2345 & -78912.3456 & -89123.4567 & -91234.5678 & -12345.6789 \end{bmatrix} \tag{1}' \
                '\end{align*}' ;;
        formula-wider-than-a-column)
            # About 300 pt: fits a page, not a column; only a remark or prose may not overflow a column.
            printf '%s\n' '\begin{align*}' \
                'a &= \begin{bmatrix} 1.2345 & 2.3456 & 3.4567 & 4.5678 & 5.6789 & 6.7891 & 7.8912 \end{bmatrix} \tag{1}' \
                '\end{align*}' ;;
        remark-in-display)
            printf '%s\n' '\begin{align*}' \
                'z^{(0)} &= (1, x)^{\top} \tag{1} \quad \text{[leading 1 for the bias weight, and more words]}' \
                '\end{align*}' ;;
        prose-wider-than-a-column)
            echo 'An unbreakable run: \mbox{this text is kept on one line and is far wider than a column}.' ;;
        table-wider-than-a-column)
            # About 300 pt: a table, like a formula, may overflow a column but not the page.
            printf '%s\n' '\begin{tabular}{lrrrrl}' '\hline' 'parameter & analytic a & numeric n & difference & relative & verdict \\' \
                '\hline' '$\text{W1[1,1]}$ & $32$ & $32.000000$ & $2.3727 \cdot 10^{-8}$ & $7.4146 \cdot 10^{-10}$ & pass \\' '\hline' '\end{tabular}' ;;
        overfull-3pt)
            echo '\noindent\hbox to \linewidth{\hspace{\dimexpr\linewidth+3pt\relax}}' ;;
        overfull-7pt)
            echo '\noindent\hbox to \linewidth{\hspace{\dimexpr\linewidth+7pt\relax}}' ;;
    esac
    [[ $standalone == yes ]] && printf '%s\n' '' '\end{document}'
    exit 0
fi
echo '# Forward pass · one sample'
echo
echo 'Each weight row starts with the bias weight, so $a^{(l)} = W^{(l)} z^{(l-1)}$.'
echo
case $kind in
    clean)
        printf '%s\n' '$$' '\begin{aligned}' '\text{(1)}\quad a^{(1)} &= W^{(1)} x \\' '&= (0.7, 1)^{\top}' '\end{aligned}' '$$' ;;
    unicode-prose)
        echo 'so a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾.' ;;
    text-with-underscore)
        printf '%s\n' '$$' '\text{(5)}\quad w = K \quad \text{[w[m, n] = K[k_h + 1 − m]]}' '$$' ;;
    mathjax-undefined)
        # LaTeX knows \textsuperscript; MathJax 2.7 does not.
        echo 'The square $x\textsuperscript{2}$.' ;;
    math-not-recognised)
        # pandoc reads "$ x $" (a space inside the dollars) as text; MathJax never sees it.
        echo 'The input $ x $ is a column.' ;;
esac
STUB
chmod +x "$work/nnhw-stub"

passed=0 failed=0
# expect SCRIPT CASE PATTERN [ENVIRONMENT...]: runs SCRIPT on CASE alone and expects its line to match PATTERN.
expect() {
    local script=$1 name=$2 pattern=$3 line
    shift 3
    echo "$name | $name" > "$work/cases.txt"
    line=$(env TYPESET_CASES="$work/cases.txt" "$@" "$here/$script" "$work/nnhw-stub" 2> /dev/null | head -n 1 || true)
    if [[ $line =~ $pattern ]]; then
        passed=$((passed + 1))
        echo "ok   $script $name: $line"
    else
        failed=$((failed + 1))
        echo "FAIL $script $name: expected /$pattern/, got: $line"
    fi
}

expect check-latex.sh clean '^ok '
expect check-latex.sh undefined-macro 'pdflatex: Undefined control sequence.*xelatex: Undefined control sequence.*lualatex: Undefined control sequence'
expect check-latex.sh missing-character '^FAIL missing-character: xelatex: missing characters .*; lualatex: missing characters [^;]*$'
expect check-latex.sh wide-formula '^FAIL wide-formula: 1-column: 1 overfull box over 5pt$'
expect check-latex.sh formula-wider-than-a-column '^ok '
expect check-latex.sh remark-in-display '^FAIL remark-in-display: 2-column: 1 remark or prose line over the column$'
expect check-latex.sh prose-wider-than-a-column '^FAIL prose-wider-than-a-column: 2-column: 1 remark or prose line over the column$'
expect check-latex.sh table-wider-than-a-column '^ok '
expect check-latex.sh exits-70 '^FAIL exits-70: nnhw exits-70 --format latex --standalone exited 70: nnhw: internal error$'
expect check-latex.sh overfull-3pt '^ok '
expect check-latex.sh overfull-7pt '^FAIL overfull-7pt: 1-column: 1 overfull box over 5pt'
expect check-markdown.sh clean '^ok '
expect check-markdown.sh exits-70 '^FAIL exits-70: nnhw exits-70 --format markdown exited 70: '
expect check-markdown.sh unicode-prose 'pdflatex: characters not set up for LaTeX: ⁽.*xelatex: missing characters ⁽'
expect check-markdown.sh text-with-underscore 'pdflatex: .*Missing \$ inserted.*xelatex: .*Missing \$ inserted'
expect check-markdown.sh mathjax-undefined '^FAIL mathjax-undefined: MathJax: MathJax error: Undefined control sequence \\textsuperscript$'
expect check-markdown.sh math-not-recognised '^FAIL math-not-recognised: MathJax: TeX outside math, left unrendered$'
: > "$work/not-mathjax.js"
expect check-markdown.sh clean '^FAIL clean: MathJax: MathJax did not finish' TYPESET_MATHJAX="$work/not-mathjax.js"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
