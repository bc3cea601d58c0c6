#!/usr/bin/env bash
# apigap's end-to-end benchmarks, in one run, printed as Markdown (docs/performance.md, "End to end"):
#  (a) one resume, whole process (`apigap check`): median wall time, peak RSS;
#  (b) `apigap batch` over a corpus against `rg -c -i -w -F -f keywords.txt` with the same keywords on the same
#      files, with 1 and 2 threads each: resumes/s and MB/s, and each tool's start-up and its share of the run;
#  (c) peak RSS of `apigap batch` at corpus sizes N and 10N.
# Usage: bench/run.sh [N] [--fixed] [--corpus PATH...]
#   N           resumes in the corpus, at least (default 20000); unless --fixed, the corpus grows (up to 10N)
#               until ripgrep's start-up is under 5% of its runs
#   --corpus    copy the resumes of these files and folders (e.g. /work/devset-cache/d-r*) until there are N,
#               instead of generating Markdown ones; its PDF and DOCX files are timed apart, without ripgrep
# Needs bench/setup.sh first. APIGAP=path/to/apigap skips the release build and measures that binary (its
# apigap-pdf beside it); KEEP=1 keeps the corpus (its folder is printed on standard error); REPEAT=R runs
# each throughput R times (default 3). Measurement code: bench/end_to_end.py.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)  # paths given stay relative to the caller's folder
if [ -z "${APIGAP:-}" ]; then
    (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target apigap apigap-pdf >/dev/null)
    APIGAP=$root/build/release/src/apigap
fi
APIGAP=$(realpath "$APIGAP")
command -v rg >/dev/null || { echo "run bench/setup.sh first" >&2; exit 2; }
work=$(mktemp -d /tmp/apigap-bench-XXXXXX)
if [ -n "${KEEP:-}" ]; then
    echo "bench/run.sh: the corpus is kept in $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi
python3 "$root/bench/end_to_end.py" "$APIGAP" "$work" "$@"
