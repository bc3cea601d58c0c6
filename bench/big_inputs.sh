#!/usr/bin/env bash
# apigap on inputs at the size cap (docs/performance.md): for each shape of
# bench/shapes.py (a keyword-dense resume, one long line, one skill on line
# after line) in each format, the wall time and peak RSS of scan, check, match
# with the file as the resume and as the posting (--job), and batch.
# Usage: bench/big_inputs.sh [BYTES]   (10 MiB, the default cap, by default)
# SHAPES="dense line" and FORMATS="text markdown" narrow the runs; APIGAP=path
# measures that binary instead of building the release preset. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
BYTES=${1:-10485760}
SHAPES=${SHAPES:-dense line repeat}
FORMATS=${FORMATS:-text markdown html latex json rendercv docx pdf}
if [ -z "${APIGAP:-}" ]; then
    cmake --preset release >/dev/null
    cmake --build --preset release --target apigap apigap-pdf >/dev/null
    APIGAP=build/release/src/apigap
fi
[ -x /usr/bin/time ] || { echo "GNU time is missing: run bench/setup.sh" >&2; exit 2; }
work=$(mktemp -d /tmp/apigap-big-XXXXXX)
trap 'rm -rf "$work"' EXIT
resume=tests/fixtures/resumes/resume.md
posting=tests/fixtures/postings/senior-backend.md
declare -A extension=([text]=txt [markdown]=md [html]=html [latex]=tex [json]=json [rendercv]=yaml [docx]=docx [pdf]=pdf)

# Prints "seconds MiB exit" for one run, its output thrown away.
measure() {
    local status=0
    /usr/bin/time -f '%e %M' -o "$work/time" timeout 300 "$@" >/dev/null 2>"$work/stderr" || status=$?
    # GNU time writes "Command exited with non-zero status N" first when the command fails.
    read -r seconds kib < <(tail -n 1 "$work/time") || { seconds=-; kib=0; }
    printf '%s %.1f %s' "$seconds" "$(echo "$kib / 1024" | bc -l)" "$status"
}

printf '| shape | format | bytes | command | seconds | peak RSS MiB | exit |\n|---|---|---:|---|---:|---:|---:|\n'
for shape in $SHAPES; do
    for format in $FORMATS; do
        file="$work/$shape.${extension[$format]}"
        python3 bench/shapes.py "$shape" "$format" "$BYTES" "$file"
        size=$(stat -c %s "$file")
        for command in scan check match-resume match-posting batch; do
            case $command in
            scan) args=(scan "$file") ;;
            check) args=(check "$file" --min-score 0) ;;
            match-resume) args=(match "$file" --job "$posting") ;;
            match-posting) args=(match "$resume" --job "$file") ;;
            batch) args=(-q batch "$file" --job "$posting") ;;
            esac
            read -r seconds mib status <<<"$(measure "$APIGAP" "${args[@]}")"
            printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$shape" "$format" "$size" "$command" "$seconds" "$mib" \
                "$status"
        done
        rm -f "$file"
    done
done
