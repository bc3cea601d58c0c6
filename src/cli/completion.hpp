// Shell completions and the man page, generated from the CLI definition
// (cli_model.hpp), so that they list exactly what `--help` lists.
#pragma once

#include <string>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "cli_model.hpp"

namespace apigap::cli {

/// The words the knowledge base gives completions: the ids the CLI's own checks look up.
struct KbWords {
    std::vector<std::string> levels;        ///< level ids (`--level`)
    std::vector<std::string> skills;        ///< skill ids (`--rate ID=N`)
    std::vector<std::string> ids;           ///< every id `kb show` finds: skills, levels, groups, tools
    std::vector<std::string> skill_groups;  ///< skill and group ids (`check --require`)
};

/// The ids of `kb`, in knowledge-base order.
[[nodiscard]] KbWords kb_words(const KnowledgeBase& kb);

/// The words `option`'s value completes to: its choices or ids (a skill id of `ID=N` followed by `=`), `@file`
/// for a path, `@list WORD…` for comma-separated words, or "" for nothing.
[[nodiscard]] std::string value_words(const OptionInfo& option, const KbWords& words);

/// A bash completion script for `root`: subcommands, options, option values
/// (listed choices, the knowledge base's ids, file names) at every command path.
[[nodiscard]] std::string bash_completion(const CommandInfo& root, const KbWords& words);

/// A zsh completion script for `root` (`#compdef apigap`), with descriptions.
[[nodiscard]] std::string zsh_completion(const CommandInfo& root, const KbWords& words);

/// A fish completion script for `root`, with descriptions.
[[nodiscard]] std::string fish_completion(const CommandInfo& root, const KbWords& words);

/// The man page for `root` in roff (`man 1 apigap`).
[[nodiscard]] std::string man_page(const CommandInfo& root);

}  // namespace apigap::cli
