// The command-line interface as plain data, read from the CLI11 definition,
// so that completions and the man page are generated from the one source
// `--help` is printed from.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace apigap::cli {

/// What an option's value is, by its value name: where the words a completion offers for it come from.
enum class ValueKind {
    none,          ///< anything (a number): nothing to offer
    choices,       ///< one of `OptionInfo::choices`, the list its check accepts
    file,          ///< a path (`FILE`, `RESUME`, `JD`, `SOURCE`, `PATH...`)
    level,         ///< a level id of the knowledge base (`LEVEL`)
    skill_rating,  ///< a skill id of the knowledge base, `=`, a rating (`ID=N`)
    kb_id,         ///< an id `kb show` finds: a skill, level, group or tool (`ID`)
    skill_list,    ///< skill or group ids separated by commas (`ID,...`)
};

/// One option or positional argument.
struct OptionInfo {
    std::vector<std::string> names;    ///< "-o", "--output"; empty for a positional
    std::string positional;            ///< the positional's name, e.g. "resume"
    std::string value_name;            ///< "FILE", "LEVEL", …; empty for a flag
    std::vector<std::string> choices;  ///< the values it accepts, when it lists them
    std::string description;
    bool takes_value = false;
    ValueKind kind = ValueKind::none;
};

/// A command, the options it takes, and its subcommands.
struct CommandInfo {
    std::string name;
    std::string description;
    std::string footer;
    std::vector<OptionInfo> options;  ///< `--help` included, in definition order
    std::vector<CommandInfo> subcommands;
};

/// `app` and its subcommands, hidden ones (an empty group) left out.
[[nodiscard]] CommandInfo describe(const CLI::App& app);

/// Every name of `command`'s options that take a value.
[[nodiscard]] std::vector<std::string> value_options(const CommandInfo& command);

/// A command with its path from the root: "" for the root, "kb list".
struct CommandPath {
    std::string path;
    const CommandInfo* command = nullptr;
};

/// `root` and every command under it, depth first, with their paths.
[[nodiscard]] std::vector<CommandPath> command_paths(const CommandInfo& root);

/// The names of `command`'s subcommands.
[[nodiscard]] std::vector<std::string> subcommand_names(const CommandInfo& command);

/// `items` separated by single spaces.
[[nodiscard]] std::string space_separated(const std::vector<std::string>& items);

}  // namespace apigap::cli
