// DOCX resumes: the paragraphs of word/document.xml as lines, and warnings for
// the text an ATS skips (page headers and footers, tables, text boxes).
#include "ingest/extractors.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "apigap/error.hpp"
#include "ingest/zip_library.hpp"

namespace apigap::ingest_detail {

namespace {

constexpr std::string_view k_document_part = "word/document.xml";
constexpr std::string_view k_styles_part = "word/styles.xml";
/// The signature of an OLE compound file: a .doc, or a .docx saved with a password.
constexpr std::string_view k_ole_signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// How many words of header and footer text the warning quotes.
constexpr std::size_t k_quoted_words = 10;

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n\f\v") - first + 1);
}

// --- the zip archive ---------------------------------------------------------

/// A zip archive read from memory. Its central directory is the attacker's:
/// entry sizes are not trusted, and every part read draws on one budget of
/// `max_bytes` of decompressed output.
class Archive {
public:
    Archive(std::string_view bytes, std::string_view source, const ExtractLimits& limits)
        : m_zip(zip_library(source)), m_source(source), m_budget(limits.max_bytes), m_max_bytes(limits.max_bytes) {
        zip_error_t error;
        m_zip.error_init(&error);
        zip_source_t* const zip_source = m_zip.source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (zip_source != nullptr) {
            m_archive = m_zip.open_from_source(zip_source, ZIP_RDONLY, &error);
            if (m_archive == nullptr) {
                m_zip.source_free(zip_source);
            }
        }
        const bool not_zip = m_zip.error_code_zip(&error) == ZIP_ER_NOZIP && bytes.substr(0, 2) != "PK";
        m_zip.error_fini(&error);
        if (m_archive == nullptr) {
            fail(not_zip ? "not a DOCX: not a zip archive" : "not a DOCX: damaged zip archive");
        }
        const zip_int64_t entries = m_zip.get_num_entries(m_archive, 0);
        if (entries < 0 || static_cast<zip_uint64_t>(entries) > limits.max_zip_entries) {
            m_zip.discard(m_archive);
            fail("not a DOCX: too many zip entries");
        }
        m_entries = static_cast<zip_uint64_t>(entries);
    }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;
    ~Archive() { m_zip.discard(m_archive); }

    /// The entry named `name`, if there is one.
    [[nodiscard]] std::optional<zip_uint64_t> find(std::string_view name) const {
        const zip_int64_t index = m_zip.name_locate(m_archive, std::string(name).c_str(), 0);
        return index < 0 ? std::nullopt : std::optional<zip_uint64_t>(static_cast<zip_uint64_t>(index));
    }

    /// The names of all entries, in the archive's order.
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> result;
        for (zip_uint64_t index = 0; index < m_entries; ++index) {
            const char* const name = m_zip.get_name(m_archive, index, 0);
            result.emplace_back(name != nullptr ? name : "");
        }
        return result;
    }

    /// The decompressed bytes of entry `index` (named `name` in messages).
    std::string read(zip_uint64_t index, std::string_view name) {
        const std::unique_ptr<zip_file_t, decltype(m_zip.fclose)> file(m_zip.fopen_index(m_archive, index, 0),
                                                                       m_zip.fclose);
        if (!file) {
            fail("not a DOCX: damaged zip archive");
        }
        std::string content;
        char buffer[65536];
        for (;;) {
            // One byte more than the budget, to tell "exactly the budget" from "past it".
            const std::size_t want = std::min(sizeof buffer, m_budget - content.size() + 1);
            const zip_int64_t got = m_zip.fread(file.get(), buffer, want);
            if (got < 0) {
                fail("not a DOCX: damaged zip archive");  // a bad CRC, or a broken deflate stream
            }
            if (got == 0) {
                break;
            }
            if (content.size() + static_cast<std::size_t>(got) > m_budget) {
                fail(fmt::format("{} expands past {}: refusing a possible zip bomb", name, size_text(m_max_bytes)));
            }
            content.append(buffer, static_cast<std::size_t>(got));
        }
        m_budget -= content.size();
        return content;
    }

    [[noreturn]] void fail(std::string message) const { throw Error(Location{m_source}, std::move(message)); }

private:
    const ZipLibrary& m_zip;
    std::string m_source;
    std::size_t m_budget = 0;
    std::size_t m_max_bytes = 0;
    zip_t* m_archive = nullptr;
    zip_uint64_t m_entries = 0;
};

pugi::xml_document parse_part(const std::string& xml, std::string_view name, const Archive& archive) {
    pugi::xml_document document;
    // No parse_doctype: pugixml skips a DOCTYPE and never expands entities.
    // parse_ws_pcdata keeps a run that is only a space (`<w:t xml:space="preserve"> </w:t>`).
    const pugi::xml_parse_result result =
        document.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!result) {
        archive.fail(fmt::format("damaged DOCX: {} is not well-formed XML ({} at byte {})", name, result.description(),
                                 result.offset));
    }
    return document;
}

// --- walking the XML ---------------------------------------------------------

