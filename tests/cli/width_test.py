#!/usr/bin/env python3
"""Checks that every text report keeps to the documented width (docs/cli.md,
"Text and the terminal's width"): lines two columns short of the terminal's
width, WIDTH columns on a pseudo-terminal, or 80 in a pipe (`pipe`). CTest
runs it at 40, 80 and 120 columns and in a pipe, each a test of its own.

Every command that writes a text report runs on the fixtures: scan and check
on each resume fixture that reads, match on each posting and on folders of
them, assess, plan, salary, history and progress on a saved history, kb list
and kb show of every skill, level and group; a few also with -v (evidence
whole) and in an ASCII locale (wider stand-ins: `->`, `...`). Widths are
terminal columns: two for an East Asian wide or fullwidth character, one for
any other, as the renderer counts them.

One kind of line may be longer, as documented: a word wider than the room it
has (a URL, a path) is never split, but goes whole on a line of its own, after
at most an indent, a bullet or a label (`Source: `, `Resume: `) of up to
`LABEL` columns.

Usage: width_test.py APIGAP_BINARY REPO_ROOT WIDTH|pipe
"""
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from run_case import run_on_tty
from test_support import check, environment, failures, finish

BINARY, ROOT = str(Path(sys.argv[1]).resolve()), Path(sys.argv[2]).resolve()
WIDTH = None if sys.argv[3] == "pipe" else int(sys.argv[3])
LABEL = 16
# slow.pdf takes the PDF reader's whole time limit and gives no report.
SKIPPED = {"slow.pdf"}


def columns(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def whole_word(line, room):
    """Whether `line` is a word wider than `room` alone on its line, after at most a `LABEL`-column lead."""
    match = re.fullmatch(r"(.*?)(\S+)", line)
    return match is not None and columns(match.group(1)) <= LABEL and columns(match.group(2)) > room - columns(
        match.group(1))


def commands(env):
    kb = json.loads(subprocess.run([BINARY, "kb", "list", "--format", "json"], cwd=ROOT, env=env, check=True,
                                   capture_output=True).stdout)
    resumes = [f"tests/fixtures/resumes/{p.name}" for p in sorted((ROOT / "tests/fixtures/resumes").iterdir())
               if p.name not in SKIPPED] + ["examples/resume.md"]
    postings = [str(p.relative_to(ROOT)) for folder in ("postings", "postings/many", "postings/styles")
                for p in sorted((ROOT / "tests/fixtures" / folder).iterdir())
                if p.is_file() and (p.suffix != ".json" or p.name == "api-engineer-job.json")]
    staff = ["--kb", "examples/overlay-staff-level.yaml"]
    every = [
        ["assess", "--answers", "examples/answers-mid.yaml"],
        ["assess", "--answers", "examples/answers-entry.json"],
        ["assess", "--answers", "examples/answers-mid.yaml", "--level", "senior"],
        ["assess", "--rate", "python=1"],
        [*staff, "assess", "--answers", "examples/answers-mid.yaml", "--level", "staff"],
        ["plan", "--answers", "examples/answers-mid.yaml"],
        ["plan", "--answers", "examples/answers-entry.json", "--level", "senior", "--hours-per-week", "3"],
        ["plan", "--resume", "examples/resume.md", "--weeks", "4"],
        ["salary"], [*staff, "salary"],
        ["history"], ["progress"], ["progress", "1", "4"],
        ["kb", "list"], [*staff, "kb", "list"],
        ["match", "examples/resume.md", "--job", "tests/fixtures/postings/many"],
        ["match", "examples/resume.md", "--job", "tests/fixtures/postings"],
        ["match", "tests/fixtures/resumes/experience-zh.txt", "--job", "tests/fixtures/postings/styles"],
        ["check", "tests/fixtures/resumes/two-columns.pdf", "--source", "tests/fixtures/source/README.md"],
        ["check", "tests/fixtures/resumes/resume.docx", "--require", "websocket,go"],
        ["-v", "scan", "tests/fixtures/resumes/resume.docx"],
        ["-v", "scan", "tests/fixtures/resumes/experience-zh.txt"],
    ]
    every += [["kb", "show", item["id"]] for part in ("skills", "levels", "groups") for item in kb[part]]
    every += [["kb", "show", item["id"]] for item in kb["tools"][:6]]
    every += [["scan", resume] for resume in resumes] + [["check", resume] for resume in resumes]
    every += [["match", "examples/resume.md", "--job", posting] for posting in postings]
    ascii_locale = [["scan", "tests/fixtures/resumes/two-columns.pdf"], ["check", "tests/fixtures/resumes/resume.docx"],
                    ["match", "examples/resume.md", "--job", "tests/fixtures/postings/many"], ["progress"],
                    ["plan", "--answers", "examples/answers-mid.yaml"], ["kb", "show", "communication"]]
    return [(args, env) for args in every] + [(args, {**env, "LC_ALL": "C"}) for args in ascii_locale]


def run(args, env, width):
    """The lines of `apigap ARGS` on a terminal `width` wide, or in a pipe (80) when `width` is None."""
    if width is None:
        result = subprocess.run([BINARY, *args], cwd=ROOT, env=env, capture_output=True, timeout=60,
                                stdin=subprocess.DEVNULL)
    else:
        result = run_on_tty([BINARY, *args], ROOT, env, None, width)
    return result.returncode, result.stdout.decode()


def measure(job):
    args, env, width = job
    code, text = run(args, env, width)
    room = (width or 80) - 2
    shown = f"{'LC_ALL=C ' if env.get('LC_ALL') == 'C' else ''}apigap {' '.join(args)} " + (
        f"at {width} columns" if width else "in a pipe")
    long = [line for line in text.splitlines() if columns(line) > room and not whole_word(line, room)]
    return code, text, shown, room, long


with tempfile.TemporaryDirectory(prefix="apigap-width-") as state:
    env = environment(XDG_STATE_HOME=state, HOME=state)
    subprocess.run(["bash", "tests/cli/save_history.sh"], cwd=ROOT, env={**env, "APIGAP": BINARY}, check=True)
    jobs = [(args, run_env, WIDTH) for args, run_env in commands(env)]
    reports = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for code, text, shown, room, long in pool.map(measure, jobs):
            if code == 2 and text == "":
                continue  # a fixture that does not read (encrypted, truncated, …): no report to measure
            check(code in (0, 1) and text != "", f"{shown}: exit {code}, {len(text)} bytes")
            reports += 1
            for line in long[:3]:
                failures.append(f"{shown}: {columns(line)} columns, more than {room}: {line!r}")
    check(reports >= 0.8 * len(jobs), f"only {reports} of {len(jobs)} runs gave a report")
    print(f"{reports} reports measured {f'at {WIDTH} columns' if WIDTH else 'in a pipe'}")

finish()
