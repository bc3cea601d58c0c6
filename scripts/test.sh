#!/usr/bin/env bash
# Quick start, part 2: installs what is missing, then builds and runs the whole
# test suite twice: in the dev build (warnings are errors) and under
# AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
for preset in dev asan; do
  echo "== $preset: build" >&2
  bash scripts/build.sh "$preset"
  echo "== $preset: test" >&2
  ctest --preset "$preset"
done
