#!/usr/bin/env python3
"""Runs one golden end-to-end case of the apigap binary.

A case is a folder under tests/cli/cases/ holding:
  args             the arguments, one per line (blank lines are skipped; a line `{empty}` is an empty argument)
  stdin            optional: fed to standard input (otherwise /dev/null)
  env              optional: KEY=VALUE lines added to the environment
  setup            optional: a bash script run first, from the repo root, with
                   the case's environment and APIGAP set to the binary; it
                   must exit 0 (the history cases save entries with it)
  tty              optional: a number of columns; standard output is then a pseudo-terminal that wide (24 rows),
                   so that the case sees a terminal (standard error stays a pipe, standard input as above)
  schema           optional: a path (from the repo root) of the JSON Schema
                   that stdout must validate against, when the case exits 0
                   or 1 (a failed gate still writes its result)
  expected_stdout, expected_stderr, expected_exit: what must come out.

The binary runs from the repo root, with a fixed environment (C.UTF-8, no
colour variables, no APIGAP_KB, APIGAP_TODAY=2026-06-15), so output needs no normalising, with one
exception: `{tmp}` in `args` or an `env` value stands for a fresh empty
directory made for this run (for XDG_STATE_HOME), and where that directory's
path appears in the output it is written back as `{tmp}`.
With APIGAP_UPDATE_GOLDEN=1 the expected files are rewritten instead
(`APIGAP_UPDATE_GOLDEN=1 ctest -R cli`); review the diff, then commit it.
"""
import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from test_support import environment, schema_validator


def main() -> int:
    binary, root, case = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    with tempfile.TemporaryDirectory(prefix="apigap-case-") as tmp:
        return run(binary, root, case, tmp)


def run(binary: Path, root: Path, case: Path, tmp: str) -> int:
    # Bytes, not text: a case may pass arguments that are not valid UTF-8.
    args = [b"" if line == b"{empty}" else line.replace(b"{tmp}", tmp.encode())
            for line in (case / "args").read_bytes().splitlines() if line != b""]
    env = environment(HOME=os.environ.get("HOME", "/tmp"))
    if (case / "env").exists():
        for line in (case / "env").read_text().splitlines():
            if line.strip():
                key, _, value = line.partition("=")
                env[key] = value.replace("{tmp}", tmp)
    if (case / "setup").exists():
        setup = subprocess.run(["bash", str(case / "setup")], cwd=root, env={**env, "APIGAP": str(binary)},
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        if setup.returncode != 0:
            print(f"--- {case.name}/setup failed with exit {setup.returncode}:\n"
                  f"{setup.stdout.decode(errors='replace')}{setup.stderr.decode(errors='replace')}")
            return 1
    stdin = (case / "stdin").read_bytes() if (case / "stdin").exists() else None
    if (case / "tty").exists():
        result = run_on_tty([os.fsencode(binary), *args], root, env, stdin, int((case / "tty").read_text()))
    else:
        result = subprocess.run([os.fsencode(binary), *args], cwd=root, env=env, input=stdin,
                                stdin=None if stdin is not None else subprocess.DEVNULL,
                                capture_output=True, timeout=60)
    actual = {"expected_stdout": result.stdout.replace(tmp.encode(), b"{tmp}"),
              "expected_stderr": result.stderr.replace(tmp.encode(), b"{tmp}"),
              "expected_exit": f"{result.returncode}\n".encode()}

    if os.environ.get("APIGAP_UPDATE_GOLDEN") == "1":
        for name, content in actual.items():
            (case / name).write_bytes(content)
        print(f"updated {case.name}")
        return 0

    failed = False
    for name, content in actual.items():
        path = case / name
        expected = path.read_bytes() if path.exists() else b""
        if content != expected:
            failed = True
            print(f"--- {case.name}/{name} differs; expected:\n{expected.decode(errors='replace')}"
                  f"--- actual:\n{content.decode(errors='replace')}")
    if (case / "schema").exists() and result.returncode in (0, 1):
        import jsonschema  # Debian's python3-jsonschema
        schema_path = root / (case / "schema").read_text().strip()
        try:
            schema_validator(root, schema_path).validate(json.loads(result.stdout))
        except (jsonschema.ValidationError, json.JSONDecodeError) as error:
            failed = True
            print(f"--- {case.name}: stdout does not match {schema_path.name}: {error}")
    return 1 if failed else 0


def run_on_tty(command, root: Path, env, stdin, columns: int) -> subprocess.CompletedProcess:
    """Runs `command` with standard output on a pseudo-terminal `columns` wide; its output as written (no CR added)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    attributes = termios.tcgetattr(slave)
    attributes[1] &= ~termios.ONLCR  # "\n" stays "\n", as in a pipe
    termios.tcsetattr(slave, termios.TCSANOW, attributes)
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as given:
        given.write(stdin or b"")
        given.seek(0)
        proc = subprocess.Popen(command, cwd=root, env=env, stdin=given if stdin is not None else subprocess.DEVNULL,
                                stdout=slave, stderr=errors)
        os.close(slave)
        output = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if select.select([master], [], [], 0.5)[0]:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the last holder of the terminal closed it
                    break
                if not chunk:
                    break
                output += chunk
        else:
            proc.kill()
        os.close(master)
        proc.wait()
        errors.seek(0)
        return subprocess.CompletedProcess(command, proc.returncode, output, errors.read())


if __name__ == "__main__":
    sys.exit(main())
