#!/usr/bin/env python3
"""Types into bash, zsh and fish, each run interactively on a pseudo-terminal
with the script `apigap completion SHELL` prints, and checks what Tab really
inserts: a level, a format, a skill id with `=` and no space (so that the
rating follows), an id for `kb show`, a second id after a comma for
`--require`, a value after `--level=`, a file name and a folder (zsh drops the slash at Enter), and a level
an overlay adds when the script is generated with `--kb`.

`apigap` is a shell function here that prints its arguments as `<arg>`, so
each line typed and ended with Enter shows what the shell would have run. The
words come from `apigap kb list --format json`, each typed as its shortest
prefix no other word of its kind shares.

Usage: completion_keys_test.py APIGAP_BINARY REPO_ROOT
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pty_terminal import Failure, Terminal
from test_support import check, environment, failures, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
OVERLAY = ROOT / "examples" / "overlay-staff-level.yaml"
DONE = "completion-keys-done"


def apigap(*args):
    result = subprocess.run([BINARY, *args], cwd=ROOT, env=environment(), capture_output=True, text=True, timeout=60)
    check(result.returncode == 0, f"apigap {' '.join(args)}: exit {result.returncode}: {result.stderr}")
    return result.stdout


def prefix(word, words):
    """The shortest prefix of `word` that no other of `words` starts with, or None when there is none."""
    for end in range(1, len(word) + 1):
        if not any(other != word and other.startswith(word[:end]) for other in words):
            return word[:end]
    return None


def cases():
    """(keys typed, the arguments `apigap` then gets): each a Tab that has one completion."""
    listed = json.loads(apigap("kb", "list", "--format", "json"))
    levels = [level["id"] for level in listed["levels"]]
    skills = [skill["id"] for skill in listed["skills"]]
    groups = [group["id"] for group in listed["groups"]]
    ids = skills + levels + groups + [tool["id"] for tool in listed["tools"]]
    out = []
    for level in levels:
        out.append((f"apigap assess --level {prefix(level, levels)}\t", ["assess", "--level", level]))
    for skill in skills:
        out.append((f"apigap plan --rate {prefix(skill, skills)}\t2", ["plan", "--rate", f"{skill}=2"]))
    for kind in (skills, levels, groups, [tool["id"] for tool in listed["tools"]]):
        shown = next(word for word in kind if prefix(word, ids))
        out.append((f"apigap kb show {prefix(shown, ids)}\t", ["kb", "show", shown]))
    group = groups[0]
    out.append((f"apigap check r.md --require {skills[0]},{prefix(group, skills + groups)}\t",
                ["check", "r.md", "--require", f"{skills[0]},{group}"]))
    out.append((f"apigap scan --level={prefix(levels[-1], levels)}\t", ["scan", f"--level={levels[-1]}"]))
    out.append(("apigap check --format sa\t", ["check", "--format", "sarif"]))
    out.append(("apigap completion z\t", ["completion", "zsh"]))
    out.append(("apigap scan resume-a\t", ["scan", "resume-alice.md"]))
    out.append(("apigap batch cor\t", ["batch", "corpus/"]))
    out.append(("apigap batch --files-from resume-b\t", ["batch", "--files-from", "resume-bob.tex"]))
    out.append(("apigap check resume-alice.md --source resume-b\t", ["check", "resume-alice.md", "--source",
                                                                      "resume-bob.tex"]))
    out.append(("apigap assess --level st\t", ["assess", "--level", "st"]))  # no staff level without the overlay
    return out


def setup(shell, script, home):
    """The command that starts `shell` interactively, and the line that loads `script` and defines `apigap`."""
    if shell == "bash":
        return (["bash", "--norc", "--noprofile", "-i"],
                f"PS1='$ '; source {script}; apigap() {{ printf '<%s>' \"$@\"; echo; }}")
    if shell == "zsh":
        functions = home / "zsh-functions"
        functions.mkdir(exist_ok=True)
        shutil.copy(script, functions / "_apigap")
        return (["zsh", "-f", "-i"],
                f"PS1='$ '; fpath=({functions} $fpath); autoload -Uz compinit; compinit -u -D; "
                "apigap() { printf '<%s>' \"$@\"; echo; }")
    return (["fish", "--no-config", "-i"],
            f"source {script}; function apigap; printf '<%s>' $argv; echo; end")


def typed(shell, script, work, keys):
    """The arguments `apigap` got for each line of `keys`, typed into `shell` in `work`."""
    command, load = setup(shell, script, work)
    env = environment(HOME=str(work), TERM="dumb", XDG_CONFIG_HOME=str(work / "config"),
                      XDG_DATA_HOME=str(work / "data"), INPUTRC="/dev/null")
    terminal = Terminal(command, env, str(work))
    try:
        terminal.send(f"{load}\r".encode())
        for line in keys:
            terminal.send(f"{line}\r".encode())
        terminal.send(f"echo {DONE}\r".encode())
        terminal.expect(re.compile(rf"^{DONE}\r?$".encode(), re.M))
        return [re.findall(r"<([^>]*)>", line) for line in
                re.findall(r"^(?:<[^>\r\n]*>)+\r?$", terminal.output.decode(errors="replace"), re.M)]
    except Failure as failure:
        failures.append(f"{shell}: {failure}")
        return []
    finally:
        terminal.close()


with tempfile.TemporaryDirectory() as directory:
    work = Path(directory)
    (work / "resume-alice.md").write_text("# Alice\n")
    (work / "resume-bob.tex").write_text("Bob\n")
    (work / "corpus").mkdir()
    (work / "config").mkdir()
    (work / "data").mkdir()
    expected_cases = cases()
    overlay_keys = ("apigap assess --level st\t", ["assess", "--level", "staff"])
    for shell in ("bash", "zsh", "fish"):
        if not shutil.which(shell):
            failures.append(f"{shell} is not installed (scripts/setup.sh installs it)")
            continue
        script = work / f"apigap.{shell}"
        script.write_text(apigap("completion", shell))
        got = typed(shell, script, work, [keys for keys, _ in expected_cases])
        check(len(got) == len(expected_cases), f"{shell}: {len(got)} lines run of {len(expected_cases)}: {got}")
        for (keys, expected), arguments in zip(expected_cases, got):
            # zsh takes back the slash it put after a folder when Enter follows.
            same = arguments == expected or (shell == "zsh" and arguments == [word.rstrip("/") for word in expected])
            check(same, f"{shell}: {keys!r} ran apigap {arguments} instead of {expected}")
        # Generated with an overlay, the script offers the overlay's levels too.
        script.write_text(apigap("--kb", str(OVERLAY), "completion", shell))
        got = typed(shell, script, work, [overlay_keys[0]])
        check(got == [overlay_keys[1]], f"{shell} with --kb {OVERLAY.name}: {got}")
finish()
