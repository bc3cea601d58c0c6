#!/usr/bin/env python3
"""apigap batch: the same bytes whatever --jobs is, lines valid against the
schema, the summary on stderr, PDFs read from worker threads, and a closed pipe."""
import json
import re
import subprocess
import sys
from pathlib import Path

ENV = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "TERM": "dumb"}


def run(binary: Path, root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], cwd=root, env=ENV, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120)


def main() -> int:
    binary, root = Path(sys.argv[1]), Path(sys.argv[2])
    folder = "tests/fixtures/batch"
    one = run(binary, root, "batch", folder, "--jobs", "1", "-q")
    assert one.returncode == 1, one
    assert one.stderr == b"", one.stderr
    for _ in range(3):
        four = run(binary, root, "batch", folder, "--jobs", "4", "-q")
        assert four.returncode == 1
        assert four.stdout == one.stdout, (one.stdout, four.stdout)

    lines = [json.loads(line) for line in one.stdout.decode().splitlines()]
    paths = [line["path"] for line in lines]
    assert paths == sorted(paths), paths
    assert not any("/." in path for path in paths), paths
    import jsonschema  # Debian's python3-jsonschema
    schema = json.loads((root / "docs/schema/batch-line.schema.json").read_text())
    for line in lines:
        jsonschema.validate(line, schema)
    by_path = {line["path"]: line for line in lines}
    pdf = by_path[f"{folder}/team/pdf/text.pdf"]
    assert pdf["format"] == "pdf" and pdf["lines"] > 0, pdf
    assert "error" in by_path[f"{folder}/team/pdf/encrypted.pdf"]
    ok = sum(1 for line in lines if "error" not in line)
    failed = len(lines) - ok

    # The summary: counts exact, time and rate vary.
    summary = run(binary, root, "batch", folder, "--jobs", "2")
    assert summary.stdout == one.stdout
    pattern = (rf"apigap: batch: {len(lines)} files?, {ok} ok, {failed} failed in [0-9]+\.[0-9]{{2}} s "
               rf"\([0-9]+ resumes/s\)\n")
    assert re.fullmatch(pattern.encode(), summary.stderr), summary.stderr

    # Many PDFs at once from worker threads: each read whole, none lost.
    many = [f"{folder}/team/pdf/text.pdf"] * 1 + [f"tests/fixtures/resumes/{name}" for name in
                                                  ("text.pdf", "garbled.pdf", "scan.pdf", "truncated.pdf")]
    pdfs = run(binary, root, "batch", *many, "--jobs", "4", "-q")
    got = [json.loads(line) for line in pdfs.stdout.decode().splitlines()]
    assert [line["path"] for line in got] == sorted(set(many)), got
    assert got[0]["skills"] == pdf["skills"], got

    # A closed pipe ends the batch quietly.
    head = subprocess.run(f"'{binary}' batch {folder} -q | head -c 10", shell=True, cwd=root,
                          env=ENV, capture_output=True, timeout=120)
    assert head.stderr == b"", head.stderr
    print(f"ok: {len(lines)} lines, identical with --jobs 1 and 4")
    return 0


if __name__ == "__main__":
    sys.exit(main())
