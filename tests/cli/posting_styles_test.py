#!/usr/bin/env python3
"""Reads every posting fixture as `apigap match` does and checks two things:
the postings of tests/fixtures/postings/styles/ (each heading style, language
and marker of docs/match.md) give the level and the required and preferred
skills their expected.json states; and every skill of every posting is cited
at a line that holds the spelling cited, in the JSON and in the SARIF and
GitHub formats that quote it.

Usage: posting_styles_test.py APIGAP_BINARY REPO_ROOT
"""
import json
import subprocess
import sys
from pathlib import Path

from test_support import check, environment, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
RESUME = "tests/eval/resumes/backend-python.md"
POSTINGS = ROOT / "tests/fixtures/postings"
STYLES = POSTINGS / "styles"


def match(posting, *args):
    return subprocess.run([BINARY, "match", RESUME, "--job", str(posting.relative_to(ROOT)), *args], cwd=ROOT,
                          env=environment(), capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


expected = json.loads((STYLES / "expected.json").read_text())
for name, want in expected.items():
    if name.startswith("_"):
        continue
    result = match(STYLES / name, "--format", "json")
    if not check(result.returncode == 0, f"{name}: exit {result.returncode}: {result.stderr}"):
        continue
    report = json.loads(result.stdout)
    parts = {skill["id"]: skill["part"] for skill in report["skills"]}
    check(report["level"]["id"] == want["level"], f"{name}: level {report['level']['id']}, expected {want['level']}")
    for part in ("required", "preferred"):
        got = sorted(skill for skill, each in parts.items() if each == part)
        check(got == want[part], f"{name}: {part} {got}, expected {want[part]}")

postings = sorted(path for path in POSTINGS.rglob("*") if path.is_file() and path.name != "expected.json")
check(len(postings) >= 10, f"posting fixtures: {postings}")
for posting in postings:
    lines = posting.read_text(encoding="utf-8").splitlines()
    result = match(posting, "--format", "json")
    if not check(result.returncode == 0, f"{posting.name}: exit {result.returncode}: {result.stderr}"):
        continue
    skills = json.loads(result.stdout)["skills"]
    for skill in skills:
        line = skill["line"]
        held = 1 <= line <= len(lines) and skill["spelling"].lower() in lines[line - 1].lower()
        check(held, f"{posting.name}: {skill['id']} cited as {skill['spelling']!r} at line {line}: "
                    f"{lines[line - 1] if 1 <= line <= len(lines) else 'no such line'!r}")
    # The formats that cite the posting's line and spelling for a missing skill say what the JSON says.
    for fmt in ("github", "sarif"):
        shown = match(posting, "--format", fmt).stdout
        for skill in skills:
            if not skill["found"]:
                check(f"'{skill['spelling']}' at {posting.relative_to(ROOT)}:{skill['line']}" in shown,
                      f"{posting.name} --format {fmt}: no '{skill['spelling']}' at line {skill['line']}")

finish()
