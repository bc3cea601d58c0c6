// Ratings from resume evidence: the ladder listed → used → measured → led.
#include "apigap/inference.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

namespace apigap {

namespace {

/// A mention that may become evidence, numbered in the order of `mentions`.
struct Candidate {
    const Mention* mention = nullptr;
    int line = 0;  ///< the number of its line
    std::size_t order = 0;
    std::uint32_t keyword = 0;  ///< the keyword's number: each line and keyword is evidence once
};

/// What the mentions of one skill add up to, in memory bounded by `k_max_evidence`.
class Tally {
public:
    /// Adds a mention; without `with_evidence`, only to the rating (what `rating(document, false)` reads).
    void add(const Candidate& candidate, EvidenceStrength strength, bool of_use, bool with_evidence) {
        m_strength = std::max(m_strength, strength);
        const int number = candidate.line;
        const auto used_end = m_used_lines.begin() + static_cast<std::ptrdiff_t>(m_used_count);
        if (of_use && m_used_count < m_used_lines.size() &&
            std::find(m_used_lines.begin(), used_end, number) == used_end) {
            m_used_lines[m_used_count++] = number;
        }
        if (!with_evidence) {
            return;
        }
        std::optional<Candidate>& first = m_first_of[static_cast<std::size_t>(strength)];
        if (!first || before(candidate, *first)) {
            first = candidate;
        }
        m_kept.push_back(candidate);
        if (m_kept.size() == 2 * k_max_evidence) {
            prune();
        }
    }

    /// The strongest mention added so far.
    [[nodiscard]] EvidenceStrength strength() const { return m_strength; }

    /// The rating and, with `with_evidence`, its evidence, in line order.
    [[nodiscard]] SkillRating rating(const ResumeDocument& document, bool with_evidence) {
        if (m_used_count == m_used_lines.size()) {
            m_strength = std::max(m_strength, EvidenceStrength::measured);
        }
        if (!with_evidence) {
            return SkillRating{static_cast<int>(m_strength), RatingSource::inferred, {}};
        }
        prune();
        const std::optional<Candidate>& strongest = m_first_of[static_cast<std::size_t>(m_strength)];
        if (strongest && std::none_of(m_kept.begin(), m_kept.end(),
                                      [&](const Candidate& kept) { return same_evidence(kept, *strongest); })) {
            if (m_kept.size() == k_max_evidence) {
                m_kept.pop_back();
            }
            m_kept.push_back(*strongest);  // after every other: its line is not before theirs
        }
        std::vector<Evidence> evidence;
        evidence.reserve(m_kept.size());
        for (const Candidate& kept : m_kept) {
            const ResumeLine& line = document.lines[kept.mention->line];
            evidence.push_back(Evidence{line.number, std::string(document.section_of(line)),
                                        kept.mention->keyword->keyword, quote_line(line.text, kept.mention->offset)});
        }
        return SkillRating{static_cast<int>(m_strength), RatingSource::inferred, std::move(evidence)};
    }

private:
    static bool before(const Candidate& a, const Candidate& b) {
        return a.line != b.line ? a.line < b.line : a.order < b.order;
    }

    static bool same_evidence(const Candidate& a, const Candidate& b) {
        return a.line == b.line && a.keyword == b.keyword;
    }

    /// Sorts the candidates by line, keeps the first of each line and keyword, and the first `k_max_evidence`.
    void prune() {
        if (!std::is_sorted(m_kept.begin(), m_kept.end(), before)) {  // `find_mentions` gives them in line order
            std::sort(m_kept.begin(), m_kept.end(), before);
        }
        std::size_t kept = 0;
        for (std::size_t k = 0; k < m_kept.size() && kept < k_max_evidence; ++k) {
            const Candidate& candidate = m_kept[k];
            bool repeated = false;  // the same line and keyword: among the candidates of this line, just kept
            for (std::size_t j = kept; j-- > 0 && m_kept[j].line == candidate.line;) {
                repeated = repeated || m_kept[j].keyword == candidate.keyword;
            }
            if (!repeated) {
                m_kept[kept++] = candidate;
            }
        }
        m_kept.resize(kept);
    }

