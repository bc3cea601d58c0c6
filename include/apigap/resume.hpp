// A resume as an ATS reads it: numbered lines in sections, whatever the
// file format, plus what an ATS would stumble over while reading it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "apigap/knowledge_base.hpp"

namespace apigap {

/// The resume formats apigap reads.
enum class InputFormat { text, markdown, json_resume, rendercv, html, latex, pdf, docx };

/// `text`, `markdown`, `json-resume`, `rendercv`, `html`, `latex`, `pdf` or `docx`; nullopt otherwise.
[[nodiscard]] std::optional<InputFormat> parse_input_format(std::string_view name);
/// The name `parse_input_format` takes.
[[nodiscard]] std::string_view to_string(InputFormat format);

/// Text kept where it is: the views `keep` returns stay valid while the arena
/// lives, wherever it is moved (its blocks are never moved or reallocated).
/// A resume's lines are kept in one, not in a string each: a 10 MiB file of
/// short lines would otherwise spend most of its memory on string headers.
class TextArena {
public:
    TextArena() = default;
    /// Takes `other`'s blocks; `other` is left empty and usable.
    TextArena(TextArena&& other) noexcept;
    TextArena& operator=(TextArena&& other) noexcept;
    TextArena(const TextArena&) = delete;
    TextArena& operator=(const TextArena&) = delete;
    ~TextArena() = default;

    /// A copy of `text` in the arena.
    [[nodiscard]] std::string_view keep(std::string_view text);
    /// Forgets every text kept (their views dangle from now on) but keeps the first block, so that an arena
    /// reused for one resume after another allocates nothing for a resume that fits in it.
    void clear();

private:
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::size_t m_used = 0;            ///< bytes used of the last block
    std::size_t m_capacity = 0;        ///< bytes in the last block
    std::size_t m_first_capacity = 0;  ///< bytes in the first block
};

/// One line of text. `number` is the 1-based line in the source file for
/// text formats, the line of the extracted text for PDF (blank lines counted,
/// pages joined), the paragraph or line break for DOCX; `heading` says the format marked it as a heading (`#`, `<h2>`,
/// `\section`) or it looks like one; `bullet` that it is an item of a list (its bullet or list marker removed);
/// `section` numbers the resume section it belongs to (`ResumeDocument::section_of` names it); `running` that it is
/// a running page header or footer of a PDF of two pages or more (one of the first two or last two lines of a page,
/// repeated in that place on every page, digits aside). `text` is kept by the document the line is in. The flags
/// are bit-fields, so that a line stays 24 bytes.
struct ResumeLine {
    std::string_view text;
    int number = 0;
    std::uint16_t section = 0;
    bool heading : 1 = false;
    bool bullet : 1 = false;
    bool running : 1 = false;
};

/// Something an ATS would fail on, found while reading the file (text in a
/// DOCX header or table, garbled glyphs, …); `line` 0 when it has no line.
struct ExtractionWarning {
    std::string rule;
    int line = 0;
    std::string message;
};

/// A resume read from any format. It owns its lines' text, so it moves but is not copied.
class ResumeDocument {
public:
    std::string source;
    InputFormat format = InputFormat::text;
    std::vector<ResumeLine> lines;
    std::vector<ExtractionWarning> warnings;

    ResumeDocument() = default;
    ResumeDocument(ResumeDocument&&) noexcept = default;
    ResumeDocument& operator=(ResumeDocument&&) noexcept = default;
    ResumeDocument(const ResumeDocument&) = delete;
    ResumeDocument& operator=(const ResumeDocument&) = delete;
    ~ResumeDocument() = default;

    /// Empties the document to read another resume into it: its lines, warnings, source and sections go, the
    /// memory that held them stays (the first block of its text, the capacity of its vectors).
    void clear();
    /// Appends line `number` with a copy of `text`, as is, in `section` (an id such as `experience`, or empty).
    ResumeLine& add_line(int number, std::string_view text, bool heading = false, std::string_view section = {});
    /// Replaces the text of `line`, one of this document's, by a copy of `text`.
    void set_text(ResumeLine& line, std::string_view text);
    /// How many lines the resume has as its lines are numbered (the evidence's `L38`): the highest line number,
    /// 0 when it has none. Blank lines count; lines past the last one with text do not.
    [[nodiscard]] std::size_t numbered_lines() const;
    /// The id of the section `line` is in (`experience`, `skills`, …); empty before the first heading.
    [[nodiscard]] std::string_view section_of(const ResumeLine& line) const;
    /// Puts `line`, one of this document's, in `section`.
    void set_section(ResumeLine& line, std::string_view section);

private:
    std::uint16_t section_number(std::string_view section);

    TextArena m_text;
    std::vector<std::string> m_sections{std::string()};  ///< by number: 0 is no section
};

/// The headings of the resume sections `rules` lists, keyed as `assign_sections` looks them up (a knowledge base
/// lists hundreds, in seven languages): made once for all the resumes a reader reads.
class SectionHeadings {
public:
    explicit SectionHeadings(const ResumeRules& rules);

    /// The id of the section whose heading `key` is, or empty.
    [[nodiscard]] std::string_view find(const std::string& key) const;

    /// The size in bytes of the longest heading key: a longer one is none.
    [[nodiscard]] std::size_t longest() const { return m_longest; }

private:
    std::unordered_map<std::string, std::string> m_sections;  ///< by heading key: the section's id
    std::size_t m_longest = 0;
};

/// Sets each line's `section` from `headings` (case and trailing punctuation
/// ignored): a line that matches a section's heading starts that section, and
/// is marked a heading. Other headings (a job title under Experience) stay in
/// the section they are in.
void assign_sections(ResumeDocument& document, const SectionHeadings& headings);

/// `assign_sections` with the headings of `rules`, made for this one document.
void assign_sections(ResumeDocument& document, const ResumeRules& rules);

}  // namespace apigap
