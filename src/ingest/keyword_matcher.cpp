// The keyword engine: one Aho–Corasick automaton over every spelling, then the knowledge base's rules.
#include "apigap/keywords.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <unordered_map>

#include "automaton.hpp"
#include "keyword_rules.hpp"
#include "normalize.hpp"

namespace apigap::ingest_detail {

namespace {

/// Words that mark intent only right before a keyword: "learning Go" is not evidence of Go, but "machine learning
/// pipelines in Python" is evidence of Python.
constexpr std::array<std::string_view, 1> k_intent_words = {"learning"};

/// The most words a label before `:` has for an intent phrase in it to cover the line ("Relevant coursework:").
constexpr std::size_t k_max_label_words = 6;

/// What one spelling evidences for one skill.
struct Sense {
    std::uint32_t skill = 0;  ///< index into the skill ids
    std::uint32_t pair = 0;   ///< the same for every sense of the same skill and term
    std::string term;
    std::string exact;  ///< the NFKC spelling that must match as written; empty when case does not matter
    std::vector<std::uint32_t> exclude_groups;
    std::vector<std::uint32_t> context_groups;  ///< the keyword's `context` phrases
    bool ambiguous = false;                     ///< an everyday word: counts only in technical context
    KeywordLink link = KeywordLink::evidence;
    bool technical = true;  ///< of a technical or situational skill: corroborates everyday words
};

/// What a keyword's spelling brings from its knowledge-base entry.
struct KeywordRules {
    std::vector<std::uint32_t> exclude_groups;
    std::vector<std::uint32_t> context_groups;
};

/// The automaton over every spelling and phrase of a knowledge base, and what each pattern stands for.
class Engine {
public:
    explicit Engine(const KnowledgeBase& kb) {
        std::uint32_t groups = 0;
        for (const Skill& skill : kb.skills) {
            for (const Keyword& keyword : skill.keywords) {
                KeywordRules rules;
                if (!keyword.exclude.empty()) {
                    rules.exclude_groups.push_back(groups);
                    for (const std::string& phrase : keyword.exclude) {
                        add_phrase_rule(phrase, groups, m_excludes, &PatternRoles::exclude_rules);
                    }
                    ++groups;
                }
                if (!keyword.context.empty()) {
                    rules.context_groups.push_back(groups);
                    for (const std::string& phrase : keyword.context) {
                        add_phrase_rule(phrase, groups, m_contexts, &PatternRoles::context_rules);
                    }
                    ++groups;
                }
                const bool technical = skill.category != SkillCategory::soft;
                add_keyword(keyword.term, skill.id, keyword, rules, technical);
                for (const std::string& alias : keyword.aliases) {
                    add_keyword(alias, skill.id, keyword, rules, technical);
                }
            }
        }
        for (const Tool& tool : kb.tools) {
            add_tool(tool.name, tool);
            for (const std::string& alias : tool.aliases) {
                add_tool(alias, tool);
            }
        }
        for (const std::string& phrase : kb.resume.intent_phrases) {
            if (const std::string key = matching_key(phrase, true); !key.empty()) {
                roles(key).intent = true;
            }
        }
        for (const std::string_view word : k_intent_words) {
            roles(std::string(word)).intent_word = true;
        }
        for (const std::string& phrase : kb.resume.negation_phrases) {
            if (const std::string key = matching_key(phrase, true); !key.empty()) {
                roles(key).negation = true;
            }
        }
        for (const std::string& label : kb.resume.list_labels) {
            if (const std::string key = matching_key(label, true); !key.empty()) {
                roles(key).list_label = true;
            }
        }
        for (const ResumeSection& section : kb.resume.sections) {
            m_section_evidence.try_emplace(section.id, section.evidence);
        }
        m_automaton.compile();
        rank_skills();
    }

    /// The hits in `line`, by column, then skill id.
    [[nodiscard]] std::vector<KeywordHit> find(std::string_view line, bool in_list) const;

    /// The hits of `find`, each pair of skill and term once: its first.
    [[nodiscard]] std::vector<KeywordSpan> find_distinct(std::string_view line, bool in_list) const;

    [[nodiscard]] SectionEvidence evidence_of(std::string_view section) const {
        const auto found = m_section_evidence.find(section);
        return found == m_section_evidence.end() ? SectionEvidence::mention : found->second;
    }

private:
    /// The hits in `line` with their spans in its bytes, in `find`'s order.
    [[nodiscard]] std::vector<Occurrence> occurrences(std::string_view line, bool in_list) const;