/// Visits the elements under `root` depth first, without recursion (a
/// hostile file may nest a million levels). `enter` returns whether to visit
/// the children; `leave` is called for every element entered.
void walk(const pugi::xml_node& root, const std::function<bool(const pugi::xml_node&)>& enter,
          const std::function<void(const pugi::xml_node&)>& leave) {
    pugi::xml_node node = root.first_child();
    while (node) {
        const bool descend = node.type() == pugi::node_element && enter(node);
        if (descend && node.first_child()) {
            node = node.first_child();
            continue;
        }
        for (;;) {
            if (node.type() == pugi::node_element) {
                leave(node);
            }
            if (node.next_sibling()) {
                node = node.next_sibling();
                break;
            }
            node = node.parent();
            if (node == root) {
                node = pugi::xml_node();
                break;
            }
        }
    }
}

bool is(const pugi::xml_node& node, const char* name) {
    return std::strcmp(node.name(), name) == 0;
}

/// A text box: the WordprocessingML shape's content, or its VML fallback.
bool is_text_box(const pugi::xml_node& node) {
    return is(node, "w:txbxContent") || is(node, "v:textbox");
}

/// The text of paragraph `paragraph`, one string per line (`w:br` starts a
/// new one). Nested paragraphs (in text boxes) are left to the caller.
std::vector<std::string> paragraph_lines(const pugi::xml_node& paragraph) {
    std::vector<std::string> lines(1);
    walk(
        paragraph,
        [&](const pugi::xml_node& node) {
            if (is(node, "w:t")) {
                lines.back() += node.text().get();
                return false;
            }
            if (is(node, "w:tab") || is(node, "w:ptab")) {
                lines.back() += ' ';
            } else if (is(node, "w:br") || is(node, "w:cr")) {
                lines.emplace_back();
            } else if (is(node, "w:noBreakHyphen")) {
                lines.back() += '-';
            }
            // Properties hold tab stops, not tabs; deleted and moved-away text is not in the document.
            return !(is(node, "w:p") || is_text_box(node) || is(node, "mc:Fallback") || is(node, "w:pPr") ||
                     is(node, "w:rPr") || is(node, "w:moveFrom"));
        },
        [](const pugi::xml_node&) {});
    return lines;
}

/// The style ids that mark a heading: the English built-in ids, and the ids a
/// localised Word gives the styles named "heading 1"–"heading 3", "Title" and
/// "Subtitle" (a German Word's "berschrift1").
std::set<std::string, std::less<>> heading_styles(const pugi::xml_document* styles) {
    std::set<std::string, std::less<>> ids{"Heading1", "Heading2", "Heading3", "Title", "Subtitle"};
    if (styles == nullptr) {
        return ids;
    }
    for (const pugi::xml_node& style : styles->child("w:styles").children("w:style")) {
        std::string name = style.child("w:name").attribute("w:val").value();
        std::transform(name.begin(), name.end(), name.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
        if (name == "heading 1" || name == "heading 2" || name == "heading 3" || name == "title" ||
            name == "subtitle") {
            ids.emplace(style.attribute("w:styleId").value());
        }
    }
    return ids;
}

/// Reads the body of word/document.xml into lines and warnings.
class BodyReader {
public:
    BodyReader(ResumeDocument& document, std::set<std::string, std::less<>> heading_styles)
        : m_document(document), m_heading_styles(std::move(heading_styles)) {}

    void read(const pugi::xml_document& xml) {
        walk(
            xml, [this](const pugi::xml_node& node) { return enter(node); },
            [this](const pugi::xml_node& node) { leave(node); });
    }

private:
    bool enter(const pugi::xml_node& node) {
        if (is(node, "mc:Fallback")) {
            return false;  // the same content again, for older readers
        }
        if (is(node, "w:tbl") && !m_table) {
            m_table = node;
            m_table_warned = false;
        } else if (is_text_box(node) && !m_text_box) {
            m_text_box = node;
            m_text_box_warned = false;
        } else if (is(node, "w:p")) {
            add_paragraph(node);
        }
        return true;
    }

    void leave(const pugi::xml_node& node) {
        if (node == m_table) {
            m_table = pugi::xml_node();
        } else if (node == m_text_box) {
            m_text_box = pugi::xml_node();
        }
    }

    void add_paragraph(const pugi::xml_node& paragraph) {
        const std::string_view style = paragraph.child("w:pPr").child("w:pStyle").attribute("w:val").value();
        const bool heading = m_heading_styles.find(style) != m_heading_styles.end();
        for (const std::string& text : paragraph_lines(paragraph)) {
            ++m_number;
            const std::string_view line = trim(text);
            if (line.empty()) {
                continue;
            }
            m_document.add_line(m_number, line, heading);
            if (m_table && !m_table_warned) {
                m_table_warned = true;
                m_document.warnings.push_back(
                    ExtractionWarning{"docx-table", m_number, "text in a table: many ATS skip or scramble tables"});
            }
            if (m_text_box && !m_text_box_warned) {
                m_text_box_warned = true;
                m_document.warnings.push_back(ExtractionWarning{
                    "docx-text-box", m_number, "text in a text box: many ATS skip text boxes; move it into the body"});
            }
        }
    }

    ResumeDocument& m_document;
    std::set<std::string, std::less<>> m_heading_styles;
    int m_number = 0;
    pugi::xml_node m_table;  ///< the outermost table around the current node
    bool m_table_warned = false;
    pugi::xml_node m_text_box;  ///< the outermost text box around the current node
    bool m_text_box_warned = false;
};

/// All the text of a header or footer part, paragraphs separated by spaces.
std::string part_text(const pugi::xml_document& xml) {
    std::string text;
    walk(
        xml,
        [&](const pugi::xml_node& node) {
            if (is(node, "w:p")) {
                for (const std::string& line : paragraph_lines(node)) {
                    text += line;
                    text += ' ';
                }
            }
            return !is(node, "mc:Fallback");
        },
        [](const pugi::xml_node&) {});
    return text;
}

/// True for word/header1.xml, word/footer12.xml, word/header.xml.
bool is_header_or_footer(std::string_view name) {
    for (const std::string_view prefix : {"word/header", "word/footer"}) {
        if (name.size() > prefix.size() + 4 && name.substr(0, prefix.size()) == prefix &&
            name.substr(name.size() - 4) == ".xml") {
            const std::string_view number = name.substr(prefix.size(), name.size() - prefix.size() - 4);
            return std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
        }
    }
    return name == "word/header.xml" || name == "word/footer.xml";
}

/// The first `k_quoted_words` words of `text`, with "…" when there are more.
std::string first_words(std::string_view text) {
    std::string quoted;
    std::size_t words = 0;
    std::size_t position = 0;
    while ((position = text.find_first_not_of(" \t\r\n", position)) != std::string_view::npos) {
        const std::size_t end = std::min(text.find_first_of(" \t\r\n", position), text.size());
        if (words == k_quoted_words) {
            return quoted + " …";
        }
        quoted += (words++ > 0 ? " " : "");
        quoted += text.substr(position, end - position);
        position = end;
    }
    return quoted;
}

/// The text of the page headers and footers (headers first, each in number order).
std::string header_footer_text(Archive& archive) {
    std::vector<std::string> parts;
    for (std::string& name : archive.names()) {
        if (is_header_or_footer(name)) {
            parts.push_back(std::move(name));
        }
    }
    const auto order = [](const std::string& name) {
        return std::make_tuple(name.compare(0, 11, "word/footer") == 0, name.size(), std::string_view(name));
    };
    std::sort(parts.begin(), parts.end(),
              [&](const std::string& a, const std::string& b) { return order(a) < order(b); });
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    std::string text;
    for (const std::string& name : parts) {
        if (const std::optional<zip_uint64_t> index = archive.find(name)) {
            const std::string part = part_text(parse_part(archive.read(*index, name), name, archive));
            if (!trim(part).empty()) {
                text += part;
                text += ' ';
            }
        }
    }
    return text;
}

}  // namespace

