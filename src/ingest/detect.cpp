// Telling resume formats apart: by content first, then by the file's extension.
#include <algorithm>
#include <array>
#include <string>

#include <nlohmann/json.hpp>

#include "apigap/resume_input.hpp"
#include "ingest/text_lines.hpp"

namespace apigap {

namespace {

/// Each format with its name on the command line.
struct FormatName {
    InputFormat format;
    std::string_view name;
};

constexpr auto k_format_names = std::to_array<FormatName>({
    {InputFormat::text, "text"},
    {InputFormat::markdown, "markdown"},
    {InputFormat::json_resume, "json-resume"},
    {InputFormat::rendercv, "rendercv"},
    {InputFormat::html, "html"},
    {InputFormat::latex, "latex"},
    {InputFormat::pdf, "pdf"},
    {InputFormat::docx, "docx"},
});

/// File extensions, lowercase, with the format they usually hold.
struct Extension {
    std::string_view extension;
    InputFormat format;
};

constexpr auto k_extensions = std::to_array<Extension>({
    {".md", InputFormat::markdown},
    {".markdown", InputFormat::markdown},
    {".json", InputFormat::json_resume},
    {".yaml", InputFormat::rendercv},
    {".yml", InputFormat::rendercv},
    {".html", InputFormat::html},
    {".htm", InputFormat::html},
    {".xhtml", InputFormat::html},
    {".tex", InputFormat::latex},
    {".pdf", InputFormat::pdf},
    {".docx", InputFormat::docx},
    {".txt", InputFormat::text},
});

/// The top-level keys that make a JSON object a JSON Resume (or JSON Resume's job schema).
constexpr auto k_resume_keys = std::to_array<std::string_view>(
    {"basics", "work", "skills", "education", "projects", "qualifications", "responsibilities"});

/// Block elements whose tags, starting lines, make a file HTML.
constexpr auto k_block_tags = std::to_array<std::string_view>({
    "<p>", "<p ", "<div",   "<li", "<ul",      "<ol",     "<h1",      "<h2",   "<h3",   "<h4",
    "<h5", "<h6", "<table", "<tr", "<section", "<header", "<article", "<body", "<main",
});

/// How many block tags must start lines for a file without `<html>` to count as HTML.
constexpr int k_min_block_tags = 3;

/// How many `- ` lines, with a `[text](url)` link, make a file Markdown.
constexpr int k_min_bullets = 3;

std::string lowercase(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return lower;
}

/// Whether `text` starts with `prefix`, compared byte by byte in place: `string_view::starts_with` is a call to
/// `compare`, and to memcmp, for every line.
bool opens_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) { return a == b; });
}

/// Whether `text` starts with `prefix` (lowercase) in any ASCII case.
bool starts_with_any_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
           });
}

/// Stops at the first top-level key of a JSON object that JSON Resume defines.
class ResumeKeyFinder : public nlohmann::json::json_sax_t {
public:
    bool null() override { return true; }
    bool boolean(bool /*val*/) override { return true; }
    bool number_integer(number_integer_t /*val*/) override { return true; }
    bool number_unsigned(number_unsigned_t /*val*/) override { return true; }
    bool number_float(number_float_t /*val*/, const string_t& /*s*/) override { return true; }
    bool string(string_t& /*val*/) override { return true; }
    bool binary(binary_t& /*val*/) override { return true; }
    bool start_object(std::size_t /*elements*/) override { return ++m_depth <= k_max_depth; }
    bool key(string_t& val) override {
        m_found = m_depth == 1 && std::find(k_resume_keys.begin(), k_resume_keys.end(), val) != k_resume_keys.end();
        return !m_found;  // found: no need to read on
    }
    bool end_object() override { return --m_depth >= 0; }
    bool start_array(std::size_t /*elements*/) override { return m_depth > 0 && ++m_depth <= k_max_depth; }
    bool end_array() override { return --m_depth >= 0; }
    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                     const nlohmann::json::exception& /*ex*/) override {
        return false;
    }

    [[nodiscard]] bool found() const { return m_found; }

private:
    static constexpr int k_max_depth = 64;
    int m_depth = 0;
    bool m_found = false;
};

/// True when `text` is a JSON object with a JSON Resume key at its top level,
/// read up to that key (a syntax error after it is the extractor's to report).
bool has_resume_keys(std::string_view text) {
    ResumeKeyFinder finder;
    try {
        static_cast<void>(nlohmann::json::sax_parse(text.begin(), text.end(), &finder));
    } catch (const nlohmann::json::exception&) {
        return finder.found();
    }
    return finder.found();
}

bool is_markdown_heading(std::string_view line) {
    const std::size_t hashes = line.find_first_not_of('#');
    return hashes >= 1 && hashes <= 6 && hashes != std::string_view::npos && line[hashes] == ' ' &&
           line.find_first_not_of(" \t", hashes) != std::string_view::npos;
}

