#!/usr/bin/env python3
"""Text a reader never sees is not evidence: each resume in
tests/fixtures/not-content/ hides Node.js and a REST API in LaTeX comments
(`%`, a comment environment, `\\iffalse`, a `\\newif` switch left off), HTML
comments, scripts, styles and hidden elements, or Markdown's raw HTML, and
`scan` must rate neither. The same file with the hiding taken away must rate
both, so the fixture proves what it claims.

Nor is half a word: tests/fixtures/resumes/wrapped.pdf hyphenates "be-gin" at
a line end, and its second half must not read as Go's Gin framework.

Usage: not_content_test.py APIGAP_BINARY REPO_ROOT
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from test_support import check, environment, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
FIXTURES = ROOT / "tests" / "fixtures" / "not-content"
HIDDEN = ("nodejs", "rest-graphql")


def reveal_latex(text):
    text = re.sub(r"\\(begin|end)\{comment\}|\\iffalse|\\ifhackathons|\\fi\b", "", text)
    return re.sub(r"(?<!\\)%", "", text)


def reveal_html(text):
    text = text.replace("<!--", "").replace("-->", "").replace(" hidden>", ">")
    return re.sub(r"<(/?)(script|style)>", r"<\1p>", text)


REVEAL = {".tex": reveal_latex, ".html": reveal_html, ".md": reveal_html}


def ratings(path):
    result = subprocess.run([BINARY, "scan", str(path), "--format", "json"], env=environment(), capture_output=True,
                            text=True, timeout=60, stdin=subprocess.DEVNULL)
    if not check(result.returncode == 0, f"{path.name}: exit {result.returncode}: {result.stderr.strip()}"):
        return {}
    return {skill["id"]: skill["rating"] for skill in json.loads(result.stdout)["profile"]["skills"]}


with tempfile.TemporaryDirectory() as scratch:
    for fixture in sorted(FIXTURES.iterdir()):
        hidden = ratings(fixture)
        check(hidden.get("python", 0) >= 1, f"{fixture.name}: the visible text should rate Python: {hidden}")
        for skill in HIDDEN:
            check(hidden.get(skill, 0) == 0, f"{fixture.name}: {skill} rated {hidden.get(skill)} from hidden text")
        revealed_path = Path(scratch) / fixture.name
        revealed_path.write_text(REVEAL[fixture.suffix](fixture.read_text()))
        revealed = ratings(revealed_path)
        for skill in HIDDEN:
            check(revealed.get(skill, 0) >= 1, f"{fixture.name}: {skill} not rated once the text is shown: {revealed}")

wrapped = ratings(ROOT / "tests" / "fixtures" / "resumes" / "wrapped.pdf")
check(wrapped.get("go", 0) == 0, f"wrapped.pdf: Go rated {wrapped.get('go')} from the second half of 'be-gin'")
check(wrapped.get("python", 0) >= 1, f"wrapped.pdf: Python, in its skills, not rated: {wrapped}")

finish()
