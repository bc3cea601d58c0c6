// The command-line interface: parses arguments, runs a subcommand, and turns
// every error into a one-line message and an exit code.
#pragma once

namespace apigap::cli {

/// Runs apigap with `argv` and returns the process exit code (0–3, see `docs/cli.md`).
int run(int argc, char** argv);

}  // namespace apigap::cli
