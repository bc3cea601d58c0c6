#!/usr/bin/env bash
# Installs the Debian 12 packages apigap needs to build and test (chromium,
# node and npm for the HTML report's browser test; clang, its libFuzzer and
# llvm's symbolizer for fuzz/); idempotent: apt-get runs only when something
# is missing.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev libspdlog-dev catch2
  libutf8proc-dev libpoppler-cpp-dev libzip-dev libpugixml-dev
  python3 python3-jsonschema python3-yaml
  zsh fish groff-base
  chromium
  clang libclang-rt-14-dev llvm
)
# The HTML report's browser test (tests/html/) runs on Node.js; a machine that
# already has node and npm (say Node 20 from elsewhere) keeps them.
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs)
fi
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "apigap setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  sudo=sudo
else
  sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
