// Acting on the global options.
#include "context.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string_view>

#include <unistd.h>

#include "apigap/input.hpp"
#include "debug_log.hpp"
#include "output.hpp"
#include "terminal.hpp"

namespace apigap::cli {

namespace {

std::string_view env(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string_view() : std::string_view(value);
}

bool locale_is_utf8() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const std::string_view value = env(name);
        if (!value.empty()) {
            std::string lower(value);
            for (char& c : lower) {
                c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
        }
    }
    return false;
}

}  // namespace

std::size_t text_width(bool terminal, std::string_view columns, std::size_t window) {
    if (!terminal) {
        return k_default_text_width;
    }
    std::size_t width = 0;
    const char* const end = columns.data() + columns.size();
    if (columns.empty() || std::from_chars(columns.data(), end, width).ptr != end || width == 0) {
        width = window > 0 ? window : k_default_text_width;
    }
    return std::clamp(width, k_min_text_width, k_max_text_width);
}

std::vector<std::string> overlay_paths(const std::vector<std::string>& files) {
    std::vector<std::string> paths;
    std::string_view from_env = env("APIGAP_KB");
    while (!from_env.empty()) {
        const auto colon = from_env.find(':');
        const std::string_view path = from_env.substr(0, colon);
        if (!path.empty()) {
            paths.emplace_back(path);
        }
        from_env = colon == std::string_view::npos ? std::string_view() : from_env.substr(colon + 1);
    }
    paths.insert(paths.end(), files.begin(), files.end());
    return paths;
}

std::vector<KbLayer> read_overlays(const std::vector<std::string>& files) {
    std::vector<KbLayer> layers;
    for (const std::string& path : overlay_paths(files)) {
        layers.push_back(KbLayer{input_name(path), read_input(path)});
    }
    return layers;
}

void Context::refuse_output_over_inputs(const std::string& output, std::vector<std::string> inputs) const {
    const std::vector<std::string> overlays = overlay_paths(global.kb_files);
    inputs.insert(inputs.end(), overlays.begin(), overlays.end());
    refuse_output_over_input(output, inputs);
}

void Context::refuse_step_summary_over_inputs(std::vector<std::string> inputs) const {
    const std::vector<std::string> overlays = overlay_paths(global.kb_files);
    inputs.insert(inputs.end(), overlays.begin(), overlays.end());
    refuse_step_summary_over_input(inputs);
}

KnowledgeBase Context::load_kb() const {
    return timed(
        [&] {
            const std::vector<KbLayer> overlays = read_overlays(global.kb_files);
            return overlays.empty() ? builtin_knowledge_base() : load_knowledge_base(overlays);
        },
        "knowledge base");
}

TextStyle Context::text_style(bool to_file) const {
    TextStyle style;
    style.unicode = locale_is_utf8();
    style.verbose = global.verbosity > 0;
    const bool terminal = !to_file && ::isatty(STDOUT_FILENO) != 0;
    style.width = text_width(terminal, env("COLUMNS"), terminal ? terminal_size(STDOUT_FILENO).width : 0);
    if (to_file || global.color == "never") {
        style.color = false;
    } else if (global.color == "always") {
        style.color = true;
    } else {
        style.color = env("NO_COLOR").empty() &&
                      (!env("FORCE_COLOR").empty() || (env("TERM") != "dumb" && ::isatty(STDOUT_FILENO) != 0));
    }
    return style;
}

}  // namespace apigap::cli
