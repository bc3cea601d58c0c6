#!/usr/bin/env python3
"""End-to-end checks of how apigap writes results, which golden cases cannot
express: `-o FILE` is written atomically and equals stdout, a failed write
leaves nothing behind, and a closed pipe ends quietly.

Usage: output_test.py APIGAP_BINARY REPO_ROOT
"""
import subprocess
import sys
import tempfile
from pathlib import Path

from test_support import check, environment, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
ENV = environment()
ASSESS = ["assess", "--answers", "examples/answers-mid.yaml", "--format", "json"]


def run(args, **kwargs):
    return subprocess.run([BINARY, *args], cwd=ROOT, env=ENV, capture_output=True, timeout=60,
                          stdin=subprocess.DEVNULL, **kwargs)


with tempfile.TemporaryDirectory() as directory:
    target = Path(directory) / "report.json"
    target.write_text("old content\n")
    to_file = run([*ASSESS, "-o", str(target)])
    to_stdout = run(ASSESS)
    check(to_file.returncode == 0, f"-o exit {to_file.returncode}: {to_file.stderr!r}")
    check(to_file.stdout == b"", "-o also wrote to stdout")
    check(target.read_bytes() == to_stdout.stdout, "-o FILE differs from stdout")
    check(sorted(p.name for p in Path(directory).iterdir()) == ["report.json"], "-o left a temporary file")

    missing = Path(directory) / "no-such-dir" / "report.json"
    failed = run([*ASSESS, "-o", str(missing)])
    check(failed.returncode == 2, f"-o into a missing directory: exit {failed.returncode}")
    check(failed.stderr.decode().startswith(f"apigap: error: {missing}: cannot write: "),
          f"-o into a missing directory: {failed.stderr!r}")
    check(not missing.parent.exists(), "a failed -o created something")

    refused = run(["assess", "--answers", "examples/does-not-exist.yaml", "-o", str(target)])
    check(refused.returncode == 2, "bad input with -o did not exit 2")
    check(target.read_bytes() == to_stdout.stdout, "bad input with -o changed the existing file")

# A reader that stops early: apigap must end quietly and successfully (the
# export is far larger than a pipe's buffer, so the write does hit the closed pipe).
pipeline = subprocess.run(["bash", "-c", f"set -o pipefail; '{BINARY}' kb export --format yaml | head -1"],
                          cwd=ROOT, env=ENV, capture_output=True, timeout=60)
check(pipeline.returncode == 0, f"closed pipe: exit {pipeline.returncode}")
check(pipeline.stderr == b"", f"closed pipe printed: {pipeline.stderr!r}")
check(pipeline.stdout == b"scale:\n", f"head -1 got {pipeline.stdout!r}")

finish()
