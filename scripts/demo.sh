#!/usr/bin/env bash
# Quick start, part 1: installs what is missing, builds apigap and runs it on
# the bundled example self-assessment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release >&2
echo "+ build/release/src/apigap assess --answers examples/answers-mid.yaml --level mid" >&2
exec build/release/src/apigap assess --answers examples/answers-mid.yaml --level mid