/// Reads RenderCV's marks line by line: a line `cv:` at the top level (a comment may follow it), then an indented
/// `name:` or `sections:`.
class RenderCvProbe {
public:
    void read(std::string_view line) {
        if (m_field) {
            return;  // found: the lines after it say no more
        }
        if (!m_cv) {
            if (!opens_with(line, "cv:")) {
                return;  // most lines: no need to look further
            }
            const std::size_t end = line.find_first_of(" \t#");
            m_cv = line.substr(0, end) == "cv:" &&
                   (end == std::string_view::npos || line.find_first_not_of(" \t", end) == std::string_view::npos ||
                    line[line.find_first_not_of(" \t", end)] == '#');
            return;
        }
        const std::size_t start = line.find_first_not_of(" \t");
        m_field = m_field || (start != std::string_view::npos && start > 0 &&
                              (opens_with(line.substr(start), "name:") || opens_with(line.substr(start), "sections:")));
    }

    [[nodiscard]] bool found() const { return m_cv && m_field; }

private:
    bool m_cv = false;
    bool m_field = false;
};

/// What detection reads in the lines of a file, all in one pass.
struct LineFacts {
    RenderCvProbe rendercv;
    int block_tags = 0;             ///< lines that a block tag starts (leading spaces aside), up to `k_min_block_tags`
    bool markdown_heading = false;  ///< a line is a Markdown heading (leading spaces aside)
    int bullets = 0;                ///< lines that `- ` or `* ` starts (leading spaces aside), up to `k_min_bullets`
};

LineFacts line_facts(std::string_view text) {
    LineFacts facts;
    ingest_detail::for_each_line(text, [&](int /*number*/, std::string_view line) {
        facts.rendercv.read(line);
        std::string_view trimmed = line;
        while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) {
            trimmed.remove_prefix(1);
        }
        // Only whether the counts reach their minimums matters: once they do, lines are not compared again.
        if (facts.block_tags < k_min_block_tags && !trimmed.empty() && trimmed.front() == '<') {
            facts.block_tags += std::any_of(k_block_tags.begin(), k_block_tags.end(),
                                            [&](std::string_view tag) { return starts_with_any_case(trimmed, tag); })
                                    ? 1
                                    : 0;
        }
        facts.markdown_heading = facts.markdown_heading || is_markdown_heading(trimmed);
        facts.bullets +=
            facts.bullets < k_min_bullets && (opens_with(trimmed, "- ") || opens_with(trimmed, "* ")) ? 1 : 0;
    });
    return facts;
}

bool looks_like_html(std::string_view text, const LineFacts& facts) {
    if (starts_with_any_case(text, "<!doctype html") || starts_with_any_case(text, "<html")) {
        return true;
    }
    return facts.block_tags >= k_min_block_tags && !facts.markdown_heading;
}

bool looks_like_latex(std::string_view text) {
    return text.find("\\documentclass") != std::string_view::npos ||
           text.find("\\begin{document}") != std::string_view::npos ||
           text.find("\\section{") != std::string_view::npos || text.find("\\section*{") != std::string_view::npos;
}

bool looks_like_markdown(std::string_view text, const LineFacts& facts) {
    const std::size_t link = text.find("](");
    return facts.markdown_heading || (facts.bullets >= k_min_bullets && link != std::string_view::npos &&
                                      text.rfind('[', link) != std::string_view::npos);
}

/// The format the extension of `path` names, if any.
std::optional<InputFormat> format_of_extension(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) {
        return std::nullopt;
    }
    const std::string extension = lowercase(name.substr(dot));
    for (const Extension& known : k_extensions) {
        if (known.extension == extension) {
            return known.format;
        }
    }
    return std::nullopt;
}

}  // namespace

bool looks_like_rendercv(std::string_view text) {
    RenderCvProbe probe;
    ingest_detail::for_each_line(text, [&](int /*number*/, std::string_view line) { probe.read(line); });
    return probe.found();
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
    for (const FormatName& known : k_format_names) {
        if (known.name == name) {
            return known.format;
        }
    }
    return std::nullopt;
}

std::string_view to_string(InputFormat format) {
    for (const FormatName& known : k_format_names) {
        if (known.format == format) {
            return known.name;
        }
    }
    return "text";
}

InputFormat detect_format(std::string_view bytes, std::string_view path) {
    if (opens_with(bytes, "%PDF-")) {
        return InputFormat::pdf;
    }
    // A zip, or an OLE compound file (a .doc, or an encrypted .docx): the DOCX extractor judges.
    if (opens_with(bytes, "PK\x03\x04") || opens_with(bytes, "\xD0\xCF\x11\xE0")) {
        return InputFormat::docx;
    }
    std::string_view text = bytes;
    if (opens_with(text, "\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '{' && has_resume_keys(text)) {
        return InputFormat::json_resume;
    }
    const std::optional<InputFormat> by_extension = format_of_extension(path);
    if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[') &&
        by_extension == InputFormat::json_resume) {
        return InputFormat::json_resume;  // JSON, but not JSON Resume or not valid: the extractor says which
    }
    const LineFacts facts = line_facts(text);
    if (facts.rendercv.found()) {
        return InputFormat::rendercv;
    }
    if (looks_like_html(text, facts)) {
        return InputFormat::html;
    }
    if (looks_like_latex(text)) {
        return InputFormat::latex;
    }
    if (looks_like_markdown(text, facts)) {
        return InputFormat::markdown;
    }
    return by_extension.value_or(InputFormat::text);
}

}  // namespace apigap
