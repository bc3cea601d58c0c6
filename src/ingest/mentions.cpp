// Turning keyword hits on resume lines into mentions with their evidence.
#include "apigap/mentions.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "ingest/normalize.hpp"

namespace apigap {

namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
           });
}

/// Whether a whitespace-delimited `token` is a link or an address rather than
/// prose: a URL, `www.…`, an email address, or a `host.tld/path`.
bool is_link(std::string_view token) {
    if (token.find("://") != std::string_view::npos || starts_with_ignoring_case(token, "www.")) {
        return true;
    }
    if (const std::size_t at = token.find('@'); at != std::string_view::npos && at > 0) {
        return token.find('.', at) != std::string_view::npos;
    }
    // host.tld/path: the part before the first '/' is dotted labels ending in a
    // top-level domain of letters ("github.com/…", not "3.5/5" or "CI/CD").
    const std::string_view host = token.substr(0, token.find('/'));
    if (host.size() == token.size()) {
        return false;
    }
    const std::size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || host.size() - dot < 3) {
        return false;
    }
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    return std::all_of(host.begin() + static_cast<std::ptrdiff_t>(dot) + 1, host.end(), letter);
}

/// The marks that every link has, in order: a `/` (a URL, `host.tld/path`), an `@`, or a `.` after `www`. Most
/// lines have none, and most tokens none: each kind is searched for with `find`, once until the reading passes it.
class LinkMarks {
public:
    explicit LinkMarks(std::string_view text) : m_text(text) {}

    /// The first mark at or after `from`, or the text's size.
    std::size_t next(std::size_t from) {
        const std::size_t slash_or_at = std::min(find(m_slash, '/', from), find(m_at, '@', from));
        std::size_t dot = find(m_dot, '.', from);
        while (dot < slash_or_at && !www_before(dot)) {
            dot = find(m_dot, '.', dot + 1);
        }
        return std::min(slash_or_at, dot);
    }

private:
    static constexpr std::size_t k_unread = SIZE_MAX;

    /// The first `c` at or after `from`, or the text's size, found again only when `found` is before `from`.
    std::size_t find(std::size_t& found, char c, std::size_t from) {
        if (found == k_unread || found < from) {
            found = std::min(m_text.find(c, from), m_text.size());
        }
        return found;
    }

    [[nodiscard]] bool www_before(std::size_t dot) const {
        const auto w = [&](std::size_t i) { return m_text[i] == 'w' || m_text[i] == 'W'; };
        return dot >= 3 && w(dot - 1) && w(dot - 2) && w(dot - 3);
    }

    std::string_view m_text;
    std::size_t m_slash = k_unread;
    std::size_t m_at = k_unread;
    std::size_t m_dot = k_unread;
};

/// Calls `blank(begin, end)` for the span of each link in `text`, in order. Only a token with one of the
/// `LinkMarks` may be one.
template <class Blank>
void for_each_link(std::string_view text, Blank&& blank) {
    const auto space = [&](std::size_t i) { return text[i] == ' ' || text[i] == '\t'; };
    LinkMarks marks(text);
    std::size_t done = 0;  // where the last token read ends
    for (std::size_t mark = marks.next(0); mark < text.size(); mark = marks.next(done)) {
        std::size_t start = mark;
        while (start > done && !space(start - 1)) {
            --start;
        }
        std::size_t end = mark;
        while (end < text.size() && !space(end)) {
            ++end;
        }
        // A link inside brackets or quotes: "(https://…)", "<jane@x.io>".
        std::size_t inner = start;
        while (inner < end && (text[inner] == '(' || text[inner] == '<' || text[inner] == '[' || text[inner] == '"')) {
            ++inner;
        }
        // …and trailing punctuation that ends the sentence or closes the bracket.
        std::size_t last = end;
        while (last > inner && std::string_view(").,;:>]\"'").find(text[last - 1]) != std::string_view::npos) {
            --last;
        }
        // A URL that starts inside the token: `src="https://…`, `url(https://…`.
        if (const std::size_t scheme = text.substr(inner, last - inner).find("://"); scheme != std::string_view::npos) {
            std::size_t from = inner + scheme;
            while (from > inner && ((text[from - 1] >= 'a' && text[from - 1] <= 'z') ||
                                    (text[from - 1] >= 'A' && text[from - 1] <= 'Z'))) {
                --from;
            }
            inner = from;
        }
        if (inner < last && is_link(text.substr(inner, last - inner))) {
            blank(inner, last);
        }
        done = end;
    }
}

