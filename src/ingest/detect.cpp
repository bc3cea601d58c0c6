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

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
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

/// The lines of `text` with their leading spaces removed.
template <typename Visit>
void for_each_trimmed_line(std::string_view text, Visit&& visit) {
    ingest_detail::for_each_line(text, [&](int /*number*/, std::string_view line) {
        const std::size_t start = line.find_first_not_of(" \t");
        visit(start == std::string_view::npos ? std::string_view() : line.substr(start));
    });
}

bool is_markdown_heading(std::string_view line) {
    const std::size_t hashes = line.find_first_not_of('#');
    return hashes >= 1 && hashes <= 6 && hashes != std::string_view::npos && line[hashes] == ' ' &&
           line.find_first_not_of(" \t", hashes) != std::string_view::npos;
}

bool looks_like_html(std::string_view text) {
    const std::string start = lowercase(text.substr(0, 64));
    if (starts_with(start, "<!doctype html") || starts_with(start, "<html")) {
        return true;
    }
    int tags = 0;
    bool markdown = false;
    for_each_trimmed_line(text, [&](std::string_view line) {
        if (!line.empty() && line.front() == '<') {  // every tag starts so: most lines are read no further
            const std::string head = lowercase(line.substr(0, 9));
            tags += std::any_of(k_block_tags.begin(), k_block_tags.end(),
                                [&](std::string_view tag) { return starts_with(head, tag); })
                        ? 1
                        : 0;
        }
        markdown = markdown || is_markdown_heading(line);
    });
    return tags >= k_min_block_tags && !markdown;
}

bool looks_like_latex(std::string_view text) {
    return text.find("\\documentclass") != std::string_view::npos ||
           text.find("\\begin{document}") != std::string_view::npos ||
           text.find("\\section{") != std::string_view::npos || text.find("\\section*{") != std::string_view::npos;
}

bool looks_like_markdown(std::string_view text) {
    bool heading = false;
    int bullets = 0;
    for_each_trimmed_line(text, [&](std::string_view line) {
        heading = heading || is_markdown_heading(line);
        bullets += starts_with(line, "- ") || starts_with(line, "* ") ? 1 : 0;
    });
    const std::size_t link = text.find("](");
    return heading || (bullets >= k_min_bullets && link != std::string_view::npos &&
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
    bool cv = false;
    bool field = false;
    ingest_detail::for_each_line(text, [&](int /*number*/, std::string_view line) {
        if (!cv) {
            const std::size_t end = line.find_first_of(" \t#");
            cv = line.substr(0, end) == "cv:" &&
                 (end == std::string_view::npos || line.find_first_not_of(" \t", end) == std::string_view::npos ||
                  line[line.find_first_not_of(" \t", end)] == '#');
            return;
        }
        const std::size_t start = line.find_first_not_of(" \t");
        field = field || (start != std::string_view::npos && start > 0 &&
                          (starts_with(line.substr(start), "name:") || starts_with(line.substr(start), "sections:")));
    });
    return cv && field;
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
    if (starts_with(bytes, "%PDF-")) {
        return InputFormat::pdf;
    }
    // A zip, or an OLE compound file (a .doc, or an encrypted .docx): the DOCX extractor judges.
    if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "\xD0\xCF\x11\xE0")) {
        return InputFormat::docx;
    }
    std::string_view text = bytes;
    if (starts_with(text, "\xEF\xBB\xBF")) {
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
    if (looks_like_rendercv(text)) {
        return InputFormat::rendercv;
    }
    if (looks_like_html(text)) {
        return InputFormat::html;
    }
    if (looks_like_latex(text)) {
        return InputFormat::latex;
    }
    if (looks_like_markdown(text)) {
        return InputFormat::markdown;
    }
    return by_extension.value_or(InputFormat::text);
}

}  // namespace apigap
