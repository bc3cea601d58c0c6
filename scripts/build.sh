#!/usr/bin/env bash
# Configures and builds one CMake preset (default: release) after making sure
# the Debian packages are there: for release, what building apigap needs
# (scripts/setup.sh build); for the others, the test tools too.
# Usage: scripts/build.sh [PRESET]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
if [ "$preset" = release ]; then
  bash scripts/setup.sh build
  # A release build directory made with Make, before the preset chose Ninja, cannot be configured again.
  if [ -f build/release/CMakeCache.txt ] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' build/release/CMakeCache.txt; then
    rm -rf build/release
  fi
else
  bash scripts/setup.sh test
fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
