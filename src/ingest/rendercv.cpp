// RenderCV (rendercv.com) YAML files: `cv:` with the person's details and `sections:`, each a title and its entries.
// apigap reads them, it does not render them: each string becomes a line numbered by where it stands in the YAML,
// each section title a heading, so that findings point at the line the author edits.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "apigap/error.hpp"
#include "core/document.hpp"
#include "ingest/extractors.hpp"
#include "ingest/front_matter.hpp"
#include "ingest/markdown_inline.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

using detail::Node;

/// Keys of an entry or of `cv` that hold links, pictures or identifiers, not text an ATS reads.
constexpr auto k_rendercv_skipped_keys = std::to_array<std::string_view>({"url", "doi", "photo", "website"});

/// Keys of `cv` that are contact details.
constexpr auto k_rendercv_contact_keys = std::to_array<std::string_view>({"location", "email", "phone"});

/// Keys of an entry that are its dates: joined into one line at the first of them.
constexpr auto k_date_keys = std::to_array<std::string_view>({"date", "start_date", "end_date"});

/// Adds the dates of `entry` as one line at the first of them: "2020-01 – present", or the one given.
void add_dates(ResumeDocument& document, const Node& entry) {
    const Node* date = entry.find("date");
    const Node* start = entry.find("start_date");
    const Node* end = entry.find("end_date");
    if (start != nullptr && is_text(*start)) {
        const std::string until = end != nullptr && is_text(*end) ? end->scalar : "present";
        add_line(document, start->mark.line, start->scalar + " \u2013 " + until);
    } else if (date != nullptr && is_text(*date)) {
        add_yaml_string(document, *date);
    } else if (end != nullptr && is_text(*end)) {
        add_yaml_string(document, *end);
    }
}

/// The fields that make an entry's title line, in the order the line gives them: "Senior Engineer, Acme — Berlin"
/// (an experience), "BSc Computer Science, TU Munich — Munich" (an education), "ratelimit-go — Berlin" (a normal one).
constexpr auto k_title_keys =
    std::to_array<std::string_view>({"position", "degree", "area", "company", "institution", "name", "location"});

/// Adds the title line of `entry` from its `k_title_keys`, at the first of their lines; false when it has none.
bool add_title(ResumeDocument& document, const Node& entry) {
    std::string title;
    int line = 0;
    for (const std::string_view key : k_title_keys) {
        const Node* value = entry.find(key);
        if (value == nullptr || !is_text(*value)) {
            continue;
        }
        const bool after_role = key == "company" || key == "institution" || key == "name";
        title += title.empty() ? "" : key == "location" ? " \u2014 " : after_role ? ", " : " ";
        title += value->scalar;
        line = line == 0 ? value->mark.line : std::min(line, value->mark.line);
    }
    return line > 0 && add_line(document, line, markdown::inline_text(title)) != nullptr;
}

/// Adds one entry of a section: a string (a text entry), or a mapping of any of RenderCV's entry types (experience,
/// education, normal, one-line `label: details`, publication, bullet, numbered): its title line, its dates, then
/// its other fields in file order.
void add_entry(ResumeDocument& document, const Node& entry) {
    if (entry.kind == Node::Kind::scalar) {
        add_yaml_string(document, entry);
        return;
    }
    if (entry.kind != Node::Kind::mapping) {
        return;
    }
    static_cast<void>(add_title(document, entry));
    add_dates(document, entry);
    const Node* label = entry.find("label");
    const Node* details = entry.find("details");
    for (const detail::Entry& field : entry.entries) {
        const Node& value = field.value;
        if (contains(k_rendercv_skipped_keys, field.key) || contains(k_date_keys, field.key) ||
            contains(k_title_keys, field.key)) {
            continue;
        }
        if (field.key == "label" && details != nullptr && is_text(*details) && is_text(value)) {
            // "Languages: Python, Go", as a skills section lists them.
            add_line(document, value.mark.line, markdown::inline_text(value.scalar + ": " + details->scalar));
        } else if (field.key == "details" && label != nullptr && is_text(*label)) {
            continue;  // joined to its label
        } else if (value.kind == Node::Kind::scalar) {
            add_yaml_string(document, value, field.key == "bullet");
        } else if (value.kind == Node::Kind::sequence && field.key == "authors") {
            std::string authors;  // a publication's authors, on one line
            for (const Node& author : value.items) {
                authors += is_text(author) ? (authors.empty() ? "" : ", ") + author.scalar : std::string();
            }
            add_line(document, value.mark.line, markdown::inline_text(authors));
        } else if (value.kind == Node::Kind::sequence) {
            for (const Node& item : value.items) {  // highlights, one a line as the PDF lists them
                if (item.kind == Node::Kind::scalar) {
                    add_yaml_string(document, item, field.key == "highlights");
                }
            }
        }
    }
}

/// Adds the person: name and headline before any section, then the contact details and social networks.
void add_person(ResumeDocument& document, const Node& cv) {
    for (const detail::Entry& field : cv.entries) {
        const Node& value = field.value;
        if (field.key == "name" || field.key == "headline" || field.key == "label") {
            add_yaml_string(document, value);
        } else if (contains(k_rendercv_contact_keys, field.key)) {
            add_yaml_string(document, value);
        } else if (field.key == "social_networks" && value.kind == Node::Kind::sequence) {
            for (const Node& network : value.items) {
                const Node* name = network.find("network");
                const Node* user = network.find("username");
                if (name != nullptr && user != nullptr && is_text(*name) && is_text(*user)) {
                    add_line(document, name->mark.line, name->scalar + " | " + user->scalar);  // "GitHub | jdoe"
                }
            }
        }
    }
}

/// A section's title as RenderCV prints it: "work_experience" is "Work experience".
std::string section_title(std::string_view key) {
    std::string title(key);
    std::replace(title.begin(), title.end(), '_', ' ');
    if (!title.empty() && title.front() >= 'a' && title.front() <= 'z') {
        title.front() = static_cast<char>(title.front() - 'a' + 'A');
    }
    return title;
}

}  // namespace

ResumeDocument extract_rendercv(std::string_view bytes, std::string_view source, ResumeDocument recycled) {
    const Node root = detail::parse_document(bytes, source);
    const Node* cv = root.kind == Node::Kind::mapping ? root.find("cv") : nullptr;
    if (cv == nullptr || cv->kind != Node::Kind::mapping) {
        throw Error(Location{std::string(source)}, "not a RenderCV file: no 'cv:' mapping at the top level");
    }
    ResumeDocument document = new_document(source, InputFormat::rendercv, std::move(recycled));
    add_person(document, *cv);
    if (const Node* sections = cv->find("sections"); sections != nullptr && sections->kind == Node::Kind::mapping) {
        for (const detail::Entry& section : sections->entries) {
            add_line(document, section.key_mark.line, section_title(section.key), true);
            if (section.value.kind == Node::Kind::sequence) {
                for (const Node& entry : section.value.items) {
                    add_entry(document, entry);
                }
            } else {
                add_entry(document, section.value);
            }
        }
    }
    require_text(document);
    return document;
}

}  // namespace apigap::ingest_detail
