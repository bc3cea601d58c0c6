// Self-assessment answers from a file or from `--rate` flags.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "apigap/knowledge_base.hpp"
#include "apigap/profile.hpp"

namespace apigap {

/// What an answers file holds: an optional level and the ratings.
struct Answers {
    std::optional<std::string> level;
    Profile profile;
};

/// Parses an answers document (YAML or JSON, see `docs/cli.md`) named
/// `source` in messages. Throws `Error` with `source:line:col` on the first
/// problem: unknown keys or skills, ratings outside 0–4, unknown levels.
[[nodiscard]] Answers parse_answers(std::string_view text, std::string_view source, const KnowledgeBase& kb);

/// Applies one `--rate` value, `ID=N`, to `profile`. Throws `Error` when the
/// skill is unknown or the rating is not 0–4.
void apply_rating_flag(std::string_view flag, const KnowledgeBase& kb, Profile& profile);

/// `answers` as a YAML answers file that `parse_answers` reads back: a
/// comment, the level when set, then the ratings in knowledge-base order,
/// `null` for a skipped skill.
[[nodiscard]] std::string format_answers(const Answers& answers, const KnowledgeBase& kb);

}  // namespace apigap
