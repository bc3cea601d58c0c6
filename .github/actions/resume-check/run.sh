#!/usr/bin/env bash
# The step of the resume-check action (action.yml): finds or builds apigap,
# runs `apigap check --format github` on INPUT_RESUME (compared with
# INPUT_SOURCE when it is set), sets the `score` and
# `passed` outputs, and exits as apigap does (0 passed, 1 failed, 2 bad input).
#
# Environment: INPUT_RESUME (required), INPUT_SOURCE, INPUT_LEVEL, INPUT_MIN_SCORE,
# INPUT_REQUIRE, INPUT_SARIF; GitHub's GITHUB_ACTION_PATH, GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY, RUNNER_TEMP. APIGAP_BIN names a binary to use instead
# of `apigap` on PATH or a build from the action's own checkout.
set -uo pipefail

fail() {
  echo "::error title=apigap resume check::$1"
  exit 2
}

[ -n "${INPUT_RESUME:-}" ] || fail "the 'resume' input is required"
[ -f "$INPUT_RESUME" ] || fail "resume not found: $INPUT_RESUME (paths are relative to the repository root)"
if [ -n "${INPUT_SOURCE:-}" ] && [ ! -f "$INPUT_SOURCE" ]; then
  fail "source not found: $INPUT_SOURCE (paths are relative to the repository root)"
fi

apigap=${APIGAP_BIN:-}
if [ -z "$apigap" ]; then
  if command -v apigap >/dev/null 2>&1; then
    apigap=$(command -v apigap)
  else
    source_dir=$(cd "${GITHUB_ACTION_PATH:-$(dirname "$0")}/../../.." && pwd)
    build_dir="${RUNNER_TEMP:-/tmp}/apigap-build"
    echo "::group::Build apigap"
    bash "$source_dir/scripts/setup.sh" build &&
      cmake -S "$source_dir" --preset release -B "$build_dir" >/dev/null &&
      cmake --build "$build_dir" -j "$(nproc)" >/dev/null
    status=$?
    echo "::endgroup::"
    [ "$status" -eq 0 ] || fail "could not build apigap (exit $status); see the 'Build apigap' group"
    apigap="$build_dir/src/apigap"
  fi
fi

args=(check "$INPUT_RESUME" --level "${INPUT_LEVEL:-mid}" --min-score "${INPUT_MIN_SCORE:-60}")
if [ -n "${INPUT_REQUIRE:-}" ]; then
  args+=(--require "$INPUT_REQUIRE")
fi
if [ -n "${INPUT_SOURCE:-}" ]; then
  args+=(--source "$INPUT_SOURCE")
fi

"$apigap" "${args[@]}" --format github
status=$?
if [ "$status" -ge 2 ]; then
  exit "$status"  # apigap printed the error
fi

if [ -n "${INPUT_SARIF:-}" ]; then
  "$apigap" "${args[@]}" --format sarif -o "$INPUT_SARIF" || [ $? -eq 1 ] || exit 2
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  json=$("$apigap" "${args[@]}" --format json)
  score=$(printf '%s\n' "$json" | sed -n 's/^  "score": \([0-9]*\),$/\1/p')
  passed=$([ "$status" -eq 0 ] && echo true || echo false)
  printf 'score=%s\npassed=%s\n' "$score" "$passed" >>"$GITHUB_OUTPUT"
fi
exit "$status"
