"""A child process on a pseudo-terminal, for end-to-end tests of terminal programs.

The pty is the child's controlling terminal (standard input and output;
standard error is a pipe), so that Ctrl-C sent as a byte becomes SIGINT and a
resize becomes SIGWINCH. Every wait has a time limit: a hang fails instead of
blocking the test run.
"""
import fcntl
import os
import re
import select
import struct
import subprocess
import termios
import time

WAIT = 15.0  # seconds any one expected output may take (ASan builds are slow)
SGR = re.compile(rb"\x1b\[[0-9;]*m")


class Failure(Exception):
    """A check that did not hold, or output that did not come in time."""


def make_controlling_terminal():
    """In the child: a new session whose controlling terminal is standard input."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """A child process on a pseudo-terminal of `cols` x `rows` cells."""

    def __init__(self, args, env, cwd, cols=100, rows=30):
        self.master, self.slave = os.openpty()
        self.resize(cols, rows)
        self.proc = subprocess.Popen(args, stdin=self.slave, stdout=self.slave, stderr=subprocess.PIPE, cwd=cwd,
                                     env=env, preexec_fn=make_controlling_terminal)
        self.output = b""
        self.mark = 0  # the expected output is searched for after this point

    def resize(self, cols, rows):
        # On the terminal side, so that its foreground process gets SIGWINCH.
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            self.output += os.read(self.master, 65536)
        return bool(ready)

    def expect(self, pattern, timeout=WAIT):
        """Waits for `pattern` (bytes or a compiled regex) after the last match; returns the match."""
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(re.escape(pattern))
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.output, self.mark)
            if match:
                self.mark = match.end()
                return match
            left = deadline - time.monotonic()
            if left <= 0 or (self.proc.poll() is not None and not self._read(0.2)):
                tail = self.output[self.mark:][-600:]
                raise Failure(f"waited for {regex.pattern!r}; exit {self.proc.poll()}; after the last match: {tail!r}")
            self._read(min(left, 0.2))

    def screen(self, timeout=WAIT):
        """The next whole frame drawn: its rows without colour or control sequences."""
        frame = self.expect(re.compile(rb"\x1b\[H(.*?)\x1b\[J", re.S), timeout).group(1)
        # Rows end in CR LF, which the terminal's output processing (ONLCR) makes CR CR LF.
        return [SGR.sub(b"", row).replace(b"\x1b[K", b"").decode() for row in frame.replace(b"\r", b"").split(b"\n")]

    def progress(self, number, total):
        """Waits for a screen that shows the progress `number/total`."""
        return self.expect(re.compile(rb"(?<![0-9])%d/%d" % (number, total)))

    def send(self, keys):
        os.write(self.master, keys)

    def finish(self, timeout=WAIT):
        """Waits for the exit; returns (status, everything after the last match, stderr)."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None:
            if time.monotonic() > deadline:
                raise Failure(f"still running after {timeout}s; output: {self.output[self.mark:][-600:]!r}")
            self._read(0.1)
        while self._read(0.1):
            pass
        return self.proc.returncode, self.output[self.mark:], self.proc.stderr.read()

    def settings(self):
        """The terminal's line settings now, as termios local flags."""
        return termios.tcgetattr(self.slave)[3]

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stderr.close()
        os.close(self.master)
        os.close(self.slave)
