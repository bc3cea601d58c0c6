// HTML resumes: a one-pass tag stripper that breaks lines at block elements.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/extractors.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

/// The named references apigap decodes, with their characters.
struct NamedEntity {
    std::string_view name;
    std::string_view text;
};

constexpr auto k_named_entities = std::to_array<NamedEntity>({
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},         {"quot", "\""},       {"apos", "'"},
    {"nbsp", "\u00a0"},   {"ndash", "\u2013"},  {"mdash", "\u2014"}, {"hellip", "\u2026"}, {"bull", "\u2022"},
    {"middot", "\u00b7"}, {"lsquo", "\u2018"},  {"rsquo", "\u2019"}, {"ldquo", "\u201c"},  {"rdquo", "\u201d"},
    {"copy", "\u00a9"},   {"reg", "\u00ae"},    {"trade", "\u2122"}, {"euro", "\u20ac"},   {"pound", "\u00a3"},
    {"times", "\u00d7"},  {"rarr", "\u2192"},   {"larr", "\u2190"},  {"shy", "\u00ad"},    {"ensp", "\u2002"},
    {"emsp", "\u2003"},   {"thinsp", "\u2009"},
});

/// What an element is to the reader, as bits of `Element::roles`.
enum ElementRole : unsigned {
    k_hidden_content = 1U,  ///< its content is not text a reader sees
    k_void = 2U,            ///< it has no content, so no end tag
    k_block = 4U,           ///< it starts and ends a line
    k_cell = 8U,            ///< a table cell: the cells of a row are kept apart
};

struct Element {
    std::string_view name;
    unsigned roles = 0;
};

/// The elements with a role, sorted by name: found by a binary search at every tag.
constexpr auto k_elements = std::to_array<Element>({
    {"address", k_block},
    {"area", k_void},
    {"article", k_block},
    {"aside", k_block},
    {"base", k_void},
    {"blockquote", k_block},
    {"body", k_block},
    {"br", k_void | k_block},
    {"caption", k_block},
    {"col", k_void},
    {"dd", k_block},
    {"details", k_block},
    {"dialog", k_block},
    {"div", k_block},
    {"dl", k_block},
    {"dt", k_block},
    {"embed", k_void},
    {"fieldset", k_block},
    {"figcaption", k_block},
    {"figure", k_block},
    {"footer", k_block},
    {"form", k_block},
    {"h1", k_block},
    {"h2", k_block},
    {"h3", k_block},
    {"h4", k_block},
    {"h5", k_block},
    {"h6", k_block},
    {"head", k_hidden_content},
    {"header", k_block},
    {"hgroup", k_block},
    {"hr", k_void | k_block},
    {"html", k_block},
    {"img", k_void},
    {"input", k_void},
    {"legend", k_block},
    {"li", k_block},
    {"link", k_void},
    {"main", k_block},
    {"meta", k_void},
    {"nav", k_block},
    {"ol", k_block},
    {"option", k_block},
    {"p", k_block},
    {"pre", k_block},
    {"script", k_hidden_content},
    {"section", k_block},
    {"source", k_void},
    {"style", k_hidden_content},
    {"summary", k_block},
    {"svg", k_hidden_content},
    {"table", k_block},
    {"tbody", k_block},
    {"td", k_cell},
    {"template", k_hidden_content},
    {"tfoot", k_block},
    {"th", k_cell},
    {"thead", k_block},
    {"title", k_hidden_content},
    {"tr", k_block},
    {"track", k_void},
    {"ul", k_block},
    {"wbr", k_void},
});

static_assert(std::is_sorted(k_elements.begin(), k_elements.end(),
                             [](const Element& a, const Element& b) { return a.name < b.name; }));

/// The roles of the element `name` (lower case), or 0.
unsigned roles_of(std::string_view name) {
    const auto* const found =
        std::lower_bound(k_elements.begin(), k_elements.end(), name,
                         [](const Element& element, std::string_view key) { return element.name < key; });
    return found != k_elements.end() && found->name == name ? found->roles : 0U;
}

