#!/usr/bin/env python3
"""End-to-end checks of the assessment history that golden cases cannot
express: where `--save` puts entries and with which modes, what an entry
holds, concurrent `--save` runs, the lock, `--save` runs killed at random
moments (the history must stay whole), corrupt entries set aside, entries
skipped but left in place (a newer apigap's, one that cannot be read), and
the files killed runs leave behind.

Usage: history_test.py APIGAP_BINARY REPO_ROOT
"""
import fcntl
import json
import os
import random
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonschema  # Debian's python3-jsonschema

from test_support import check, environment, failures, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
ENTRY = re.compile(r"^\d{6,}-\d{8}T\d{6}Z\.json$")
TEMP = re.compile(r"^\.\d{6,}-\d{8}T\d{6}Z\.json\.[A-Za-z0-9]{6}$")
ASSESS = ["assess", "--answers", "examples/answers-mid.yaml"]
SCAN = ["scan", "examples/resume.md"]
KILL_SECONDS = 12
SCHEMAS = {name: json.loads((ROOT / "docs" / "schema" / f"{name}.schema.json").read_text())
           for name in ("history-entry", "report", "history", "progress")}


def env_for(state=None, **extra):
    env = environment()
    if state is not None:
        env["XDG_STATE_HOME"] = str(state)
    env.update({key: str(value) for key, value in extra.items()})
    return env


def umask_022():
    os.umask(0o022)


def run(args, env, stdin=None):
    return subprocess.run([BINARY, *args], cwd=ROOT, env=env, capture_output=True, timeout=120, input=stdin,
                          stdin=None if stdin is not None else subprocess.DEVNULL, preexec_fn=umask_022)


def start(args, env):
    return subprocess.Popen([BINARY, *args], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=umask_022)


def entries(directory):
    return sorted(p.name for p in directory.iterdir() if ENTRY.match(p.name))


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def validate(document, schema, what):
    try:
        jsonschema.validate(document, SCHEMAS[schema])
        return True
    except jsonschema.ValidationError as error:
        failures.append(f"{what} does not match {schema}.schema.json: {error.message}")
        return False


def whole_entry(path):
    """Whether `path` holds a complete history entry."""
    try:
        document = json.loads(path.read_bytes())
    except (ValueError, OSError) as error:
        failures.append(f"{path.name} is not whole: {error}")
        return False
    return check(document.get("kind") == "history-entry" and isinstance(document.get("report"), dict)
                 and "profile" in document["report"], f"{path.name} is not a complete entry")


def history_json(env):
    result = run(["history", "--format", "json"], env)
    check(result.returncode == 0, f"history exit {result.returncode}: {result.stderr!r}")
    return json.loads(result.stdout) if result.returncode == 0 else {"entries": []}, result.stderr.decode()


def test_directories(tmp):
    """New directories are 0700, existing ones keep their mode; XDG_STATE_HOME must be absolute."""
    nested = tmp / "a" / "b"
    result = run([*ASSESS, "--save"], env_for(nested))
    check(result.returncode == 0, f"save into a new nested directory: {result.stderr!r}")
    for path in (tmp / "a", nested, nested / "apigap"):
        check(mode(path) == 0o700, f"{path} has mode {oct(mode(path))}, not 0700")

    existing = tmp / "existing"
    existing.mkdir(mode=0o755)
    run([*ASSESS, "--save", "-q"], env_for(existing))
    check(mode(existing) == 0o755, f"an existing directory changed mode to {oct(mode(existing))}")
    check(mode(existing / "apigap") == 0o700, "the apigap directory is not 0700")

    home = tmp / "home"
    home.mkdir(mode=0o755)
    for state in ("relative/state", ""):
        result = run([*ASSESS, "--save"], env_for(state, HOME=home))
        check(result.returncode == 0, f"XDG_STATE_HOME={state!r}: exit {result.returncode}")
        check(not (ROOT / "relative").exists(), "a relative XDG_STATE_HOME was used")
    apigap = home / ".local" / "state" / "apigap"
    check(len(entries(apigap)) == 2, f"HOME fallback: {entries(apigap) if apigap.exists() else 'no directory'}")
    for path in (home / ".local", home / ".local" / "state", apigap):
        check(mode(path) == 0o700, f"{path} has mode {oct(mode(path))}, not 0700")
    check(mode(home) == 0o755, "HOME changed mode")


