#!/usr/bin/env bash
# Issue 11 C: every Markdown output of every case in cases.txt typesets.
#
#   Tests/Typesetting/check-markdown.sh NNHW_BINARY
#
# For each case, `--format markdown`:
#   1. converts with pandoc to PDF under pdflatex (pandoc's default engine) and under
#      --pdf-engine=xelatex: no error, no missing-character warning;
#   2. as an HTML page (pandoc -s --mathjax with Debian's MathJax 2.7, TeX-AMS_HTML, its noErrors
#      and noUndefined extensions disabled so that a bad formula becomes an error node) loaded in
#      headless Chromium with --dump-dom: every formula rendered, no error node, no TeX left in the
#      text (mathjax-dom.py says exactly what counts).
# Prints one line per case (`ok NAME` or `FAIL NAME: reasons`), the offending lines of each failure
# on standard error (for a TeX error: the line of pandoc's LaTeX, `pandoc -s -t latex`, it stopped
# at), and `N passed, M failed`; exits 1 on any failure.
# Environment: TYPESET_MATHJAX (the MathJax.js to load) and those of cases.sh.
set -euo pipefail
source "$(dirname "$0")/cases.sh"
setup "$@"
mathjax=${TYPESET_MATHJAX:-/usr/share/javascript/mathjax/MathJax.js}
texlog=$here/tex-log.py
mathjaxdom=$here/mathjax-dom.py

for tool in pandoc pdflatex xelatex chromium python3; do
    command -v "$tool" > /dev/null || { echo "$0: $tool is not installed (see .ci/run)" >&2; exit 69; }
done
[[ -f $mathjax ]] || { echo "$0: no MathJax at $mathjax (Debian: libjs-mathjax)" >&2; exit 69; }

# The page's MathJax configuration: errors become merror nodes and are recorded with their TeX; the
# End hook (after the first typeset) marks the page done. Written once, read by every page.
cat > "$work/mathjax-config.html" << 'EOF'
<script type="text/x-mathjax-config">
MathJax.Hub.Config({TeX: {noErrors: {disabled: true}, noUndefined: {disabled: true}}, messageStyle: "none"});
var nnhwErrors = [];
MathJax.Hub.Register.MessageHook("TeX Jax - parse error", function (m) { nnhwErrors.push(m[1] + "\t" + m[2]); });
MathJax.Hub.Register.MessageHook("Math Processing Error", function (m) { nnhwErrors.push("Math Processing Error: " + m[2] + "\t"); });
MathJax.Hub.Register.StartupHook("End", function () {
  var pre = document.createElement("pre");
  pre.id = "nnhw-mathjax-errors";
  pre.textContent = nnhwErrors.join("\n");
  document.body.appendChild(pre);
  document.body.setAttribute("data-nnhw-mathjax", "done");
});
</script>
EOF

check_case() {
    local index=$1 name=${case_names[$1]}
    folder=$2
    reasons=()
    local message engine status findings=$folder/findings
    if ! message=$(run_nnhw "$index" "$folder/doc.md" --format markdown); then
        echo "FAIL $message" > "$folder/verdict"
        return
    fi
    for engine in pdflatex xelatex; do
        status=0
        (cd "$folder" && timeout 300 pandoc doc.md --pdf-engine="$engine" -o "$engine.pdf" 2> "$engine.stderr") || status=$?
        if [[ $status -ne 0 && ! -f $folder/doc.tex ]]; then
            # The LaTeX pandoc made of it, to show the line an error stopped at.
            (cd "$folder" && pandoc doc.md -s -t latex -o doc.tex 2> /dev/null) || true
        fi
        if python3 "$texlog" compile "$folder/$engine.stderr" "$folder/doc.tex" "$folder/doc.md" > "$findings"; then
            [[ $status -eq 0 ]] || note "pandoc --pdf-engine=$engine exited $status: $(head -c 200 "$folder/$engine.stderr")"
        elif [[ $status -eq 0 ]]; then
            note "pandoc --pdf-engine=$engine: $(summary "$findings")" "pandoc --pdf-engine=$engine" "$findings"
        else
            # The verdict names the error pandoc stopped at; the details list every error of the
            # engine run on pandoc's LaTeX past it, so that one report shows all there is to fix.
            mkdir -p "$folder/$engine-on"
            cp "$folder/doc.tex" "$folder/$engine-on/doc.tex"
            (cd "$folder/$engine-on" && timeout 300 "$engine" -interaction=nonstopmode doc.tex > /dev/null 2>&1) || true
            python3 "$texlog" errors "$folder/$engine-on/doc.log" "$folder/doc.tex" "$folder/doc.md" > "$findings.all" || true
            [[ -s $findings.all ]] || cp "$findings" "$findings.all"
            note "pandoc --pdf-engine=$engine: $(summary "$findings.all")" \
                "$engine on pandoc's LaTeX (every error, run on past the first)" "$findings.all"
            rm -f "$findings.all"
        fi
    done

    if ! (cd "$folder" && pandoc doc.md -s --mathjax="file://$mathjax?config=TeX-AMS_HTML" \
        -H "$work/mathjax-config.html" --metadata pagetitle="$name" -o doc.html 2> html.stderr); then
        note "pandoc to HTML failed: $(head -c 200 "$folder/html.stderr")"
    else
        status=0
        timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
            --allow-file-access-from-files --user-data-dir="$folder/chromium" --virtual-time-budget=30000 \
            --dump-dom "file://$folder/doc.html" > "$folder/dom.html" 2> "$folder/chromium.stderr" || status=$?
        rm -rf "$folder/chromium"
        if [[ $status -ne 0 ]]; then
            note "chromium exited $status: $(grep -v -m1 'dbus' "$folder/chromium.stderr" | head -c 200)"
        elif ! python3 "$mathjaxdom" "$folder/dom.html" > "$findings"; then
            note "MathJax: $(summary "$findings")" "MathJax" "$findings"
        fi
    fi
    rm -f "$findings"
    write_verdict
}

run_cases check_case
