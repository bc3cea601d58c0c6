#!/usr/bin/env bash
# apigap's end-to-end benchmarks, in one run (docs/performance.md):
#  (a) one resume, whole process (`apigap check`): median wall time, peak RSS;
#  (b) `apigap batch` over a corpus against `rg -c -i -w -F -f keywords.txt` with
#      the same keywords, with 1 and 2 threads each;
#  (c) peak RSS of `apigap batch` at corpus sizes N and 10N.
# Usage: bench/run.sh [N]   (N=2000 by default; needs bench/setup.sh first)
# APIGAP=path/to/apigap skips the release build and measures that binary.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
if [ -z "${APIGAP:-}" ]; then
    cmake --preset release >/dev/null
    cmake --build --preset release --target apigap >/dev/null
    APIGAP=build/release/src/apigap
fi
command -v rg >/dev/null && [ -x /usr/bin/time ] || { echo "run bench/setup.sh first" >&2; exit 2; }
work=$(mktemp -d /tmp/apigap-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
"$APIGAP" kb export --keywords >"$work/keywords.txt"
python3 bench/generate_corpus.py "$N" "$work/n" --seed 1 --keywords "$work/keywords.txt"
python3 bench/generate_corpus.py "$((N * 10))" "$work/10n" --seed 1 --keywords "$work/keywords.txt"
python3 - "$APIGAP" "$work" "$N" <<'PY'
import statistics, subprocess, sys, time
apigap, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])

def run(args, repeat):
    """Median wall seconds and the largest peak RSS (KiB) over `repeat` runs."""
    walls, rss = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, check=False)
        walls.append(time.perf_counter() - start)
        rss.append(int(done.stderr.decode().strip().splitlines()[-1]))
    return statistics.median(walls), max(rss)

def wall_only(args, repeat):
    """Median wall seconds over `repeat` runs, without GNU time in between."""
    walls = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)

one = f"{work}/n/000/resume-000000.md"
wall = wall_only([apigap, "check", one, "--min-score", "0"], 51)
floor = wall_only(["/bin/true"], 51)
_, rss = run([apigap, "check", one, "--min-score", "0"], 3)
print(f"(a) apigap check, one resume, whole process: median {wall * 1000:.1f} ms "
      f"(/bin/true in the same harness: {floor * 1000:.1f} ms), peak RSS {rss / 1024:.1f} MiB")
print(f"(b) {n} resumes ({work}/n)")
print("| tool | threads | median s | resumes/s |")
print("|---|---:|---:|---:|")
for threads in (1, 2):
    for name, args in (("apigap batch", [apigap, "-q", "batch", f"{work}/n", "--jobs", str(threads)]),
                       ("rg -c -i -w -F -f keywords.txt", ["rg", "-c", "-i", "-w", "-F", "-f", f"{work}/keywords.txt",
                                                          "-j", str(threads), f"{work}/n"])):
        wall, _ = run(args, 3)
        print(f"| {name} | {threads} | {wall:.2f} | {n / wall:.0f} |")
_, small = run([apigap, "-q", "batch", f"{work}/n", "--jobs", "2"], 1)
_, large = run([apigap, "-q", "batch", f"{work}/10n", "--jobs", "2"], 1)
print(f"(c) apigap batch --jobs 2 peak RSS: {n} resumes {small / 1024:.1f} MiB, {10 * n} resumes "
      f"{large / 1024:.1f} MiB ({(large - small) * 100 / small:+.1f}%)")
PY
