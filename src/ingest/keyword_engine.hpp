// The keyword engine's model: the automaton over every spelling and phrase of a knowledge base, and what each
// pattern stands for. Built in keyword_engine.cpp, run over lines in keyword_scan.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "apigap/keywords.hpp"
#include "automaton.hpp"
#include "keyword_rules.hpp"
#include "normalize.hpp"

namespace apigap::ingest_detail {

/// Where a spelling stands in one of its keyword's `context` phrases: the phrase, and the offset in it.
struct ContextPlace {
    std::uint32_t group = 0;
    std::uint32_t phrase = 0;  ///< its index in the group
    std::uint32_t at = 0;
};

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

/// A pattern found by the automaton: its id, and where it ends.
struct Match {
    std::uint32_t id = 0;
    std::uint32_t end = 0;
};

/// How many parts a run of lines is scanned in at once, at most: as many chains of loads for the core to overlap.
inline constexpr std::size_t k_scan_parts = 4;

/// A line and its text folded for matching: `source` holds the offset in `line` of each byte of `text`, and then
/// the size of `line`.
struct FoldedLine {
    std::string_view line;
    std::string_view text;
    std::span<const std::uint32_t> source;
};

/// The buffers `Engine` reuses from line to line, one for each thread: the line folded for matching, what its scan
/// finds there, and what `find_distinct` returns.
struct Scratch {
    NormalizedText folded;
    NormalizedText lines;               ///< `find_distinct_lines`: a run of lines folded, one after the other
    std::vector<std::uint32_t> starts;  ///< where each of them starts in `lines.text`
    std::vector<Match> matches;         ///< what the automaton found, in order of end
    std::array<std::vector<Match>, k_scan_parts> part_matches;  ///< what it found in each part of `lines`
    std::vector<Occurrence> hits;
    std::vector<Occurrence> exclusions;
    std::vector<std::size_t> openings;      ///< where an intent phrase ends
    std::vector<std::size_t> intent_words;  ///< where an intent word ends
    std::vector<std::size_t> negations;     ///< where a negation phrase starts
    std::vector<std::size_t> list_labels;   ///< where a list label ends
    std::vector<std::size_t> sentences;     ///< where each sentence starts, once an intent phrase asks
    std::vector<std::size_t> clauses;       ///< where each clause starts, once a negation phrase asks
    std::vector<std::size_t> negated;       ///< the clauses (numbered from 0) that hold a negation phrase
    std::vector<std::uint32_t> seen;        ///< by pair of skill and term: the last `line` that found it
    std::uint32_t line = 0;                 ///< numbers the lines `find_distinct` reads
    std::vector<KeywordSpan> spans;         ///< what `find_distinct` returns
};

/// The automaton over every spelling and phrase of a knowledge base, and what each pattern stands for.
class Engine {
public:
    explicit Engine(const KnowledgeBase& kb);

    /// The hits in `line`, by column, then skill id.
    [[nodiscard]] std::vector<KeywordHit> find(std::string_view line, bool in_list, Scratch& scratch) const;

    /// The hits of `find`, each pair of skill and term once: its first; with `dropped`, the hits a rule drops too. They
    /// are `scratch.spans`.
    const std::vector<KeywordSpan>& find_distinct(std::string_view line, bool in_list, Scratch& scratch,
                                                  std::vector<DroppedHit>* dropped = nullptr) const;

    /// `find_distinct` of each of `lines` in turn, calling `on_line(index, spans)` after each; with `dropped`, the
    /// hits a rule drops on that line are appended to it before. The lines are folded and scanned a run at a time:
    /// up to four parts of a run, cut where lines start, give the automaton as many texts to scan at once.
    void find_distinct_lines(std::span<const KeywordLine> lines, Scratch& scratch, std::vector<DroppedHit>* dropped,
                             const KeywordLineSpans& on_line) const;

    /// What a keyword in the resume section `section` is evidence of (`KeywordMatcher::evidence_of`).
    [[nodiscard]] SectionEvidence evidence_of(std::string_view section) const;

    /// The automaton over every pattern: its tables are what `apigap_keyword_compile` writes.
    [[nodiscard]] const Automaton& automaton() const { return m_automaton; }

private:
    /// Puts in `scratch.hits` the hits in `line` with their spans in its bytes, in `find`'s order; with `dropped`,
    /// appends the hits a rule drops.
    void occurrences(std::string_view line, bool in_list, Scratch& scratch, std::vector<DroppedHit>* dropped) const;

