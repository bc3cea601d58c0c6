#!/usr/bin/env python3
"""Checks that the shell completions and the man page match `--help`, which
CLI11 prints from the same definition they are generated from.

For every command path listed by `apigap --help` (and `apigap kb --help`):
bash completes its subcommands and every long option its `--help` lists, and
every option's values, exactly: the list `--help` shows, or the knowledge
base's ids (`apigap kb list --format json`: levels for LEVEL, skill ids and
`=` for ID=N, skills and groups after a comma for ID,..., every id for `kb
show`), also after `--option=`; zsh's script (run with its completion
builtins stubbed) and fish's (`complete -C`) do the same for a sample of
paths. completion_keys_test.py types into each shell for real. The
man page must equal docs/apigap.1 (APIGAP_UPDATE_GOLDEN=1 rewrites it) and
pass `groff -ww -z` without a warning.

`cmake --install` of the build tree puts the binary, the man page and the
three completions where bash-completion, zsh and fish look for them, and the
PDF reader where the installed binary finds it (it reads a PDF).

Usage: completion_test.py APIGAP_BINARY REPO_ROOT BUILD_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from test_support import check, environment, failures, finish

BINARY, ROOT, BUILD = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
ENV = environment(PATH=f"{Path(BINARY).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
                  HOME=tempfile.gettempdir())


def apigap(*args):
    result = subprocess.run([BINARY, *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        failures.append(f"apigap {' '.join(args)}: exit {result.returncode}: {result.stderr}")
    return result.stdout


def subcommands_of(path):
    return help_of(path)[0]


def help_of(path):
    """The subcommands and long options `apigap PATH --help` lists."""
    text = apigap(*path, "--help")
    subcommands, options, section = [], [], None
    for line in text.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            section = line[:-1]
            continue
        if section == "Subcommands" and line.startswith("  "):
            subcommands.append(line.split()[0])
        if section == "Options" and line.startswith("  "):
            options += re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", line.split("  ")[1] if line.startswith("  -") else "")
    return subcommands, options


def value_specs(path):
    """Each long option of `apigap PATH --help` that takes a value, with its value spec (`LEVEL`, `TEXT:{a,b}`),
    and the positionals' as (name, spec)."""
    text = apigap(*path, "--help")
    specs = re.findall(r"^  (?:-\w,)?(--[a-z][a-z0-9-]*) ([A-Z][^ \n]*)", text, re.M)
    positionals = re.findall(r"^  ([a-z]+) ([A-Z][^ \n]*)", text.split("Options:")[0], re.M)
    return specs, positionals


def expected_values(spec, kb):
    """The words a value spec completes to, or None for a path or a free value."""
    choices = re.search(r"\{(.*)\}", spec)
    if choices:
        return choices.group(1).split(",")
    return {"LEVEL": kb["levels"], "ID=N": [skill + "=" for skill in kb["skills"]], "ID": kb["ids"],
            "ID,...": kb["skill_groups"]}.get(spec)


def shell(program, script):
    result = subprocess.run(program + [script], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60)
    check(result.returncode == 0, f"{program[0]} failed: {result.stderr}")
    return result.stdout


