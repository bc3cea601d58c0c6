// Building the keyword engine from a knowledge base: every spelling, phrase and rule as a pattern of one automaton.
#include <algorithm>
#include <array>
#include <utility>

#include "keyword_engine.hpp"

namespace apigap::ingest_detail {

namespace {

/// Words that mark intent only right before a keyword: "learning Go" is not evidence of Go, but "machine learning
/// pipelines in Python" is evidence of Python.
constexpr std::array<std::string_view, 1> k_intent_words = {"learning"};

}  // namespace

Engine::Engine(const KnowledgeBase& kb) {
    std::uint32_t groups = 0;
    for (const Skill& skill : kb.skills) {
        for (const Keyword& keyword : skill.keywords) {
            KeywordRules rules;
            if (!keyword.exclude.empty()) {
                rules.exclude_groups.push_back(groups);
                for (const std::string& phrase : keyword.exclude) {
                    add_exclude(phrase, groups);
                }
                ++groups;
            }
            if (!keyword.context.empty()) {
                rules.context_groups.push_back(groups);
                m_context_phrases.resize(groups + 1);
                for (const std::string& phrase : keyword.context) {
                    if (std::string key = matching_key(phrase, true); !key.empty()) {
                        m_context_phrases[groups].push_back(std::move(key));
                    }
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
    for (const std::string& word : kb.resume.technical_words) {
        if (const std::string key = matching_key(word, true); !key.empty()) {
            roles(key).technical = true;
        }
    }
    for (const ResumeSection& section : kb.resume.sections) {
        m_section_evidence.try_emplace(section.id, section.evidence);
    }
    m_automaton.compile(builtin_automaton_tables());
    rank_skills();
    place_in_context_phrases();
}

void Engine::place_in_context_phrases() {
    m_context_places.resize(m_senses.size());
    for (std::uint32_t id = 0; id < m_roles.size(); ++id) {
        const std::string_view spelling = m_automaton.tables().pattern(id);
        for (const std::uint32_t sense : m_roles[id].senses) {
            for (const std::uint32_t group : m_senses[sense].context_groups) {
                const std::vector<std::string>& phrases = m_context_phrases[group];
                for (std::uint32_t phrase = 0; phrase < phrases.size(); ++phrase) {
                    for (std::size_t at = phrases[phrase].find(spelling); at != std::string::npos;
                         at = phrases[phrase].find(spelling, at + 1)) {
                        m_context_places[sense].push_back(ContextPlace{group, phrase, static_cast<std::uint32_t>(at)});
                    }
                }
            }
        }
    }
}

PatternRoles& Engine::roles(const std::string& key) {
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

void Engine::rank_skills() {
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

std::uint32_t Engine::skill_index(const std::string& id) {
    const auto [it, added] = m_skill_index.try_emplace(id, static_cast<std::uint32_t>(m_skill_ids.size()));
    if (added) {
        m_skill_ids.push_back(id);
    }
    return it->second;
}

void Engine::add_sense(const std::string& key, Sense sense) {
    PatternRoles& pattern = roles(key);
    for (const std::uint32_t existing : pattern.senses) {
        if (m_senses[existing].skill == sense.skill) {
            return;
        }
    }
    pattern.senses.push_back(static_cast<std::uint32_t>(m_senses.size()));
    m_senses.push_back(std::move(sense));
}

void Engine::add_keyword(const std::string& spelling, const std::string& skill_id, const Keyword& keyword,
                         const KeywordRules& rules, bool technical) {
    const std::string key = matching_key(spelling, true);
    if (key.empty()) {
        return;
    }
    const bool ambiguous =
        std::any_of(keyword.ambiguous.begin(), keyword.ambiguous.end(), [&](const std::string& word) {
            return word.size() == spelling.size() && matching_key(word, true) == key;  // a spelling of the same length
        });
    add_sense(key, Sense{skill_index(skill_id), 0, keyword.term,
                         keyword.case_sensitive ? matching_key(spelling, false) : std::string(), rules.exclude_groups,
                         rules.context_groups, ambiguous,
                         keyword.related ? KeywordLink::related : KeywordLink::evidence, technical});
}

void Engine::add_tool(const std::string& spelling, const Tool& tool) {
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
            add_sense(key, Sense{skill_index(skill_id), 0, tool.name, exact, rules.exclude_groups, rules.context_groups,
                                 ambiguous, link, true});
        }
    }
}

void Engine::add_exclude(const std::string& phrase, std::uint32_t group) {
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
    const auto anchor = std::find_if(rule.pieces.begin(), rule.pieces.end(), [](const auto& p) { return !p.empty(); });
    if (anchor == rule.pieces.end()) {
        return;  // nothing to search for
    }
    rule.anchor = static_cast<std::size_t>(anchor - rule.pieces.begin());
    m_max_phrase_length = std::max(m_max_phrase_length, length);
    roles(*anchor).exclude_rules.push_back(static_cast<std::uint32_t>(m_excludes.size()));
    m_excludes.push_back(std::move(rule));
}

}  // namespace apigap::ingest_detail
