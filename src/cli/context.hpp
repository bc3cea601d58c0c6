// What every subcommand shares: the global options and how to act on them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
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

    /// How the text format may draw when writing to standard output
    /// (`to_file` false) or to `-o FILE`: colour per `--color`, `NO_COLOR`,
    /// `FORCE_COLOR`, `TERM=dumb`, never in a file; Unicode when the locale is UTF-8;
    /// the width `text_width` gives; every evidence line whole with `-v`.
    [[nodiscard]] TextStyle text_style(bool to_file) const;

    /// Throws `Error` when `-o` (`output`) names one of `inputs` or a
    /// knowledge-base overlay (`refuse_output_over_input`); call it before reading anything.
    void refuse_output_over_inputs(const std::string& output, std::vector<std::string> inputs) const;

    /// Throws `Error` when `$GITHUB_STEP_SUMMARY`, which `--format github` appends to, names one of `inputs` or a
    /// knowledge-base overlay (`refuse_step_summary_over_input`); call it before reading anything.
    void refuse_step_summary_over_inputs(std::vector<std::string> inputs) const;
};

/// The width text output is laid out for. Off a terminal (`terminal` false: a pipe, a file, `-o FILE`),
/// `k_default_text_width`, whatever the environment says, so that what is saved or piped never depends on the
/// window it was made in. On a terminal, `columns` (the `COLUMNS` variable) when it is a positive decimal number,
/// else `window` (the terminal's own width; 0 when it does not say), else `k_default_text_width`; clamped to
/// `k_min_text_width`–`k_max_text_width`.
[[nodiscard]] std::size_t text_width(bool terminal, std::string_view columns, std::size_t window);

/// The paths of the overlays: those in `APIGAP_KB`, then `files`.
[[nodiscard]] std::vector<std::string> overlay_paths(const std::vector<std::string>& files);

/// The overlay layers named by `APIGAP_KB` and `files`, read from disk.
[[nodiscard]] std::vector<KbLayer> read_overlays(const std::vector<std::string>& files);

}  // namespace apigap::cli
