#!/usr/bin/env bash
# `apigap batch --files-from` on a generated corpus (docs/performance.md, "A corpus from a list"):
#  (a) the walk of the folder, `batch DIR --jobs J`, for comparison;
#  (b) `find DIR -type f -print0 | batch --files-from - -0 --jobs J`;
#  (c) sharded: the list split in J parts by `split -n r/J`, one `batch --files-from PART --jobs 1` each, at once;
#  (d) sharded by `xargs -0 -n 10000 -P J batch --jobs 1`;
#  (e) a list of 10 × N paths (the corpus ten times over) through (b), for the memory of a long list.
# Each: wall seconds, CPU seconds (user + system), peak RSS (GNU time's %M, the largest process), resumes/s and
# MB/s of resume text; (c) and (d) check that their lines are those of (b). The corpus is deleted at the end.
# Usage: bench/files_from.sh [N] [J]   (N=100000, J=2; needs GNU time: bench/setup.sh)
# APIGAP=path/to/apigap skips the release build; WORK=DIR puts the corpus there (default: a folder under /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
J=${2:-2}
if [ -z "${APIGAP:-}" ]; then
    cmake --preset release >/dev/null
    cmake --build --preset release --target apigap apigap-pdf >/dev/null
    APIGAP=build/release/src/apigap
fi
APIGAP=$(realpath "$APIGAP")
[ -x /usr/bin/time ] || { echo "run bench/setup.sh first" >&2; exit 2; }
work=$(mktemp -d "${WORK:-/tmp}/apigap-files-from-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$APIGAP" kb export --keywords >"$work/keywords.txt"
python3 bench/generate_corpus.py "$N" "$work/corpus" --seed 1 --keywords "$work/keywords.txt"
cd "$work"
bytes=$(find corpus -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
find corpus -type f -print0 >list
for _ in 1 2 3 4 5 6 7 8 9 10; do cat list; done >list10

# Runs "$@" under GNU time; prints wall, CPU and peak RSS (KiB) as "wall cpu rss".
measure() {
    /usr/bin/time -f '%e %U %S %M' -o time.txt "$@"
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' time.txt
}
row() {  # name, count, "wall cpu rss"
    read -r wall cpu rss <<<"$3"
    awk -v name="$1" -v n="$2" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" -v bytes="$bytes" -v scale="$4" \
        'BEGIN { printf "| %s | %d | %.1f s | %.1f s | %.0f | %.1f | %.1f MiB |\n", name, n, wall, cpu, n / wall,
                 bytes * scale / wall / 1e6, rss / 1024 }'
}

echo "N=$N resumes, $bytes bytes; J=$J; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run | resumes | wall | CPU | resumes/s | MB/s | peak RSS |"
echo "|---|---|---|---|---|---|---|"
a=$(measure sh -c "'$APIGAP' -q batch corpus --jobs $J >walk.jsonl" || true)
row "(a) batch DIR --jobs $J" "$N" "$a" 1
b=$(measure sh -c "'$APIGAP' -q batch --files-from - -0 --jobs $J <list >list.jsonl" || true)
row "(b) find -print0 \\| batch --files-from - -0 --jobs $J" "$N" "$b" 1
split -n "r/$J" -t '\0' list part.
c=$(measure sh -c "for part in part.*; do '$APIGAP' -q batch --files-from \$part -0 --jobs 1 >\$part.jsonl & done; wait" || true)
row "(c) split -n r/$J, one batch --jobs 1 a part" "$N" "$c" 1
d=$(measure sh -c "xargs -0 -n 10000 -P $J '$APIGAP' -q batch --jobs 1 <list >xargs.jsonl" || true)
row "(d) xargs -0 -n 10000 -P $J batch --jobs 1" "$N" "$d" 1
e=$(measure sh -c "'$APIGAP' -q batch --files-from - -0 --jobs $J <list10 >/dev/null" || true)
row "(e) (b) on a list of $((N * 10)) paths" "$((N * 10))" "$e" 10
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The shards hold the same lines as the one run; (b) keeps find's order, the walk sorts.
cmp <(sort list.jsonl) <(sort part.*.jsonl) && cmp <(sort list.jsonl) <(sort xargs.jsonl) &&
    cmp <(sort list.jsonl) <(sort walk.jsonl) && echo "(a)-(d): the same $(wc -l <list.jsonl) lines"
