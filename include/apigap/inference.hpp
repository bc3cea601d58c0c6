// Inferring ratings from the evidence in a resume, by the rules of docs/scoring.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/profile.hpp"

namespace apigap {

/// A keyword of `skill_id` found on a resume line.
struct Mention {
    std::string skill_id;
    Evidence evidence;
};

/// What a line shows about a skill mentioned on it, weakest first.
enum class EvidenceStrength {
    listed = 1,    ///< named outside experience and projects (skills list, summary)
    used = 2,      ///< named in experience or projects
    measured = 3,  ///< used, with a measurable result or scale on the same line
    led = 4,       ///< designed, led or mentored, with a measurable result
};

/// Whether `text` states a measurable result: a number with a unit of
/// change or scale (`40%`, `3x`, `200 ms`, `$1.2M`, `10k users`, `5 services`).
[[nodiscard]] bool has_measurable_result(std::string_view text);

/// Whether `text` says the person designed, architected, led or mentored.
[[nodiscard]] bool has_leadership(std::string_view text);

/// The ratings `mentions` earn: each skill gets the strongest of its lines
/// (a line in experience or projects with leadership but no measured result
/// counts as measured), and three or more distinct experience or project lines
/// count as measured too; a certification the knowledge base links to a skill
/// earns at least `used`. Each rating lists every line that earned it.
[[nodiscard]] Profile infer_profile(const KnowledgeBase& kb, const std::vector<Mention>& mentions);

}  // namespace apigap