    EvidenceStrength m_strength = EvidenceStrength::listed;
    std::array<int, 3> m_used_lines{};  ///< the first three distinct lines of use: `m_used_count` of them
    std::size_t m_used_count = 0;
    std::array<std::optional<Candidate>, 5> m_first_of;  ///< by strength: its first mention
    std::vector<Candidate> m_kept;
};

/// What a line of use shows, read once for all its keywords and only as far as a rating asks: a measurable result and
/// leadership make it `led`, either one `measured`, neither `used`.
class LineOfUse {
public:
    /// The strength of `line`, or any strength up to `floor` when it is no more than that: what is read of a line
    /// that cannot raise a rating past `floor` stops there.
    EvidenceStrength strength(const ResumeLine& line, EvidenceStrength floor) {
        if (m_line != &line) {
            m_line = &line;
            m_measured = Reading::unread;
            m_led = Reading::unread;
        }
        if (floor >= EvidenceStrength::led) {
            return EvidenceStrength::used;
        }
        const bool measured = read(m_measured, has_measurable_result, line.text);
        if (floor == EvidenceStrength::measured && !measured) {
            return EvidenceStrength::used;  // leadership alone makes it `measured`, no more
        }
        const bool led = read(m_led, has_leadership, line.text);
        return measured && led   ? EvidenceStrength::led
               : measured || led ? EvidenceStrength::measured
                                 : EvidenceStrength::used;
    }

private:
    enum class Reading : std::uint8_t { unread, no, yes };

    /// `test(text)`, read once a line into `reading`.
    static bool read(Reading& reading, bool (*test)(std::string_view), std::string_view text) {
        if (reading == Reading::unread) {
            reading = test(text) ? Reading::yes : Reading::no;
        }
        return reading == Reading::yes;
    }