    /// Whether one of `spans` (phrases found, by start) of one of `groups` (sorted) holds `hit`: only the phrases
    /// that start at most the longest phrase before its end can.
    [[nodiscard]] bool within(const std::vector<Occurrence>& spans, const std::vector<std::uint32_t>& groups,
                              const Occurrence& hit) const {
        if (groups.empty()) {
            return false;
        }
        const std::size_t earliest = hit.end > m_max_phrase_length ? hit.end - m_max_phrase_length : 0;
        auto it = std::lower_bound(spans.begin(), spans.end(), earliest,
                                   [](const Occurrence& span, std::size_t at) { return span.start < at; });
        for (; it != spans.end() && it->start <= hit.start; ++it) {
            if (it->end >= hit.end && std::binary_search(groups.begin(), groups.end(), it->id)) {
                return true;
            }
        }
        return false;
    }

    /// Drops the hits of everyday words (`Sense::ambiguous`) that nothing technical around them corroborates.
    void drop_uncorroborated(std::string_view text, bool in_list, const std::vector<Occurrence>& contexts,
                             std::vector<Occurrence>& hits) const;

    PatternRoles& roles(const std::string& key) {
        const std::uint32_t id = m_automaton.add(key);
        if (id == m_roles.size()) {
            PatternRoles added;
            added.length = key.size();
            added.word_start = is_word_at(key, 0);
            added.word_end = is_word_before(key, key.size());
            m_roles.push_back(std::move(added));
        }
        return m_roles[id];
    }

    /// Numbers the skills in id order, for `find`'s tie-break; and each pair of skill and term, for `find_distinct`.
    void rank_skills() {
        std::vector<std::uint32_t> order(m_skill_ids.size());
        for (std::uint32_t k = 0; k < order.size(); ++k) {
            order[k] = k;
        }
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return m_skill_ids[a] < m_skill_ids[b]; });
        m_skill_rank.resize(order.size());
        for (std::uint32_t k = 0; k < order.size(); ++k) {
            m_skill_rank[order[k]] = k;
        }
        std::map<std::pair<std::uint32_t, std::string_view>, std::uint32_t> pairs;
        for (Sense& sense : m_senses) {
            const auto [pair, added] =
                pairs.try_emplace({sense.skill, sense.term}, static_cast<std::uint32_t>(pairs.size()));
            if (added) {
                m_skill_keywords.push_back(SkillKeyword{m_skill_ids[sense.skill], sense.term, sense.link});
            }
            sense.pair = pair->second;
        }
    }

    std::uint32_t skill_index(const std::string& id) {
        const auto [it, added] = m_skill_index.try_emplace(id, static_cast<std::uint32_t>(m_skill_ids.size()));
        if (added) {
            m_skill_ids.push_back(id);
        }
        return it->second;
    }

    /// Adds `sense` to the spelling `key` unless the spelling already evidences its skill (a keyword before a tool).
    void add_sense(const std::string& key, Sense sense) {
        PatternRoles& pattern = roles(key);
        for (const std::uint32_t existing : pattern.senses) {
            if (m_senses[existing].skill == sense.skill) {
                return;
            }
        }
        pattern.senses.push_back(static_cast<std::uint32_t>(m_senses.size()));
        m_senses.push_back(std::move(sense));
    }

    void add_keyword(const std::string& spelling, const std::string& skill_id, const Keyword& keyword,
                     const KeywordRules& rules, bool technical) {
        const std::string key = matching_key(spelling, true);
        if (key.empty()) {
            return;
        }
        const bool ambiguous = std::any_of(keyword.ambiguous.begin(), keyword.ambiguous.end(),
                                           [&](const std::string& word) { return matching_key(word, true) == key; });
        add_sense(key, Sense{skill_index(skill_id), 0, keyword.term,
                             keyword.case_sensitive ? matching_key(spelling, false) : std::string(),
                             rules.exclude_groups, rules.context_groups, ambiguous,
                             keyword.related ? KeywordLink::related : KeywordLink::evidence, technical});
    }

