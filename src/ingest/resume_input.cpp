// Loading a resume file: refusing what no ATS could read, repairing text
// encodings, and handing the bytes to the extractor of their format.
#include "apigap/resume_input.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "core/utf8.hpp"
#include "ingest/extractors.hpp"
#include "ingest/text_lines.hpp"

namespace apigap {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_replacement = "\uFFFD";

/// More than one byte in this many being a control character makes a file binary.
constexpr std::size_t k_control_ratio = 10;

bool is_blank(std::string_view text) {
    if (text.substr(0, k_bom.size()) == k_bom) {
        text.remove_prefix(k_bom.size());
    }
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

/// True for a NUL byte, or more than one C0 control character (other than
/// tab, line breaks and form feed) in every `k_control_ratio` bytes. DEL
/// (0x7F) is text: valid in UTF-8, JSON and YAML alike.
bool is_binary(std::string_view bytes) {
    std::size_t controls = 0;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0) {
            return true;
        }
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
            ++controls;
        }
    }
    return controls * k_control_ratio > bytes.size();
}

/// `text` with each invalid UTF-8 sequence replaced by U+FFFD, the first at `bad`, and a warning at its line.
std::string repair_utf8(std::string_view text, std::optional<std::size_t> bad,
                        std::vector<ExtractionWarning>& warnings) {
    warnings.push_back(ExtractionWarning{"invalid-utf8", detail::location_of(text, *bad, {}).line,
                                         "invalid UTF-8 replaced with U+FFFD"});
    std::string repaired;
    repaired.reserve(text.size() + 16);
    std::size_t done = 0;
    while (bad) {
        const std::size_t at = done + *bad;
        repaired.append(text.substr(done, at - done));
        repaired.append(k_replacement);
        done = at + detail::utf8_invalid_length(text, at);
        bad = detail::find_invalid_utf8(text.substr(done));
    }
    repaired.append(text.substr(done));
    return repaired;
}

/// `text` with `\r\n` and lone `\r` line breaks made `\n`.
std::string unix_line_breaks(std::string text) {
    std::size_t out = 0;
    for (std::size_t in = 0; in < text.size(); ++in) {
        if (text[in] == '\r') {
            text[out++] = '\n';
            if (in + 1 < text.size() && text[in + 1] == '\n') {
                ++in;
            }
        } else {
            text[out++] = text[in];
        }
    }
    text.resize(out);
    return text;
}

/// What a file without text means for a document of `role`.
std::string_view empty_outcome(DocumentRole role) {
    return role == DocumentRole::resume ? ingest_detail::k_empty_resume : "there is no job posting to match against";
}

/// The error for a binary file that is not a PDF or DOCX: `forced` is the format it was told to be read as.
Error binary_error(const Location& location, std::optional<InputFormat> forced, DocumentRole role) {
    if (role == DocumentRole::job_posting) {
        return Error(location, "binary file, not a job posting");
    }
    if (forced) {
        return Error(location, fmt::format("binary file: cannot be read as {}", to_string(*forced)));
    }
    return Error(location, "binary file, not a resume (use --input-format to force one)");
}

ResumeDocument extract(InputFormat format, std::string_view text, std::string_view source) {
    switch (format) {
    case InputFormat::text:
        return ingest_detail::extract_text(text, source);
    case InputFormat::markdown:
        return ingest_detail::extract_markdown(text, source);
    case InputFormat::json_resume:
        return ingest_detail::extract_json_resume(text, source);
    case InputFormat::rendercv:
        return ingest_detail::extract_rendercv(text, source);
    case InputFormat::html:
        return ingest_detail::extract_html(text, source);
    case InputFormat::latex:
        return ingest_detail::extract_latex(text, source);
    case InputFormat::pdf:
    case InputFormat::docx:
        break;
    }
    return ingest_detail::extract_text(text, source);
}

}  // namespace

namespace {

ResumeDocument read_document(std::string_view bytes, std::string_view source, std::optional<InputFormat> forced,
                             std::size_t max_bytes, DocumentRole role) {
    const Location location{std::string(source)};
    if (is_blank(bytes)) {
        throw Error(location, fmt::format("empty file: {}", empty_outcome(role)));
    }
    InputFormat format = forced.value_or(detect_format(bytes, source));
    ResumeDocument document;
    if (format == InputFormat::pdf || format == InputFormat::docx) {
        ingest_detail::ExtractLimits limits;
        limits.max_bytes = std::max(limits.max_bytes, max_bytes);
        document = format == InputFormat::pdf ? ingest_detail::extract_pdf(bytes, source, limits)
                                              : ingest_detail::extract_docx(bytes, source, limits);
    } else {
        if (is_binary(bytes)) {
            throw binary_error(location, forced, role);
        }
        std::vector<ExtractionWarning> warnings;
        std::string_view without_bom = bytes;
        if (without_bom.substr(0, k_bom.size()) == k_bom) {
            without_bom.remove_prefix(k_bom.size());
        }
        // The text as it is, or a repaired copy: a 10 MiB file is not copied to be found valid.
        std::string repaired;
        std::string_view text = without_bom;
        const std::optional<std::size_t> bad = detail::find_invalid_utf8(text);
        if (bad || text.find('\r') != std::string_view::npos) {
            repaired = unix_line_breaks(bad ? repair_utf8(text, bad, warnings) : std::string(text));
            text = repaired;
            if (!forced && text != without_bom) {
                format = detect_format(text, source);  // detected again only when repairs changed the text
            }
        }
        document = extract(format, text, source);
        document.warnings.insert(document.warnings.begin(), warnings.begin(), warnings.end());
    }
    if (document.lines.empty()) {
        throw ingest_detail::NoText(source, "no text found");
    }
    return document;
}

}  // namespace

ResumeDocument parse_resume(std::string_view bytes, std::string_view source, std::optional<InputFormat> forced,
                            const ResumeRules& rules, std::size_t max_bytes, DocumentRole role) {
    ResumeDocument document;
    try {
        document = read_document(bytes, source, forced, max_bytes, role);
    } catch (const ingest_detail::NoText& error) {
        if (role == DocumentRole::resume) {
            throw;
        }
        throw Error(error.diagnostic().location,
                    fmt::format("{}: {}{}", error.lead(), empty_outcome(role), error.detail()));
    }
    assign_sections(document, rules);
    return document;
}

ResumeDocument load_resume(std::string_view path, std::optional<InputFormat> forced, const ResumeRules& rules,
                           std::size_t max_bytes, DocumentRole role) {
    return parse_resume(read_input(path, max_bytes), input_name(path), forced, rules, max_bytes, role);
}

}  // namespace apigap
