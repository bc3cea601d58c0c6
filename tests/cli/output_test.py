#!/usr/bin/env python3
"""End-to-end checks of where apigap writes results (docs/cli.md, "Where
results go"), which golden cases cannot express: `-o FILE` replaces a regular
file atomically, keeping its mode and owner; follows links to the folder of
their target; writes a device, FIFO or `/dev/stdout` directly; refuses a
directory and any input of the command, and a step summary that names one;
never writes colour; standard output that cannot be written is an error, a
closed pipe is not; and standard error that cannot be written changes
nothing but the messages lost.

The devices are made here with mknod, which needs root (CI runs as root);
without it those checks are skipped with a notice. Nothing under /dev is
written: `/dev/stdout` is played by a link of our own to /proc/self/fd/1.

Usage: output_test.py APIGAP_BINARY REPO_ROOT
"""
import os
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from test_support import check, environment, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
ENV = environment()
ASSESS = ["assess", "--answers", "examples/answers-mid.yaml", "--format", "json"]
IS_ROOT = os.geteuid() == 0
NOBODY = 65534
ESC = b"\x1b"


def run(args, env=None, **kwargs):
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    kwargs.setdefault("capture_output", "stdout" not in kwargs)
    return subprocess.run([BINARY, *args], cwd=ROOT, env=env or ENV, timeout=60, **kwargs)


def as_nobody():
    """For preexec_fn: run the child as the unprivileged user nobody."""
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def cannot_write(path, reason):
    return f"apigap: error: {path}: cannot write: {reason}\n".encode()


def refused(output, name):
    return (f"apigap: error: {output}: -o names an input of this command ({name}); "
            "write the output to another file\n").encode()


REPORT = run(ASSESS).stdout


def test_regular_files(tmp):
    """A regular file is replaced whole, keeps its mode and owner; a new one gets 0666 less the umask."""
    target = tmp / "report.json"
    target.write_text("old content\n")
    target.chmod(0o600)
    if IS_ROOT:
        os.chown(target, 1234, 4321)
    to_file = run([*ASSESS, "-o", str(target)])
    check(to_file.returncode == 0, f"-o exit {to_file.returncode}: {to_file.stderr!r}")
    check(to_file.stdout == b"", "-o also wrote to stdout")
    check(target.read_bytes() == REPORT, "-o FILE differs from stdout")
    check(stat.S_IMODE(target.stat().st_mode) == 0o600, f"a 0600 file became {oct(target.stat().st_mode)}")
    if IS_ROOT:
        check((target.stat().st_uid, target.stat().st_gid) == (1234, 4321), "the file changed owner")
    check(sorted(p.name for p in tmp.iterdir()) == ["report.json"], "-o left a temporary file")

    fresh = tmp / "fresh.json"
    made = run([*ASSESS, "-o", str(fresh)], preexec_fn=lambda: os.umask(0o027))
    check(made.returncode == 0 and fresh.read_bytes() == REPORT, f"new file: {made.stderr!r}")
    check(stat.S_IMODE(fresh.stat().st_mode) == 0o640, f"a new file under umask 027 is {oct(fresh.stat().st_mode)}")
    fresh.unlink()

    missing = tmp / "no-such-dir" / "report.json"
    failed = run([*ASSESS, "-o", str(missing)])
    check(failed.returncode == 2, f"-o into a missing directory: exit {failed.returncode}")
    check(failed.stderr == cannot_write(missing, "No such file or directory"),
          f"-o into a missing directory: {failed.stderr!r}")
    check(not missing.parent.exists(), "a failed -o created something")

    bad = run(["assess", "--answers", "examples/does-not-exist.yaml", "-o", str(target)])
    check(bad.returncode == 2, "bad input with -o did not exit 2")
    check(target.read_bytes() == REPORT, "bad input with -o changed the existing file")

    folder = tmp / "folder"
    folder.mkdir()
    into_folder = run([*ASSESS, "-o", str(folder)])
    check(into_folder.returncode == 2 and into_folder.stderr == cannot_write(folder, "Is a directory"),
          f"-o DIRECTORY: {into_folder.returncode} {into_folder.stderr!r}")

    if IS_ROOT:
        # Someone who may not give a file away replaces it as their own, with its mode.
        shared = tmp / "shared"
        shared.mkdir()
        os.chown(shared, NOBODY, NOBODY)
        theirs = shared / "report.json"
        theirs.write_text("root's\n")
        theirs.chmod(0o640)
        tmp.chmod(0o755)
        replaced = run([*ASSESS, "-o", str(theirs)], preexec_fn=as_nobody)
        check(replaced.returncode == 0 and theirs.read_bytes() == REPORT, f"as nobody: {replaced.stderr!r}")
        check(theirs.stat().st_uid == NOBODY and stat.S_IMODE(theirs.stat().st_mode) == 0o640,
              f"as nobody: owner {theirs.stat().st_uid}, mode {oct(theirs.stat().st_mode)}")