    const ResumeLine* m_line = nullptr;
    Reading m_measured = Reading::unread;
    Reading m_led = Reading::unread;
};

}  // namespace

namespace {

Profile infer(const KnowledgeBase& kb, const ResumeDocument& document, const std::vector<Mention>& mentions,
              bool evidence) {
    // Both lists are short (four certifications, three sections of use in the built-in knowledge base): a vector
    // each, not a hash set built again for every resume. Every list here is sized once, ahead.
    std::vector<std::string_view> certifications;
    certifications.reserve(kb.tools.size());
    for (const Tool& tool : kb.tools) {
        if (tool.kind == ToolKind::certification) {
            certifications.push_back(tool.name);
        }
    }
    std::vector<std::string_view> sections_of_use;
    sections_of_use.reserve(kb.resume.sections.size());
    for (const ResumeSection& section : kb.resume.sections) {
        if (section.evidence == SectionEvidence::use) {
            sections_of_use.push_back(section.id);
        }
    }
    const auto listed = [](const std::vector<std::string_view>& list, std::string_view item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    };
    // A related keyword ("TypeScript" for Node.js) counts only for a skill that one of its own keywords evidences.
    std::vector<std::string_view> evidenced;  // a dozen skills at most; listed only when a keyword is related
    if (std::any_of(mentions.begin(), mentions.end(),
                    [](const Mention& mention) { return mention.keyword->link == KeywordLink::related; })) {
        evidenced.reserve(kb.skills.size());
        for (const Mention& mention : mentions) {
            if (mention.keyword->link != KeywordLink::related && !listed(evidenced, mention.keyword->skill_id)) {
                evidenced.push_back(mention.keyword->skill_id);
            }
        }
    }
    std::vector<std::pair<std::string_view, Tally>> tallies;  // by skill: a dozen at most, searched in turn
    tallies.reserve(kb.skills.size());
    std::unordered_map<std::string_view, std::uint32_t> keyword_ids;  // each keyword numbered by first mention
    std::size_t current = SIZE_MAX;  // the last mention's tally: a skill's mentions often follow each other
    LineOfUse line_of_use;
    std::uint32_t use_section = UINT32_MAX;  // the section last asked whether it is one of use, and its answer
    bool section_of_use = false;
    for (std::size_t order = 0; order < mentions.size(); ++order) {
        const Mention& mention = mentions[order];
        const KeywordLink link = mention.keyword->link;
        if (link == KeywordLink::related && !listed(evidenced, mention.keyword->skill_id)) {
            continue;
        }
        const std::string_view skill_id = mention.keyword->skill_id;
        if (current == SIZE_MAX || tallies[current].first != skill_id) {
            current =
                static_cast<std::size_t>(std::find_if(tallies.begin(), tallies.end(),
                                                      [&](const auto& tally) { return tally.first == skill_id; }) -
                                         tallies.begin());
            if (current == tallies.size()) {
                tallies.emplace_back(skill_id, Tally());
            }
        }
        Tally& tally = tallies[current].second;
        const bool only_listed = link != KeywordLink::evidence;
        const ResumeLine& line = document.lines[mention.line];
        EvidenceStrength strength = EvidenceStrength::listed;
        if (line.section != use_section) {  // the mentions come line by line, and so section by section
            use_section = line.section;
            section_of_use = listed(sections_of_use, document.section_of(line));
        }
        const bool of_use = !only_listed && section_of_use;
        if (of_use) {
            // Without evidence lines, only a strength above the skill's so far changes its rating.
            strength = line_of_use.strength(line, evidence ? EvidenceStrength::listed : tally.strength());
        }
        const std::string_view keyword_text = mention.keyword->keyword;
        if (!only_listed && listed(certifications, keyword_text)) {
            strength = std::max(strength, EvidenceStrength::used);
        }
        std::uint32_t keyword_id = 0;  // numbers evidence lines: only their list needs it
        if (evidence) {
            keyword_id =
                keyword_ids.try_emplace(keyword_text, static_cast<std::uint32_t>(keyword_ids.size())).first->second;
        }
        tally.add(Candidate{&mention, line.number, order, keyword_id}, strength, of_use, evidence);
    }
    Profile profile;
    profile.mark_inferred();
    for (auto& [skill_id, tally] : tallies) {
        profile.set(std::string(skill_id), tally.rating(document, evidence));
    }
    return profile;
}

}  // namespace

Profile infer_profile(const KnowledgeBase& kb, const ResumeDocument& document, const std::vector<Mention>& mentions) {
    return infer(kb, document, mentions, true);
}

Profile infer_ratings(const KnowledgeBase& kb, const ResumeDocument& document, const std::vector<Mention>& mentions) {
    return infer(kb, document, mentions, false);
}

std::map<std::string, std::vector<std::string>, std::less<>> keywords_by_skill(const std::vector<Mention>& mentions) {
    std::set<std::string_view> evidenced;  // the skills one of their own keywords names
    for (const Mention& mention : mentions) {
        if (mention.keyword->link != KeywordLink::related) {
            evidenced.insert(mention.keyword->skill_id);
        }
    }
    std::map<std::string, std::vector<std::string>, std::less<>> found;
    for (const Mention& mention : mentions) {
        if (evidenced.count(mention.keyword->skill_id) == 0) {
            continue;
        }
        auto skill = found.find(mention.keyword->skill_id);
        if (skill == found.end()) {
            skill = found.emplace(mention.keyword->skill_id, std::vector<std::string>()).first;
        }
        std::vector<std::string>& keywords = skill->second;
        if (std::find(keywords.begin(), keywords.end(), mention.keyword->keyword) == keywords.end()) {
            keywords.push_back(mention.keyword->keyword);
        }
    }
    return found;
}

}  // namespace apigap
