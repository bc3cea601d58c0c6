#!/usr/bin/env python3
"""End-to-end tests of the interactive `apigap assess` in a pseudo-terminal.

Each case runs the real binary with a pty of a set size as its controlling
terminal (pty_terminal.py), sends keys, and reads what it draws. Every wait
has a time limit, so a hang fails the test instead of blocking the run. The reports it prints are compared with
the non-interactive `--rate`/`--answers` runs of the same ratings.

Usage: interactive_test.py APIGAP_BINARY REPO_ROOT
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import termios
import time
import traceback
from pathlib import Path

from pty_terminal import SGR, Failure, Terminal
from test_support import environment

BINARY, ROOT = os.path.abspath(sys.argv[1]), Path(sys.argv[2]).resolve()

# The skills every built-in level asks about: technical, soft, then situational, in the order the level lists them.
SKILLS = ["python", "java", "nodejs", "go", "rest-graphql", "api-security", "database-design", "microservices",
          "problem-solving", "communication", "caching", "rate-limiting", "message-queues", "websocket"]
TOTAL = len(SKILLS)
RATINGS = [3, 1, 2, 0, 4, 1, 2, 3, 0, 4, 3, 1, 2, 0]

ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049h", b"\x1b[?1049l"
HIDE_CURSOR, SHOW_CURSOR = b"\x1b[?25l", b"\x1b[?25h"
UP, DOWN, UP_SS3, DOWN_SS3 = b"\x1b[A", b"\x1b[B", b"\x1bOA", b"\x1bOB"


def base_env(**extra):
    return environment(**{"TERM": "xterm", "HOME": os.environ.get("HOME", "/tmp"), **extra})


def run(args, env=None, cwd=ROOT):
    """A non-interactive run: stdin from /dev/null, stdout and stderr to pipes."""
    return subprocess.run([BINARY, *args], cwd=cwd, env=env or base_env(), stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=60)


def rate_flags(ratings, skills=SKILLS):
    return [f"--rate={skill}={rating}" for skill, rating in zip(skills, ratings)]


def report_of(output):
    """What was printed after the alternate screen was left, with the tty's CR LF undone."""
    if LEAVE_ALTERNATE_SCREEN not in output:
        raise Failure(f"the alternate screen was never left: {output[-300:]!r}")
    return output.split(LEAVE_ALTERNATE_SCREEN)[-1].replace(b"\r\n", b"\n")


def check(condition, message):
    if not condition:
        raise Failure(message)


def check_restored(term, output):
    flags = term.settings()
    check(flags & termios.ICANON and flags & termios.ECHO, "the terminal was left without ICANON or ECHO")
    check(SHOW_CURSOR in output, "the cursor was not shown again")
    check(LEAVE_ALTERNATE_SCREEN in output, "the alternate screen was not left")
    check(output.rfind(SHOW_CURSOR) < output.rfind(LEAVE_ALTERNATE_SCREEN), "cursor shown after leaving the screen")


# --- the cases ------------------------------------------------------------------


def case_digits_then_report():
    """Digits answer every skill; the report is the --rate run's, in colour as on any terminal."""
    # 80 columns: the report is laid out for the terminal's width, and --rate's, off a terminal, for 80.
    term = Terminal([BINARY, "assess"], base_env(), ROOT, cols=80)
    try:
        term.expect(ENTER_ALTERNATE_SCREEN)
        term.expect(HIDE_CURSOR)
        term.progress(1, TOTAL)
        attributes = termios.tcgetattr(term.slave)
        check(not attributes[3] & (termios.ICANON | termios.ECHO), "not in raw mode while asking")
        check(attributes[3] & termios.ISIG, "Ctrl-C would not send SIGINT while asking")
        check(attributes[6][termios.VSUSP] == b"\x00", "Ctrl-Z would stop apigap with the terminal raw")
        check(not attributes[0] & termios.IXON, "Ctrl-S would freeze the screen")
        for number, rating in enumerate(RATINGS, start=1):
            if number > 1:
                term.progress(number, TOTAL)
            term.send(str(rating).encode())
        status, output, stderr = term.finish()
        check(status == 0, f"exit {status}: {stderr!r}")
        check(stderr == b"", f"stderr: {stderr!r}")
        check(SGR.search(term.output.split(LEAVE_ALTERNATE_SCREEN)[0]), "no colour on the screen of a terminal")
        expected = run(["assess", "--color", "always", *rate_flags(RATINGS)])
        check(report_of(output) == expected.stdout,
              f"the report differs from --rate's:\n{report_of(output).decode()}\n---\n{expected.stdout.decode()}")
        check_restored(term, output)
    finally:
        term.close()


