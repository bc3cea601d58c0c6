// A person's ratings, one per skill, each with where it came from.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace apigap {

/// Where a rating came from.
enum class RatingSource {
    answered,  ///< an answers file or the interactive assessment
    flag,      ///< `--rate ID=N` on the command line
    skipped,   ///< asked, but the person chose not to answer; scores as 0
    inferred,  ///< evidence in a resume
};

/// A resume line that supports an inferred rating.
struct Evidence {
    int line = 0;
    std::string section;
    std::string keyword;
    std::string text;
};

/// One skill's rating and its origin.
struct SkillRating {
    int rating = 0;
    RatingSource source = RatingSource::answered;
    std::vector<Evidence> evidence;
};

/// Ratings by skill id, in id order. A skill with no entry is rated 0.
class Profile {
public:
    /// Sets (or replaces) the rating of `skill_id`.
    void set(const std::string& skill_id, SkillRating rating);
    /// The rating of `skill_id`, 0 when it has none or was skipped.
    [[nodiscard]] int rating(std::string_view skill_id) const;
    /// Every rated or skipped skill, in id order.
    [[nodiscard]] const std::map<std::string, SkillRating, std::less<>>& ratings() const { return m_ratings; }
    /// Moves every rating out, leaving the profile empty.
    [[nodiscard]] std::map<std::string, SkillRating, std::less<>> release() { return std::exchange(m_ratings, {}); }

    /// Marks the ratings as read from a resume: a skill rated 0 then had no evidence found, which is not known
    /// to be no skill.
    void mark_inferred() { m_inferred = true; }
    /// Whether `mark_inferred` was called.
    [[nodiscard]] bool inferred() const { return m_inferred; }

private:
    std::map<std::string, SkillRating, std::less<>> m_ratings;
    bool m_inferred = false;
};

/// How `source` is written in reports (`answered`, `flag`, …).
[[nodiscard]] std::string_view to_string(RatingSource source);

}  // namespace apigap
