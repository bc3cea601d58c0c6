#!/usr/bin/env bash
# `apigap check RESUME.pdf --source SOURCE`, whole process (docs/performance.md, "Checking a PDF against its
# source"): median wall time of 51 runs and peak RSS, beside `check` on the PDF alone and on the source alone, for
# three of the test suite's rendered resumes: two pages of text (footer-contact), a two-column page (two-columns)
# and three pages of which two are drawn charts that the PDF reader renders to measure (image-pages). The PDFs are
# printed by headless Chromium as the test suite prints them (its `npm ci` must have run: tests/html/node_modules).
# Usage: bench/source_check.sh   (APIGAP=path/to/apigap skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${APIGAP:-}" ]; then
    cmake --preset release >/dev/null
    cmake --build --preset release --target apigap apigap-pdf >/dev/null
    APIGAP=build/release/src/apigap
fi
[ -x /usr/bin/time ] || { echo "run bench/setup.sh first" >&2; exit 2; }
work=$(mktemp -d /tmp/apigap-source-XXXXXX)
trap 'rm -rf "$work"' EXIT
cases=(footer-contact two-columns image-pages)
node tests/rendered/print_pdf.js "$work" $(printf 'tests/rendered/cases/%s.html ' "${cases[@]}")
for case in "${cases[@]}"; do
python3 - "$APIGAP" "$work/$case.pdf" "tests/rendered/cases/$case.html" <<'PY'
import statistics, subprocess, sys, time
apigap, pdf, source = sys.argv[1:4]

def measure(args, repeat=51):
    walls = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return statistics.median(walls), int(done.stderr.decode().strip().splitlines()[-1])

pages = open(pdf, "rb").read().count(b"/Type /Page\n") or open(pdf, "rb").read().count(b"/Type/Page")
print(f"{pdf}: {pages or '?'} pages; source {source}")
print("| command | median ms | peak RSS MiB (apigap) |")
print("|---|---:|---:|")
for name, args in (("check RESUME.pdf --source SOURCE", [apigap, "check", pdf, "--source", source, "--min-score", "0"]),
                   ("check RESUME.pdf", [apigap, "check", pdf, "--min-score", "0"]),
                   ("check SOURCE", [apigap, "check", source, "--min-score", "0"])):
    wall, rss = measure(args)
    print(f"| {name} | {wall * 1000:.1f} | {rss / 1024:.1f} |")
PY
done
# At the size cap: a Markdown source of generated lines (12 words of a 30-word vocabulary and a unique `itemN`
# each) against a text "rendering" that drops every 50th line, at 1, 4 and 10 MiB: time, peak RSS, lines found.
python3 - "$APIGAP" "$work" <<'PY'
import json, random, subprocess, sys
apigap, work = sys.argv[1:3]
words = ("built designed api apis rest graphql python java kafka redis postgresql latency by 40% users services the "
         "and of with for on reduced migrated kubernetes docker terraform oauth jwt").split()
print("| size | check --source | check alone | source lines found | results lost |")
print("|---|---:|---:|---:|---:|")
for mib in (1, 4, 10):
    rng = random.Random(1)
    lines, size = [], 0
    while size < mib * 1024 * 1024 - 200:
        lines.append(" ".join(rng.choice(words) for _ in range(12)) + f" item{len(lines)}")
        size += len(lines[-1]) + 1
    source, rendered = f"{work}/big{mib}.md", f"{work}/big{mib}.txt"
    open(source, "w").write("\n".join(lines) + "\n")
    open(rendered, "w").write("\n".join(line for n, line in enumerate(lines) if n % 50) + "\n")
    def timed(args):
        done = subprocess.run(["/usr/bin/time", "-f", "%e %M", *args], capture_output=True, text=True)
        seconds, kib = done.stderr.strip().splitlines()[-1].split()
        return done.stdout, f"{float(seconds):.2f} s, {int(kib) / 1024:.0f} MiB"
    out, both = timed([apigap, "check", rendered, "--source", source, "--format", "json", "--min-score", "0"])
    _, alone = timed([apigap, "check", rendered, "--format", "json", "--min-score", "0"])
    summary = json.loads(out)["source"]
    print(f"| {mib} MiB | {both} | {alone} | {summary['lines_found']} of {summary['lines']} | "
          f"{summary['results_lost']} of {summary['results']} |")
PY
