#!/usr/bin/env python3
"""What -vv adds over -v on standard error: the time each stage took (checked by shape, as times vary) and each
keyword found but not counted, with the rule that dropped it (checked whole). -v alone logs neither, -q silences
both, and standard output is the same with -v and -vv. -v's count of a resume's lines is the report's.

Usage: verbose_test.py APIGAP_BINARY REPO_ROOT
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from test_support import check, environment, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
RESUME = """# Jane Doe

## Experience

- Drank Java coffee on the island of Java while the build ran.
- Built REST APIs in Python 3.12 with FastAPI; code at https://github.com/jane/graphql-demo
- No experience with Kubernetes yet.

## Interests

PostgreSQL meetups and chess
"""
TIME = r"apigap: debug: time: {}: [0-9]+\.[0-9]{{2}} ms"


def run(*args):
    return subprocess.run([BINARY, *args], env=environment(), capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, cwd=ROOT)


def stages(stderr):
    """The stages timed, in the order logged."""
    return [match.group(1) for match in re.finditer(r"^apigap: debug: time: (.*): [0-9]+\.[0-9]{2} ms$", stderr, re.M)]


with tempfile.TemporaryDirectory() as scratch:
    resume = Path(scratch) / "resume.md"
    resume.write_text(RESUME)
    very = run("-vv", "scan", str(resume))
    check(very.returncode == 0, f"scan -vv: exit {very.returncode}: {very.stderr}")
    check(stages(very.stderr) == ["knowledge base", f"read {resume}", "keyword scan", "inference", "render"],
          f"scan -vv: the stages timed: {stages(very.stderr)}\n{very.stderr}")
    for stage in ("knowledge base", "keyword scan", "inference", "render"):
        check(re.search("^" + TIME.format(re.escape(stage)) + "$", very.stderr, re.M), f"no time for {stage}")
    dropped = [line for line in very.stderr.splitlines() if "not counted" in line]
    everyday = "an everyday word with no technical context on its line"
    interests = "in the section 'interests', whose keywords are not evidence"
    expected = [
        f'apigap: debug: {resume}:5: "Java" (java) not counted: {everyday}',
        f'apigap: debug: {resume}:5: "Java" (java) not counted: {everyday}',
        f'apigap: debug: {resume}:6: "https" (api-security) not counted: in a link',
        f'apigap: debug: {resume}:6: "graphql" (rest-graphql) not counted: in a link',
        f'apigap: debug: {resume}:7: "Kubernetes" (microservices) not counted: in a sentence with a negation phrase',
        f'apigap: debug: {resume}:11: "PostgreSQL" (database-design) not counted: {interests}',
        f'apigap: debug: {resume}:11: "meetups" (communication) not counted: {interests}',
    ]
    check(dropped == expected, "scan -vv: the keywords not counted:\n" + "\n".join(dropped))

    verbose = run("-v", "scan", str(resume))
    check(verbose.stdout == very.stdout, "scan: -v and -vv print different reports")
    check("debug:" not in verbose.stderr, f"scan -v logs at debug level:\n{verbose.stderr}")
    check(run("-vv", "-q", "scan", str(resume)).stderr == "", "scan -vv -q: standard error is not empty")
    # The log counts lines as the report does (blank ones too: 11), then those with text (7).
    counted = run("-v", "scan", str(resume), "--format", "json")
    lines = json.loads(counted.stdout)["resume"]["lines"]
    check(lines == 11, f"scan --format json: {lines} lines")
    check(f"apigap: info: {resume}: 11 lines, 7 with text, " in counted.stderr,
          f"scan -v: the lines logged are not the report's:\n{counted.stderr}")
    check("debug:" not in run("scan", str(resume)).stderr, "scan: debug lines without -vv")

    posting = "tests/fixtures/postings/senior-backend.md"
    match = run("-vv", "match", str(resume), "--job", posting)
    check(stages(match.stderr) == ["knowledge base", f"read {resume}", "keyword scan", "inference", f"read {posting}",
                                   "render"], f"match -vv: the stages timed: {stages(match.stderr)}")
    gate = run("-vv", "check", str(resume), "--min-score", "0")
    check(stages(gate.stderr) == ["knowledge base", f"read {resume}", "keyword scan", "checks", "render"],
          f"check -vv: the stages timed: {stages(gate.stderr)}")
    check(expected[0] in gate.stderr, "check -vv: the everyday word is not reported")
    plan = run("-vv", "plan", "--resume", str(resume))
    check(stages(plan.stderr) == ["knowledge base", f"read {resume}", "keyword scan", "inference", "render"],
          f"plan -vv: the stages timed: {stages(plan.stderr)}")

finish()
