// Shell completions and the man page, generated from the CLI definition
// (cli_model.hpp), so that they list exactly what `--help` lists.
#pragma once

#include <string>

#include "cli_model.hpp"

namespace apigap::cli {

/// A bash completion script for `root`: subcommands, options, option values
/// (listed choices, file names) at every command path.
[[nodiscard]] std::string bash_completion(const CommandInfo& root);

/// A zsh completion script for `root` (`#compdef apigap`), with descriptions.
[[nodiscard]] std::string zsh_completion(const CommandInfo& root);

/// A fish completion script for `root`, with descriptions.
[[nodiscard]] std::string fish_completion(const CommandInfo& root);

/// The man page for `root` in roff (`man 1 apigap`).
[[nodiscard]] std::string man_page(const CommandInfo& root);

}  // namespace apigap::cli
