// Building numbered, cleaned resume lines: what the text-format extractors share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "apigap/resume.hpp"

namespace apigap::ingest_detail {

/// `text` trimmed, each run of whitespace (ASCII spaces and control
/// characters, U+00A0 and the other Unicode spaces) made one space, and
/// zero-width characters removed.
[[nodiscard]] std::string collapse_whitespace(std::string_view text);
/// `collapse_whitespace` of `text` into `out` (replacing what it held), whose memory is reused.
void collapse_whitespace(std::string_view text, std::string& out);

/// Whether `collapse_whitespace` of `text` would keep anything.
[[nodiscard]] bool has_text(std::string_view text);

/// `text` without a leading list bullet (`•`, `·`, `▪`, `‣`, `◦`, `●`, `■`,
/// `►`, `➢`; `-`, `*`, `+`, `–`, `—` or `12.` followed by a space).
[[nodiscard]] std::string_view strip_bullet(std::string_view text);

/// Appends `text`, collapsed, as line `number` of `document` and returns it; drops it (nullptr) when empty.
ResumeLine* add_line(ResumeDocument& document, int number, std::string_view text, bool heading = false,
                     std::string_view section = {});

/// Appends `text` without its bullet (`strip_bullet`), marked a list item when it had one or `item` says it is.
void add_item(ResumeDocument& document, int number, std::string_view text, bool item = false);

/// `add_item` of `clean`, text `collapse_whitespace` returned (so not collapsed again: in valid UTF-8 collapsing
/// twice changes nothing), and dropped when empty.
void add_collapsed_item(ResumeDocument& document, int number, std::string_view clean, bool item = false);

/// A new, empty document read from `source` in `format`: `recycled`, emptied, so that its memory serves again.
[[nodiscard]] ResumeDocument new_document(std::string_view source, InputFormat format, ResumeDocument recycled = {});

/// Throws `NoText` ("no text found") naming the document's source when it has no line.
void require_text(const ResumeDocument& document);

/// A decoded HTML character reference: its character as UTF-8, and its length in the source.
struct Entity {
    std::string text;
    std::size_t length = 0;
};

/// The reference at the start of `text` (`&amp;`, `&#233;`, `&#x2013;`), or
/// nullopt when `text` does not start with one apigap knows.
[[nodiscard]] std::optional<Entity> decode_entity(std::string_view text);

/// Calls `visit(number, line)` for each line of `text`, numbered from 1,
/// without its line break (`\n`, or `\r\n`).
template <typename Visit>
void for_each_line(std::string_view text, Visit&& visit) {
    int number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        visit(++number, line);
        start = end + 1;
    }
}

/// Collects text that arrives in pieces (from a tag stripper or a macro
/// reader) into lines, each numbered by the source line of its first
/// character that is not a space.
class LineBuilder {
public:
    explicit LineBuilder(ResumeDocument& document) : m_document(document) {}

    /// Appends `text`, found on source line `line`.
    void append(std::string_view text, int line);
    /// A word break.
    void space() { m_text += ' '; }
    /// Puts " | " between what the line holds and the next text appended, if both have text.
    void separate();
    /// Ends the current line; an empty line is dropped.
    void flush();
    /// Marks the lines ended from now on as headings, or not.
    void set_heading(bool heading) { m_heading = heading; }
    /// Strips a list bullet from the start of the current line when it ends.
    void strip_bullet_at_flush() { m_bullet = true; }

private:
    ResumeDocument& m_document;
    std::string m_text;
    std::string m_clean;  ///< `m_text` collapsed, at `flush`
    int m_line = 0;
    bool m_heading = false;
    bool m_bullet = false;
    bool m_separator = false;
};

}  // namespace apigap::ingest_detail