def test_entries(tmp):
    """An entry holds the JSON report, when, and from what; names sort in save order."""
    state = tmp / "entries"
    times = [1767225600, 1767312000, 1767398400]
    for epoch in times:
        result = run([*ASSESS, "--save"], env_for(state, SOURCE_DATE_EPOCH=epoch))
        check(result.returncode == 0, f"save: {result.stderr!r}")
    directory = state / "apigap"
    names = entries(directory)
    check(names == ["000001-20260101T000000Z.json", "000002-20260102T000000Z.json", "000003-20260103T000000Z.json"],
          f"entry names: {names}")
    report = json.loads(run([*ASSESS, "--format", "json"], env_for()).stdout)
    first = json.loads((directory / names[0]).read_text())
    validate(first, "history-entry", names[0])
    validate(first["report"], "report", f"{names[0]}'s report")
    check(first["saved_at"] == "2026-01-01T00:00:00Z", f"saved_at {first['saved_at']}")
    check(first["input"] == "examples/answers-mid.yaml", f"input {first['input']}")
    check(first["report"] == report, "the entry's report differs from --format json")

    piped = run(["assess", "--answers", "-", "--save", "-q"], env_for(state),
                stdin=(ROOT / "examples" / "answers-mid.yaml").read_bytes())
    check(piped.returncode == 0 and piped.stderr == b"", f"save from stdin: {piped.stderr!r}")
    newest = json.loads((directory / entries(directory)[-1]).read_text())
    check(newest["input"] == "<stdin>", f"stdin input recorded as {newest['input']!r}")
    saved = time.strptime(newest["saved_at"], "%Y-%m-%dT%H:%M:%SZ")
    check(abs(time.mktime(saved) - time.mktime(time.gmtime())) < 600, f"clock time {newest['saved_at']}")

    scan = run([*SCAN, "--save", "-q"], env_for(state))
    scanned = json.loads((directory / entries(directory)[-1]).read_text())
    check(scan.returncode == 0 and scanned["input"] == "examples/resume.md" and scanned["report"]["kind"] == "scan",
          "a scan's entry")
    listed, _ = history_json(env_for(state))
    validate(listed, "history", "history --format json")
    check([e["number"] for e in listed["entries"]] == [1, 2, 3, 4, 5], f"numbers {listed['entries']}")

    progress = run(["progress", "1", "5", "--format", "json"], env_for(state))
    check(progress.returncode == 0, f"progress: {progress.stderr!r}")
    if progress.returncode == 0:
        document = json.loads(progress.stdout)
        validate(document, "progress", "progress --format json")
        mid = [level for level in document["readiness"] if level["level"] == "mid"][0]
        expected = [level for level in scanned["report"]["readiness"] if level["level"] == "mid"][0]["readiness"]
        check(mid["to"] == expected, f"progress readiness {mid} vs the scan's {expected}")
        check((document["from"]["number"], document["to"]["number"]) == (1, 5), "progress compared other entries")

    # -o naming an entry, which both commands read, is refused: the entry stays whole, the history intact.
    entry = directory / entries(directory)[0]
    before = entry.read_bytes()
    for command in (["history"], ["progress"]):
        refused = run([*command, "-o", str(entry)], env_for(state))
        check(refused.returncode == 2, f"{command[0]} -o ENTRY: exit {refused.returncode}")
        check(refused.stderr == (f"apigap: error: {entry}: -o names an input of this command ({entry}); "
                                 "write the output to another file\n").encode(),
              f"{command[0]} -o ENTRY: {refused.stderr!r}")
    check(entry.read_bytes() == before and len(entries(directory)) == 5, "-o ENTRY changed the history")


def test_rated_input(tmp):
    """An assessment from --rate flags is recorded and listed as `--rate`, not as no input."""
    state = tmp / "rated"
    directory = state / "apigap"
    for flags, recorded in ((["--rate", "python=3"], "--rate"),
                            (["--answers", "examples/answers-mid.yaml", "--rate", "go=2"],
                             "examples/answers-mid.yaml --rate")):
        rated = run(["assess", *flags, "--save", "-q"], env_for(state))
        entry = json.loads((directory / entries(directory)[-1]).read_text())
        check(rated.returncode == 0 and entry["input"] == recorded, f"{flags} recorded as {entry['input']!r}")
        listed = run(["history"], env_for(state))
        check(listed.stdout.decode().splitlines()[-1].endswith(recorded), f"history shows {listed.stdout!r}")


