#!/usr/bin/env bash
# Quick start, part 2: installs what is missing (scripts/setup.sh test: the
# test tools too), then builds and runs the whole test suite twice: in the dev
# build (g++, warnings are errors, the libraries in unity files) and in the
# asan build (clang, AddressSanitizer + UndefinedBehaviorSanitizer, each file
# compiled on its own; it also replays the fuzz targets' regression corpus);
# builds the release preset that scripts/demo.sh builds (one unity file a
# library), which must print no warning, and the scaling benchmark (built, not
# run); then fuzzes each target of the asan
# build for APIGAP_FUZZ_SECONDS (default 20; fuzz/run.sh, docs/reliability.md).
# Each phase's heading says how long the run has taken so far.
set -euo pipefail
cd "$(dirname "$0")/.."
phase() { echo "== $1 (at ${SECONDS} s)" >&2; }
for preset in dev asan; do
  phase "$preset: build"
  bash scripts/build.sh "$preset"
  phase "$preset: test"
  ctest --preset "$preset"
done
phase "release: build (what scripts/demo.sh builds; no warning allowed)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
bash scripts/build.sh release 2>&1 | tee "$log"
if grep -q 'warning:' "$log"; then
  echo "the release build printed warnings (above): a first build must be clean" >&2
  exit 1
fi
# The benchmarks are built on request only; building them here keeps them compiling (docs/performance.md runs them).
phase "bench: build"
cmake --build --preset release --target apigap_scaling
phase "fuzz"
bash fuzz/run.sh --no-replay "${APIGAP_FUZZ_SECONDS:-20}"
phase "done"
