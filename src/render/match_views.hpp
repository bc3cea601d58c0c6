// The renderers of `apigap match`'s result, one per format, and the lines they share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apigap/match.hpp"
#include "apigap/match_postings.hpp"
#include "apigap/render.hpp"

namespace apigap::render_detail {

[[nodiscard]] std::string match_text(const MatchReport& report, const TextStyle& style);
[[nodiscard]] std::string match_markdown(const MatchReport& report);
[[nodiscard]] std::string match_json(const MatchReport& report);
[[nodiscard]] std::string match_sarif(const MatchReport& report);
[[nodiscard]] std::string match_junit(const MatchReport& report);
[[nodiscard]] std::string match_github(const MatchReport& report);
[[nodiscard]] std::string match_html(const MatchReport& report);

[[nodiscard]] std::string match_postings_text(const PostingsReport& report, const TextStyle& style);
[[nodiscard]] std::string match_postings_markdown(const PostingsReport& report);
[[nodiscard]] std::string match_postings_json(const PostingsReport& report);
[[nodiscard]] std::string match_postings_html(const PostingsReport& report);

/// "5+ years", or "" when the posting gives no years.
[[nodiscard]] std::string years_text(const std::optional<int>& years);

/// The posting's level, where it came from and the years it asks for: "Senior API engineer (senior, from the title);
/// asks for 5+ years".
[[nodiscard]] std::string level_line(const MatchReport& report);

/// "readiness 74% for senior", and for the next level up when there is one.
[[nodiscard]] std::string readiness_line(const MatchReport& report);

/// The verdict and what it comes from, then the readiness: "over-levelled (the resume reads as senior); readiness
/// 95% for entry, 80% for mid".
[[nodiscard]] std::string verdict_line(const MatchReport& report);

/// A found skill's resume keywords ("REST, OpenAPI"), or where to add a missing one ("add to experience").
[[nodiscard]] std::string resume_detail(const MatchSkill& skill);

/// The first three of `terms`, joined with commas, and "…" when there are more: "PostgreSQL, Redis, SQL, …".
[[nodiscard]] std::string first_terms(const std::vector<std::string>& terms);

/// Whether the resume writes a posting's term: "in your resume", or "not in your resume (you have PostgreSQL, the
/// same skill)".
[[nodiscard]] std::string keyword_detail(const MatchKeyword& keyword);

/// "77% of its skills, 60% of its terms".
[[nodiscard]] std::string rates_text(const MatchReport& report);

/// "passed", or "failed: 40% is below 50%".
[[nodiscard]] std::string gate_text(const MatchReport& report);

}  // namespace apigap::render_detail
