#!/usr/bin/env bash
# Quick start, part 2: installs what is missing, then builds and runs the whole
# test suite twice: in the dev build (warnings are errors) and under
# AddressSanitizer + UndefinedBehaviorSanitizer; then, with clang, replays the
# fuzz targets' regression corpus and fuzzes each target for
# APIGAP_FUZZ_SECONDS (default 20; fuzz/run.sh, docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
for preset in dev asan; do
  echo "== $preset: build" >&2
  bash scripts/build.sh "$preset"
  echo "== $preset: test" >&2
  ctest --preset "$preset"
done
if command -v clang++ > /dev/null 2>&1; then
  bash fuzz/run.sh "${APIGAP_FUZZ_SECONDS:-20}"
else
  echo "== fuzz: skipped, no clang++" >&2
fi
