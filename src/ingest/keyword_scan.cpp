// Running the keyword engine over a line: the hits of the automaton, then the knowledge base's rules (excludes,
// intent, negation, everyday words), in time linear in the line.
#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

#include "keyword_engine.hpp"
#include "normalize.hpp"

namespace apigap::ingest_detail {

namespace {

/// The most words a label before `:` has to speak for its line: an intent or negation phrase in it covers the line
/// ("Relevant coursework:", "Not yet:"), a list label makes it a list ("Languages:").
constexpr std::size_t k_max_label_words = 6;

}  // namespace

SectionEvidence Engine::evidence_of(std::string_view section) const {
    const auto found = m_section_evidence.find(section);
    return found == m_section_evidence.end() ? SectionEvidence::mention : found->second;
}

const Occurrence* Engine::within(const std::vector<Occurrence>& spans, const std::vector<std::uint32_t>& groups,
                                 const Occurrence& hit) const {
    if (groups.empty()) {
        return nullptr;
    }
    const std::size_t earliest = hit.end > m_max_phrase_length ? hit.end - m_max_phrase_length : 0;
    auto it = std::lower_bound(spans.begin(), spans.end(), earliest,
                               [](const Occurrence& span, std::size_t at) { return span.start < at; });
    for (; it != spans.end() && it->start <= hit.start; ++it) {
        if (it->end >= hit.end && std::binary_search(groups.begin(), groups.end(), it->id)) {
            return &*it;
        }
    }
    return nullptr;
}

void Engine::drop(std::string_view line, std::span<const std::uint32_t> source, const Occurrence& hit,
                  std::string reason, std::vector<DroppedHit>& dropped) const {
    const std::size_t start = source[hit.start];
    dropped.push_back(DroppedHit{m_skill_ids[m_senses[hit.id].skill],
                                 std::string(line.substr(start, source[hit.end] - start)), start, std::move(reason)});
}

void Engine::occurrences(std::string_view line, bool in_list, Scratch& scratch,
                         std::vector<DroppedHit>* dropped) const {
    normalize_for_matching(line, true, scratch.folded);
    std::vector<Match>& matches = scratch.matches;
    matches.clear();
    m_automaton.scan(scratch.folded.text, [&](std::uint32_t id, std::size_t end) {
        matches.push_back(Match{id, static_cast<std::uint32_t>(end)});
    });
    apply_rules(FoldedLine{line, scratch.folded.text, scratch.folded.source_offset}, matches, 0, in_list, scratch,
                dropped);
}

void Engine::apply_rules(const FoldedLine& folded, std::span<const Match> matches, std::size_t base, bool in_list,
                         Scratch& scratch, std::vector<DroppedHit>* dropped) const {
    const std::string_view line = folded.line;
    const std::string_view text = folded.text;
    const std::span<const std::uint32_t> source = folded.source;
    std::vector<Occurrence>& hits = scratch.hits;
    std::vector<Occurrence>& exclusions = scratch.exclusions;
    std::vector<std::size_t>& openings = scratch.openings;
    std::vector<std::size_t>& intent_words = scratch.intent_words;
    std::vector<std::size_t>& negations = scratch.negations;
    std::vector<std::size_t>& list_labels = scratch.list_labels;
    for (std::vector<std::size_t>* found : {&openings, &intent_words, &negations, &list_labels}) {
        found->clear();
    }
    hits.clear();
    exclusions.clear();
    bool technical_line = false;  // a technical word ("API", "Git") vouches for every everyday word on the line
    for (const Match& match : matches) {
        const std::uint32_t id = match.id;
        const std::size_t end = match.end - base;
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
                        if (dropped != nullptr) {
                            drop(line, source,
                                 Occurrence{sense, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)},
                                 "only \"" + m_senses[sense].exact + "\" counts, in that case", *dropped);
                        }
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
        if ((pattern.intent || pattern.intent_word || pattern.negation || pattern.list_label || pattern.technical) &&
            is_whole_phrase(text, start, end)) {
            technical_line = technical_line || pattern.technical;
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
    }
    if (hits.empty()) {
        return;
    }
    // By start, the longest first. Hits with the same span are senses of one pattern, found in the order of their ids:
    // sorting by id among them keeps the scan's order without a stable sort's buffer.
    const auto by_start = [](const Occurrence& a, const Occurrence& b) {
        return a.start != b.start ? a.start < b.start : a.end != b.end ? a.end > b.end : a.id < b.id;
    };
    std::sort(hits.begin(), hits.end(), by_start);
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
    // Where sentences start, as far as a rule asks: every one for an intent phrase, the first for a label.
    std::vector<std::size_t>& sentences = scratch.sentences;
    sentences.clear();
    const bool list_section = in_list;
    if (!openings.empty() || !negations.empty() || !list_labels.empty() ||
        (list_section &&
         std::any_of(hits.begin(), hits.end(), [&](const Occurrence& hit) { return m_senses[hit.id].ambiguous; }))) {
        sentence_starts(text, true, sentences, openings.empty() ? 1 : SIZE_MAX);
    }

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
    // "Coffee: Java, Sumatra" in a Skills section: a label that is no list label and names no keyword says what the
    // line lists, and it is not skills, so the section vouches for no everyday word on it.
    const bool other_label =
        labelled && !in_label(list_labels) &&
        std::none_of(hits.begin(), hits.end(), [&](const Occurrence& hit) { return hit.start < sentences.front(); });
    in_list = (list_section && !other_label) || in_label(list_labels);

    // "No experience with Java yet", "Kubernetes: not yet": a negation phrase takes its whole sentence, the label
    // before a colon included.
    std::vector<std::size_t>& clauses = scratch.clauses;
    std::vector<std::size_t>& negated = scratch.negated;
    clauses.clear();
    negated.clear();
    if (!negations.empty()) {
        sentence_starts(text, false, clauses);
    }
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
    // With `dropped`, the rule that drops a hit, in words; empty when none does.
    const auto why_dropped = [&](const Occurrence& hit) -> std::string {
        if (const Occurrence* phrase = excluded(hit)) {
            return "inside \"" + std::string(text.substr(phrase->start, phrase->end - phrase->start)) +
                   "\", a phrase its keyword excludes";
        }
        if (hit.start >= label_end) {
            return "after a label that says it is wanted or missing (an intent or negation phrase before a colon)";
        }
        if (intended(hit)) {
            return "after an intent phrase in its sentence: wanted, not used";
        }
        return in_negated_sentence(hit) ? "in a sentence with a negation phrase" : "";
    };
    // The hits that stand, filtered in place: a long line has a hit every few bytes.
    hits.erase(std::remove_if(hits.begin(), hits.end(),
                              [&](const Occurrence& hit) {
                                  if (dropped == nullptr) {
                                      return excluded(hit) != nullptr || intended(hit) || in_negated_sentence(hit);
                                  }
                                  std::string reason = why_dropped(hit);
                                  if (reason.empty()) {
                                      return false;
                                  }
                                  drop(line, source, hit, std::move(reason), *dropped);
                                  return true;
                              }),
               hits.end());
    if (!technical_line) {
        drop_uncorroborated(line, text, source, in_list, hits, dropped);
    }

    // Per skill, the longest spelling wins: drop a hit inside another hit of the same skill ("Spring" in "Spring
    // Boot"). Each skill's hits stay by start.
    std::sort(hits.begin(), hits.end(), [&](const Occurrence& a, const Occurrence& b) {
        const std::uint32_t skill_a = m_senses[a.id].skill;
        const std::uint32_t skill_b = m_senses[b.id].skill;
        return skill_a != skill_b ? skill_a < skill_b : by_start(a, b);
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

    // By start in the line, then skill id. No two hits left have both: a skill keeps one hit a start, and a hit starts
    // where a code point of the line does.
    for (Occurrence& hit : hits) {
        hit.start = source[hit.start];
        hit.end = source[hit.end];
    }
    std::sort(hits.begin(), hits.end(), [&](const Occurrence& a, const Occurrence& b) {
        return a.start != b.start ? a.start < b.start
                                  : m_skill_rank[m_senses[a.id].skill] < m_skill_rank[m_senses[b.id].skill];
    });
}

bool Engine::in_context(std::string_view text, const Occurrence& hit) const {
    for (const ContextPlace& place : m_context_places[hit.id]) {
        const std::string& phrase = m_context_phrases[place.group][place.phrase];
        const std::size_t start = hit.start - std::min<std::size_t>(place.at, hit.start);
        if (place.at <= hit.start && text.compare(start, phrase.size(), phrase) == 0 &&
            is_whole_phrase(text, start, start + phrase.size())) {
            return true;
        }
    }
    return false;
}

bool Engine::names_joined(std::string_view line, std::string_view text, std::span<const std::uint32_t> source,
                          const std::vector<Occurrence>& hits) const {
    static constexpr std::array<std::string_view, 7> k_joins{",", "/", "&", "and", "or", ", and", ", or"};
    const auto capital = [&](const Occurrence& hit) {
        const char first = line[source[hit.start]];
        return first >= 'A' && first <= 'Z';
    };
    for (std::size_t i = 0; i + 1 < hits.size(); ++i) {
        const Occurrence& a = hits[i];
        const Occurrence& b = hits[i + 1];
        if (b.start < a.end || m_senses[a.id].skill == m_senses[b.id].skill || !m_senses[a.id].technical ||
            !m_senses[b.id].technical || !capital(a) || !capital(b)) {
            continue;
        }
        std::string_view gap = text.substr(a.end, b.start - a.end);
        gap.remove_prefix(std::min(gap.find_first_not_of(' '), gap.size()));
        gap.remove_suffix(gap.size() - std::min(gap.find_last_not_of(' ') + 1, gap.size()));
        if (std::find(k_joins.begin(), k_joins.end(), gap) != k_joins.end()) {
            return true;
        }
    }
    return false;
}

void Engine::drop_uncorroborated(std::string_view line, std::string_view text, std::span<const std::uint32_t> source,
                                 bool in_list, std::vector<Occurrence>& hits, std::vector<DroppedHit>* dropped) const {
    const auto ambiguous = [&](const Occurrence& hit) { return m_senses[hit.id].ambiguous; };
    if (std::none_of(hits.begin(), hits.end(), ambiguous) || is_keyword_list(text, hits) ||
        std::any_of(hits.begin(), hits.end(),
                    [&](const Occurrence& hit) {
                        return !ambiguous(hit) && m_senses[hit.id].technical;  // "Spring" beside "PostgreSQL"
                    }) ||
        names_joined(line, text, source, hits)) {
        return;
    }
    // A version ("Java 17") or a technical phrase ("in Go") shows that a word is technical, and then the line is.
    if (std::any_of(hits.begin(), hits.end(),
                    [&](const Occurrence& hit) { return is_version_at(text, hit.end) || in_context(text, hit); })) {
        return;
    }
    // A list (a Skills section, a "Tools:" line) vouches for an everyday word that is an item by itself ("Spring,
    // Maven"), not for one in a phrase of other words: "spring clamps, tool rest" are a carpenter's.
    std::vector<std::uint8_t> alone;
    if (in_list) {
        alone_in_items(text, hits, alone);
    }
    std::size_t kept = 0;
    for (std::size_t k = 0; k < hits.size(); ++k) {
        if (!ambiguous(hits[k]) || (in_list && alone[k] != 0)) {
            hits[kept++] = hits[k];
        } else if (dropped != nullptr) {
            drop(line, source, hits[k],
                 in_list ? "an everyday word in a phrase of other words, with no technical context on its line"
                         : "an everyday word with no technical context on its line",
                 *dropped);
        }
    }
    hits.resize(kept);
}

std::vector<KeywordHit> Engine::find(std::string_view line, bool in_list, Scratch& scratch) const {
    occurrences(line, in_list, scratch, nullptr);
    const std::vector<Occurrence>& hits = scratch.hits;
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
                                    std::string(line.substr(hit.start, hit.end - hit.start)), column, hit.start});
    }
    return result;
}

const std::vector<KeywordSpan>& Engine::find_distinct(std::string_view line, bool in_list, Scratch& scratch,
                                                      std::vector<DroppedHit>* dropped) const {
    occurrences(line, in_list, scratch, dropped);
    return distinct(scratch);
}

const std::vector<KeywordSpan>& Engine::distinct(Scratch& scratch) const {
    std::vector<KeywordSpan>& result = scratch.spans;
    result.clear();
    if (scratch.hits.empty()) {
        return result;
    }
    // A pair is seen on this line when its entry holds the line's number: nothing to clear from line to line.
    std::vector<std::uint32_t>& seen = scratch.seen;
    if (seen.size() != m_skill_keywords.size() || scratch.line == UINT32_MAX) {
        seen.assign(m_skill_keywords.size(), 0);
        scratch.line = 0;
    }
    const std::uint32_t line_number = ++scratch.line;
    for (const Occurrence& hit : scratch.hits) {
        const std::uint32_t pair = m_senses[hit.id].pair;
        if (seen[pair] != line_number) {
            seen[pair] = line_number;
            result.push_back(KeywordSpan{&m_skill_keywords[pair], hit.start, hit.end});
        }
    }
    return result;
}

}  // namespace apigap::ingest_detail