std::string size_text(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
        return fmt::format("{} MiB", bytes >> 20);
    }
    return fmt::format("{} bytes", bytes);
}

ResumeDocument extract_docx(std::string_view bytes, std::string_view source, const ExtractLimits& limits) {
    if (bytes.substr(0, k_ole_signature.size()) == k_ole_signature) {
        throw Error(Location{std::string(source)},
                    "encrypted or legacy Word file (.doc): save it as .docx without a password");
    }
    if (bytes.empty()) {
        throw Error(Location{std::string(source)}, "not a DOCX: not a zip archive");  // libzip: an empty archive
    }
    Archive archive(bytes, source, limits);
    const std::optional<zip_uint64_t> body_index = archive.find(k_document_part);
    if (!body_index) {
        archive.fail("not a DOCX: no word/document.xml");
    }
    // The body first: it gets the whole budget, and its name in the zip-bomb message.
    const std::string body_xml = archive.read(*body_index, k_document_part);
    std::optional<pugi::xml_document> styles;
    if (const std::optional<zip_uint64_t> styles_index = archive.find(k_styles_part)) {
        const std::string styles_xml = archive.read(*styles_index, k_styles_part);
        styles.emplace();
        if (!styles->load_buffer(styles_xml.data(), styles_xml.size())) {
            styles.reset();  // only heading names are lost: Word's own defaults still apply
        }
    }

    ResumeDocument document;
    document.source = std::string(source);
    document.format = InputFormat::docx;
    BodyReader(document, heading_styles(styles ? &*styles : nullptr))
        .read(parse_part(body_xml, k_document_part, archive));

    const std::string header_text = header_footer_text(archive);
    if (document.lines.empty()) {
        throw NoText(source, "no extractable text",
                     header_text.empty() ? "" : " (the only text is in the page header or footer)");
    }
    if (!header_text.empty()) {
        document.warnings.insert(
            document.warnings.begin(),
            ExtractionWarning{"docx-header-footer", 0,
                              fmt::format("text in the page header or footer ({}): many ATS ignore it; move contact "
                                          "details into the body",
                                          first_words(header_text))});
    }
    return document;
}

}  // namespace apigap::ingest_detail