    /// A tool spelled like a keyword follows that keyword's rules: case, `exclude` ("REST" is not in "the rest of"),
    /// `ambiguous` and `context` ("Kafka" the author is not Kafka the broker).
    void add_tool(const std::string& spelling, const Tool& tool) {
        const std::string key = matching_key(spelling, true);
        if (key.empty()) {
            return;
        }
        bool case_sensitive = false;
        bool ambiguous = false;
        KeywordRules rules;
        for (const std::uint32_t existing : roles(key).senses) {
            const Sense& sense = m_senses[existing];
            case_sensitive = case_sensitive || !sense.exact.empty();
            ambiguous = ambiguous || sense.ambiguous;
            rules.exclude_groups.insert(rules.exclude_groups.end(), sense.exclude_groups.begin(),
                                        sense.exclude_groups.end());
            rules.context_groups.insert(rules.context_groups.end(), sense.context_groups.begin(),
                                        sense.context_groups.end());
        }
        for (std::vector<std::uint32_t>* groups : {&rules.exclude_groups, &rules.context_groups}) {
            std::sort(groups->begin(), groups->end());
            groups->erase(std::unique(groups->begin(), groups->end()), groups->end());
        }
        const std::string exact = case_sensitive ? matching_key(spelling, false) : std::string();
        for (const auto& [skills, link] :
             {std::pair{&tool.skills, KeywordLink::evidence}, std::pair{&tool.listed, KeywordLink::listed},
              std::pair{&tool.related, KeywordLink::related}}) {
            for (const std::string& skill_id : *skills) {
                add_sense(key, Sense{skill_index(skill_id), 0, tool.name, exact, rules.exclude_groups,
                                     rules.context_groups, ambiguous, link, true});
            }
        }
    }

    /// Adds an `exclude` or `context` phrase of `group` to `rules`, found through the pattern of its anchor.
    void add_phrase_rule(const std::string& phrase, std::uint32_t group, std::vector<ExcludeRule>& rules,
                         std::vector<std::uint32_t> PatternRoles::*found_by) {
        const std::string key = matching_key(phrase, true);
        ExcludeRule rule{group, {}, 0};
        std::size_t length = 0;
        std::size_t from = 0;
        while (from <= key.size()) {
            const std::size_t year = std::min(key.find(k_year, from), key.size());
            if (year > from) {
                rule.pieces.push_back(key.substr(from, year - from));
                length += year - from;
            }
            if (year == key.size()) {
                break;
            }
            rule.pieces.emplace_back();
            length += k_year_digits;
            from = year + k_year.size();
        }
        const auto anchor =
            std::find_if(rule.pieces.begin(), rule.pieces.end(), [](const auto& p) { return !p.empty(); });
        if (anchor == rule.pieces.end()) {
            return;  // nothing to search for
        }
        rule.anchor = static_cast<std::size_t>(anchor - rule.pieces.begin());
        m_max_phrase_length = std::max(m_max_phrase_length, length);
        (roles(*anchor).*found_by).push_back(static_cast<std::uint32_t>(rules.size()));
        rules.push_back(std::move(rule));
    }

    Automaton m_automaton;
    std::vector<PatternRoles> m_roles;  ///< by pattern id
    std::vector<Sense> m_senses;
    std::vector<ExcludeRule> m_excludes;
    std::vector<ExcludeRule> m_contexts;
    std::size_t m_max_phrase_length = 0;  ///< of an `exclude` or `context` phrase
    std::map<std::string, SectionEvidence, std::less<>> m_section_evidence;
    std::vector<std::string> m_skill_ids;
    std::vector<std::uint32_t> m_skill_rank;     ///< by skill index: its place in id order
    std::vector<SkillKeyword> m_skill_keywords;  ///< by `Sense::pair`
    std::unordered_map<std::string, std::uint32_t> m_skill_index;
};

