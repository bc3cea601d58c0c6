"""What the Python end-to-end tests share: the fixed environment the binary
runs in, and failures collected as a test goes on, reported at its end."""
import os
import sys

failures = []


def environment(**extra):
    """PATH, a UTF-8 locale, TERM=dumb, a fixed APIGAP_TODAY and the sanitizer options when set, then `extra`
    (a value replaces one)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TERM": "dumb",
           "APIGAP_TODAY": "2026-06-15"}
    for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if name in os.environ:
            env[name] = os.environ[name]
    env.update(extra)
    return env


def check(condition, message):
    """Records `message` as a failure unless `condition` holds; returns `condition`."""
    if not condition:
        failures.append(message)
    return condition


def finish():
    """Prints each failure and exits 1 when there was any, else 0."""
    for failure in failures:
        print(f"FAIL: {failure}")
    sys.exit(1 if failures else 0)