def test_concurrent_saves(tmp):
    """Many --save runs at once: each gets its own entry, none is lost or mixed."""
    state = tmp / "concurrent"
    runs = [start([*(ASSESS if i % 2 else SCAN), "--save", "-q"], env_for(state)) for i in range(24)]
    for process in runs:
        _, stderr = process.communicate(timeout=120)
        check(process.returncode == 0, f"a concurrent save failed: {stderr!r}")
    directory = state / "apigap"
    names = entries(directory)
    check(len(names) == 24, f"24 concurrent saves left {len(names)} entries")
    check([int(n.split("-")[0]) for n in names] == list(range(1, 25)), f"sequence numbers {names}")
    check(all(whole_entry(directory / n) for n in names), "an entry of a concurrent save is not whole")
    check(not [p for p in directory.iterdir() if TEMP.match(p.name)], "concurrent saves left temporary files")


def test_lock(tmp):
    """A --save waits while another holds the lock, then saves."""
    state = tmp / "locked"
    run([*ASSESS, "--save", "-q"], env_for(state))
    directory = state / "apigap"
    with open(directory / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        waiting = start([*ASSESS, "--save", "-q"], env_for(state))
        time.sleep(1.0)
        check(waiting.poll() is None, "a save did not wait for the lock")
        check(len(entries(directory)) == 1, "a save wrote while the lock was held")
        fcntl.flock(lock, fcntl.LOCK_UN)
    _, stderr = waiting.communicate(timeout=60)
    check(waiting.returncode == 0, f"the waiting save failed: {stderr!r}")
    check(len(entries(directory)) == 2, "the waiting save did not save")


def test_killed_saves(tmp):
    """SIGKILL --save runs at random moments: the history stays whole and lists exactly the complete entries."""
    state = tmp / "killed"
    env = env_for(state)
    seed = int(os.environ.get("APIGAP_TEST_SEED", time.time_ns()))
    rng = random.Random(seed)
    # How long each kind of save takes here, three at a time as below, so that
    # the kills spread over a whole run; the scale then adapts until about
    # half the runs finish, so that most kills land late in a run, where the
    # entry is written.
    scale = {}
    for command in (SCAN, ASSESS):
        started = time.monotonic()
        batch = [start([*command, "--save", "-q"], env) for _ in range(3)]
        ended = []
        while len(ended) < len(batch):
            ended = [p for p in batch if p.poll() is not None]
            time.sleep(0.002)
        for process in batch:
            process.stderr.close()
        scale[command[0]] = (time.monotonic() - started) * 0.8
    directory = state / "apigap"
    initial = len(entries(directory))
    killed = finished = iterations = 0
    half_written = set()
    deadline = time.monotonic() + KILL_SECONDS
    while time.monotonic() < deadline and iterations < 2000:
        iterations += 1
        batch = []
        for _ in range(3):
            command = SCAN if rng.random() < 0.5 else ASSESS
            spread = rng.uniform(0.0, 1.2) if rng.random() < 0.3 else rng.uniform(0.8, 1.1)
            batch.append((start([*command, "--save", "-q"], env), time.monotonic() + scale[command[0]] * spread,
                          command[0]))
        for process, kill_at, kind in sorted(batch, key=lambda item: item[1]):
            time.sleep(max(0.0, kill_at - time.monotonic()))
            if process.poll() is None:
                process.kill()
            process.wait(timeout=60)
            process.stderr.close()
            if process.returncode == -signal.SIGKILL:
                killed += 1
                scale[kind] *= 1.1
            else:
                finished += 1
                scale[kind] *= 0.9
                check(process.returncode == 0, f"an unkilled save exited {process.returncode}")
        # The next save removes them, so count the files killed writes leave now.
        half_written.update(p.name for p in directory.iterdir() if TEMP.match(p.name))
        if iterations % 25 == 0:
            check(all(whole_entry(directory / n) for n in entries(directory)), "a killed save left a broken entry")
    check(killed >= 5 and finished >= 5, f"the kill test did not cover both ends: {killed} killed, {finished} not")
    names = entries(directory)
    check(len(names) >= initial + finished, f"{initial + finished} saves finished but only {len(names)} entries")
    check(all(whole_entry(directory / n) for n in names), "a killed save left a broken entry")
    check(not [p for p in directory.iterdir() if ".corrupt" in p.name], "an entry was set aside as corrupt")
    listed, warnings = history_json(env)
    check(warnings == "", f"history warned after killed saves: {warnings}")
    check([e["file"] for e in listed["entries"]] == names, "history does not list exactly the complete entries")
    check(not [p for p in directory.iterdir() if TEMP.match(p.name)], "history left a killed run's temporary file")
    print(f"kill test (APIGAP_TEST_SEED={seed}): {iterations} rounds, {killed} killed, {finished} finished, {len(names)} entries, "
          f"{len(half_written)} killed while writing (their temporary files were removed)")


def test_corrupt_entries(tmp):
    """A corrupt entry is reported, set aside without replacing anything, and the rest still list."""
    state = tmp / "corrupt"
    env = env_for(state)
    for epoch in (1767225600, 1767312000):
        run([*ASSESS, "--save", "-q"], env_for(state, SOURCE_DATE_EPOCH=epoch))
    directory = state / "apigap"
    good = directory / "000002-20260102T000000Z.json"
    truncated = directory / "000003-20260103T000000Z.json"
    truncated.write_bytes(good.read_bytes()[:1000])
    wrong = directory / "000004-20260104T000000Z.json"
    wrong.write_text('{"kind": "check", "schema_version": 1}\n')
    blocker = directory / "000004-20260104T000000Z.json.corrupt"
    blocker.write_text("an older file that must survive\n")
    stale = directory / ".000005-20260105T000000Z.json.AbC123"
    stale.write_text('{"half')
    unrelated = directory / ".notes"
    unrelated.write_text("mine\n")

    result = run(["history"], env)
    check(result.returncode == 0, f"history with corrupt entries exited {result.returncode}")
    stderr = result.stderr.decode()
    check(f"apigap: warning: {truncated}:" in stderr and "set aside as 000003-20260103T000000Z.json.corrupt\n" in stderr,
          f"the truncated entry was not reported: {stderr}")
    check(f"apigap: warning: {wrong}:1:10: expected kind" in stderr
          and "set aside as 000004-20260104T000000Z.json.corrupt.1\n" in stderr,
          f"the wrong-shaped entry was not reported: {stderr}")
    check(result.stdout.decode().count("\n") == 3, f"history did not list the two good entries: {result.stdout!r}")
    check((directory / "000003-20260103T000000Z.json.corrupt").read_bytes() == good.read_bytes()[:1000],
          "the truncated entry was not kept as it was")
    check(blocker.read_text() == "an older file that must survive\n", "setting aside replaced a file")
    check(not truncated.exists() and not wrong.exists(), "a corrupt entry is still in the listing")
    check(not stale.exists(), "a killed run's temporary file was not removed")
    check(unrelated.read_text() == "mine\n", "an unrelated file was touched")

    again = run(["history"], env)
    check(again.stderr == b"", f"a second history warned again: {again.stderr!r}")
    run([*ASSESS, "--save", "-q"], env_for(state, SOURCE_DATE_EPOCH=1767571200))
    check(entries(directory)[-1] == "000005-20260105T000000Z.json",
          f"a new entry reused a set-aside number: {entries(directory)}")
    progress = run(["progress"], env)
    check(progress.returncode == 0 and b"from  #2" in progress.stdout and b"to    #3" in progress.stdout,
          f"progress after corrupt entries: {progress.stdout!r} {progress.stderr!r}")


SKIPPED = "; this history entry was skipped and left in place\n"


def test_skipped_entries(tmp):
    """An entry a newer apigap wrote, or one that cannot be read now (an I/O error), is reported and skipped, left
    as it is: neither is corrupt, so neither is set aside; history and progress go on with the others."""
    state = tmp / "skipped"
    env = env_for(state)
    for epoch in (1767225600, 1767312000, 1767398400):
        run([*ASSESS, "--save", "-q"], env_for(state, SOURCE_DATE_EPOCH=epoch))
    directory = state / "apigap"
    first, newer, third = (directory / name for name in entries(directory))
    document = json.loads(newer.read_text())
    document["schema_version"] = 2
    document["kind"] = "history-entry-v2"  # a newer version may change any field but its version
    newer.write_text(json.dumps(document))
    newer_bytes = newer.read_bytes()
    # An I/O error whoever runs the test: reading /proc/self/mem from offset 0 fails with EIO.
    failing = directory / "000004-20260104T000000Z.json"
    failing.symlink_to("/proc/self/mem")
    expected = (f"apigap: warning: {newer}: written by a newer apigap (schema_version 2; this one reads 1){SKIPPED}"
                f"apigap: warning: {failing}: cannot read: Input/output error{SKIPPED}")

    listed = run(["history", "--format", "json"], env)
    check(listed.returncode == 0, f"history with skipped entries exited {listed.returncode}")
    check(listed.stderr.decode() == expected, f"history's warnings: {listed.stderr!r}")
    files = [entry["file"] for entry in json.loads(listed.stdout or b'{"entries": []}')["entries"]]
    check(files == [first.name, third.name], f"history listed {files}")
    progress = run(["progress", "--format", "json"], env)
    check(progress.returncode == 0 and progress.stderr.decode() == expected,
          f"progress with skipped entries: exit {progress.returncode}, {progress.stderr!r}")
    if progress.returncode == 0:
        document = json.loads(progress.stdout)
        check((document["from"]["number"], document["to"]["number"]) == (1, 2)
              and document["to"]["saved_at"] == "2026-01-03T00:00:00Z",
              f"progress compared {document['from']} and {document['to']}")
    check(newer.exists() and newer.read_bytes() == newer_bytes, "the newer entry was changed or moved")
    check(failing.is_symlink() and os.readlink(failing) == "/proc/self/mem", "the entry that failed to read was moved")
    check(not [p.name for p in directory.iterdir() if ".corrupt" in p.name],
          f"an entry was set aside: {sorted(p.name for p in directory.iterdir())}")
    saved = run([*ASSESS, "--save", "-q"], env_for(state, SOURCE_DATE_EPOCH=1767484800))
    check(saved.returncode == 0 and entries(directory)[-1] == "000005-20260104T000000Z.json",
          f"a save beside skipped entries: {entries(directory)} {saved.stderr!r}")


def test_unreadable_entry(tmp):
    """An entry its user may not read (permission denied) is skipped and left in place, not set aside. As root,
    which reads every file, history runs as nobody (uid 65534) in a history nobody owns, the entry root's."""
    state = tmp / "unreadable"
    for epoch in (1767225600, 1767312000, 1767398400):
        run([*ASSESS, "--save", "-q"], env_for(state, SOURCE_DATE_EPOCH=epoch))
    directory = state / "apigap"
    names = entries(directory)
    denied = directory / names[1]
    prefix = []
    if os.geteuid() == 0:
        if not Path("/usr/bin/setpriv").exists():
            failures.append("running as root without setpriv (util-linux): cannot test a denied entry")
            return
        prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        for path in (state, directory, *directory.iterdir()):
            os.chown(path, 65534, 65534)
        os.chown(denied, 0, 0)
    denied.chmod(0)
    result = subprocess.run([*prefix, BINARY, "history"], cwd=ROOT, env=env_for(state), capture_output=True,
                            timeout=120, stdin=subprocess.DEVNULL)
    for path in directory.iterdir():
        path.chmod(0o644)  # the entry, or wherever it went, so that it can be cleaned up
    check(result.returncode == 0, f"history with an entry it may not read exited {result.returncode}")
    check(result.stderr.decode() == f"apigap: warning: {denied}: cannot open: Permission denied{SKIPPED}",
          f"history's warning for an entry it may not read: {result.stderr!r}")
    check(result.stdout.decode().count("\n") == 3, f"history did not list the two others: {result.stdout!r}")
    check(entries(directory) == names and not [p for p in directory.iterdir() if ".corrupt" in p.name],
          f"the entry it may not read was moved: {sorted(p.name for p in directory.iterdir())}")


with tempfile.TemporaryDirectory(prefix="apigap-history-") as directory:
    root = Path(directory)
    root.chmod(0o755)
    for test in (test_directories, test_entries, test_rated_input, test_concurrent_saves, test_lock, test_killed_saves,
                 test_corrupt_entries, test_skipped_entries, test_unreadable_entry):
        test(root)

finish()
