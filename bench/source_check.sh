#!/usr/bin/env bash
# `apigap check RESUME.pdf --source SOURCE` on a two-page resume, whole process (docs/performance.md, "Checking a
# PDF against its source"): median wall time of 51 runs and peak RSS, beside `check` on the PDF alone and on the
# source alone. The PDF is printed from tests/rendered/cases/footer-contact.html by headless Chromium, as the test
# suite prints it (the test suite's `npm ci` must have run: tests/html/node_modules).
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
source=tests/rendered/cases/footer-contact.html
node tests/rendered/print_pdf.js "$work" "$source"
python3 - "$APIGAP" "$work/footer-contact.pdf" "$source" <<'PY'
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
