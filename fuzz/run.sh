#!/usr/bin/env bash
# Builds the asan preset (clang, ASan + UBSan, the tests and the libFuzzer
# targets), writes the seeds, replays the regression corpus (fuzz/regressions/,
# the `fuzz:` tests of `ctest --preset asan`; --no-replay when they just ran),
# then fuzzes each target for SECONDS (default 30), two at a time. Exits 1 on
# any finding (crash, sanitizer report, leak, timeout over 10 s, over 2 GiB of
# memory) and names the input libFuzzer saved. What each run found stays in
# build/asan/logs/; the corpus it grew, in build/asan/corpus/.
# Usage: fuzz/run.sh [--no-replay] [SECONDS] [TARGET...]   (default: every target)
set -euo pipefail
cd "$(dirname "$0")/.."
replay=1
if [[ ${1:-} == --no-replay ]]; then
  replay=0
  shift
fi
seconds=${1:-30}
shift || true
build=build/asan
all_targets=(answers kb_overlay block_yaml json_fast resume_text resume_markdown resume_latex resume_html resume_json_resume resume_rendercv resume_docx
  resume_pdf_text posting saved_report history_entry key_decoder)
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=("${all_targets[@]}")
fi

# The longest input each target is given: room for the long lines and many
# mentions that once made the resume pipeline quadratic, and for a zip bomb.
max_len() {
  case $1 in
    key_decoder) echo 4096 ;;
    answers | block_yaml | json_fast) echo 16384 ;;
    kb_overlay) echo 32768 ;;
    resume_docx) echo 262144 ;;
    *) echo 65536 ;;
  esac
}

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_leaks=1

echo "== fuzz: build" >&2
bash scripts/build.sh asan
bash fuzz/seeds.sh "$build"
replay_failed=0
if ((replay)); then
  echo "== fuzz: replay the regression corpus" >&2
  ctest --preset asan -R "^fuzz: " || replay_failed=1
fi

# fuzz TARGET: runs fuzz_TARGET for $seconds on its corpus and seeds; its
# output in logs/TARGET.log, its exit status in logs/TARGET.status.
fuzz() {
  local target=$1
  mkdir -p "$build/corpus/$target" "$build/findings/$target"
  local status=0
  "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len "$target")" -dict="$build/seeds/$target.dict" -print_final_stats=1 \
    -artifact_prefix="$build/findings/$target/" "$build/corpus/$target" "$build/seeds/$target" \
    > "$build/logs/$target.log" 2>&1 || status=$?
  echo "$status" > "$build/logs/$target.status"
}

echo "== fuzz: ${#targets[@]} targets, ${seconds} s each, two at a time" >&2
rm -rf "$build/logs"
mkdir -p "$build/logs"
for target in "${targets[@]}"; do
  if [[ ! -x $build/fuzz/fuzz_$target ]]; then
    echo "fuzz: no target '$target'; targets: ${all_targets[*]}" >&2
    exit 2
  fi
  while (($(jobs -rp | wc -l) >= 2)); do
    wait -n || true
  done
  fuzz "$target" &
done
wait

failed=0
for target in "${targets[@]}"; do
  log="$build/logs/$target.log"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[^ ]*' "$log" | tail -1 || true)
  if [[ $(cat "$build/logs/$target.status") == 0 ]]; then
    printf '%-20s clean: %s runs, %s\n' "$target" "${runs:-?}" "$coverage" >&2
  else
    failed=1
    printf '%-20s FINDING: %s\n' "$target" "$(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|ALARM|fuzz:|.*runtime error)' "$log" || echo 'see the log')" >&2
    grep -o "Test unit written to .*" "$log" | sed "s/^/    /" >&2 || true
    echo "    log: $log" >&2
  fi
done
if ((replay_failed)); then
  failed=1
  echo "fuzz: the regression corpus does not replay cleanly: see ctest's output above" >&2
fi
if ((failed)); then
  echo "fuzz: findings above; once fixed, add each input to fuzz/regressions/TARGET/ (CONTRIBUTING.md)" >&2
  exit 1
fi