std::string utf8(std::uint32_t code) {
    if (code == 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        code = 0xfffd;
    }
    std::string text;
    if (code < 0x80) {
        text += static_cast<char>(code);
    } else if (code < 0x800) {
        text += static_cast<char>(0xc0 | (code >> 6));
        text += static_cast<char>(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        text += static_cast<char>(0xe0 | (code >> 12));
        text += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        text += static_cast<char>(0x80 | (code & 0x3f));
    } else {
        text += static_cast<char>(0xf0 | (code >> 18));
        text += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
        text += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        text += static_cast<char>(0x80 | (code & 0x3f));
    }
    return text;
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Reads the text of an HTML document into lines.
class HtmlReader {
public:
    HtmlReader(std::string_view html, ResumeDocument& document) : m_html(html), m_out(document) {}

    void read() {
        while (m_pos < m_html.size()) {
            const char c = m_html[m_pos];
            if (c == '<') {
                markup();
            } else if (c == '&') {
                reference();
            } else if (c == '\n') {
                ++m_pos;
                ++m_line;
                if (m_pre > 0) {
                    m_out.flush();
                } else {
                    m_out.space();
                }
            } else {
                std::size_t end = m_pos + 1;  // text, up to the next character the cases above read
                while (end < m_html.size() && m_html[end] != '<' && m_html[end] != '&' && m_html[end] != '\n') {
                    ++end;
                }
                m_out.append(m_html.substr(m_pos, end - m_pos), m_line);
                m_pos = end;
            }
        }
        m_out.flush();
    }

private:
    /// Moves to `position`, counting the lines passed.
    void advance_to(std::size_t position) {
        position = std::min(position, m_html.size());
        m_line += static_cast<int>(std::count(m_html.begin() + static_cast<std::ptrdiff_t>(m_pos),
                                              m_html.begin() + static_cast<std::ptrdiff_t>(position), '\n'));
        m_pos = position;
    }

    /// Moves past the next `terminator`, or to the end.
    void skip_past(std::string_view terminator) {
        const std::size_t end = m_html.find(terminator, m_pos);
        advance_to(end == std::string_view::npos ? m_html.size() : end + terminator.size());
    }

    /// The position of the next `needle` (lowercase) from `from`, ignoring case.
    [[nodiscard]] std::size_t find_ignoring_case(std::string_view needle, std::size_t from) const {
        for (std::size_t at = m_html.find('<', from); at != std::string_view::npos; at = m_html.find('<', at + 1)) {
            if (at + needle.size() > m_html.size()) {
                return std::string_view::npos;
            }
            bool same = true;
            for (std::size_t k = 0; k < needle.size() && same; ++k) {
                same = lower(m_html[at + k]) == needle[k];
            }
            if (same) {
                return at;
            }
        }
        return std::string_view::npos;
    }

    /// A tag, comment, doctype or a `<` that is text.
    void markup() {
        const std::string_view rest = m_html.substr(m_pos);
        if (rest.substr(0, 4) == "<!--") {
            skip_past("-->");
        } else if (rest.substr(0, 9) == "<![CDATA[") {
            skip_past("]]>");
        } else if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
            skip_past(">");
        } else if (rest.size() > 1 &&
                   (is_letter(rest[1]) || (rest[1] == '/' && rest.size() > 2 && is_letter(rest[2])))) {
            tag();
        } else {
            m_out.append("<", m_line);
            ++m_pos;
        }
    }

    /// A start or end tag: its name decides what happens to the lines.
    void tag() {
        std::size_t at = m_pos + 1;
        const bool closing = m_html[at] == '/';
        at += closing ? 1 : 0;
        std::string name;
        while (at < m_html.size() && (is_letter(m_html[at]) || (m_html[at] >= '0' && m_html[at] <= '9') ||
                                      m_html[at] == '-' || m_html[at] == ':')) {
            name += lower(m_html[at++]);
        }
        // The attributes, whose quoted values may hold '>'.
        const std::size_t attributes = at;
        bool self_closing = false;
        while (at < m_html.size() && m_html[at] != '>') {
            const char c = m_html[at];
            if (c == '"' || c == '\'') {
                const std::size_t quote_end = m_html.find(c, at + 1);
                at = quote_end == std::string_view::npos ? m_html.size() : quote_end + 1;
                continue;
            }
            self_closing = c == '/';
            ++at;
        }
        const bool hidden = is_hidden(m_html.substr(attributes, at - attributes));
        advance_to(at + 1);

        const unsigned roles = roles_of(name);
        if (!closing && !self_closing && (roles & k_hidden_content) != 0) {
            hide(name);
            return;
        }
        if (!closing && !self_closing && hidden && (roles & k_void) == 0) {
            hide_element(name);
            return;
        }
        if ((roles & k_cell) != 0) {
            if (!closing) {
                if (m_cells > 0) {
                    m_out.separate();
                }
                ++m_cells;
            }
            return;
        }
        if ((roles & k_block) == 0) {
            return;  // an inline element: its text runs on
        }
        m_out.flush();
        if (name == "tr") {
            m_cells = 0;
        } else if (name == "pre") {
            m_pre = closing ? std::max(0, m_pre - 1) : m_pre + 1;
        } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
            m_out.set_heading(!closing);
        } else if (name == "li" && !closing) {
            m_out.strip_bullet_at_flush();  // a list item
        }
    }

    /// Skips the content of the hidden element `name` up to its end tag. An
    /// unclosed `<head>` ends where `<body>` starts, or is ignored, as is a second `<head>`.
    void hide(const std::string& name) {
        if (name == "head" && std::exchange(m_head_seen, true)) {
            return;  // a document has one head: looking for the end of each would take quadratic time
        }
        std::size_t end = find_ignoring_case("</" + name, m_pos);
        if (name == "head") {
            end = std::min(end, find_ignoring_case("<body", m_pos));
            if (end == std::string_view::npos) {
                return;
            }
        }
        advance_to(end == std::string_view::npos ? m_html.size() : end);
        if (m_pos + 1 < m_html.size() && m_html[m_pos + 1] == '/') {
            skip_past(">");
        }
    }

    /// Whether `attributes` hide their element: a `hidden` attribute, or an inline style with `display: none` or
    /// `visibility: hidden` (a class that a style sheet hides is not seen).
    bool is_hidden(std::string_view attributes) {
        std::string& text = m_attributes;  // its memory serves every tag
        text.clear();
        for (const char c : attributes) {
            text += lower(c);
        }
        for (std::size_t at = text.find("hidden"); at != std::string::npos; at = text.find("hidden", at + 1)) {
            const std::size_t after = at + 6;
            if (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '\n') &&
                (after == text.size() || text[after] == ' ' || text[after] == '=' || text[after] == '/' ||
                 text[after] == '\n')) {
                return true;
            }
        }
        const std::size_t style = text.find("style");
        if (style == std::string::npos) {
            return false;
        }
        text.erase(std::remove_if(text.begin() + static_cast<std::ptrdiff_t>(style), text.end(),
                                  [](char c) { return c == ' ' || c == '\t' || c == '\n'; }),
                   text.end());
        return text.find("display:none", style) != std::string::npos ||
               text.find("visibility:hidden", style) != std::string::npos;
    }

    /// Whether a tag named `name` (lowercase) starts at `at`, in any case.
    [[nodiscard]] bool tag_at(std::size_t at, std::string_view name) const {
        if (at + name.size() > m_html.size()) {
            return false;
        }
        for (std::size_t k = 0; k < name.size(); ++k) {
            if (lower(m_html[at + k]) != name[k]) {
                return false;
            }
        }
        const std::size_t after = at + name.size();
        return after == m_html.size() || !(is_letter(m_html[after]) || (m_html[after] >= '0' && m_html[after] <= '9') ||
                                           m_html[after] == '-' || m_html[after] == ':');
    }

    /// Skips an element hidden by its attributes, with the elements of its name nested in it, to its end tag.
    void hide_element(const std::string& name) {
        const std::string open = "<" + name;
        const std::string close = "</" + name;
        int depth = 1;
        std::size_t at = m_html.find('<', m_pos);
        for (; at != std::string_view::npos; at = m_html.find('<', at + 1)) {
            if (tag_at(at, close) && --depth == 0) {
                break;
            }
            depth += tag_at(at, open) ? 1 : 0;
        }
        advance_to(at == std::string_view::npos ? m_html.size() : at);
        if (m_pos < m_html.size()) {
            skip_past(">");
        }
    }

    /// A character reference, or a `&` that is text.
    void reference() {
        if (const std::optional<Entity> entity = decode_entity(m_html.substr(m_pos))) {
            m_out.append(entity->text, m_line);
            m_pos += entity->length;
        } else {
            m_out.append("&", m_line);
            ++m_pos;
        }
    }

    std::string_view m_html;
    LineBuilder m_out;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_pre = 0;
    int m_cells = 0;
    bool m_head_seen = false;
    std::string m_attributes;  ///< `is_hidden`'s attributes, lowered
};

}  // namespace