/// `without_links(text)` without a copy: `text` itself when it has no link, else `buffer` holding it blanked.
std::string_view blank_links(std::string_view text, std::string& buffer) {
    bool copied = false;
    for_each_link(text, [&](std::size_t begin, std::size_t end) {
        if (!copied) {
            buffer.assign(text);
            copied = true;
        }
        std::fill(buffer.begin() + static_cast<std::ptrdiff_t>(begin),
                  buffer.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    });
    return copied ? std::string_view(buffer) : text;
}

}  // namespace

std::string without_links(std::string_view text) {
    std::string buffer;
    const std::string_view blanked = blank_links(text, buffer);
    return blanked.data() == buffer.data() ? std::move(buffer) : std::string(text);
}

namespace {

/// `text` with its links blanked: itself when it has none, else a copy in the next free buffer of `scratch.blanked`
/// (`used` counts those taken), which stays in place while the document is read.
std::string_view blanked_line(std::string_view text, MentionScratch& scratch, std::size_t& used) {
    if (used == scratch.blanked.size()) {
        scratch.blanked.emplace_back();
    }
    const std::string_view blanked = blank_links(text, scratch.blanked[used]);
    if (blanked.data() != text.data()) {
        ++used;
    }
    return blanked;
}

/// The hit `span` of `line` as dropped, for `reason`.
DroppedHit dropped_hit(std::string_view line, const KeywordSpan& span, std::string reason) {
    return DroppedHit{span.keyword->skill_id, std::string(line.substr(span.begin, span.end - span.begin)), span.begin,
                      std::move(reason)};
}

/// Appends to `dropped` the keywords of `line` that stand in a link, which `blanked` (`without_links(line)`) has
/// blanked out.
void add_link_hits(std::string_view line, std::string_view blanked, const KeywordMatcher& matcher,
                   std::vector<DroppedHit>& dropped) {
    if (blanked == line) {
        return;
    }
    for (const KeywordSpan& hit : matcher.find_distinct(line)) {
        if (blanked[hit.begin] == ' ' && line[hit.begin] != ' ') {
            dropped.push_back(dropped_hit(line, hit, "in a link"));
        }
    }
}

/// Appends to `dropped` the keywords of `line`, which is not read for evidence (a heading, an interests section):
/// what the engine's rules would keep, for `reason`; what they drop, for theirs.
void add_unread_hits(std::string_view line, const std::string& reason, const KeywordMatcher& matcher,
                     std::vector<DroppedHit>& dropped) {
    for (const KeywordSpan& hit : matcher.find_distinct(without_links(line), false, &dropped)) {
        dropped.push_back(dropped_hit(line, hit, reason));
    }
}

}  // namespace

std::vector<Mention> find_mentions(const ResumeDocument& document, const KeywordMatcher& matcher,
                                   std::vector<DroppedMention>* dropped) {
    MentionScratch scratch;
    std::vector<Mention> mentions;
    find_mentions(document, matcher, scratch, mentions, dropped);
    return mentions;
}

