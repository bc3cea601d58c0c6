// Loading a resume file: refusing what no ATS could read, repairing text
// encodings, and handing the bytes to the extractor of their format.
#include "apigap/resume_input.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "core/utf8.hpp"
#include "ingest/extractors.hpp"
#include "ingest/text_lines.hpp"

namespace apigap {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

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
    const auto count = [&](std::size_t from, std::size_t to) {
        for (std::size_t at = from; at < to; ++at) {
            const char c = bytes[at];
            if (c == '\0') {
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                ++controls;
            }
        }
        return false;
    };
    std::size_t at = 0;
    for (; at + sizeof(std::uint64_t) <= bytes.size(); at += sizeof(std::uint64_t)) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + at, sizeof word);
        // Whether a byte is below 0x20 (Hacker's Delight's "has less than"): a word with none, most of them, is
        // passed whole.
        if (((word - 0x2020202020202020U) & ~word & 0x8080808080808080U) != 0 && count(at, at + sizeof word)) {
            return true;
        }
    }
    return count(at, bytes.size()) || controls * k_control_ratio > bytes.size();
}

/// The warning for invalid UTF-8 replaced, at `line` (0: no line).
ExtractionWarning invalid_utf8_warning(int line) {
    return ExtractionWarning{"invalid-utf8", line, "invalid UTF-8 replaced with U+FFFD"};
}

/// `text` with each invalid UTF-8 sequence replaced by U+FFFD, the first at `bad`, and a warning at its line.
std::string repair_utf8(std::string_view text, std::size_t bad, std::vector<ExtractionWarning>& warnings) {
    warnings.push_back(invalid_utf8_warning(detail::location_of(text, bad, {}).line));
    return detail::replace_invalid_utf8(text, bad);
}

/// Replaces the invalid UTF-8 that a PDF or DOCX extractor passed on (a DOCX's own bytes, an XML reference to a
/// surrogate) with U+FFFD, with the warning a text format gets, first, at the first line that had any (0 when only
/// a warning's quote had). The text formats are repaired before they are read.
void repair_extracted_utf8(ResumeDocument& document) {
    std::optional<int> first_line;
    for (ResumeLine& line : document.lines) {
        if (const std::optional<std::size_t> bad = detail::find_invalid_utf8(line.text)) {
            document.set_text(line, detail::replace_invalid_utf8(line.text, *bad));
            first_line = first_line.value_or(line.number);
        }
    }
    bool in_warnings = false;
    for (ExtractionWarning& warning : document.warnings) {
        if (const std::optional<std::size_t> bad = detail::find_invalid_utf8(warning.message)) {
            warning.message = detail::replace_invalid_utf8(warning.message, *bad);
            in_warnings = true;
        }
    }
    if (first_line || in_warnings) {
        document.warnings.insert(document.warnings.begin(), invalid_utf8_warning(first_line.value_or(0)));
    }
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
    return role == DocumentRole::job_posting ? "there is no job posting to match against"
                                             : ingest_detail::k_empty_resume;
}

/// A zip archive's end record: 22 bytes, then a comment of at most 65,535.
constexpr std::string_view k_zip_end_signature = "PK\x05\x06";
constexpr std::size_t k_zip_end_size = 22;
constexpr std::size_t k_zip_end_window = k_zip_end_size + 65'535;

/// The little-endian 32-bit number at byte `at` of `bytes`.
std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 4; i-- > 0;) {
        value = (value << 8U) | static_cast<unsigned char>(bytes[at + i]);
    }
    return value;
}

/// Whether `bytes` end in a zip archive whose directory a zip reader finds where its end record says, as in a
/// self-extracting archive: other bytes before it, so that detection, which reads the first bytes, missed it.
bool ends_in_zip(std::string_view bytes) {
    const std::size_t tail = bytes.size() > k_zip_end_window ? bytes.size() - k_zip_end_window : 0;
    const std::size_t end = bytes.rfind(k_zip_end_signature);
    if (end == std::string_view::npos || end < tail || end + k_zip_end_size > bytes.size()) {
        return false;
    }
    const std::uint64_t directory_size = read_u32(bytes, end + 12);
    const std::uint64_t directory = read_u32(bytes, end + 16);
    return directory + directory_size == end && bytes.substr(directory, 4) == "PK\x01\x02";
}

/// The hint for a binary file that detection did not take for a PDF or DOCX but that one of them could still read
/// when forced, or empty: a PDF header after other bytes (poppler finds a PDF's objects after any number of them),
/// or a zip archive after other bytes.
std::string forcing_hint(std::string_view bytes) {
    if (bytes.find("%PDF-") != std::string_view::npos) {
        return " (a PDF header follows other bytes: try --input-format pdf)";
    }
    if (ends_in_zip(bytes)) {
        return " (a zip archive follows other bytes: try --input-format docx)";
    }
    return {};
}

