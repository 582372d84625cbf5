#!/usr/bin/env python3
"""Reads the DOM headless Chromium dumped after MathJax 2.7 typeset a page made by pandoc --mathjax,
and reports every formula that did not render. Used by check-markdown.sh; standard library only.

    mathjax-dom.py DOM

Findings, one line each (followed by the TeX or text concerned, indented as `    | ...`); exit 1
when there is any:
  - MathJax did not finish: the page's config (check-markdown.sh) sets data-nnhw-mathjax="done"
    on <body> at MathJax's "End" startup hook, so a missing marker means a crash or a timeout;
  - an error node: an element of class merror (MathJax 2 HTML-CSS, with the noErrors and
    noUndefined extensions disabled so a parse error or an undefined macro becomes one),
    MathJax_Error (a math processing error), mjx-merror (MathJax 3) or noError;
    the messages the page's hooks recorded say which formula and why;
  - math left unrendered: a pandoc math span with no MathJax script in it, or text outside math
    that still holds TeX: $, \\( \\) \\[ \\] or a control word such as \\frac.
"""
import html.parser
import re
import sys

ERROR_CLASSES = {"merror", "MathJax_Error", "mjx-merror", "noError"}
STRAY_TEX = re.compile(r"\$|\\[()\[\]]|\\[A-Za-z]+")
WIDTH = 300


def is_pandoc_math(tag, classes):
    """pandoc's <span class="math inline|display">; MathJax's own output has spans of class "math" too."""
    return tag == "span" and "math" in classes and bool(classes & {"inline", "display"})


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.done = False
        self.stack = []  # (tag, classes, id) of the open elements
        self.math_spans = []  # [has a MathJax script, the text first seen in it]
        self.error_texts = []
        self.recorded = ""
        self.stray = []
        self.in_error = None
        self.in_recorded = False

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        classes = set((attributes.get("class") or "").split())
        if tag == "body" and attributes.get("data-nnhw-mathjax") == "done":
            self.done = True
        if is_pandoc_math(tag, classes):
            self.math_spans.append([False, ""])
        if tag == "script" and (attributes.get("type") or "").startswith("math/tex") and self.inside_math():
            self.math_spans[-1][0] = True
        if classes & ERROR_CLASSES and self.in_error is None:
            self.in_error = len(self.stack)
            self.error_texts.append("")
        if attributes.get("id") == "nnhw-mathjax-errors":
            self.in_recorded = True
        if tag not in ("br", "img", "meta", "link", "input", "hr", "col", "area", "base", "wbr"):
            self.stack.append((tag, classes))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if self.in_error is not None and len(self.stack) <= self.in_error:
                self.in_error = None
            if open_tag == "pre":
                self.in_recorded = False
            if open_tag == tag:
                break

    def inside_math(self):
        return any(is_pandoc_math(tag, classes) for tag, classes in self.stack)

    def inside_mathjax(self):
        return any(
            tag in ("script", "style", "head", "title", "code", "pre")
            or any(c.startswith(("MathJax", "MJX", "mjx")) for c in classes)
            for tag, classes in self.stack
        )

    def handle_data(self, data):
        if self.in_recorded:
            self.recorded += data
            return
        if self.in_error is not None:
            self.error_texts[-1] += data
        if self.inside_math():
            if not self.math_spans[-1][1] and data.strip():
                self.math_spans[-1][1] = data.strip()
            return
        if not self.inside_mathjax() and STRAY_TEX.search(data):
            self.stray.append(data.strip())


def cut(text):
    text = " ".join(text.split())
    return text if len(text) <= WIDTH else text[:WIDTH] + " ..."


def findings(page):
    found = []
    if not page.done:
        found.append(("MathJax did not finish (no End hook; crashed or timed out)", []))
    recorded = [line.split("\t", 1) for line in page.recorded.splitlines() if line.strip()]
    for entry in recorded:
        message, tex = entry[0], entry[1] if len(entry) > 1 else ""
        found.append((f"MathJax error: {cut(message)}", [cut(tex)] if tex else []))
    if not recorded:
        for text in page.error_texts:
            found.append((f"MathJax error node: {cut(text)}", []))
    elif len(page.error_texts) > len(recorded):
        found.append((f"{len(page.error_texts) - len(recorded)} more MathJax error nodes", []))
    for rendered, text in page.math_spans:
        if not rendered and page.done:
            found.append(("math left unrendered", [cut(text)]))
    for text in page.stray:
        found.append(("TeX outside math, left unrendered", [cut(text)]))
    return found


def main(arguments):
    if len(arguments) != 1:
        print(__doc__, file=sys.stderr)
        return 64
    page = Page()
    with open(arguments[0], encoding="utf-8", errors="replace") as file:
        page.feed(file.read())
    result = findings(page)
    for reason, lines in result:
        print(reason)
        for line in lines:
            print("    | " + line)
    return 1 if result else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
