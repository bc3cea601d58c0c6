#!/usr/bin/env python3
"""Runs apigap's YAML and JSON readers over yaml-test-suite and JSONTestSuite.

Neither suite is in this repository: check them out first (see
docs/reliability.md, "Conformance"), then

    tests/conformance/run_suites.py BINARY --yaml-suite DIR --json-suite DIR

  --yaml-suite DIR  yaml-test-suite's `data` branch: one folder per case (some
                    with numbered sub-folders), `in.yaml` and, for a case that
                    must be refused, a file named `error`
  --json-suite DIR  JSONTestSuite's `test_parsing` folder: y_*.json must be
                    accepted, n_*.json refused, i_*.json either way

Each YAML case is fed as an answers file (`assess --answers CASE.yaml --format
json`) and as a knowledge-base overlay (`kb validate CASE.yaml`); each JSON file
as answers, as a JSON Resume (`scan CASE.json --format json`) and as an overlay,
under its own name ending in .json. Every run has a timeout. A refusal is
sorted by its message: a syntax refusal (the YAML or JSON parser's own error),
a documented restriction (aliases, anchors, several documents, duplicate or
non-string keys, the depth and size limits), or a content refusal (a valid
document that is not answers, a resume or a knowledge base: exit 2 with a
schema error). It prints the counts and lists every case that breaks a rule:
a crash (a signal, exit 3, any other exit code, sanitizer output), a hang, a
valid document refused for its syntax (other than the yaml-cpp gaps listed in
docs/reliability.md), an invalid JSON document accepted. It exits 1 when there
is such a case, and 0 otherwise; not run by CTest, since the suites are not
vendored.
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

TIMEOUT_SECONDS = 10

# The messages of apigap's own restrictions on otherwise valid YAML (src/core/document.cpp, node_builder.cpp).
RESTRICTIONS = [
    "aliases (*name) are not supported", "anchors (&name) are not supported", "expected one YAML document",
    "a mapping key must be a plain string", "duplicate key", "nested too deeply", "too many values",
]
# yaml-cpp 0.7's parser messages (yaml-cpp/exceptions.h, ErrorMsg), and nlohmann/json's.
SYNTAX = [
    "YAML directives must have", "bad YAML version", "YAML major version too large", "repeated YAML directive",
    "TAG directives must have", "repeated TAG directive", "illegal character found while scanning",
    "tag handle with no suffix", "end of verbatim tag not found", "end of map not found",
    "end of map flow not found", "end of sequence not found", "end of sequence flow not found",
    "cannot assign multiple", "aliases can't have any content", "bad character found while scanning hex",
    "invalid unicode", "unknown escape character", "unknown token", "illegal document indicator",
    "illegal EOF in scalar", "illegal character in scalar", "illegal tab when looking for indentation",
    "illegal flow end", "illegal block entry", "illegal map key", "illegal map value", "alias not found after",
    "anchor not found after", "cannot set zero indentation", "unexpected character in block scalar",
    "the referenced anchor is not defined", "invalid character in single-quoted string",
    "syntax error", "number overflow parsing", "invalid UTF-8",
]
ERROR_LINE = re.compile(r"^apigap: error: (?:.*?:\d+:\d+: |[^:]*: )?(.*)$")


def classify(stderr: str) -> str:
    """'syntax', 'restriction' or 'content', from the first error line."""
    for line in stderr.splitlines():
        match = ERROR_LINE.match(line)
        if match:
            message = line
            if any(text in message for text in RESTRICTIONS):
                return "restriction"
            if any(text in message for text in SYNTAX):
                return "syntax"
            return "content"
    return "content"


def run(binary: Path, args: list[str]) -> tuple[str, str]:
    """('ok' | 'refused' | 'failed' | 'crash' | 'hang', stderr)."""
    try:
        result = subprocess.run([str(binary), *args], stdin=subprocess.DEVNULL, capture_output=True,
                                timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return "hang", ""
    stderr = result.stderr.decode(errors="replace")
    if result.returncode not in (0, 1, 2) or "Sanitizer" in stderr or "runtime error:" in stderr:
        return "crash", f"exit {result.returncode}: {stderr}"
    return {0: "ok", 1: "failed", 2: "refused"}[result.returncode], stderr


def yaml_cases(root: Path):
    """(name, path of in.yaml, whether the case is valid YAML)."""
    for path in sorted(root.rglob("in.yaml")):
        yield str(path.parent.relative_to(root)), path, not (path.parent / "error").exists()


def json_cases(root: Path):
    """(name, path, 'y' | 'n' | 'i')."""
    for path in sorted(root.glob("*.json")):
        yield path.name, path, path.name[0]


class Tally:
    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.problems: list[str] = []
        self.syntax_refusals: dict[str, str] = {}

    def add(self, suite: str, mode: str, expect: str, name: str, outcome: str, stderr: str) -> None:
        kind = classify(stderr) if outcome == "refused" else ""
        key = f"{suite} {mode} {expect}: {outcome}{' (' + kind + ')' if kind else ''}"
        self.counts[key] += 1
        if outcome in ("crash", "hang"):
            self.problems.append(f"{outcome}: {suite} {mode} {name}: {stderr.strip()[:300]}")
        elif expect == "valid" and kind == "syntax":
            self.syntax_refusals[f"{suite} {name}"] = stderr.strip().splitlines()[0]
        elif suite == "json" and expect == "n" and outcome != "refused":
            self.problems.append(f"accepted invalid JSON: {mode} {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", type=Path)
    parser.add_argument("--yaml-suite", type=Path)
    parser.add_argument("--json-suite", type=Path)
    parser.add_argument("--known-gaps", type=Path, default=Path(__file__).with_name("yaml-cpp-gaps.txt"),
                        help="yaml-test-suite cases yaml-cpp cannot parse (default: yaml-cpp-gaps.txt beside this)")
    options = parser.parse_args()
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="apigap-conformance-") as tmp:
        work = Path(tmp)
        if options.yaml_suite:
            for name, path, valid in yaml_cases(options.yaml_suite):
                case = work / "case.yaml"
                shutil.copyfile(path, case)
                expect = "valid" if valid else "invalid"
                for mode, args in (("answers", ["assess", "--answers", str(case), "--format", "json"]),
                                   ("overlay", ["kb", "validate", str(case)])):
                    tally.add("yaml", mode, expect, name, *run(options.binary, args))
        if options.json_suite:
            for name, path, expect in json_cases(options.json_suite):
                case = work / "case.json"
                shutil.copyfile(path, case)
                for mode, args in (("answers", ["assess", "--answers", str(case), "--format", "json"]),
                                   ("resume", ["scan", str(case), "--format", "json"]),
                                   ("overlay", ["kb", "validate", str(case)])):
                    tally.add("json", mode, "valid" if expect == "y" else expect, name,
                              *run(options.binary, args))
    for key in sorted(tally.counts):
        print(f"{tally.counts[key]:5d}  {key}")
    known = set()
    if options.known_gaps and options.known_gaps.exists():
        known = {line.split()[0] for line in options.known_gaps.read_text().splitlines()
                 if line.strip() and not line.startswith("#")}
    unexpected = {case: message for case, message in tally.syntax_refusals.items()
                  if case.split()[1] not in known}
    print(f"valid documents refused for their syntax: {len(tally.syntax_refusals)} "
          f"({len(tally.syntax_refusals) - len(unexpected)} known yaml-cpp gaps)")
    for case, message in sorted(tally.syntax_refusals.items()):
        print(f"  {case}: {message}")
    for problem in tally.problems:
        print(problem)
    print(f"{len(tally.problems) + len(unexpected)} problems")
    return 1 if tally.problems or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