/// The error for a binary file that is not a PDF or DOCX: `forced` is the format it was told to be read as. Only a
/// command with `--input-format` (`DocumentRole::resume`) is told to use it, and only when it could help: forcing a
/// text format never reads a binary file.
Error binary_error(std::string_view bytes, const Location& location, std::optional<InputFormat> forced,
                   DocumentRole role) {
    if (role == DocumentRole::job_posting) {
        return Error(location, "binary file, not a job posting");
    }
    if (forced) {
        return Error(location, fmt::format("binary file: cannot be read as {}", to_string(*forced)));
    }
    const std::string hint = role == DocumentRole::resume ? forcing_hint(bytes) : std::string();
    return Error(location, "binary file, not a resume" + hint);
}

ResumeDocument extract(InputFormat format, std::string_view text, std::string_view source, ResumeDocument recycled) {
    switch (format) {
    case InputFormat::text:
        return ingest_detail::extract_text(text, source, std::move(recycled));
    case InputFormat::markdown:
        return ingest_detail::extract_markdown(text, source, std::move(recycled));
    case InputFormat::json_resume:
        return ingest_detail::extract_json_resume(text, source, std::move(recycled));
    case InputFormat::rendercv:
        return ingest_detail::extract_rendercv(text, source, std::move(recycled));
    case InputFormat::html:
        return ingest_detail::extract_html(text, source, std::move(recycled));
    case InputFormat::latex:
        return ingest_detail::extract_latex(text, source, std::move(recycled));
    case InputFormat::pdf:
    case InputFormat::docx:
        break;
    }
    return ingest_detail::extract_text(text, source, std::move(recycled));
}

}  // namespace

namespace {

/// The document `bytes` hold, read into `recycled` when a text format.
ResumeDocument read_document(std::string_view bytes, std::string_view source, std::optional<InputFormat> forced,
                             std::size_t max_bytes, DocumentRole role, ResumeDocument recycled) {
    if (is_blank(bytes)) {
        throw Error(Location{std::string(source)}, fmt::format("empty file: {}", empty_outcome(role)));
    }
    InputFormat format = forced.value_or(detect_format(bytes, source));
    const auto with_text = [&](ResumeDocument document) {
        if (document.lines.empty()) {
            throw ingest_detail::NoText(source, "no text found");
        }
        return document;
    };
    if (format == InputFormat::pdf || format == InputFormat::docx) {
        ingest_detail::ExtractLimits limits;
        limits.max_bytes = std::max(limits.max_bytes, max_bytes);
        ResumeDocument document = format == InputFormat::pdf ? ingest_detail::extract_pdf(bytes, source, limits)
                                                             : ingest_detail::extract_docx(bytes, source, limits);
        repair_extracted_utf8(document);
        return with_text(std::move(document));
    }
    if (is_binary(bytes)) {
        throw binary_error(bytes, Location{std::string(source)}, forced, role);
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
        repaired = unix_line_breaks(bad ? repair_utf8(text, *bad, warnings) : std::string(text));
        text = repaired;
        if (!forced && text != without_bom) {
            format = detect_format(text, source);  // detected again only when repairs changed the text
        }
    }
    ResumeDocument document = extract(format, text, source, std::move(recycled));
    document.warnings.insert(document.warnings.begin(), warnings.begin(), warnings.end());
    return with_text(std::move(document));
}

}  // namespace

void parse_resume(std::string_view bytes, std::string_view source, std::optional<InputFormat> forced,
                  const SectionHeadings& headings, ResumeDocument& document, std::size_t max_bytes, DocumentRole role) {
    try {
        document = read_document(bytes, source, forced, max_bytes, role, std::move(document));
    } catch (const ingest_detail::NoText& error) {
        if (role != DocumentRole::job_posting) {
            throw;
        }
        throw Error(error.diagnostic().location,
                    fmt::format("{}: {}{}", error.lead(), empty_outcome(role), error.detail()));
    }
    assign_sections(document, headings);
}

ResumeDocument parse_resume(std::string_view bytes, std::string_view source, std::optional<InputFormat> forced,
                            const ResumeRules& rules, std::size_t max_bytes, DocumentRole role) {
    ResumeDocument document;
    parse_resume(bytes, source, forced, SectionHeadings(rules), document, max_bytes, role);
    return document;
}

void load_resume(std::string_view path, std::optional<InputFormat> forced, const SectionHeadings& headings,
                 std::string& buffer, ResumeDocument& document, std::size_t max_bytes, DocumentRole role) {
    read_input(path, buffer, max_bytes);
    parse_resume(buffer, input_name(path), forced, headings, document, max_bytes, role);
}

ResumeDocument load_resume(std::string_view path, std::optional<InputFormat> forced, const ResumeRules& rules,
                           std::size_t max_bytes, DocumentRole role) {
    std::string buffer;
    ResumeDocument document;
    load_resume(path, forced, SectionHeadings(rules), buffer, document, max_bytes, role);
    return document;
}

}  // namespace apigap
