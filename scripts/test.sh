#!/usr/bin/env bash
# Quick start, part 2: installs what is missing, then builds and runs the whole
# test suite twice: in the dev build (g++, warnings are errors) and in the asan
# build (clang, AddressSanitizer + UndefinedBehaviorSanitizer, which also
# replays the fuzz targets' regression corpus); then fuzzes each target of
# that same build for APIGAP_FUZZ_SECONDS (default 20; fuzz/run.sh,
# docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
for preset in dev asan; do
  echo "== $preset: build" >&2
  bash scripts/build.sh "$preset"
  echo "== $preset: test" >&2
  ctest --preset "$preset"
done
bash fuzz/run.sh --no-replay "${APIGAP_FUZZ_SECONDS:-20}"