def case_arrows_enter_output_file_ascii():
    """Arrow keys (CSI and SS3) and Enter (CR and LF) choose; -o still asks; C locale and NO_COLOR: plain ASCII."""
    with tempfile.TemporaryDirectory() as directory:
        target = Path(directory) / "report.txt"
        env = base_env(LC_ALL="C", NO_COLOR="1")
        term = Terminal([BINARY, "assess", "--level", "entry", "-o", str(target)], env, ROOT)
        try:
            for number, rating in enumerate(RATINGS, start=1):
                term.progress(number, TOTAL)
                up, down = (UP, DOWN) if number % 2 else (UP_SS3, DOWN_SS3)
                # Up at 0 and Down at 4 stay where they are.
                keys = up + (down * (rating + 1) + up if rating < 4 else down * 6)
                term.send(keys + (b"\r" if number % 2 else b"\n"))
            check(b"apigap assess: Entry-level API engineer" in term.output, "--level entry is not in the title")
            status, output, stderr = term.finish()
            check(status == 0, f"exit {status}: {stderr!r}")
            check(report_of(output) == b"", f"with -o the report went to the terminal: {report_of(output)!r}")
            expected = run(["assess", "--level", "entry", *rate_flags(RATINGS)], env=env)
            check(target.read_bytes() == expected.stdout, "the -o report differs from --rate's")
            check(b"apigap: Entry-level API engineer" in expected.stdout, "--level entry was not honoured")
            check(all(byte < 0x80 for byte in term.output), "non-ASCII output in the C locale")
            check(not SGR.search(term.output), "colour despite NO_COLOR")
            check(b"Up/Down move" in term.output, "the ASCII key help is missing")
            check_restored(term, output)
        finally:
            term.close()


def case_back_and_reanswer():
    """b and Backspace go back; a new answer replaces the old; Enter keeps the answer given before."""
    term = Terminal([BINARY, "assess", "--color", "never"], base_env(), ROOT, cols=80)  # as above
    try:
        term.progress(1, TOTAL)
        term.send(b"b")
        term.expect(b"This is the first skill.")
        term.send(b"3")
        term.progress(2, TOTAL)
        term.send(b"2")
        term.progress(3, TOTAL)
        term.send(b"b")
        term.progress(2, TOTAL)
        term.expect(b"answered 2")
        term.send(b"\x7f")
        term.progress(1, TOTAL)
        term.expect(b"answered 3")
        term.send(b"4")
        term.progress(2, TOTAL)
        term.send(b"\r")  # the highlight starts on the answer given before: 2
        ratings = [4, 2, *RATINGS[2:]]
        for number, rating in enumerate(ratings[2:], start=3):
            term.progress(number, TOTAL)
            term.send(str(rating).encode())
        status, output, stderr = term.finish()
        check(status == 0, f"exit {status}: {stderr!r}")
        expected = run(["assess", *rate_flags(ratings)])
        check(report_of(output) == expected.stdout, "the report after going back differs from --rate's")
    finally:
        term.close()


def case_skip():
    """s skips a skill: the JSON report says `skipped`, as for `null` in an answers file."""
    with tempfile.TemporaryDirectory() as directory:
        term = Terminal([BINARY, "assess", "--format", "json"], base_env(), ROOT)
        try:
            skipped = {1, 5, TOTAL}
            for number, rating in enumerate(RATINGS, start=1):
                term.progress(number, TOTAL)
                term.send(b"s" if number in skipped else str(rating).encode())
            status, output, stderr = term.finish()
            check(status == 0, f"exit {status}: {stderr!r}")
            answers = Path(directory) / "answers.yaml"
            lines = [f"  {skill}: {'null' if number in skipped else rating}"
                     for number, (skill, rating) in enumerate(zip(SKILLS, RATINGS), start=1)]
            answers.write_text("ratings:\n" + "\n".join(lines) + "\n")
            expected = run(["assess", "--format", "json", "--answers", str(answers)])
            check(expected.returncode == 0, f"--answers: {expected.stderr!r}")
            check(report_of(output) == expected.stdout, "the report with skips differs from --answers with nulls")
            check(report_of(output).count(b'"skipped"') == 3, "three skills should be skipped")
        finally:
            term.close()


