#!/usr/bin/env python3
"""Runs the resume-check GitHub Action's script (.github/actions/resume-check/run.sh)
as GitHub would, with the built binary, and checks what a workflow sees: the
annotations, the step summary appended (never overwritten), the step outputs,
the SARIF file and the exit status. Also checks that action.yml passes every
input to the script and that the example workflow uses the action.

Usage: action_test.py APIGAP_BINARY REPO_ROOT
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml  # Debian's python3-yaml

from test_support import check, environment, finish

BINARY, ROOT = sys.argv[1], Path(sys.argv[2])
ACTION = ROOT / ".github" / "actions" / "resume-check"


def run_action(directory, **inputs):
    summary, outputs = directory / "summary.md", directory / "outputs.txt"
    env = environment(APIGAP_BIN=BINARY, GITHUB_ACTION_PATH=str(ACTION), GITHUB_STEP_SUMMARY=str(summary),
                      GITHUB_OUTPUT=str(outputs), RUNNER_TEMP=str(directory))
    env.update({f"INPUT_{key.upper()}": value for key, value in inputs.items()})
    result = subprocess.run(["bash", str(ACTION / "run.sh")], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, stdin=subprocess.DEVNULL)
    read = lambda path: path.read_text() if path.exists() else ""
    return result, read(summary), read(outputs)


with tempfile.TemporaryDirectory() as name:
    directory = Path(name)
    (directory / "summary.md").write_text("# Earlier step\n")
    sarif = directory / "apigap.sarif"
    passed, summary, outputs = run_action(directory, resume="examples/resume.md", level="mid", min_score="70",
                                          require="api-security,rest-graphql", sarif=str(sarif))
    check(passed.returncode == 0, f"a passing resume: exit {passed.returncode}: {passed.stdout}{passed.stderr}")
    check("keyword coverage 100% (minimum 70%): passed" in passed.stdout, f"no verdict line: {passed.stdout!r}")
    check(summary.startswith("# Earlier step\n## apigap check: examples/resume.md"),
          f"the summary was not appended: {summary[:200]!r}")
    check("score=100\npassed=true\n" == outputs, f"outputs: {outputs!r}")
    check(sarif.exists() and json.loads(sarif.read_text())["version"] == "2.1.0", "no SARIF file written")

    failed, summary, outputs = run_action(directory, resume="tests/fixtures/resumes/resume.docx", level="senior",
                                          min_score="90")
    check(failed.returncode == 1, f"a failing resume: exit {failed.returncode}")
    lines = failed.stdout.splitlines()
    check(lines[0].startswith("::error file=tests/fixtures/resumes/resume.docx,title=apigap keyword-coverage::"),
          f"first annotation: {lines[0]!r}")
    check("[docx-table]" in failed.stdout or ",line=8,title=apigap docx-table::" in failed.stdout,
          "the docx-table finding is neither annotated nor listed")
    check(summary.count("## apigap check:") == 2, "the second run did not append its summary")
    check(outputs.endswith("passed=false\n"), f"outputs: {outputs!r}")

    missing, _, _ = run_action(directory, resume="no/such/resume.md")
    check(missing.returncode == 2, f"a missing resume: exit {missing.returncode}")
    check(missing.stdout.startswith("::error title=apigap resume check::resume not found: no/such/resume.md"),
          f"a missing resume: {missing.stdout!r}")

    # A resume built from a source: what its text lost is annotated on the source's lines, and fails the step.
    compared, _, outputs = run_action(directory, resume="tests/fixtures/source/exported.txt",
                                      source="tests/fixtures/resumes/resume.md", level="senior")
    check(compared.returncode == 1, f"a resume that lost a keyword: exit {compared.returncode}: {compared.stderr}")
    check("::error file=tests/fixtures/resumes/resume.md,line=20,title=apigap source-keyword-lost::" in compared.stdout,
          f"no annotation on the source line: {compared.stdout[:400]!r}")
    check(outputs.endswith("passed=false\n"), f"outputs: {outputs!r}")

    no_source, _, _ = run_action(directory, resume="examples/resume.md", source="no/such/resume.tex")
    check(no_source.returncode == 2, f"a missing source: exit {no_source.returncode}")
    check(no_source.stdout.startswith("::error title=apigap resume check::source not found: no/such/resume.tex"),
          f"a missing source: {no_source.stdout!r}")

    bad_level, _, _ = run_action(directory, resume="examples/resume.md", level="staff")
    check(bad_level.returncode == 2, f"an unknown level: exit {bad_level.returncode}")
    check("unknown level 'staff'" in bad_level.stderr, f"an unknown level: {bad_level.stderr!r}")

action = yaml.safe_load((ACTION / "action.yml").read_text())
step_env = action["runs"]["steps"][0]["env"]
for input_name in action["inputs"]:
    variable = "INPUT_" + input_name.upper().replace("-", "_")
    check(step_env.get(variable) == "${{ inputs.%s }}" % input_name, f"action.yml does not pass {input_name}")
    check(variable in (ACTION / "run.sh").read_text(), f"run.sh does not read {variable}")

for example, inputs in (("resume-check.yml", {"resume"}), ("resume-pdf-check.yml", {"resume", "source"})):
    workflow = yaml.safe_load((ROOT / "examples" / "github" / example).read_text())
    steps = [step for step in workflow["jobs"]["check"]["steps"]
             if step.get("uses", "").split("@")[0].endswith("/.github/actions/resume-check")]
    check(len(steps) == 1, f"{example} does not use the action")
    given = set(steps[0].get("with", {})) if steps else set()
    check(inputs <= given, f"{example} does not give {inputs - given}")
    check(given <= set(action["inputs"]), f"{example} gives inputs the action lacks: {given - set(action['inputs'])}")

finish()
