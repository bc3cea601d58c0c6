// Years of professional experience from a resume's dated work entries, and the level they read as.
#include "apigap/experience.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ascii.hpp"
#include "experience_text.hpp"
#include "resume_dates.hpp"

namespace apigap {

namespace {

using detail::contains_word;
using detail::DateMention;
using detail::DateStyle;
using detail::find_claim;
using detail::follows_since;
using detail::has_letter;
using detail::is_ascii_alnum;
using detail::is_ascii_alpha;
using detail::is_ascii_digit;
using detail::joins;
using detail::trimmed_title;
using detail::word_count;

/// How many months of study a graduation date alone stands for, and the most an open course of study ("2018 –
/// present") holds: a degree begun in 2015 and never closed does not make a job of 2016 – 2024 a student's.
constexpr int k_study_months = 48;

/// The most dated roles read: a real resume has a few dozen, and each keeps its title words.
constexpr std::size_t k_max_roles = 1000;

/// The month an open course of study runs to until `read_experience` cuts it at today.
constexpr int k_open_end = 9999 * 12;

/// A span of months, `start` inclusive, `end` exclusive, counted from year 0.
struct Span {
    int start = 0;
    int end = 0;
};

struct Role {
    std::size_t line = 0;   ///< index into the document's lines: its dates' last line
    std::size_t first = 0;  ///< its dates' first line
    std::size_t start = 0;  ///< its first line: the title line above its dates, else `first`
    DateMention from;
    DateMention to;
    std::string around;  ///< the folded text its title words are looked for in
    std::string shown;   ///< the title as shown
};

int month_index(int year, int month) {
    return year * 12 + month - 1;
}

/// The first month of a range's start: a bare year starts in January.
int start_of(const DateMention& date) {
    return month_index(date.year, date.month == 0 ? 1 : date.month);
}

/// The month after a range's end: a bare year ends mid-year; `present` is the month after `now`.
int end_of(const DateMention& date, int now) {
    return date.style == DateStyle::present ? now + 1 : month_index(date.year, date.month == 0 ? 6 : date.month) + 1;
}

/// The index of the level whose years band holds `years`; -1 for none.
int years_level(const KnowledgeBase& kb, double years) {
    for (std::size_t i = 0; i < kb.levels.size(); ++i) {
        const YearsBand& band = kb.levels[i].years;
        if (band != YearsBand{} && years >= band.min && (band.max == 0 || years < band.max)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

/// The months `spans` cover, overlaps counted once.
int merged_months(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    int months = 0;
    int covered_to = 0;
    for (const Span& span : spans) {
        months += std::max(0, span.end - std::max(span.start, covered_to));
        covered_to = std::max(covered_to, span.end);
    }
    return months;
}

/// One pass over a document's lines: the ranges of its work lines, its courses of study, the latest date it
/// writes and the first stated figure.
class RoleReader {
public:
    RoleReader(const ResumeDocument& document, const ExperienceWords& words) : m_document(document), m_words(words) {
        m_has_experience = std::any_of(document.lines.begin(), document.lines.end(), [&](const ResumeLine& line) {
            return document.section_of(line) == "experience";
        });
    }

    void read() {
        // A lone date waits for its end on the next line (RenderCV's `start_date:` and `end_date:`).
        DateMention pending;
        bool has_pending = false;
        for (std::size_t i = 0; i < m_document.lines.size(); ++i) {
            const ResumeLine& line = m_document.lines[i];
            // A date and a stated figure ("6+ years") have digits, and most lines have none: such a line is read
            // only for the "present" that ends a range begun on the line before.
            const bool digits = std::any_of(line.text.begin(), line.text.end(), is_ascii_digit);
            const std::string folded = digits || has_pending ? detail::fold_case(line.text) : std::string();
            if (!claim && digits) {
                if (auto found = find_claim(folded, m_words)) {
                    claim = std::move(found);
                }
            }
            const std::vector<DateMention> dates =
                digits || has_pending ? detail::find_dates(folded, m_words) : std::vector<DateMention>();
            const std::string_view section = m_document.section_of(line);
            const bool work = is_work(section);
            for (std::size_t d = 1; d < dates.size(); ++d) {
                if (dates[d].style == DateStyle::present) {
                    open_start = std::max(open_start, start_of(dates[d - 1]));
                }
            }
            // The dates that tell the resume's age (`latest`): not a job's, for a job that overlaps the current one
            // ends after the current one starts; a course, a publication or a degree does.
            std::uint64_t of_jobs = 0;  // a bit for each of the first 64 dates that is a job's
            const auto note_age = [&] {
                for (std::size_t d = 0; d < dates.size(); ++d) {
                    if (dates[d].style != DateStyle::present && (d >= 64 || ((of_jobs >> d) & 1U) == 0)) {
                        latest = std::max(latest, start_of(dates[d]));
                    }
                }
            };
            const auto job_dates = [&](std::size_t d, std::size_t count) {
                for (std::size_t k = d; work && k < d + count && k < 64; ++k) {
                    of_jobs |= std::uint64_t{1} << k;
                }
            };
            if (!work && section != "education") {
                note_age();
                has_pending = false;
                continue;
            }
            bool ranged = false;
            for (std::size_t d = 0; d + 1 < dates.size(); ++d) {
                if (dates[d].style != DateStyle::present &&
                    joins(std::string_view(folded).substr(dates[d].end, dates[d + 1].begin - dates[d].end), m_words)) {
                    add(i, i, dates[d], dates[d + 1], work);
                    job_dates(d, 2);
                    ranged = true;
                    ++d;
                }
            }
            const bool lone = !ranged && dates.size() == 1;
            if (lone && dates.front().style != DateStyle::present &&
                follows_since(std::string_view(folded).substr(0, dates.front().begin), m_words)) {
                const DateMention& from = dates.front();
                add(i, i, from, DateMention{0, 0, DateStyle::present, from.end, from.end}, work);
                open_start = std::max(open_start, start_of(from));
                job_dates(0, 1);
                note_age();
                has_pending = false;
                continue;
            }
            if (lone && has_pending && dates.front().style != DateStyle::year_only) {
                add(i - 1, i, pending, dates.front(), work);
                job_dates(0, 1);
                note_age();
                has_pending = false;
                continue;
            }
            note_age();
            if (lone && !work && dates.front().style != DateStyle::present) {
                const int graduation = end_of(dates.front(), 0);
                education.push_back(Span{graduation - k_study_months, graduation});
            }
            has_pending = lone && dates.front().style != DateStyle::present;
            if (has_pending) {
                pending = dates.front();
            }
        }
    }

    std::vector<Role> roles;
    std::vector<Span> education;
    int latest = 0;      ///< the month of the latest date written outside work sections, 0 without any
    int open_start = 0;  ///< the latest start of a range with an open end, 0 without any
    std::optional<std::pair<int, std::string>> claim;

private:
    bool is_work(std::string_view section) const {
        if (m_has_experience) {
            return section == "experience";
        }
        const auto& others = m_words.not_work_sections;
        return std::find(others.begin(), others.end(), section) == others.end();
    }

    /// Whether line `index` may hold a title for a range on line `first`: in the same section, short, and
    /// without dates of its own (another role's).
    bool title_line(std::size_t index, std::size_t first) const {
        if (index >= m_document.lines.size() || m_document.lines[index].section != m_document.lines[first].section ||
            !detail::title_sized(m_document.lines[index].text)) {
            return false;
        }
        return detail::find_dates(detail::fold_case(m_document.lines[index].text), m_words).empty();
    }

    void add(std::size_t first, std::size_t last, const DateMention& from, const DateMention& to, bool work) {
        if (roles.size() == k_max_roles) {
            return;
        }
        Role role{last, first, first, from, to, {}, {}};
        std::string rest;
        if (first == last) {
            // The text around the range, up to `k_title_window` bytes each side, cut at character boundaries.
            const std::string_view text = m_document.lines[first].text;
            std::size_t begin = from.begin - std::min(from.begin, detail::k_title_window);
            std::size_t end = std::min(text.size(), to.end + detail::k_title_window);
            const auto continuation = [&](std::size_t at) {
                return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0U) == 0x80U;
            };
            while (begin > 0 && continuation(begin)) {
                --begin;
            }
            while (continuation(end)) {
                ++end;
            }
            rest = text.substr(begin, end - begin);
            rest.replace(from.begin - begin, to.end - from.begin, 1, ' ');
            // "Acme | 2019 – 2021 | Engineer": one bar between the two; "Acme (2019 – 2021)": no brackets.
            for (const auto& [left, cut] : {std::pair<std::string_view, std::size_t>{"|   |", 4}, {"( )", 3}}) {
                for (std::size_t at = rest.find(left); at != std::string::npos; at = rest.find(left)) {
                    rest.erase(at, cut);
                }
            }
        }
        role.shown = trimmed_title(rest);
        role.around = rest;
        // The line before holds the title ("### Engineer, Acme" over "2019 – 2021"); the line after only when
        // neither that nor the dated line does, for it is as often the next role's heading.
        const bool before = first > 0 && title_line(first - 1, first);
        const std::size_t neighbour = before ? first - 1 : last + 1;
        role.start = before ? first - 1 : first;
        if (before || (!has_letter(role.shown) && title_line(neighbour, first))) {
            role.around += " | ";
            role.around += m_document.lines[neighbour].text;
            if (!has_letter(role.shown)) {
                role.shown = trimmed_title(m_document.lines[neighbour].text);
            }
        }
        role.around = detail::fold_case(role.around);
        if (!work || (!m_has_experience && contains_word(role.around, m_words.education))) {
            education.push_back(Span{start_of(from), end_of(to, k_open_end)});  // cut at today later
            return;
        }
        roles.push_back(std::move(role));
    }

    const ResumeDocument& m_document;
    const ExperienceWords& m_words;
    bool m_has_experience = false;
};

/// Whether each of `roles` is technical work: its title names it (`technical_title`), on its lines or the short line
/// after its dates, or a line of it in its section names a technical or situational skill. Its lines run from its
/// title line to the next role's dates: the line above those is the next title or this role's last bullet, and only
/// the words can tell. A soft skill does not count (a chef mentors too), nor a related keyword alone (QA's
/// "authorization" of a batch).
std::vector<bool> technical_roles(const ResumeDocument& document, const KnowledgeBase& kb,
                                  const std::vector<Role>& roles, std::span<const Mention> mentions) {
    const ExperienceWords& words = kb.resume.experience;
    std::vector<bool> names_skill(document.lines.size(), false);
    for (const Mention& mention : mentions) {
        const Skill* skill = mention.keyword->link == KeywordLink::related ? nullptr  // "authorization" alone
                                                                           : kb.find_skill(mention.keyword->skill_id);
        if (skill != nullptr && skill->category != SkillCategory::soft && mention.line < names_skill.size()) {
            names_skill[mention.line] = true;
        }
    }
    std::vector<bool> technical(roles.size(), false);
    for (std::size_t r = 0; r < roles.size(); ++r) {
        const Role& role = roles[r];
        const std::size_t end =
            std::max(r + 1 < roles.size() ? roles[r + 1].first : document.lines.size(), role.line + 1);
        const std::uint32_t section = document.lines[role.line].section;
        // "HCL Technologies, 2018 – 2019" over "Software Engineer / Team Lead": a short line right after the dates
        // may hold the title too.
        const std::size_t after = role.line + 1;
        const bool title_after =
            after < end && document.lines[after].section == section && detail::title_sized(document.lines[after].text);
        if (detail::technical_title(role.around, words) ||
            (title_after && detail::technical_title(detail::fold_case(document.lines[after].text), words))) {
            technical[r] = true;
            continue;
        }
        for (std::size_t i = role.start; i < end && !technical[r]; ++i) {
            technical[r] = names_skill[i] && document.lines[i].section == section;
        }
    }
    // Ranges on the lines right after another's, with no title of their own, are more terms of the same job: its title
    // is above the first, its bullets below the last ("Sept 2014 - Dec 2014" over "Aug 2016 - Jan 2022").
    const auto same_job = [&](std::size_t r) {
        return roles[r].start == roles[r].first && roles[r].first == roles[r - 1].line + 1 &&
               !detail::has_letter(roles[r].shown);
    };
    for (std::size_t r = 1; r < roles.size(); ++r) {
        technical[r] = technical[r] || (same_job(r) && technical[r - 1]);
    }
    for (std::size_t r = roles.size(); r-- > 1;) {
        technical[r - 1] = technical[r - 1] || (same_job(r) && technical[r]);
    }
    return technical;
}

}  // namespace

std::string_view to_string(ExperienceBasis basis) {
    switch (basis) {
    case ExperienceBasis::years:
        return "years";
    case ExperienceBasis::title:
        return "title";
    case ExperienceBasis::claim:
        return "claim";
    }
    return "years";
}

Experience read_experience(const ResumeDocument& document, const KnowledgeBase& kb, std::span<const Mention> mentions,
                           YearMonth today) {
    const ExperienceWords& words = kb.resume.experience;
    RoleReader reader(document, words);
    reader.read();
    const std::vector<bool> technical = technical_roles(document, kb, reader.roles, mentions);
    int now = month_index(today.year, today.month);
    if (words.stale_after > 0 && reader.open_start > 0 && reader.latest > reader.open_start) {
        now = std::min(now, reader.latest + words.stale_after * 12);
    }
    for (Span& study : reader.education) {
        const bool open = study.end > k_open_end;  // its end was `present`: read with `k_open_end` for today
        study.end = std::min(open ? study.start + k_study_months : study.end, now + 1);
    }
    Experience experience;
    std::vector<Span> spans;
    const Role* latest = nullptr;
    int latest_end = 0;
    int title_index = -1;
    const Role* title_role = nullptr;
    for (std::size_t r = 0; r < reader.roles.size(); ++r) {
        const Role& role = reader.roles[r];
        const Span span{start_of(role.from), end_of(role.to, now)};
        const bool studying = std::any_of(reader.education.begin(), reader.education.end(),
                                          [&](const Span& e) { return span.start >= e.start && span.end <= e.end; });
        if (span.end <= span.start || studying || contains_word(role.around, words.not_professional)) {
            continue;
        }
        // A long line is quoted as a window around the range's dates, as evidence lines are.
        ExperienceEvidence shown{
            document.lines[role.line].number,
            quote_line(document.lines[role.line].text, role.first == role.line ? role.from.begin : 0), role.shown};
        if (!technical[r]) {
            experience.not_technical.push_back(std::move(shown));
            continue;
        }
        spans.push_back(span);
        experience.evidence.push_back(std::move(shown));
        if (latest == nullptr || span.end > latest_end) {
            latest = &role;
            latest_end = span.end;
        }
        if (const int index = detail::title_level(kb, role.around); index > title_index) {
            title_index = index;
            title_role = &role;
        }
    }
    if (!spans.empty() || !reader.roles.empty()) {
        experience.years = std::round(merged_months(spans) / 12.0 * 10.0) / 10.0;
    }
    if (!experience.not_technical.empty() && spans.empty()) {
        reader.claim.reset();  // every role is of another trade: so are the years it states
    }
    if (reader.claim) {
        experience.claim = reader.claim->second;
        experience.years = experience.years.value_or(reader.claim->first);
    }
    if (!experience.years) {
        experience.reason = "no dated work entries";
        return experience;
    }
    int level = years_level(kb, reader.claim ? reader.claim->first : *experience.years);
    experience.basis = reader.claim ? ExperienceBasis::claim : ExperienceBasis::years;
    experience.title = latest != nullptr ? latest->shown : std::string();
    if (title_index > level && !reader.claim) {
        level = title_index;
        experience.title = title_role->shown;
        experience.basis = ExperienceBasis::title;
    } else if (const int index = latest != nullptr ? detail::title_level(kb, latest->around) : -1;
               index >= 0 && index + 1 == level && !reader.claim) {
        level = index;
        experience.basis = ExperienceBasis::title;
    }
    if (level < 0) {
        experience.reason = fmt::format("no level's years band holds {:.1f} years", *experience.years);
        return experience;
    }
    experience.level = kb.levels[static_cast<std::size_t>(level)].id;
    return experience;
}

const Level* level_of_title(const KnowledgeBase& kb, std::string_view title) {
    const int index = detail::title_level(kb, detail::fold_case(title));
    return index < 0 ? nullptr : &kb.levels[static_cast<std::size_t>(index)];
}

const Level* level_of_years(const KnowledgeBase& kb, double years) {
    const int index = years_level(kb, years);
    return index < 0 ? nullptr : &kb.levels[static_cast<std::size_t>(index)];
}

}  // namespace apigap