with tempfile.TemporaryDirectory() as directory:
    scripts = {shell_name: Path(directory) / f"apigap.{shell_name}" for shell_name in ("bash", "zsh", "fish")}
    for shell_name, path in scripts.items():
        path.write_text(apigap("completion", shell_name))

    root_commands, root_options = help_of([])
    paths = [[]] + [[command] for command in root_commands]
    for command in root_commands:
        subcommands, _ = help_of([command])
        paths += [[command, sub] for sub in subcommands]
    check(["kb", "show"] in paths and ["check"] in paths, f"--help lists too little: {paths}")

    # bash: every path, its subcommands and its options.
    probes = []
    for path in paths:
        subcommands, options = help_of(path)
        probes.append((path, "", subcommands))
        probes.append((path, "--", options + (root_options if path else [])))
    probes.append((["assess"], None, ["text", "json", "markdown", "html"]))  # after --format
    probes.append((["check"], None, ["text", "json", "markdown", "sarif", "junit", "github"]))
    probes.append((["match"], None, ["text", "json", "markdown", "sarif", "junit", "github", "html"]))
    lines = [f"source {scripts['bash']}"]
    for index, (path, current, _) in enumerate(probes):
        words = ["apigap", *path] + (["--format", ""] if current is None else [current])
        quoted = " ".join(f"'{word}'" for word in words)
        lines.append(f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMPREPLY=(); _apigap; "
                     f"echo \"{index}:${{COMPREPLY[*]}}\"")
    replies = {}
    for line in shell(["bash", "-c"], "\n".join(lines)).splitlines():
        index, _, words = line.partition(":")
        replies[int(index)] = set(words.split())
    for index, (path, current, expected) in enumerate(probes):
        missing = set(expected) - replies.get(index, set())
        check(not missing, f"bash: 'apigap {' '.join(path)} {current or '--format '}' misses {sorted(missing)}")

    # Every option's values, exactly, from the same source as the checks: --help's list or the knowledge base.
    listed = json.loads(apigap("kb", "list", "--format", "json"))
    kb = {"levels": [level["id"] for level in listed["levels"]], "skills": [skill["id"] for skill in listed["skills"]]}
    groups, tools = [group["id"] for group in listed["groups"]], [tool["id"] for tool in listed["tools"]]
    kb["skill_groups"] = kb["skills"] + groups
    kb["ids"] = kb["skills"] + kb["levels"] + groups + tools
    value_probes = []  # (words, the reply expected)
    for path in paths:
        specs, positionals = value_specs(path)
        for option, spec in specs:
            expected = expected_values(spec, kb)
            if expected is not None:
                value_probes.append((["apigap", *path, option, ""], expected))
                value_probes.append((["apigap", *path, option, "=", ""], expected))  # --option=, as bash splits it
                if spec == "ID,...":
                    value_probes.append((["apigap", *path, option, "python,"], [f"python,{id}" for id in expected]))
        for name, spec in positionals:
            expected = expected_values(spec, kb)
            if expected is not None and not subcommands_of(path):
                value_probes.append((["apigap", *path, ""], expected))
    check(sum(1 for words, _ in value_probes if words[-2] == "--level") >= 6, f"too few --level probes: {value_probes}")
    lines = [f"source {scripts['bash']}"]
    for index, (words, _) in enumerate(value_probes):
        quoted = " ".join(f"'{word}'" for word in words)
        lines.append(f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMPREPLY=(); _apigap; "
                     f"printf '{index}:%s\\n' \"${{COMPREPLY[*]}}\"")
    replies = dict(line.split(":", 1) for line in shell(["bash", "-c"], "\n".join(lines)).splitlines())
    for index, (words, expected) in enumerate(value_probes):
        got = replies.get(str(index), "").split()
        check(sorted(got) == sorted(expected), f"bash: {words}: {got} instead of {expected}")
    for index, (words, expected) in enumerate(value_probes):
        if words[-2] == "--rate":  # no space after ID=, so that the rating follows
            got = shell(["bash", "-c"], f"source {scripts['bash']}; compopt() {{ echo \"$@\"; }}; "
                                        f"COMP_WORDS=({' '.join(repr(word) for word in words)}); "
                                        f"COMP_CWORD={len(words) - 1}; _apigap")
            check(got.strip() == "-o nospace", f"bash: {words}: no 'compopt -o nospace': {got!r}")

    # A value is skipped when finding the command path; a listed value completes.
    got = shell(["bash", "-c"], f"source {scripts['bash']}; COMP_WORDS=(apigap --kb x.yaml check --le); "
                                "COMP_CWORD=4; _apigap; echo ${COMPREPLY[*]}").split()
    check(got == ["--level"], f"bash after a global option's value: {got}")

    # zsh: its own _apigap with the completion builtins stubbed to print what they are given.
    zsh_probe = f"""
source {scripts['zsh']} 2>/dev/null
_describe() {{ local arr=${{@[-1]}}; print -rl -- "${{(@P)arr}}"; }}
compadd() {{ while [[ $1 != -- ]]; do shift; done; shift; print -rl -- "$@"; }}
compset() {{ :; }}
_files() {{ print -- '<files>'; }}
t() {{ words=("$@"); CURRENT=$#words; _apigap; }}
print -- '== commands'; t apigap ''
print -- '== kb'; t apigap kb ''
print -- '== format'; t apigap check --format ''
print -- '== options'; t apigap plan --
print -- '== resume'; t apigap scan ''
print -- '== job'; t apigap match cv.md --job ''
print -- '== level'; t apigap scan cv.md --level ''
print -- '== rate'; t apigap plan --rate ''
print -- '== show'; t apigap kb show ''
"""
    if shutil.which("zsh"):
        zsh_out = shell(["zsh", "-c"], zsh_probe)
        blocks = dict(re.findall(r"== (\w+)\n(.*?)(?=\n== |\Z)", zsh_out, re.S))
        check(all(f"{command}:" in blocks.get("commands", "") for command in root_commands),
              f"zsh commands: {blocks.get('commands')!r}")
        check("show:Show one skill" in blocks.get("kb", ""), f"zsh kb: {blocks.get('kb')!r}")
        check(blocks.get("format", "").split() == ["text", "json", "markdown", "sarif", "junit", "github"],
              f"zsh check --format: {blocks.get('format')!r}")
        check(all(f"{option}:" in blocks.get("options", "") for option in help_of(["plan"])[1]),
              f"zsh plan options: {blocks.get('options')!r}")
        check(blocks.get("resume", "").strip() == "<files>", f"zsh scan RESUME: {blocks.get('resume')!r}")
        check(blocks.get("job", "").strip() == "<files>", f"zsh match --job: {blocks.get('job')!r}")
        check(blocks.get("level", "").split() == kb["levels"], f"zsh scan --level: {blocks.get('level')!r}")
        check(blocks.get("rate", "").split() == [skill + "=" for skill in kb["skills"]],
              f"zsh plan --rate: {blocks.get('rate')!r}")
        check(sorted(blocks.get("show", "").split()) == sorted(kb["ids"]), f"zsh kb show: {blocks.get('show')!r}")
    else:
        failures.append("zsh is not installed (scripts/setup.sh installs it)")

    # fish: its own completion engine.
    if shutil.which("fish"):
        def fish_complete(line):
            out = shell(["fish", "-c"], f"source {scripts['fish']}; complete -C '{line}'")
            return [entry.split("\t")[0] for entry in out.splitlines()]
        check(sorted(fish_complete("apigap ")) == sorted(root_commands), "fish: the commands")
        check(sorted(fish_complete("apigap kb ")) == sorted(help_of(["kb"])[0]), "fish: kb's commands")
        check(fish_complete("apigap assess --format ") == ["html", "json", "markdown", "text"], "fish: --format values")
        check(set(help_of(["check"])[1]) <= set(fish_complete("apigap check --")), "fish: check's options")
        check(fish_complete("apigap plan --level ") == sorted(kb["levels"]), "fish: --level values")
        check(fish_complete("apigap assess --rate ") == sorted(skill + "=" for skill in kb["skills"]),
              "fish: --rate values")
        check(sorted(fish_complete("apigap kb show ")) == sorted(kb["ids"]), "fish: kb show ids")
        check(fish_complete("apigap check r.md --require python,la") == ["python,languages"], "fish: --require list")
    else:
        failures.append("fish is not installed (scripts/setup.sh installs it)")

    # The man page.
    page = apigap("man")
    committed = ROOT / "docs" / "apigap.1"
    if os.environ.get("APIGAP_UPDATE_GOLDEN") == "1":
        committed.write_text(page)
    check(committed.exists() and committed.read_text() == page,
          "docs/apigap.1 differs from `apigap man` (approve with APIGAP_UPDATE_GOLDEN=1)")
    for command in root_commands:
        check(f'.SS "apigap {command}"' in page, f"the man page lacks apigap {command}")
    groff = subprocess.run(["groff", "-man", "-ww", "-z", str(committed)], capture_output=True, text=True)
    check(groff.returncode == 0 and groff.stderr == "", f"groff warns: {groff.stderr}")

