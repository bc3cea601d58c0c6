#!/usr/bin/env bash
# Installs the Debian 12 packages apigap needs. Usage: scripts/setup.sh [build|test] [--list]
#   build  what building and running apigap and its PDF reader needs (scripts/demo.sh)
#   test   that and what the tests need (the default; scripts/test.sh): Catch2; python3 with jsonschema and
#          yaml for the golden tests; zsh, fish and groff for the completion and man page tests; chromium,
#          node and npm for the HTML report's browser test; make for the dev and asan builds; clang, its
#          libFuzzer and llvm's symbolizer for fuzz/
#   --list prints the packages, one a line, and installs nothing
# Idempotent: apt-get runs only when something is missing, and updates the package lists only when
# installing from the lists the machine has fails (a fresh debootstrap has lists, a fresh container none).
set -euo pipefail

build_packages=(
  g++ cmake ninja-build pkg-config
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev libspdlog-dev
  libutf8proc-dev libpoppler-cpp-dev libzip-dev libpugixml-dev
)
test_packages=(
  make catch2
  python3 python3-jsonschema python3-yaml
  zsh fish groff-base
  chromium
  clang libclang-rt-14-dev llvm
)

mode=test
list=0
for arg in "$@"; do
  case $arg in
    build | test) mode=$arg ;;
    --list) list=1 ;;
    *)
      echo "usage: scripts/setup.sh [build|test] [--list]" >&2
      exit 2
      ;;
  esac
done

packages=("${build_packages[@]}")
if [ "$mode" = test ]; then
  packages+=("${test_packages[@]}")
  # The HTML report's browser test (tests/html/) runs on Node.js; a machine that
  # already has node and npm (say Node 20 from elsewhere) keeps them.
  if ! command -v node >/dev/null 2>&1; then
    packages+=(nodejs)
  fi
  if ! command -v npm >/dev/null 2>&1; then
    packages+=(npm)
  fi
fi

if ((list)); then
  printf '%s\n' "${packages[@]}"
  exit 0
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
# --force-unsafe-io: dpkg without an fsync after each file installs the demo's packages in half the time (26 s
# against 52 s on the development machine); what it risks is a half-written file if the machine crashes during
# the install, as Debian's own container images accept.
install() {
  $sudo apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "${missing[@]}" >/dev/null
}
# Updating the lists takes minutes on a slow mirror: only when they are missing or too old to install from.
if ! install 2>/dev/null; then
  echo "apigap setup: updating the package lists" >&2
  $sudo apt-get update -qq
  install
fi
