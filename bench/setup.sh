#!/usr/bin/env bash
# The tools bench/run.sh compares against and measures with: ripgrep and GNU time.
# Idempotent; not part of the test setup (scripts/setup.sh).
set -euo pipefail
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -q
    "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
fi