std::optional<Entity> decode_entity(std::string_view text) {
    constexpr std::size_t k_longest = 12;  // "&#x0010FFFF;"
    const std::size_t semicolon = text.substr(0, k_longest).find(';');
    if (text.size() < 3 || text[0] != '&' || semicolon == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view body = text.substr(1, semicolon - 1);
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) {
            return std::nullopt;
        }
        std::uint32_t code = 0;
        for (const char c : digits) {
            std::uint32_t digit = 0;
            if (c >= '0' && c <= '9') {
                digit = static_cast<std::uint32_t>(c - '0');
            } else if (hex && lower(c) >= 'a' && lower(c) <= 'f') {
                digit = static_cast<std::uint32_t>(lower(c) - 'a' + 10);
            } else {
                return std::nullopt;
            }
            code = std::min<std::uint32_t>(code * (hex ? 16U : 10U) + digit, 0x110000);
        }
        return Entity{utf8(code), semicolon + 1};
    }
    for (const NamedEntity& entity : k_named_entities) {
        if (entity.name == body) {
            return Entity{std::string(entity.text), semicolon + 1};
        }
    }
    return std::nullopt;
}

ResumeDocument extract_html(std::string_view bytes, std::string_view source, ResumeDocument recycled) {
    ResumeDocument document = new_document(source, InputFormat::html, std::move(recycled));
    HtmlReader(bytes, document).read();
    require_text(document);
    return document;
}

}  // namespace apigap::ingest_detail
