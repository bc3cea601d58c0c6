#!/usr/bin/env python3
"""`apigap check RESUME.pdf --source SOURCE` on real renderings: each cases/NAME.html is printed to a PDF by
Debian's headless Chromium (print_pdf.js), as a resume kept as HTML is, and checked against its source. The
findings about the rendering (rules source-*, pdf-*, garbled-text, contact-header-footer) must be exactly those
of cases/NAME.expected, one a line:

    RULE LOCATION [QUOTE]

LOCATION is `source:LINE` (a line of NAME.html), `pdf:LINE` or `pdf` (the whole PDF); QUOTE, when given, must be
in the finding's message. `#` starts a comment.

Usage: rendered_test.py APIGAP NODE REPO_ROOT
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

RULES = ("source-", "pdf-", "garbled-text", "contact-header-footer")


def expected_of(path):
    findings = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            rule, location, *quote = line.split(" ", 2)
            findings.append((rule, location, quote[0] if quote else None))
    return findings


def actual_of(report, source):
    findings = []
    for finding in report["findings"]:
        if not finding["rule"].startswith(RULES):
            continue
        if finding.get("file") == source:
            location = f"source:{finding['line']}"
        elif finding.get("file") is None:
            location = "pdf" if finding["line"] is None else f"pdf:{finding['line']}"
        else:
            location = f"{finding['file']}:{finding['line']}"
        findings.append((finding["rule"], location, finding["message"]))
    return findings


def main():
    apigap, node, root = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    cases = sorted((root / "tests" / "rendered" / "cases").glob("*.html"))
    failures = 0
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([node, str(root / "tests" / "rendered" / "print_pdf.js"), out, *map(str, cases)], check=True)
        for case in cases:
            source = str(case.relative_to(root))
            pdf = Path(out) / (case.stem + ".pdf")
            result = subprocess.run([apigap, "check", str(pdf), "--source", source, "--format", "json"],
                                    cwd=root, capture_output=True, text=True)
            if result.returncode not in (0, 1):
                print(f"FAIL {case.stem}: exit {result.returncode}: {result.stderr.strip()}")
                failures += 1
                continue
            actual = actual_of(json.loads(result.stdout), source)
            expected = expected_of(case.with_suffix(".expected"))
            problems = []
            if [a[:2] for a in actual] != [e[:2] for e in expected]:
                problems.append("findings differ")
            for (rule, location, message), (_, _, quote) in zip(actual, expected):
                if quote is not None and quote not in message:
                    problems.append(f"{rule} {location}: '{quote}' is not in: {message}")
            if any(rule.startswith("source-keyword") for rule, _, _ in actual) and result.returncode != 1:
                problems.append(f"exit {result.returncode} with a lost or mangled keyword")
            if problems:
                failures += 1
                print(f"FAIL {case.stem}: " + "; ".join(problems))
                print("  expected:\n" + "".join(f"    {r} {l} {q or ''}\n" for r, l, q in expected), end="")
                print("  actual:\n" + "".join(f"    {r} {l} {m}\n" for r, l, m in actual), end="")
            else:
                print(f"ok   {case.stem}: {len(actual)} findings")
    if failures:
        print(f"{failures} of {len(cases)} rendered cases failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