def test_links(tmp):
    """A link is followed: its target is replaced from the target's folder, and the link stays."""
    links, targets = tmp / "links", tmp / "targets"
    links.mkdir()
    targets.mkdir()
    target = targets / "report.json"
    target.write_text("old\n")
    (links / "link").symlink_to("../targets/report.json")
    (links / "chain").symlink_to("link")
    (links / "dangling").symlink_to("../targets/new.json")
    (links / "loop-a").symlink_to("loop-b")
    (links / "loop-b").symlink_to("loop-a")
    # The temporary file must go beside the target: the links' folder is not writable.
    if IS_ROOT:
        tmp.chmod(0o755)
        os.chown(targets, NOBODY, NOBODY)
        user = {"preexec_fn": as_nobody}
    else:
        user = {}
    links.chmod(0o555)
    try:
        for name in ("link", "chain"):
            target.write_text("old\n")
            result = run([*ASSESS, "-o", str(links / name)], **user)
            check(result.returncode == 0, f"-o {name}: exit {result.returncode}: {result.stderr!r}")
            check(target.read_bytes() == REPORT, f"-o {name}: the target does not hold the report")
        check(os.readlink(links / "link") == "../targets/report.json", "the link was replaced")
        check(os.readlink(links / "chain") == "link", "the chain's first link was replaced")
        created = run([*ASSESS, "-o", str(links / "dangling")], **user)
        check(created.returncode == 0 and (targets / "new.json").read_bytes() == REPORT,
              f"-o to a dangling link: {created.returncode} {created.stderr!r}")
        check((links / "dangling").is_symlink(), "the dangling link was replaced")
        loop = run([*ASSESS, "-o", str(links / "loop-a")])
        too_many = cannot_write(links / "loop-a", "Too many levels of symbolic links")
        check(loop.returncode == 2 and loop.stderr == too_many, f"-o to a link loop: {loop.returncode} {loop.stderr!r}")
        check(sorted(p.name for p in links.iterdir()) == ["chain", "dangling", "link", "loop-a", "loop-b"],
              f"the links' folder changed: {sorted(p.name for p in links.iterdir())}")
        check(sorted(p.name for p in targets.iterdir()) == ["new.json", "report.json"],
              f"the targets' folder: {sorted(p.name for p in targets.iterdir())}")
    finally:
        links.chmod(0o755)


def test_devices(tmp):
    """A character device is written, never replaced; a full device is an error naming it."""
    if not IS_ROOT:
        print("notice: not root: skipped -o to character devices made with mknod")
        return
    null, full = tmp / "null", tmp / "full"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    written = run([*ASSESS, "-o", str(null)])
    check(written.returncode == 0 and written.stderr == b"", f"-o null device: {written.returncode} {written.stderr!r}")
    check(stat.S_ISCHR(null.stat().st_mode) and null.stat().st_rdev == os.makedev(1, 3), "the null device was replaced")
    no_space = run([*ASSESS, "-o", str(full)])
    check(no_space.returncode == 2, f"-o full device: exit {no_space.returncode}")
    check(no_space.stderr == cannot_write(full, "No space left on device"), f"-o full device: {no_space.stderr!r}")
    check(stat.S_ISCHR(full.stat().st_mode), "the full device was replaced")
    check(sorted(p.name for p in tmp.iterdir()) == ["full", "null"], "writing a device left a file")

    # Standard output that cannot take the result is an error too.
    with open(full, "wb") as device:
        result = run(ASSESS, stdout=device, stderr=subprocess.PIPE)
    check(result.returncode == 2 and
          result.stderr == b"apigap: error: cannot write to standard output: No space left on device\n",
          f"> full device: {result.returncode} {result.stderr!r}")


