#!/usr/bin/env python3
"""Checks `apigap match`'s CI formats against its JSON result, as data: the
GitHub annotations and the step summary appended (never overwritten, and only
by --format github), the SARIF results and the lines they point at in the
resume, the JUnit cases, and -o FILE equal to stdout for each of them.

Usage: match_ci_test.py APIGAP_BINARY REPO_ROOT
"""
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema  # Debian's python3-jsonschema

from test_support import check, environment, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
RESUME = "tests/eval/resumes/backend-python.md"
MATCH = ["match", RESUME, "--job", "tests/fixtures/postings/senior-backend.md", "--min-score", "90"]
RULES = {"required": ("missing-required", "warning"), "preferred": ("missing-preferred", "note"),
         "context": ("missing-context", "note")}


def run(*args, env=None):
    return subprocess.run([BINARY, *MATCH, *args], cwd=ROOT, env=environment(**(env or {})), capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)


def line_of(skill):
    """Where a missing skill's finding points: its resume section's first line, else line 1."""
    return skill["section_line"] or 1


report = json.loads(run("--format", "json").stdout)
missing = [skill for skill in report["skills"] if not skill["found"]]
resume_lines = (ROOT / RESUME).read_text().splitlines()
check(not report["passed"] and report["score"] < 90, f"the fixture should fail the gate: {report['score']}")
check(missing and all(skill["section_line"] for skill in missing), "the fixture should miss skills it has sections for")

# GitHub: the failed gate first, one annotation per missing skill on its section's line, the verdict last.
with tempfile.TemporaryDirectory() as name:
    summary = Path(name) / "summary.md"
    summary.write_text("# Earlier step\n")
    github = run("--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    markdown = run("--format", "markdown")
    check(github.returncode == 1, f"github: exit {github.returncode}: {github.stderr}")
    check(summary.read_text() == "# Earlier step\n" + markdown.stdout,
          f"the summary is not the earlier step plus the Markdown report: {summary.read_text()[:300]!r}")
    lines = github.stdout.splitlines()
    check(lines[0].startswith(f"::error file={RESUME},title=apigap match-score::match rate {report['score']}%25 "),
          f"the failed gate is not the first annotation: {lines[0]!r}")
    for index, skill in enumerate(missing, start=1):
        rule, level = RULES[skill["part"]]
        prefix = (f"::{'notice' if level == 'note' else level} file={RESUME},line={line_of(skill)},"
                  f"title=apigap {rule}::the posting ")
        check(index < len(lines) and lines[index].startswith(prefix) and f"'{skill['spelling']}'" in lines[index]
              and f"senior-backend.md:{skill['line']}" in lines[index],
              f"annotation {index} for {skill['id']}: expected {prefix!r}, got {lines[index:index + 1]!r}")
    check(lines[-1] == f"apigap match: {RESUME} against tests/fixtures/postings/senior-backend.md: match rate "
                       f"{report['score']}% (minimum 90%): failed: {report['score']}% is below 90%",
          f"verdict line: {lines[-1]!r}")

    # Only --format github appends to the summary.
    summary.write_text("# Earlier step\n")
    run("--format", "sarif", env={"GITHUB_STEP_SUMMARY": str(summary)})
    check(summary.read_text() == "# Earlier step\n", "--format sarif wrote the step summary")

# SARIF: the gate, then one result per missing skill in the JSON's order, each at its section's heading.
sarif_text = run("--format", "sarif").stdout
sarif = json.loads(sarif_text)
jsonschema.validate(sarif, json.loads((ROOT / "tests/cli/sarif-2.1.0-subset.schema.json").read_text()))
run_ = sarif["runs"][0]
rules = run_["tool"]["driver"]["rules"]
results = run_["results"]
check(len(results) == len(missing) + 1, f"{len(results)} SARIF results for {len(missing)} missing skills and a gate")
check(results[0]["ruleId"] == "match-score" and results[0]["level"] == "error"
      and "region" not in results[0]["locations"][0]["physicalLocation"], f"the gate result: {results[0]}")
for result in results:
    check(rules[result["ruleIndex"]]["id"] == result["ruleId"], f"ruleIndex does not point at {result['ruleId']}")
    check(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == RESUME, "a result is not on the resume")
for skill, result in zip(missing, results[1:]):
    rule, level = RULES[skill["part"]]
    start = result["locations"][0]["physicalLocation"]["region"]["startLine"]
    check((result["ruleId"], result["level"]) == (rule, level), f"{skill['id']}: {result['ruleId']} {result['level']}")
    check(start == line_of(skill), f"{skill['id']}: startLine {start}, expected {line_of(skill)}")
    check(resume_lines[start - 1].lstrip("# ").lower() == skill["section"],
          f"{skill['id']}: line {start} is {resume_lines[start - 1]!r}, not the {skill['section']} heading")
check(run_["properties"]["score"] == report["score"] and run_["properties"]["passed"] is False,
      f"run properties: {run_['properties']}")

# JUnit: a case for the gate and one per skill; the gate and each missing skill fail.
junit = ElementTree.fromstring(run("--format", "junit").stdout)
suite = junit.find("testsuite")
cases = suite.findall("testcase")
check(int(suite.get("tests")) == len(cases) == len(report["skills"]) + 1, f"JUnit has {len(cases)} cases")
check(int(suite.get("failures")) == len(missing) + 1, f"JUnit failures {suite.get('failures')}")
check(cases[0].get("name") == "match-score" and cases[0].find("failure") is not None, "the gate case did not fail")
for skill, case in zip(report["skills"], cases[1:]):
    check(case.get("name") == skill["name"] and case.get("classname") == f"apigap.match.{skill['part']}",
          f"case {case.get('classname')}/{case.get('name')} for {skill['id']}")
    check((case.find("failure") is not None) == (not skill["found"]), f"{skill['id']}: failure does not match found")

# -o FILE holds what stdout would.
with tempfile.TemporaryDirectory() as name:
    for format_name in ("sarif", "junit", "github", "html"):
        target = Path(name) / f"match.{format_name}"
        written = run("--format", format_name, "-o", str(target))
        check(written.stdout == "" and target.read_text() == run("--format", format_name).stdout,
              f"-o FILE differs from stdout for {format_name}")

finish()