void find_mentions(const ResumeDocument& document, const KeywordMatcher& matcher, MentionScratch& scratch,
                   std::vector<Mention>& mentions, std::vector<DroppedMention>* dropped) {
    mentions.clear();
    mentions.reserve(document.lines.size());  // about one a line; a guess that spares a file of one skill a line
                                              // the copy of its millions of mentions when the vector grows
    // The lines read for evidence, their links blanked: blanking keeps every offset, so a hit's is the same in the
    // line's text.
    std::vector<KeywordLine>& lines = scratch.lines;
    std::vector<std::uint32_t>& indices = scratch.indices;
    lines.clear();
    indices.clear();
    std::size_t blanked = 0;  // the buffers of `scratch.blanked` in use
    int section = -1;         // the section whose evidence `evidence` is: lines come by section
    SectionEvidence evidence = SectionEvidence::mention;
    for (std::uint32_t index = 0; index < document.lines.size(); ++index) {
        const ResumeLine& line = document.lines[index];
        if (line.section != section) {
            section = line.section;
            evidence = matcher.evidence_of(document.section_of(line));
        }
        if (line.heading || evidence == SectionEvidence::none) {
            continue;
        }
        lines.push_back(KeywordLine{blanked_line(line.text, scratch, blanked), evidence == SectionEvidence::list});
        indices.push_back(index);
    }

    std::vector<DroppedHit> line_dropped;  // with `dropped`: the current line's
    std::uint32_t next = 0;                // with `dropped`: the first line whose dropped hits are not yet out
    const auto flush = [&](std::uint32_t index) {
        for (DroppedHit& hit : line_dropped) {
            dropped->push_back(DroppedMention{index, std::move(hit)});
        }
        line_dropped.clear();
    };
    // With `dropped`: the hits of the lines before `end` that are not read for evidence, in line order.
    const auto unread_before = [&](std::uint32_t end) {
        for (; next < end; ++next) {
            const ResumeLine& line = document.lines[next];
            add_unread_hits(line.text,
                            line.heading ? std::string("on a heading")
                                         : "in the section '" + std::string(document.section_of(line)) +
                                               "', whose keywords are not evidence",
                            matcher, line_dropped);
            flush(next);
        }
    };
    std::vector<DroppedHit> read_dropped;  // with `dropped`: what the engine drops on the line it reads
    matcher.find_distinct_lines(
        lines, scratch.keywords, dropped != nullptr ? &read_dropped : nullptr,
        [&](std::size_t k, const std::vector<KeywordSpan>& spans) {
            const std::uint32_t index = indices[k];
            for (const KeywordSpan& hit : spans) {
                mentions.push_back(Mention{hit.keyword, index, static_cast<std::uint32_t>(hit.begin)});
            }
            if (dropped != nullptr) {
                unread_before(index);
                line_dropped.swap(read_dropped);
                add_link_hits(document.lines[index].text, lines[k].text, matcher, line_dropped);
                flush(index);
                next = index + 1;
            }
        });
    if (dropped != nullptr) {
        unread_before(static_cast<std::uint32_t>(document.lines.size()));
    }
}

std::vector<LineKeyword> find_keywords(const ResumeDocument& document, const KeywordMatcher& matcher) {
    MentionScratch scratch;
    std::size_t blanked = 0;
    for (const ResumeLine& line : document.lines) {
        scratch.lines.push_back(KeywordLine{blanked_line(line.text, scratch, blanked), false});
    }
    std::vector<LineKeyword> keywords;
    matcher.find_distinct_lines(scratch.lines, scratch.keywords, nullptr,
                                [&](std::size_t index, const std::vector<KeywordSpan>& spans) {
                                    for (const KeywordSpan& hit : spans) {
                                        keywords.push_back(LineKeyword{static_cast<std::uint32_t>(index), hit});
                                    }
                                });
    return keywords;
}

std::vector<KeywordHit> find_line_hits(std::string_view line, const KeywordMatcher& matcher) {
    std::vector<KeywordHit> first;
    int column = 1;
    std::size_t at = 0;
    for (const KeywordSpan& hit : matcher.find_distinct(line)) {
        const std::string& skill_id = hit.keyword->skill_id;
        const bool evidence = hit.keyword->link == KeywordLink::evidence;
        for (; at < hit.begin; ++column) {
            at += ingest_detail::decode_at(line, at).length;
        }
        first.push_back(KeywordHit{skill_id, hit.keyword->keyword,
                                   std::string(line.substr(hit.begin, hit.end - hit.begin)), column, hit.begin,
                                   evidence});
    }
    return first;
}

}  // namespace apigap