def test_fifo_and_socket(tmp):
    """A FIFO is written for its reader, not replaced; a socket cannot be opened and says so."""
    fifo = tmp / "fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run([*ASSESS, "-o", str(fifo)])
    reader.join(timeout=30)
    check(result.returncode == 0, f"-o FIFO: exit {result.returncode}: {result.stderr!r}")
    check(received == [REPORT], "the FIFO's reader did not get the report")
    check(stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced")

    path = tmp / "socket"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = run([*ASSESS, "-o", str(path)])
        check(result.returncode == 2 and result.stderr == cannot_write(path, "No such device or address"),
              f"-o socket: {result.returncode} {result.stderr!r}")
        check(stat.S_ISSOCK(path.lstat().st_mode), "the socket was replaced")
    finally:
        server.close()


def test_standard_output(tmp):
    """`-o /dev/stdout` and `-o -` write to standard output, appending where it appends."""
    # A link of our own made as /dev/stdout is: a faulty apigap replaces it, not the machine's.
    stdout = tmp / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    for name in (str(stdout), "-"):
        result = run([*ASSESS, "-o", name])
        check(result.returncode == 0 and result.stdout == REPORT, f"-o {name}: {result.returncode} {result.stderr!r}")
    log = tmp / "log"
    log.write_bytes(b"first\n")
    with open(log, "ab") as appending:
        result = run([*ASSESS, "-o", str(stdout)], stdout=appending, stderr=subprocess.PIPE)
    check(result.returncode == 0 and log.read_bytes() == b"first\n" + REPORT,
          f"-o /dev/stdout >> log: {result.returncode} {log.read_bytes()[:40]!r}")
    check(stdout.is_symlink(), "the link to standard output was replaced")

    closed = subprocess.run(["bash", "-c", f"'{BINARY}' salary >&-"], cwd=ROOT, env=ENV, capture_output=True,
                            timeout=60)
    check(closed.returncode == 2, f">&-: exit {closed.returncode}")
    check(closed.stderr == b"apigap: error: cannot write to standard output: Bad file descriptor\n",
          f">&-: {closed.stderr!r}")

    # A reader that stops early: apigap must end quietly and successfully (the
    # export is far larger than a pipe's buffer, so the write does hit the closed pipe).
    pipeline = subprocess.run(["bash", "-c", f"set -o pipefail; '{BINARY}' kb export --format yaml | head -1"],
                              cwd=ROOT, env=ENV, capture_output=True, timeout=60)
    check(pipeline.returncode == 0, f"closed pipe: exit {pipeline.returncode}")
    check(pipeline.stderr == b"", f"closed pipe printed: {pipeline.stderr!r}")
    check(pipeline.stdout == b"scale:\n", f"head -1 got {pipeline.stdout!r}")


def test_standard_error(tmp):
    """Standard error that cannot be written costs nothing but the message: the exit code and the results are those
    of a run that could write it. A message is one line, whatever bytes the path or the input it echoes holds."""
    reader, writer = os.pipe()
    os.close(reader)  # a reader that has gone: each write to stderr fails with EPIPE
    with open("/dev/full", "wb") as full:
        for name, stderr in (("closed pipe", writer), ("/dev/full", full)):
            missing = run(["scan", str(tmp / "missing.md")], stderr=stderr, stdout=subprocess.DEVNULL)
            check(missing.returncode == 2, f"an error to a stderr that is a {name}: exit {missing.returncode}")
            unknown = run(["scna"], stderr=stderr, stdout=subprocess.DEVNULL)
            check(unknown.returncode == 2, f"a usage error to a stderr that is a {name}: exit {unknown.returncode}")
            batch = run(["batch", "examples/resume.md"], stderr=stderr, stdout=subprocess.PIPE)
            check(batch.returncode == 0 and batch.stdout.count(b"\n") == 1,
                  f"batch's summary to a stderr that is a {name}: exit {batch.returncode}, {batch.stdout[:60]!r}")
            env = {**ENV, "XDG_STATE_HOME": str(tmp / "state")}
            saved = run(["assess", "--rate", "python=2", "--save"], env=env, stderr=stderr, stdout=subprocess.DEVNULL)
            check(saved.returncode == 0, f"assess --save telling a stderr that is a {name}: exit {saved.returncode}")
    os.close(writer)
    entries = list((tmp / "state" / "apigap").glob("*.json"))
    check(len(entries) == 2, f"assess --save with stderr unwritable saved {len(entries)} entries, not 2")

    closed = subprocess.run(["bash", "-c", f"'{BINARY}' scan '{tmp}/missing.md' 2>&-"], cwd=ROOT, env=ENV,
                            capture_output=True, timeout=60)
    check(closed.returncode == 2, f"2>&-: exit {closed.returncode}")

    odd = tmp / "a\nb\x1b[31m.md"
    result = run(["scan", str(odd)])
    expected = f"apigap: error: {tmp}/a\\nb\\x1B[31m.md: cannot open: No such file or directory\n".encode()
    check(result.stderr == expected, f"a path with a newline and an escape: {result.stderr!r}")

    # JSON may spell any control character; the message that echoes it shows it written out.
    answers = tmp / "answers.json"
    answers.write_bytes(b'{"ratings": {"py\\u001b[31m\\nthon": 3}}')
    result = run(["assess", "--answers", str(answers)])
    check(result.returncode == 2 and result.stderr.count(b"\n") == 1 and ESC not in result.stderr
          and b"py\\x1B[31m\\nthon" in result.stderr, f"an escape in an answers file's key: {result.stderr!r}")


def test_inputs(tmp):
    """-o naming an input, by any link, is refused before anything is read, and the input is untouched."""
    resume = tmp / "resume.md"
    resume.write_bytes((ROOT / "examples/resume.md").read_bytes())
    answers = tmp / "answers.yaml"
    answers.write_bytes((ROOT / "examples/answers-mid.yaml").read_bytes())
    overlay = tmp / "overlay.yaml"
    overlay.write_bytes((ROOT / "examples/overlay-staff-level.yaml").read_bytes())
    posting = tmp / "posting.md"
    posting.write_bytes((ROOT / "tests/fixtures/postings/senior-backend.md").read_bytes())
    report = tmp / "report.json"
    report.write_bytes(REPORT)
    jobs = tmp / "jobs"
    jobs.mkdir()
    walked = jobs / "walked.md"
    walked.write_bytes(posting.read_bytes())
    hard, soft = tmp / "hard.md", tmp / "soft.md"
    os.link(resume, hard)
    soft.symlink_to("resume.md")
    cases = [
        (["scan", resume, "-o", resume], resume, resume, {}),
        (["scan", soft, "-o", hard], hard, soft, {}),
        (["scan", resume, "-o", soft], soft, resume, {}),
        (["check", hard, "-o", resume], resume, hard, {}),
        (["match", resume, "--job", posting, "-o", posting], posting, posting, {}),
        (["match", resume, "--job", posting, "--job", jobs, "-o", walked], walked, walked, {}),
        (["assess", "--answers", answers, "-o", answers], answers, answers, {}),
        (["plan", "--report", report, "-o", report], report, report, {}),
        (["plan", "--resume", soft, "-o", resume], resume, soft, {}),
        (["--kb", overlay, "salary", "-o", overlay], overlay, overlay, {}),
        (["kb", "export", "-o", overlay], overlay, overlay, {"APIGAP_KB": str(overlay)}),
        (["--kb", overlay, "scan", resume, "-o", overlay], overlay, overlay, {}),
        (["--kb", overlay, "completion", "bash", "-o", overlay], overlay, overlay, {}),
    ]
    files = (resume, hard, answers, overlay, posting, report, walked)
    for args, output, name, extra in cases:
        before = {path: (path.read_bytes(), path.stat().st_ino) for path in files}
        result = run([str(arg) for arg in args], env=environment(**extra))
        shown = " ".join(str(arg) for arg in args)
        check(result.returncode == 2, f"{shown}: exit {result.returncode}")
        check(result.stderr == refused(output, name), f"{shown}: {result.stderr!r}")
        unchanged = all(before[path] == (path.read_bytes(), path.stat().st_ino) for path in files)
        check(unchanged, f"{shown}: changed a file")

    # Standard input that is the output's file: refused, and not read (its offset has not moved).
    with open(answers, "rb") as stdin:
        result = run(["assess", "--answers", "-", "-o", str(answers)], stdin=stdin)
        offset = os.lseek(stdin.fileno(), 0, os.SEEK_CUR)
    check(result.returncode == 2 and result.stderr == refused(answers, "<stdin>"),
          f"--answers - < FILE -o FILE: {result.returncode} {result.stderr!r}")
    check(offset == 0, f"the refused command read {offset} bytes of its input")

    # A different file beside the inputs, or one that does not exist yet, is no input.
    other = tmp / "other.txt"
    for _ in range(2):
        result = run(["--kb", str(overlay), "scan", str(soft), "-o", str(other)])
        check(result.returncode == 0, f"-o OTHER: {result.returncode} {result.stderr!r}")


def summary_refused(summary, name):
    return (f"apigap: error: {summary}: $GITHUB_STEP_SUMMARY names an input of this command ({name}); "
            "point it at another file\n").encode()


def test_step_summary(tmp):
    """--format github's step summary naming an input, by any link, is refused before anything is read, by the
    rules of -o, and the input is untouched; another file is appended to, or created with 0666 less the umask."""
    resume = tmp / "resume.md"
    resume.write_bytes((ROOT / "examples/resume.md").read_bytes())
    source = tmp / "source.md"
    source.write_bytes(resume.read_bytes())
    posting = tmp / "posting.md"
    posting.write_bytes((ROOT / "tests/fixtures/postings/senior-backend.md").read_bytes())
    overlay = tmp / "overlay.yaml"
    overlay.write_bytes((ROOT / "examples/overlay-staff-level.yaml").read_bytes())
    hard, soft = tmp / "hard.md", tmp / "soft.md"
    os.link(resume, hard)
    soft.symlink_to("resume.md")
    cases = [
        (["check", resume], resume, resume),
        (["check", soft], hard, soft),
        (["check", resume], soft, resume),
        (["check", resume, "--source", source], source, source),
        (["match", resume, "--job", posting], posting, posting),
        (["match", hard, "--job", posting], resume, hard),
        (["--kb", overlay, "check", resume], overlay, overlay),
    ]
    files = (resume, source, posting, overlay)
    for args, summary, name in cases:
        before = {path: (path.read_bytes(), path.stat().st_ino) for path in files}
        result = run([str(arg) for arg in args] + ["--format", "github"],
                     env=environment(GITHUB_STEP_SUMMARY=str(summary)))
        shown = f"GITHUB_STEP_SUMMARY={summary.name} {' '.join(str(arg) for arg in args)} --format github"
        check(result.returncode == 2 and result.stdout == b"", f"{shown}: exit {result.returncode}, {result.stdout!r}")
        check(result.stderr == summary_refused(summary, name), f"{shown}: {result.stderr!r}")
        unchanged = all(before[path] == (path.read_bytes(), path.stat().st_ino) for path in files)
        check(unchanged, f"{shown}: changed a file")

    # Standard input that is the summary's file: refused, and not read (its offset has not moved).
    with open(resume, "rb") as stdin:
        result = run(["check", "-", "--format", "github"], env=environment(GITHUB_STEP_SUMMARY=str(resume)),
                     stdin=stdin)
        offset = os.lseek(stdin.fileno(), 0, os.SEEK_CUR)
    check(result.returncode == 2 and result.stderr == summary_refused(resume, "<stdin>"),
          f"check - < FILE with the summary FILE: {result.returncode} {result.stderr!r}")
    check(offset == 0, f"the refused command read {offset} bytes of its input")

    # Only --format github writes the summary, so only it is refused.
    text = run(["check", str(resume)], env=environment(GITHUB_STEP_SUMMARY=str(resume)))
    check(text.returncode == 0 and resume.read_bytes() == source.read_bytes(),
          f"check --format text with the summary naming its resume: {text.returncode} {text.stderr!r}")

    # Another file: created with 0666 less the umask, then appended to.
    summary = tmp / "summary.md"
    markdown = run(["check", str(resume), "--format", "markdown"]).stdout
    for _ in range(2):
        appended = run(["check", str(resume), "--format", "github"], env=environment(GITHUB_STEP_SUMMARY=str(summary)),
                       preexec_fn=lambda: os.umask(0o002))
        check(appended.returncode == 0, f"a summary beside the inputs: {appended.returncode} {appended.stderr!r}")
    check(summary.read_bytes() == markdown * 2, "the summary is not the Markdown report twice")
    check(stat.S_IMODE(summary.stat().st_mode) == 0o664,
          f"a new summary has mode {oct(stat.S_IMODE(summary.stat().st_mode))}, not 0666 less the umask 002")


def test_colour(tmp):
    """Colour goes to a terminal or standard output when asked, never to a file."""
    coloured = run(["--color", "always", "salary"])
    check(ESC in coloured.stdout, "--color always wrote no colour on stdout")
    dash = run(["--color", "always", "salary", "-o", "-"])
    check(dash.stdout == coloured.stdout, "-o - is not standard output")
    path = tmp / "salary.txt"
    for args, extra in ((["--color", "always", "salary"], {}), (["salary"], {"FORCE_COLOR": "1"})):
        result = run([*args, "-o", str(path)], env=environment(**extra))
        check(result.returncode == 0 and path.read_bytes() and ESC not in path.read_bytes(),
              f"{args} {extra} -o FILE wrote escape codes")


def test_format_from_extension(tmp):
    """Without --format, -o FILE's extension picks the format: the file holds what --format writes to stdout; an
    unknown extension keeps the default; with --keywords, kb export writes its lines whatever the name."""
    resume, posting = "examples/resume.md", "tests/fixtures/postings/senior-backend.md"
    cases = [
        (["assess", "--answers", "examples/answers-mid.yaml"], {"r.json": "json", "r.MD": "markdown",
                                                                "report.html": "html", "r.htm": "html",
                                                                "r.txt": "text", "r.log": "text"}),
        (["scan", resume], {"s.markdown": "markdown", "s.json": "json"}),
        (["check", resume, "--min-score", "0"], {"c.sarif": "sarif", "c.sarif.json": "sarif", "c.xml": "junit",
                                                 "c.json": "json"}),
        (["match", resume, "--job", posting], {"m.sarif": "sarif", "m.html": "html", "m.md": "markdown"}),
        (["match", resume, "--job", posting, "--job", "tests/fixtures/postings/styles"], {"many.json": "json"}),
        (["plan", "--rate", "python=2"], {"p.md": "markdown", "p.json": "json"}),
        (["salary"], {"salary.json": "json"}),
        (["history"], {"history.json": "json"}),
        (["kb", "list"], {"kb.md": "markdown"}),
        (["kb", "show", "python"], {"python.json": "json"}),
        (["kb", "export"], {"kb.JSON": "json", "kb.yml": "yaml", "kb.yaml": "yaml", "kb.out": "yaml"}),
    ]
    env = environment(XDG_STATE_HOME=str(tmp / "state"))
    for args, files in cases:
        for name, format in files.items():
            expected = run([*args, "--format", format], env=env)
            written = run([*args, "-o", str(tmp / name)], env=env)
            check(written.returncode == expected.returncode and written.stdout == b"" and
                  (tmp / name).read_bytes() == expected.stdout,
                  f"{' '.join(args)} -o {name}: not what --format {format} writes ({written.stderr!r})")
            agreeing = run([*args, "--format", format, "-o", str(tmp / name)], env=env)
            check(agreeing.returncode == expected.returncode and (tmp / name).read_bytes() == expected.stdout,
                  f"{' '.join(args)} --format {format} -o {name}: {agreeing.stderr!r}")
    keywords = run(["kb", "export", "--keywords"]).stdout
    for name in ("keywords.txt", "keywords.json"):
        result = run(["kb", "export", "--keywords", "-o", str(tmp / name)])
        check(result.returncode == 0 and (tmp / name).read_bytes() == keywords, f"kb export --keywords -o {name}")


for test in (test_regular_files, test_links, test_devices, test_fifo_and_socket, test_standard_output,
             test_standard_error, test_inputs, test_step_summary, test_colour, test_format_from_extension):
    with tempfile.TemporaryDirectory() as directory:
        test(Path(directory))

finish()
