// From a resume to the evidence the scoring core rates: every keyword hit on
// every line, with the line's number, section and text; and a posting's hits by line.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/check.hpp"
#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// `text` with its links blanked out (same length): URLs, `www.…`, email
/// addresses and `host.tld/path` tokens name no skill ("github.com/jane/go-kafka").
[[nodiscard]] std::string without_links(std::string_view text);

/// A keyword written on a resume line that earns no evidence, and why (`-vv`): `line` numbers a line of the
/// document, `hit` says where and by which rule.
struct DroppedMention {
    std::uint32_t line = 0;
    DroppedHit hit;
};

/// The keyword hits in `document`'s lines other than headings, links and
/// sections whose evidence is `none` (interests), in line order, each skill
/// and keyword once a line (its first), as the `Mention`s `infer_profile`
/// takes; they point into `document` and `matcher`. With `dropped`, also
/// appends to it, line by line, each keyword found but not counted: on a
/// heading, in a link, in such a section, or dropped by a rule of the
/// keyword engine (`KeywordMatcher::find_distinct`). Without it, no more
/// work is done than finding the mentions.
[[nodiscard]] std::vector<Mention> find_mentions(const ResumeDocument& document, const KeywordMatcher& matcher,
                                                 std::vector<DroppedMention>* dropped = nullptr);

/// The buffers `find_mentions` reuses from line to line and, kept by its caller, from resume to resume: one for each
/// thread, never shared between threads.
struct MentionScratch {
    KeywordScratch keywords;
    std::vector<KeywordLine> lines;      ///< the lines read, their links blanked out
    std::vector<std::uint32_t> indices;  ///< the index in the document of each of them
    /// Those with a link, the links blanked out: a deque, whose strings stay in place as it grows (a short one is
    /// held inside its string, which a vector would move).
    std::deque<std::string> blanked;
};

/// `find_mentions(document, matcher, dropped)` into `mentions`, which it empties first, with the buffers of `scratch`
/// and of `mentions`: what a worker that reads many resumes calls, keeping both, so that finding keywords allocates
/// nothing once they have grown to the longest line and the most mentions.
void find_mentions(const ResumeDocument& document, const KeywordMatcher& matcher, MentionScratch& scratch,
                   std::vector<Mention>& mentions, std::vector<DroppedMention>* dropped = nullptr);

/// Every keyword written in `document`, headings and every section included, links left out: each line's
/// `find_distinct` hits, in line order. What `check --source` compares a resume and its source by.
[[nodiscard]] std::vector<LineKeyword> find_keywords(const ResumeDocument& document, const KeywordMatcher& matcher);

/// The keyword hits of a posting `line`, in line order, each skill and keyword once (its first): those that do not
/// evidence their skill on their own too (`evidence` false: Kafka for microservices, JavaScript for Node.js), as
/// they still join a choice ("Java or JavaScript"). What `read_posting` asks for each line.
[[nodiscard]] std::vector<KeywordHit> find_line_hits(std::string_view line, const KeywordMatcher& matcher);

}  // namespace apigap