with tempfile.TemporaryDirectory() as prefix:
    install = subprocess.run(["cmake", "--install", str(BUILD), "--prefix", prefix], capture_output=True, text=True)
    check(install.returncode == 0, f"cmake --install: {install.stderr}")
    installed = {
        "share/man/man1/apigap.1": (ROOT / "docs" / "apigap.1").read_text(),
        "share/bash-completion/completions/apigap": apigap("completion", "bash"),
        "share/zsh/vendor-completions/_apigap": apigap("completion", "zsh"),
        "share/fish/vendor_completions.d/apigap.fish": apigap("completion", "fish"),
    }
    for relative, content in installed.items():
        path = Path(prefix) / relative
        check(path.exists() and path.read_text() == content, f"cmake --install: {relative} missing or stale")
    check((Path(prefix) / "bin" / "apigap").exists(), "cmake --install: no bin/apigap")
    check((Path(prefix) / "libexec" / "apigap" / "apigap-pdf").exists(), "cmake --install: no libexec/apigap/apigap-pdf")
    scan = subprocess.run([str(Path(prefix) / "bin" / "apigap"), "scan", str(ROOT / "tests/fixtures/resumes/text.pdf"),
                           "--format", "json"], capture_output=True, text=True, env=ENV)
    check(scan.returncode == 0 and '"format": "pdf"' in scan.stdout,
          f"the installed apigap cannot read a PDF: {scan.returncode} {scan.stderr}")

finish()
