// What every subcommand shares: the global options and how to act on them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "apigap/error.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/render.hpp"

namespace apigap::cli {

/// The level a command scores against when neither `--level` nor its input names one.
inline constexpr const char* k_default_level = "mid";

/// Options accepted before or after any subcommand.
struct GlobalOptions {
    std::vector<std::string> kb_files;
    std::string color = "auto";
    bool quiet = false;
    int verbosity = 0;
};

/// The global options and the action of the chosen subcommand, which its
/// parse callback sets and `run` executes once parsing is done.
struct Context {
    GlobalOptions global;
    std::function<ExitCode()> action;

    /// The knowledge base: built-in layers, then `APIGAP_KB` (paths separated
    /// by `:`), then each `--kb FILE`.
    [[nodiscard]] KnowledgeBase load_kb() const;

    /// How the text format may draw when writing to the terminal (`to_file`
    /// false) or to a file: colour per `--color`, `NO_COLOR`, `FORCE_COLOR`,
    /// `TERM=dumb`; Unicode when the locale is UTF-8.
    [[nodiscard]] TextStyle text_style(bool to_file) const;
};

/// The overlay layers named by `APIGAP_KB` and `files`, read from disk.
[[nodiscard]] std::vector<KbLayer> read_overlays(const std::vector<std::string>& files);

}  // namespace apigap::cli
