// The keyword engine: every keyword and alias of the knowledge base found in
// one pass over a line, with the knowledge base's disambiguation rules.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/knowledge_base.hpp"

namespace apigap {

/// One occurrence of a keyword: the skill it evidences, the keyword's
/// canonical term, the spelling as written, and its 1-based column in code
/// points. A spelling that evidences several skills (a tool linked to two,
/// a shared keyword) yields one hit per skill.
struct KeywordHit {
    std::string skill_id;
    std::string term;
    std::string text;
    int column = 0;          ///< 1-based, in characters
    std::size_t offset = 0;  ///< in bytes
    bool evidence = true;    ///< it evidences its skill on its own (not a `related` or `listed` link)
};

/// One occurrence of a keyword as `KeywordMatcher::find_distinct` gives it, without copies: `keyword` points
/// into the matcher and is valid while it lives; `begin` and `end` are byte offsets in the line.
struct KeywordSpan {
    const SkillKeyword* keyword = nullptr;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A line for `KeywordMatcher::find_distinct_lines`: its text, and whether it is in a list of skills.
struct KeywordLine {
    std::string_view text;
    bool in_list = false;
};

/// Called with the index of a line among those given and its `find_distinct` hits (valid until the next call).
using KeywordLineSpans = std::function<void(std::size_t, const std::vector<KeywordSpan>&)>;

/// A keyword the engine found in a line but does not count, and the rule that drops it, in words: what `-vv` logs.
struct DroppedHit {
    std::string skill_id;
    std::string text;        ///< as written in the line
    std::size_t offset = 0;  ///< where it starts in the line, in bytes
    std::string reason;      ///< "an everyday word with no technical context on its line"
};

/// The buffers a `KeywordMatcher` reuses from line to line: the line folded for matching, what is found there, what
/// `find_distinct` returns. One for each thread that finds keywords, never shared between threads; kept from line to
/// line and resume to resume, finding keywords allocates nothing once they have grown to the longest line.
class KeywordScratch {
public:
    KeywordScratch();
    ~KeywordScratch();
    KeywordScratch(KeywordScratch&&) noexcept;
    KeywordScratch& operator=(KeywordScratch&&) noexcept;
    KeywordScratch(const KeywordScratch&) = delete;
    KeywordScratch& operator=(const KeywordScratch&) = delete;

private:
    friend class KeywordMatcher;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Finds keywords in text. Built once per run from every skill's keywords and
/// every tool's name and aliases; matching is case-insensitive on NFKC
/// case-folded text (so ligatures, full-width forms and smart quotes match)
/// except for `case_sensitive` keywords; a match must stand between token
/// boundaries (`Java` is not in `JavaScript`; `C++`, `.NET` and `Node.js`
/// are whole tokens); an occurrence inside one of its keyword's `exclude`
/// phrases, later in a sentence that an `intent_phrases` entry opens, or in a
/// sentence that holds a `negation_phrases` entry, does not count; an
/// `ambiguous` spelling (an everyday word: "Java", "Spring") counts only in
/// technical context: in a list of skills or a line of keywords only, with a
/// version, beside a technical keyword, or on a line where such a word stands
/// in one of its keyword's `context` phrases ("in Go", "Kafka topics").
class KeywordMatcher {
public:
    explicit KeywordMatcher(const KnowledgeBase& kb);
    ~KeywordMatcher();
    KeywordMatcher(KeywordMatcher&&) noexcept;
    KeywordMatcher& operator=(KeywordMatcher&&) noexcept;
    KeywordMatcher(const KeywordMatcher&) = delete;
    KeywordMatcher& operator=(const KeywordMatcher&) = delete;

    /// The hits in `line`, by column, then skill id; `in_list` when the line is in a list of skills (a section
    /// whose evidence is `list`), where every spelling is technical.
    [[nodiscard]] std::vector<KeywordHit> find(std::string_view line, bool in_list = false) const;

    /// The hits of `find(line)` with each pair of skill and term kept once, its first, in the same order: what
    /// evidence needs, at a cost that does not grow with the repeats of a keyword on a long line. With `dropped`,
    /// also appends to it each keyword found that a rule drops, with the rule (only then are reasons written).
    [[nodiscard]] std::vector<KeywordSpan> find_distinct(std::string_view line, bool in_list = false,
                                                         std::vector<DroppedHit>* dropped = nullptr) const;

    /// `find_distinct(line, in_list, dropped)` with the buffers of `scratch`, which holds the result until its next
    /// use.
    [[nodiscard]] const std::vector<KeywordSpan>& find_distinct(std::string_view line, bool in_list,
                                                                KeywordScratch& scratch,
                                                                std::vector<DroppedHit>* dropped = nullptr) const;

    /// `find_distinct(line.text, line.in_list, scratch, dropped)` of each of `lines` in turn, calling
    /// `on_line(index, spans)` after each (when `dropped` is given, that line's dropped hits are in it by then). The
    /// same hits as line by line, found faster: the lines are read a run at a time.
    void find_distinct_lines(std::span<const KeywordLine> lines, KeywordScratch& scratch,
                             std::vector<DroppedHit>* dropped, const KeywordLineSpans& on_line) const;

    /// What a keyword in the resume section `section` (an id) is evidence of: its `evidence` in the knowledge base,
    /// `mention` for a section it does not know (and for lines before any heading).
    [[nodiscard]] SectionEvidence evidence_of(std::string_view section) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace apigap