std::vector<Occurrence> Engine::occurrences(std::string_view line, bool in_list) const {
    const NormalizedText folded = normalize_for_matching(line, true);
    const std::string_view text = folded.text;
    const auto& source = folded.source_offset;
    std::vector<Occurrence> hits;
    std::vector<Occurrence> exclusions;
    std::vector<Occurrence> contexts;
    std::vector<std::size_t> openings;  // where an intent phrase ends
    std::vector<std::size_t> intent_words;
    std::vector<std::size_t> negations;    // where a negation phrase starts
    std::vector<std::size_t> list_labels;  // where a list label ends
    m_automaton.scan(text, [&](std::uint32_t id, std::size_t end) {
        const PatternRoles& pattern = m_roles[id];
        const std::size_t start = end - pattern.length;
        const bool aligned = (start == 0 || source[start - 1] != source[start]) && source[end - 1] != source[end];
        if (!pattern.senses.empty() && aligned && is_whole_token(text, start, end, pattern)) {
            std::optional<std::string> as_written;
            for (const std::uint32_t sense : pattern.senses) {
                if (!m_senses[sense].exact.empty()) {
                    if (!as_written) {
                        as_written = matching_key(line.substr(source[start], source[end] - source[start]), false);
                    }
                    if (*as_written != m_senses[sense].exact) {
                        continue;
                    }
                }
                hits.push_back(Occurrence{sense, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
            }
        }
        for (const std::uint32_t rule : pattern.exclude_rules) {
            if (const auto span = match_exclude(text, m_excludes[rule], start, end)) {
                exclusions.push_back(*span);
            }
        }
        for (const std::uint32_t rule : pattern.context_rules) {
            if (const auto span = match_exclude(text, m_contexts[rule], start, end)) {
                contexts.push_back(*span);
            }
        }
        if ((pattern.intent || pattern.intent_word || pattern.negation || pattern.list_label) &&
            is_whole_phrase(text, start, end)) {
            if (pattern.intent || pattern.intent_word) {
                (pattern.intent ? openings : intent_words).push_back(end);
            }
            if (pattern.negation) {
                negations.push_back(start);
            }
            if (pattern.list_label) {
                list_labels.push_back(end);
            }
        }
    });
    if (hits.empty()) {
        return {};
    }
    const auto by_start = [](const Occurrence& a, const Occurrence& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    };
    std::stable_sort(hits.begin(), hits.end(), by_start);
    std::sort(exclusions.begin(), exclusions.end(), by_start);

    // "learning Go": an intent word right before a keyword opens intent too.
    for (const std::size_t end : intent_words) {
        const auto next = std::lower_bound(hits.begin(), hits.end(), end + 1,
                                           [](const Occurrence& hit, std::size_t at) { return hit.start < at; });
        if (end < text.size() && text[end] == ' ' && next != hits.end() && next->start == end + 1) {
            openings.push_back(end);
        }
    }
    std::sort(openings.begin(), openings.end());
    const std::vector<std::size_t> sentences = sentence_starts(text);

    // "Coursework: Java, Python": an intent or negation phrase in a short label before the first `:` covers the
    // whole line; "Languages: Java, Python" is a list of skills.
    const bool labelled =
        !sentences.empty() && text[sentences.front() - 1] == ':' &&
        static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(sentences.front()),
                                            ' ')) <= k_max_label_words;
    const auto in_label = [&](const std::vector<std::size_t>& found) {
        return labelled && !found.empty() && *std::min_element(found.begin(), found.end()) < sentences.front();
    };
    const std::size_t label_end =
        in_label(openings) || in_label(negations) ? sentences.front() : std::string_view::npos;
    in_list = in_list || in_label(list_labels);

    // "No experience with Java yet", "Kubernetes: not yet": a negation phrase takes its whole sentence, the label
    // before a colon included.
    const std::vector<std::size_t> clauses =
        negations.empty() ? std::vector<std::size_t>() : sentence_starts(text, false);
    std::vector<std::size_t> negated;  // the clauses (numbered from 0) that hold one
    for (const std::size_t at : negations) {
        negated.push_back(
            static_cast<std::size_t>(std::upper_bound(clauses.begin(), clauses.end(), at) - clauses.begin()));
    }
    std::sort(negated.begin(), negated.end());
    const auto in_negated_sentence = [&](const Occurrence& hit) {
        if (negated.empty()) {
            return false;
        }
        const auto clause =
            static_cast<std::size_t>(std::upper_bound(clauses.begin(), clauses.end(), hit.start) - clauses.begin());
        return std::binary_search(negated.begin(), negated.end(), clause);
    };

    const auto excluded = [&](const Occurrence& hit) {
        return within(exclusions, m_senses[hit.id].exclude_groups, hit);
    };
    const auto intended = [&](const Occurrence& hit) {
        if (hit.start >= label_end) {
            return true;
        }
        const auto opening = std::upper_bound(openings.begin(), openings.end(), hit.start);
        if (opening == openings.begin()) {
            return false;
        }
        const auto sentence = std::upper_bound(sentences.begin(), sentences.end(), hit.start);
        return sentence == sentences.begin() || *std::prev(sentence) <= *std::prev(opening);
    };
    // The hits that stand, filtered in place: a long line has a hit every few bytes.
    hits.erase(std::remove_if(
                   hits.begin(), hits.end(),
                   [&](const Occurrence& hit) { return excluded(hit) || intended(hit) || in_negated_sentence(hit); }),
               hits.end());
    std::sort(contexts.begin(), contexts.end(), by_start);
    drop_uncorroborated(text, in_list, contexts, hits);

    // Per skill, the longest spelling wins: drop a hit inside another hit of the same skill ("Spring" in "Spring
    // Boot").
    std::stable_sort(hits.begin(), hits.end(), [&](const Occurrence& a, const Occurrence& b) {
        return m_senses[a.id].skill < m_senses[b.id].skill;
    });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < hits.size();) {
        const std::uint32_t skill = m_senses[hits[i].id].skill;
        std::size_t covered = 0;
        for (; i < hits.size() && m_senses[hits[i].id].skill == skill; ++i) {
            if (hits[i].end > covered) {
                covered = hits[i].end;
                hits[kept++] = hits[i];
            }
        }
    }
    hits.resize(kept);

    // By start in the line, then skill id (the longest first among equal starts, as `by_start` left them).
    std::sort(hits.begin(), hits.end(), by_start);
    for (Occurrence& hit : hits) {
        hit.start = source[hit.start];
        hit.end = source[hit.end];
    }
    std::stable_sort(hits.begin(), hits.end(), [&](const Occurrence& a, const Occurrence& b) {
        return a.start != b.start ? a.start < b.start
                                  : m_skill_rank[m_senses[a.id].skill] < m_skill_rank[m_senses[b.id].skill];
    });
    return hits;
}

