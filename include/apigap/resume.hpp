// A resume as an ATS reads it: numbered lines in sections, whatever the
// file format, plus what an ATS would stumble over while reading it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/knowledge_base.hpp"

namespace apigap {

/// The resume formats apigap reads.
enum class InputFormat { text, markdown, json_resume, html, latex, pdf, docx };

/// `text`, `markdown`, `json-resume`, `html`, `latex`, `pdf` or `docx`; nullopt otherwise.
[[nodiscard]] std::optional<InputFormat> parse_input_format(std::string_view name);
/// The name `parse_input_format` takes.
[[nodiscard]] std::string_view to_string(InputFormat format);

/// One line of text. `number` is the 1-based line in the source file for
/// text formats, the line of the extracted text for PDF (blank lines counted,
/// pages joined), the paragraph or line break for DOCX; `heading` says the format marked it as a heading (`#`, `<h2>`,
/// `\section`) or it looks like one; `section` is the id of the resume section
/// it belongs to (`experience`, `skills`, …; empty before the first heading).
struct ResumeLine {
    int number = 0;
    std::string text;
    bool heading = false;
    std::string section;
};

/// Something an ATS would fail on, found while reading the file (text in a
/// DOCX header or table, garbled glyphs, …); `line` 0 when it has no line.
struct ExtractionWarning {
    std::string rule;
    int line = 0;
    std::string message;
};

/// A resume read from any format.
struct ResumeDocument {
    std::string source;
    InputFormat format = InputFormat::text;
    std::vector<ResumeLine> lines;
    std::vector<ExtractionWarning> warnings;
};

/// Sets each line's `section` from the headings `rules` knows (case and
/// trailing punctuation ignored): a line that matches a section's heading
/// starts that section, and is marked a heading. Other headings (a job title
/// under Experience) stay in the section they are in.
void assign_sections(ResumeDocument& document, const ResumeRules& rules);

}  // namespace apigap
