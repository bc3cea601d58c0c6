#include "cli_model.hpp"

#include <array>
#include <string_view>
#include <utility>

#include <CLI/CLI.hpp>

namespace apigap::cli {

namespace {

/// The names in a CLI11 type name's `{a,b,c}` list, if it has one.
std::vector<std::string> choices_of(const std::string& type_name) {
    std::vector<std::string> choices;
    const std::size_t open = type_name.find('{');
    const std::size_t close = type_name.find('}', open);
    if (open == std::string::npos || close == std::string::npos) {
        return choices;
    }
    std::string item;
    for (std::size_t i = open + 1; i <= close; ++i) {
        if (type_name[i] == ',' || type_name[i] == '}') {
            if (!item.empty()) {
                choices.push_back(item);
            }
            item.clear();
        } else {
            item += type_name[i];
        }
    }
    return choices;
}

/// The kind of value a value name stands for.
ValueKind value_kind(std::string_view value_name) {
    constexpr std::array<std::pair<std::string_view, ValueKind>, 9> k_kinds = {{
        {"FILE", ValueKind::file},
        {"RESUME", ValueKind::file},
        {"JD", ValueKind::file},
        {"SOURCE", ValueKind::file},
        {"PATH...", ValueKind::file},
        {"LEVEL", ValueKind::level},
        {"ID=N", ValueKind::skill_rating},
        {"ID", ValueKind::kb_id},
        {"ID,...", ValueKind::skill_list},
    }};
    for (const auto& [name, kind] : k_kinds) {
        if (name == value_name) {
            return kind;
        }
    }
    return ValueKind::none;
}

OptionInfo describe(const CLI::Option& option) {
    OptionInfo info;
    for (const std::string& name : option.get_snames()) {
        info.names.push_back("-" + name);
    }
    for (const std::string& name : option.get_lnames()) {
        info.names.push_back("--" + name);
    }
    if (option.get_positional() && info.names.empty()) {
        info.positional = option.get_name(true);
    }
    info.description = option.get_description();
    const std::string type_name = option.get_type_name();
    info.takes_value = !type_name.empty();  // a flag has no type name: `--help` shows none
    if (info.takes_value) {
        info.value_name = type_name.substr(0, type_name.find(':'));
        info.choices = choices_of(type_name);
        info.kind = info.choices.empty() ? value_kind(info.value_name) : ValueKind::choices;
    }
    return info;
}

}  // namespace

CommandInfo describe(const CLI::App& app) {
    CommandInfo info;
    info.name = app.get_name();
    info.description = app.get_description();
    info.footer = app.get_footer();
    for (const CLI::Option* option : app.get_options()) {
        info.options.push_back(describe(*option));
    }
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App* each) { return !each->get_group().empty(); })) {
        info.subcommands.push_back(describe(*sub));
    }
    return info;
}

namespace {

void add_paths(const CommandInfo& command, const std::string& path, std::vector<CommandPath>& out) {
    out.push_back(CommandPath{path, &command});
    for (const CommandInfo& sub : command.subcommands) {
        add_paths(sub, path.empty() ? sub.name : path + " " + sub.name, out);
    }
}

}  // namespace

std::vector<CommandPath> command_paths(const CommandInfo& root) {
    std::vector<CommandPath> out;
    add_paths(root, "", out);
    return out;
}

std::vector<std::string> subcommand_names(const CommandInfo& command) {
    std::vector<std::string> names;
    for (const CommandInfo& sub : command.subcommands) {
        names.push_back(sub.name);
    }
    return names;
}

std::string space_separated(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : " ") + item;
    }
    return out;
}

std::vector<std::string> value_options(const CommandInfo& command) {
    std::vector<std::string> names;
    for (const OptionInfo& option : command.options) {
        if (option.takes_value) {
            names.insert(names.end(), option.names.begin(), option.names.end());
        }
    }
    return names;
}

}  // namespace apigap::cli