def case_help_then_quit():
    """? shows the help, any key goes back, q with nothing answered quits at once."""
    term = Terminal([BINARY, "assess"], base_env(), ROOT)
    try:
        term.progress(1, TOTAL)
        term.send(b"?")
        rows = term.screen()
        check(any(row.startswith("apigap assess: help") for row in rows), f"no help title: {rows}")
        check(any(row.startswith("  Backspace, b") for row in rows), f"no Backspace in the help: {rows}")
        check("Any key goes back to the question." in rows, f"no way back in the help: {rows}")
        term.send(b"x")
        rows = term.screen()
        check(any("Enter choose" in row for row in rows), f"not back to the question: {rows}")
        term.send(b"q")
        status, output, stderr = term.finish()
        check(status == 0, f"exit {status}")
        check(stderr == b"apigap: assessment ended; nothing was saved\n", f"stderr: {stderr!r}")
        check(report_of(output) == b"", "a report after quitting")
        check_restored(term, output)
    finally:
        term.close()


def case_quit_and_save():
    """q, y, Enter saves to apigap-answers.yaml; --answers reads it back to the same report."""
    with tempfile.TemporaryDirectory() as directory:
        term = Terminal([BINARY, "assess", "--color", "never"], base_env(), directory)
        try:
            for number in range(1, 4):
                term.progress(number, TOTAL)
                term.send(str(RATINGS[number - 1]).encode())
            term.progress(4, TOTAL)
            term.send(b"q")
            term.expect(b"Save the answers so far? (y/n)")
            term.send(b"y")
            term.expect(b"Save to (Enter for apigap-answers.yaml):")
            term.send(b"\r")
            status, output, stderr = term.finish()
            check(status == 0, f"exit {status}: {stderr!r}")
            check(stderr == b"apigap: saved 3 of 14 answers to apigap-answers.yaml; "
                            b"'apigap assess --answers apigap-answers.yaml' prints the report\n", f"stderr: {stderr!r}")
            check(report_of(output) == b"", "a report after saving")
            check_restored(term, output)
            saved = Path(directory) / "apigap-answers.yaml"
            check(saved.read_text().endswith('level: "mid"\nratings:\n  java: 1\n  nodejs: 2\n  python: 3\n'),
                  f"saved: {saved.read_text()!r}")
            check(sorted(p.name for p in Path(directory).iterdir()) == ["apigap-answers.yaml"], "a temporary file left")
            from_file = run(["assess", "--color", "never", "--answers", str(saved)])
            from_flags = run(["assess", "--color", "never", *rate_flags(RATINGS[:3])])
            check(from_file.returncode == 0 and from_file.stdout == from_flags.stdout,
                  f"the saved answers give another report: {from_file.stderr!r}")
        finally:
            term.close()

        # Again, at senior: the file exists, so it asks; a failed save says why and lets a new name be typed.
        term = Terminal([BINARY, "assess", "--level", "senior"], base_env(), directory)
        try:
            term.progress(1, TOTAL)
            term.send(b"s")
            term.progress(2, TOTAL)
            term.send(b"4qy\r")
            term.expect(b"apigap-answers.yaml exists. Overwrite it? (y/n)")
            term.send(b"n")
            term.expect(b"Save to (Enter for apigap-answers.yaml):")
            term.send(b"missing/a.yaml\r")
            term.expect(b"Could not save: missing/a.yaml: cannot write: No such file or directory")
            term.send(b"\x15senior.yaml\r")
            status, output, stderr = term.finish()
            check(status == 0, f"exit {status}: {stderr!r}")
            check(b"saved 2 of 14 answers to senior.yaml" in stderr, f"stderr: {stderr!r}")
            senior = (Path(directory) / "senior.yaml").read_text()
            check(senior.endswith('level: "senior"\nratings:\n  java: 4\n  python: null\n'),
                  f"saved: {senior!r}")
            check(not (Path(directory) / "missing").exists(), "the failed save created something")
        finally:
            term.close()


