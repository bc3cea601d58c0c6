#!/usr/bin/env python3
"""How the PDF helper, apigap-pdf, ends on a crash. Built plainly, it dies by
the signal with nothing on stderr, even when its parent ignored that signal.
Built with a sanitizer (GCC or clang), the sanitizer's report is on stderr:
the helper neither silences stderr nor takes the sanitizer's handler away.
The crash is a SIGSEGV sent while the helper waits for the PDF on stdin.

Usage: pdf_helper_test.py APIGAP_PDF_BINARY SANITIZED(0|1)
"""
import os
import signal
import subprocess
import sys
import time

from test_support import check, environment, finish

HELPER, SANITIZED = sys.argv[1], sys.argv[2] == "1"
READ = 0  # the number of the read system call on x86-64 Linux


def waiting_on_stdin(pid):
    """Whether process `pid` is blocked in read(0, …)."""
    try:
        with open(f"/proc/{pid}/syscall", encoding="ascii") as status:
            fields = status.read().split()
    except OSError:
        return False
    return len(fields) > 1 and fields[0] == str(READ) and int(fields[1], 16) == 0


def crash(ignore_segv):
    """Starts the helper, with SIGSEGV ignored when `ignore_segv`, sends it SIGSEGV; its exit status and stderr."""
    def ignore():
        signal.signal(signal.SIGSEGV, signal.SIG_IGN)

    helper = subprocess.Popen([HELPER, "10", str(512 << 20), str(10 << 20)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(),
                              preexec_fn=ignore if ignore_segv else None)
    deadline = time.monotonic() + 30
    while not waiting_on_stdin(helper.pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    check(waiting_on_stdin(helper.pid), "the helper never waited for its input")
    os.kill(helper.pid, signal.SIGSEGV)
    time.sleep(0.2)  # the signal first, then end of input: an ignored signal lets the helper answer
    _, stderr = helper.communicate(timeout=60)
    return helper.returncode, stderr.decode(errors="replace")


for ignored in (False, True):
    label = "SIGSEGV ignored by the parent" if ignored else "default SIGSEGV"
    status, stderr = crash(ignored)
    if SANITIZED:
        check(status != 0, f"{label}: the helper exited 0 after SIGSEGV")
        check("Sanitizer" in stderr and "SEGV" in stderr, f"{label}: no sanitizer report on stderr: {stderr!r}")
    else:
        check(status == -signal.SIGSEGV, f"{label}: exit status {status}, not death by SIGSEGV")
        check(stderr == "", f"{label}: stderr not silenced: {stderr!r}")
finish()
