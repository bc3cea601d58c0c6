#!/usr/bin/env python3
"""scripts/setup.sh: `build` (the demo's list) names the package of every library the top-level
CMakeLists.txt finds and no tool that only the tests use; `test` names all of `build` and the test tools;
a wrong argument is refused. Usage: setup_test.py SOURCE_DIR"""
import re
import subprocess
import sys
from pathlib import Path

# The Debian 12 package of each find_package / pkg_check_modules name of CMakeLists.txt.
PACKAGE_OF = {
    "fmt": "libfmt-dev",
    "spdlog": "libspdlog-dev",
    "yaml-cpp": "libyaml-cpp-dev",
    "nlohmann_json": "nlohmann-json3-dev",
    "CLI11": "libcli11-dev",
    "pugixml": "libpugixml-dev",
    "PkgConfig": "pkg-config",
    "libutf8proc": "libutf8proc-dev",
    "poppler-cpp": "libpoppler-cpp-dev",
    "libzip": "libzip-dev",
}
# What the release preset itself runs: the compiler, CMake and its generator.
TOOLS = {"g++", "cmake", "ninja-build"}
# What only the tests, the dev and asan builds and fuzz/ use.
TEST_ONLY = {"make", "catch2", "python3", "python3-jsonschema", "python3-yaml", "zsh", "fish", "groff-base",
             "chromium", "nodejs", "npm", "clang", "libclang-rt-14-dev", "llvm"}


def packages(setup, *args):
    run = subprocess.run(["bash", str(setup), *args, "--list"], capture_output=True, text=True, check=True)
    return run.stdout.split()


def main():
    root = Path(sys.argv[1])
    setup = root / "scripts" / "setup.sh"
    failures = []
    build = packages(setup, "build")
    test = packages(setup, "test")
    cmake = (root / "CMakeLists.txt").read_text()
    found = re.findall(r"find_package\((\S+)", cmake) + re.findall(r"IMPORTED_TARGET (\S+?)\)", cmake)
    for name in found:
        if name not in PACKAGE_OF:
            failures.append(f"CMakeLists.txt finds {name}: say in tests/setup_test.py which package has it")
        elif PACKAGE_OF[name] not in build:
            failures.append(f"CMakeLists.txt finds {name}, but `setup.sh build` does not install {PACKAGE_OF[name]}")
    failures += [f"`setup.sh build` does not install {tool}" for tool in sorted(TOOLS - set(build))]
    failures += [f"`setup.sh build` installs {p}, which only the tests use" for p in build if p in TEST_ONLY]
    failures += [f"`setup.sh test` does not install {p}, which the build needs" for p in build if p not in test]
    missing = TEST_ONLY - set(test) - {"nodejs", "npm"}  # kept out where node and npm are there already
    failures += [f"`setup.sh test` does not install {p}" for p in sorted(missing)]
    wrong = subprocess.run(["bash", str(setup), "demo"], capture_output=True, text=True)
    if (wrong.returncode, wrong.stdout, wrong.stderr) != (2, "", "usage: scripts/setup.sh [build|test] [--list]\n"):
        failures.append(f"`setup.sh demo` gave exit {wrong.returncode}, stderr {wrong.stderr!r}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
