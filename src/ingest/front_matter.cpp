// Reading a Markdown page's YAML front matter for the resume text it holds:
// Hugo and Jekyll CV pages often keep the whole CV in it (jobs with a title,
// company and highlights), and a page title or description is rendered too.
#include "ingest/front_matter.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/document.hpp"
#include "ingest/markdown_inline.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

using detail::Node;

/// Keys that configure the page or the site (Hugo's and Jekyll's front matter variables), not what it says.
/// Taxonomies (`tags`, `categories`, `keywords`) are here too: they index the site, and are a bare list of
/// terms with no claim around them.
constexpr auto k_page_settings = std::to_array<std::string_view>({
    "aliases",    "author_profile", "build",          "cascade",
    "categories", "comments",       "cover",          "date",
    "draft",      "expirydate",     "export_on_save", "featured_image",
    "headless",   "hidden",         "icon",           "id",
    "image",      "images",         "keywords",       "lang",
    "language",   "lastmod",        "layout",         "markup",
    "math",       "menu",           "modified",       "outputs",
    "permalink",  "publishdate",    "published",      "redirect_from",
    "resources",  "series",         "share",          "sidebar",
    "sitemap",    "slug",           "tags",           "thumbnail",
    "toc",        "translationkey", "type",           "updated",
    "url",        "weight",
});

bool is_page_setting(std::string_view key) {
    std::string lower(key);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return std::find(k_page_settings.begin(), k_page_settings.end(), lower) != k_page_settings.end();
}

/// A plain scalar that YAML reads as a boolean or null: a switch, not text. (Numbers stay: a year is text.)
bool is_switch(const Node& node) {
    constexpr auto k_words = std::to_array<std::string_view>(
        {"true", "false", "yes", "no", "on", "off", "null", "~", "True", "False", "Yes", "No", "On", "Off", "Null"});
    return !node.quoted && std::find(k_words.begin(), k_words.end(), node.scalar) != k_words.end();
}

/// A key as a heading: `work_experience` reads "work experience".
std::string heading_of(std::string_view key) {
    std::string text(key);
    std::replace(text.begin(), text.end(), '_', ' ');
    std::replace(text.begin(), text.end(), '-', ' ');
    return text;
}

void add_value(ResumeDocument& document, const Node& node);

}  // namespace

void add_yaml_string(ResumeDocument& document, const Node& node, bool item) {
    const bool multi_line = node.scalar.find('\n') != std::string::npos;
    for_each_line(node.scalar, [&](int number, std::string_view line) {
        // A block scalar's mark is its `|` indicator; its first line is the next one.
        if (ResumeLine* added =
                add_line(document, node.mark.line + (multi_line ? number : 0), markdown::inline_text(line))) {
            added->bullet = item;
        }
    });
}

namespace {

/// Adds a string's lines: a block scalar (`|`) keeps its lines, each at its own line of the file.
void add_scalar(ResumeDocument& document, const Node& node) {
    if (node.scalar.empty() || is_switch(node)) {
        return;
    }
    add_yaml_string(document, node);
}

void add_mapping(ResumeDocument& document, const Node& node) {
    for (const detail::Entry& entry : node.entries) {
        if (is_page_setting(entry.key)) {
            continue;
        }
        if (entry.value.kind == Node::Kind::sequence || entry.value.kind == Node::Kind::mapping) {
            add_line(document, entry.key_mark.line, heading_of(entry.key), true);
        }
        add_value(document, entry.value);
    }
}

void add_value(ResumeDocument& document, const Node& node) {
    switch (node.kind) {
    case Node::Kind::scalar:
        add_scalar(document, node);
        return;
    case Node::Kind::sequence:
        for (const Node& item : node.items) {
            add_value(document, item);
        }
        return;
    case Node::Kind::mapping:
        add_mapping(document, node);
        return;
    case Node::Kind::null:
        return;
    }
}

}  // namespace

bool add_front_matter(ResumeDocument& document, std::string_view yaml) {
    try {
        const detail::LenientDocument parsed = detail::parse_document_keeping_last(yaml, document.source);
        if (parsed.root.kind != Node::Kind::mapping) {
            return false;
        }
        add_mapping(document, parsed.root);
        return true;
    } catch (const Error&) {
        return false;  // not YAML: Markdown between two thematic breaks
    }
}

}  // namespace apigap::ingest_detail