    /// Puts in `scratch.matches` what the automaton finds in `text`, lines folded one after the other that start at
    /// `starts`, in order of end: scanned in parts cut where lines start.
    void scan_run(std::string_view text, std::span<const std::uint32_t> starts, Scratch& scratch) const;

    /// What `occurrences` does once the automaton has found `matches` (their ends `base` past the line's start).
    void apply_rules(const FoldedLine& folded, std::span<const Match> matches, std::size_t base, bool in_list,
                     Scratch& scratch, std::vector<DroppedHit>* dropped) const;

    /// The hits in `scratch.hits` with each pair of skill and term kept once: `scratch.spans`.
    const std::vector<KeywordSpan>& distinct(Scratch& scratch) const;

    /// The one of `spans` (phrases found, by start) of one of `groups` (sorted) that holds `hit`, if any: only the
    /// phrases that start at most the longest phrase before its end can.
    [[nodiscard]] const Occurrence* within(const std::vector<Occurrence>& spans,
                                           const std::vector<std::uint32_t>& groups, const Occurrence& hit) const;

    /// Drops the hits of everyday words (`Sense::ambiguous`) that nothing technical around them corroborates. `text`
    /// is `line` folded for matching, `source` the offset in `line` of each of its bytes. With `dropped`, appends
    /// the hits it drops.
    void drop_uncorroborated(std::string_view line, std::string_view text, std::span<const std::uint32_t> source,
                             bool in_list, std::vector<Occurrence>& hits, std::vector<DroppedHit>* dropped) const;

    /// Appends `hit` (a span of `text`, `line` folded, whose bytes come from `source`) to `dropped`, with `reason`.
    void drop(std::string_view line, std::span<const std::uint32_t> source, const Occurrence& hit, std::string reason,
              std::vector<DroppedHit>& dropped) const;

    /// Whether two hits (by start) of different technical skills, each written with a capital, stand joined as names
    /// in a list or a choice, nothing but `,` `/` `&` `and` `or` between them: "one of Java, Go and Python".
    [[nodiscard]] bool names_joined(std::string_view line, std::string_view text, std::span<const std::uint32_t> source,
                                    const std::vector<Occurrence>& hits) const;

    /// Whether `hit` stands inside one of its keyword's `context` phrases in `text`.
    [[nodiscard]] bool in_context(std::string_view text, const Occurrence& hit) const;

    /// The roles of the pattern `key`, added to the automaton when new.
    PatternRoles& roles(const std::string& key);

    /// Numbers the skills in id order, for `find`'s tie-break; and each pair of skill and term, for `find_distinct`.
    void rank_skills();

    /// Fills `m_context_places`, once the automaton holds every pattern.
    void place_in_context_phrases();

    /// The index of the skill `id`, numbered in order of first use.
    std::uint32_t skill_index(const std::string& id);

    /// Adds `sense` to the spelling `key` unless the spelling already evidences its skill (a keyword before a tool).
    void add_sense(const std::string& key, Sense sense);

    /// Adds a spelling of a skill's keyword: ambiguous when the keyword lists it so.
    void add_keyword(const std::string& spelling, const std::string& skill_id, const Keyword& keyword,
                     const KeywordRules& rules, bool technical);

    /// A tool spelled like a keyword follows that keyword's rules: case, `exclude` ("REST" is not in "the rest of"),
    /// `ambiguous` and `context` ("Kafka" the author is not Kafka the broker).
    void add_tool(const std::string& spelling, const Tool& tool);

    /// Adds an `exclude` phrase of `group`, found through the pattern of its anchor.
    void add_exclude(const std::string& phrase, std::uint32_t group);

    Automaton m_automaton;
    std::vector<PatternRoles> m_roles;  ///< by pattern id
    std::vector<Sense> m_senses;
    std::vector<ExcludeRule> m_excludes;
    /// By group: a keyword's `context` phrases, normalized. Compared around an everyday word where one is found,
    /// rather than searched for on every line: the automaton's size, and its building at every start, grow with
    /// its patterns.
    std::vector<std::vector<std::string>> m_context_phrases;
    std::vector<std::vector<ContextPlace>> m_context_places;  ///< by sense: where its spelling stands in its phrases
    std::size_t m_max_phrase_length = 0;                      ///< of an `exclude` phrase
    std::map<std::string, SectionEvidence, std::less<>> m_section_evidence;
    std::vector<std::string> m_skill_ids;
    std::vector<std::uint32_t> m_skill_rank;     ///< by skill index: its place in id order
    std::vector<SkillKeyword> m_skill_keywords;  ///< by `Sense::pair`
    std::unordered_map<std::string, std::uint32_t> m_skill_index;
};

}  // namespace apigap::ingest_detail
