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

/// One option or positional argument.
struct OptionInfo {
    std::vector<std::string> names;    ///< "-o", "--output"; empty for a positional
    std::string positional;            ///< the positional's name, e.g. "resume"
    std::string value_name;            ///< "FILE", "LEVEL", …; empty for a flag
    std::vector<std::string> choices;  ///< the values it accepts, when it lists them
    std::string description;
    bool takes_value = false;
    bool file = false;  ///< its value is a path
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

}  // namespace apigap::cli
