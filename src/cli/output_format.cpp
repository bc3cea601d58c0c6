// The output options, and the format `-o FILE`'s extension names when `--format` is not given.
#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "option_checks.hpp"
#include "output.hpp"

namespace apigap::cli {

namespace {

/// Each extension, lowercase, and the format it names; a format's first extension is the one `--help` shows.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> k_format_extensions = {{
    {".txt", "text"},
    {".json", "json"},
    {".md", "markdown"},
    {".markdown", "markdown"},
    {".html", "html"},
    {".htm", "html"},
    {".sarif", "sarif"},
    {".sarif.json", "sarif"},
    {".xml", "junit"},
    {".yaml", "yaml"},
    {".yml", "yaml"},
}};

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

/// The extension of the file name at the end of `path` as written (".JSON"; ".sarif.json" for SARIF), or "" when
/// it has none: a name that starts with its only dot (".json") has none, as for `std::filesystem::path::extension`.
std::string_view extension_of(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    constexpr std::string_view k_sarif_json = ".sarif.json";
    if (name.size() > k_sarif_json.size() &&
        lowercase(name.substr(name.size() - k_sarif_json.size())) == k_sarif_json) {
        return name.substr(name.size() - k_sarif_json.size());
    }
    const std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot);
}

/// "text, json or markdown".
std::string listed(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
    }
    return out;
}

/// The extensions that pick one of `formats`, for `-o`'s help: ".txt .json .md".
std::string extensions_of(const std::vector<std::string>& formats) {
    std::string out;
    for (const std::string& format : formats) {
        const auto* found = std::find_if(k_format_extensions.begin(), k_format_extensions.end(),
                                         [&](const auto& extension) { return extension.second == format; });
        if (found != k_format_extensions.end()) {
            out += (out.empty() ? "" : " ") + std::string(found->first);
        }
    }
    return out;
}

/// "apigap kb show" for the subcommand `command`.
std::string command_path(const CLI::App& command) {
    std::string path = command.get_name();
    for (const CLI::App* parent = command.get_parent(); parent != nullptr; parent = parent->get_parent()) {
        path.insert(0, parent->get_name() + " ");
    }
    return path;
}

}  // namespace

void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats) {
    options.formats = formats;
    options.command = command_path(command);
    command
        .add_option("--format", options.format,
                    fmt::format("Output format; default: the one -o FILE's extension names, else {}", options.format))
        ->check(CLI::IsMember(formats))
        ->each([&options](const std::string&) { options.format_given = true; })
        ->capture_default_str();
    command
        .add_option("-o,--output", options.path,
                    fmt::format("Write the result to FILE (atomically) instead of stdout; without --format, its "
                                "extension picks the format ({})",
                                extensions_of(formats)))
        ->check(not_empty("a file, or '-' for standard output"))
        ->type_name("FILE");
}

std::optional<std::string> format_of_extension(std::string_view path) {
    const std::string extension = lowercase(extension_of(path));
    for (const auto& [each, format] : k_format_extensions) {
        if (each == extension) {
            return std::string(format);
        }
    }
    return std::nullopt;
}

std::string chosen_format(const OutputOptions& options) {
    const std::optional<std::string> named = options.path == "-" ? std::nullopt : format_of_extension(options.path);
    if (!named) {
        return options.format;
    }
    if (options.format_given) {
        if (*named != options.format) {
            throw Error(fmt::format("--format {} conflicts with -o {}, whose extension {} names {}", options.format,
                                    options.path, extension_of(options.path), *named));
        }
        return options.format;
    }
    if (std::find(options.formats.begin(), options.formats.end(), *named) == options.formats.end()) {
        throw Error(fmt::format("-o {}: the extension {} names {}, which '{}' does not write (it writes {})",
                                options.path, extension_of(options.path), *named, options.command,
                                listed(options.formats)));
    }
    return *named;
}

Format output_format(const OutputOptions& options) {
    return parse_format(chosen_format(options)).value_or(Format::text);
}

}  // namespace apigap::cli
