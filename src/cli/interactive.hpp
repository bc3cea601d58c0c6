// `apigap assess` on a terminal: one screen per skill, then the usual report.
#pragma once

#include <optional>

#include "apigap/answers.hpp"
#include "apigap/knowledge_base.hpp"

namespace apigap::cli {

struct Context;

/// Asks about every skill `level` scores, one screen each, on the terminal
/// (standard input and output; see `is_terminal`) and returns the answers;
/// nullopt when the person quit, after saving the answers so far or not.
/// Ctrl-C, SIGTERM, SIGHUP and SIGQUIT restore the terminal, then end the
/// process by that signal (`docs/cli.md`). Throws `Error` when the terminal
/// fails.
[[nodiscard]] std::optional<Answers> ask_interactively(const KnowledgeBase& kb, const Level& level,
                                                       const Context& context);

}  // namespace apigap::cli
