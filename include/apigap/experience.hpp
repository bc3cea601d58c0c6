// The candidate's years of professional experience and the level they read
// as, from the dated work entries of a resume (docs/scoring.md, "Experience").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// A calendar month.
struct YearMonth {
    int year = 0;
    int month = 0;  ///< 1–12

    friend bool operator==(const YearMonth&, const YearMonth&) = default;
};

/// `YYYY-MM-DD` as its month, or nullopt when it is not a day of the calendar (`2026-02-30`, `2025-02-29`).
[[nodiscard]] std::optional<YearMonth> parse_day(std::string_view text);

/// A dated role that was counted: the line its dates are on and its title.
struct ExperienceEvidence {
    int line = 0;
    std::string text;   ///< the line with the dates
    std::string title;  ///< the role's title as the resume writes it; may be empty

    friend bool operator==(const ExperienceEvidence&, const ExperienceEvidence&) = default;
};

/// What decided an `Experience`'s level.
enum class ExperienceBasis {
    years,  ///< the merged years of the dated roles
    title,  ///< a title word moved the level off the years' level
    claim,  ///< the resume states its years: "5+ years of experience"
};

/// `years`, `title` or `claim`.
[[nodiscard]] std::string_view to_string(ExperienceBasis basis);

/// Years of professional experience and the level they read as.
struct Experience {
    std::optional<double> years;       ///< merged, to a tenth (else the stated figure); nullopt with neither
    std::optional<std::string> level;  ///< a level id; nullopt when nothing reads as one
    std::string reason;                ///< why `level` is nullopt; empty otherwise
    ExperienceBasis basis = ExperienceBasis::years;
    std::string title;                         ///< the title that decided `level`, else the latest role's; may be empty
    std::string claim;                         ///< the stated figure, as written ("4+ years"); empty when there is none
    std::vector<ExperienceEvidence> evidence;  ///< the roles counted, in resume order
    /// The professional roles left out as no technical work: no technical title, no technical skill named
    std::vector<ExperienceEvidence> not_technical;

    friend bool operator==(const Experience&, const Experience&) = default;
};

/// Where a command's target level came from.
enum class TargetSource {
    option,    ///< `--level`, or the input's own level
    resume,    ///< the level the resume's experience reads as
    fallback,  ///< the default, because the resume read as no level
};

/// Reads `document`'s dated work entries with `kb.resume.experience`'s words:
/// ranges in the experience section (anywhere outside `not_work_sections` when
/// the resume has none), internships and jobs held during an education range
/// left out, and so are roles of no technical work (a title with no
/// `technical_titles` word, and no line of the role among `mentions` of a
/// technical or situational skill); overlaps merged, an open end read as `today` (or `stale_after`
/// years after the latest date written, if earlier and after the open start). The level is
/// the one whose `years` band holds a stated figure ("5+ years of
/// experience") when there is one, else the years; a role's title word may
/// raise it, and the latest role's may lower it one level. `mentions` are `find_mentions(document, …)`.
[[nodiscard]] Experience read_experience(const ResumeDocument& document, const KnowledgeBase& kb,
                                         std::span<const Mention> mentions, YearMonth today);

/// The highest level a title word of `title` reads as (`resume.experience.titles`: "Junior+/Middle" is mid), or
/// nullptr when it has none.
[[nodiscard]] const Level* level_of_title(const KnowledgeBase& kb, std::string_view title);

/// The level whose years band holds `years`, or nullptr when none does.
[[nodiscard]] const Level* level_of_years(const KnowledgeBase& kb, double years);

}  // namespace apigap