void Engine::drop_uncorroborated(std::string_view text, bool in_list, const std::vector<Occurrence>& contexts,
                                 std::vector<Occurrence>& hits) const {
    const auto ambiguous = [&](const Occurrence& hit) { return m_senses[hit.id].ambiguous; };
    if (in_list || std::none_of(hits.begin(), hits.end(), ambiguous) || is_keyword_list(text, hits) ||
        std::any_of(hits.begin(), hits.end(), [&](const Occurrence& hit) {
            return !ambiguous(hit) && m_senses[hit.id].technical;  // "Spring" beside "PostgreSQL"
        })) {
        return;
    }
    const auto in_context = [&](const Occurrence& hit) {
        return within(contexts, m_senses[hit.id].context_groups, hit);
    };
    // A version ("Java 17") or a technical phrase ("in Go") shows that a word is technical, and then the line is.
    if (std::any_of(hits.begin(), hits.end(),
                    [&](const Occurrence& hit) { return is_version_at(text, hit.end) || in_context(hit); })) {
        return;
    }
    hits.erase(std::remove_if(hits.begin(), hits.end(), ambiguous), hits.end());
}

std::vector<KeywordHit> Engine::find(std::string_view line, bool in_list) const {
    const std::vector<Occurrence> hits = occurrences(line, in_list);
    std::vector<KeywordHit> result;
    result.reserve(hits.size());
    int column = 1;
    std::size_t at = 0;
    for (const Occurrence& hit : hits) {
        for (; at < hit.start; ++column) {
            at += decode_at(line, at).length;
        }
        const Sense& sense = m_senses[hit.id];
        result.push_back(KeywordHit{m_skill_ids[sense.skill], sense.term,
                                    std::string(line.substr(hit.start, hit.end - hit.start)), column});
    }
    return result;
}

std::vector<KeywordSpan> Engine::find_distinct(std::string_view line, bool in_list) const {
    const std::vector<Occurrence> hits = occurrences(line, in_list);
    std::vector<KeywordSpan> result;
    std::vector<bool> seen(hits.empty() ? 0 : m_skill_keywords.size());
    for (const Occurrence& hit : hits) {
        const std::uint32_t pair = m_senses[hit.id].pair;
        if (!seen[pair]) {
            seen[pair] = true;
            result.push_back(KeywordSpan{&m_skill_keywords[pair], hit.start, hit.end});
        }
    }
    return result;
}

}  // namespace

}  // namespace apigap::ingest_detail

namespace apigap {

struct KeywordMatcher::Impl {
    ingest_detail::Engine engine;
};

KeywordMatcher::KeywordMatcher(const KnowledgeBase& kb)
    : m_impl(std::make_unique<Impl>(Impl{ingest_detail::Engine(kb)})) {}
KeywordMatcher::~KeywordMatcher() = default;
KeywordMatcher::KeywordMatcher(KeywordMatcher&&) noexcept = default;
KeywordMatcher& KeywordMatcher::operator=(KeywordMatcher&&) noexcept = default;

std::vector<KeywordHit> KeywordMatcher::find(std::string_view line, bool in_list) const {
    return m_impl->engine.find(line, in_list);
}

std::vector<KeywordSpan> KeywordMatcher::find_distinct(std::string_view line, bool in_list) const {
    return m_impl->engine.find_distinct(line, in_list);
}

SectionEvidence KeywordMatcher::evidence_of(std::string_view section) const {
    return m_impl->engine.evidence_of(section);
}

}  // namespace apigap