def case_ctrl_c_restores_the_terminal():
    """Ctrl-C: the terminal is restored, then apigap ends by SIGINT (the shell sees 130); stty agrees."""
    script = 'trap : INT; "$0" assess; echo "status=$?"; stty -a'
    term = Terminal(["/bin/sh", "-c", script, BINARY], base_env(), ROOT)
    try:
        term.progress(1, TOTAL)
        term.send(b"3")
        term.progress(2, TOTAL)
        term.send(b"\x03")
        match = term.expect(re.compile(rb"status=(\d+)"))
        interrupted = term.output[:match.start()]
        check(match.group(1) == b"130", f"status {match.group(1)!r} after Ctrl-C, expected 130 (128 + SIGINT)")
        check(interrupted.rfind(SHOW_CURSOR) > interrupted.rfind(HIDE_CURSOR), "the cursor stayed hidden")
        check(LEAVE_ALTERNATE_SCREEN in interrupted, "the alternate screen was not left")
        status, output, _ = term.finish()
        words = output.replace(b"\r\n", b" ").replace(b";", b" ").split()
        check(b"icanon" in words and b"echo" in words, f"stty -a after Ctrl-C: {output!r}")
        check(b"-icanon" not in words and b"-echo" not in words, f"stty -a after Ctrl-C: {output!r}")
        check(status == 0, f"sh exit {status}")
    finally:
        term.close()

    term = Terminal([BINARY, "assess"], base_env(), ROOT)
    try:
        term.progress(1, TOTAL)
        term.send(b"2")
        term.progress(2, TOTAL)
        term.proc.send_signal(signal.SIGTERM)
        status, output, stderr = term.finish()
        check(status == -signal.SIGTERM, f"SIGTERM: exit {status}, expected death by SIGTERM")
        check(stderr == b"", f"stderr after SIGTERM: {stderr!r}")
        check_restored(term, output)
    finally:
        term.close()


def widest(rows):
    return max(len(row) for row in rows)


def case_resize_and_tiny_terminal():
    """SIGWINCH redraws at the new size; below 40x10 it says so; q still restores the terminal."""
    term = Terminal([BINARY, "assess"], base_env(), ROOT, cols=100, rows=30)
    try:
        rows = term.screen()
        check(rows[0].endswith("1/14") and widest(rows) > 60, f"the first screen does not use the width: {rows}")
        term.resize(60, 20)
        rows = term.screen()
        check(widest(rows) <= 59 and widest(rows) > 50, f"after resizing to 60 columns: {rows}")
        check(len(rows) <= 20, f"{len(rows)} rows in 20")
        term.resize(20, 5)
        rows = term.screen()
        check(rows == ["terminal too small", "(need at least", "40×10)"], f"at 20x5: {rows}")
        term.resize(80, 24)
        rows = term.screen()
        check(rows[0].endswith("1/14") and widest(rows) <= 79, f"at 80x24: {rows}")
    finally:
        term.close()

    term = Terminal([BINARY, "-q", "assess"], base_env(), ROOT, cols=20, rows=5)
    try:
        rows = term.screen()
        check(rows == ["terminal too small", "(need at least", "40×10)"], f"at 20x5: {rows}")
        term.send(b"q")
        status, output, stderr = term.finish()
        check(status == 0 and stderr == b"", f"exit {status}, with -q: {stderr!r}")
        check_restored(term, output)
    finally:
        term.close()


def case_not_both_terminals():
    """Interactive only when stdin and stdout are both terminals: otherwise the hint, exit 2."""
    hint = (b"apigap: error: no answers: give --answers FILE (or '-' for stdin) or --rate ID=N; "
            b"'apigap assess --help' shows an example\n")
    master, slave = os.openpty()
    try:
        for stdin, stdout in ((slave, subprocess.PIPE), (subprocess.DEVNULL, slave)):
            result = subprocess.run([BINARY, "assess"], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                                    env=base_env(), timeout=60)
            check(result.returncode == 2 and result.stderr == hint, f"exit {result.returncode}: {result.stderr!r}")
    finally:
        os.close(master)
        os.close(slave)


CASES = [case_digits_then_report, case_arrows_enter_output_file_ascii, case_back_and_reanswer, case_skip,
         case_help_then_quit, case_quit_and_save, case_ctrl_c_restores_the_terminal, case_resize_and_tiny_terminal,
         case_not_both_terminals]


def main():
    failed = 0
    for case in CASES:
        started = time.monotonic()
        try:
            case()
            print(f"ok   {case.__name__} ({time.monotonic() - started:.1f}s)")
        except Exception as error:  # a failure, or a bug in the test: report it and go on
            failed += 1
            print(f"FAIL {case.__name__}: {error}")
            if not isinstance(error, Failure):
                traceback.print_exc()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
