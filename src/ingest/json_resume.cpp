// JSON Resume (jsonresume.org) files: each string becomes a line, numbered by
// where it stands in the .json file, in the section its key names.
#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "core/document.hpp"
#include "ingest/extractors.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

using detail::Node;

/// A top-level key of JSON Resume and the resume section its entries go to.
struct SectionKey {
    std::string_view key;
    std::string_view section;
};

constexpr auto k_section_keys = std::to_array<SectionKey>({
    {"work", "experience"},
    {"volunteer", "volunteer"},
    {"education", "education"},
    {"awards", "awards"},
    {"certificates", "certifications"},
    {"publications", "publications"},
    {"skills", "skills"},
    {"languages", "languages"},
    {"interests", "interests"},
    {"references", "references"},
    {"projects", "projects"},
});

/// The keys that make a document JSON Resume: at least one must be there.
constexpr auto k_resume_keys = std::to_array<std::string_view>({"basics", "work", "skills", "education", "projects"});

/// Keys whose values are links or pictures, not text an ATS reads.
constexpr auto k_skipped_keys = std::to_array<std::string_view>({"url", "image", "picture", "website", "level"});

/// Keys of `basics` that are contact details.
constexpr auto k_contact_keys = std::to_array<std::string_view>({"email", "phone", "url", "website"});

/// Adds `node`'s text as lines in `section`: one line per line of a string
/// that holds line breaks, all numbered by where the string starts.
void add_scalar(ResumeDocument& document, const Node& node, std::string_view section) {
    for_each_line(node.scalar, [&](int /*number*/, std::string_view line) {
        add_line(document, node.mark.line, line, false, section);
    });
}

/// How `joined` treats links.
enum class Links { skip, keep };

/// A line made of strings, and the line number of the first.
struct Joined {
    std::string text;
    int number = 0;
};

/// The strings of `values` (a mapping or a sequence) joined with `separator`.
Joined joined(const Node& values, std::string_view separator, Links links = Links::skip) {
    Joined line;
    const auto add = [&](const Node& value) {
        if (is_text(value)) {
            line.text += line.number == 0 ? "" : separator;
            line.text += value.scalar;
            line.number = line.number == 0 ? value.mark.line : line.number;
        }
    };
    for (const Node& item : values.items) {
        add(item);
    }
    for (const detail::Entry& entry : values.entries) {
        if (links == Links::keep || !contains(k_skipped_keys, entry.key)) {
            add(entry.value);
        }
    }
    return line;
}

/// Adds the strings of `values` as one line joined with `separator`.
void add_joined(ResumeDocument& document, const Node& values, std::string_view separator, std::string_view section,
                Links links = Links::skip) {
    const Joined line = joined(values, separator, links);
    add_line(document, line.number, line.text, false, section);
}

/// Adds "startDate – endDate" (an open end reads "Present"), or the one date given.
void add_dates(ResumeDocument& document, const Node& entry, std::string_view section) {
    const Node* start = entry.find("startDate");
    const Node* end = entry.find("endDate");
    if (start != nullptr && is_text(*start)) {
        const std::string until = end != nullptr && is_text(*end) ? end->scalar : "Present";
        add_line(document, start->mark.line, start->scalar + " \u2013 " + until, false, section);
    } else if (end != nullptr && is_text(*end)) {
        add_scalar(document, *end, section);
    }
}

/// Adds one entry of a section list (a job, a degree, a skill…).
void add_entry(ResumeDocument& document, const Node& entry, std::string_view section) {
    if (entry.kind == Node::Kind::scalar) {
        add_scalar(document, entry, section);
        return;
    }
    if (entry.kind != Node::Kind::mapping) {
        return;
    }
    const Node* keywords = entry.find("keywords");
    if ((section == "skills" || section == "interests") && keywords != nullptr) {
        // "Backend: Go, gRPC, PostgreSQL", as a skills section lists them.
        const Node* name = entry.find("name");
        const Joined list = joined(*keywords, ", ");
        if (name == nullptr || !is_text(*name)) {
            add_line(document, list.number, list.text, false, section);
        } else {
            add_line(document, name->mark.line, list.text.empty() ? name->scalar : name->scalar + ": " + list.text,
                     false, section);
        }
        return;
    }
    for (const detail::Entry& field : entry.entries) {
        const Node& value = field.value;
        if (contains(k_skipped_keys, field.key) || field.key == "endDate") {
            continue;
        }
        if (field.key == "startDate") {
            add_dates(document, entry, section);
        } else if (field.key == "keywords") {
            add_joined(document, value, ", ", section);
        } else if (value.kind == Node::Kind::scalar) {
            add_scalar(document, value, section);
        } else if (value.kind == Node::Kind::sequence) {
            for (const Node& item : value.items) {
                if (item.kind == Node::Kind::scalar) {
                    add_scalar(document, item, section);
                }
            }
        } else if (value.kind == Node::Kind::mapping) {
            add_joined(document, value, ", ", section);
        }
    }
    if (entry.find("startDate") == nullptr) {
        add_dates(document, entry, section);  // an end date alone
    }
}

/// Adds `basics`: name and label before any section, contact details, summary.
void add_basics(ResumeDocument& document, const Node& basics) {
    for (const detail::Entry& field : basics.entries) {
        const Node& value = field.value;
        if (field.key == "name" || field.key == "label") {
            add_entry(document, value, "");
        } else if (field.key == "summary") {
            add_entry(document, value, "summary");
        } else if (contains(k_contact_keys, field.key)) {
            add_entry(document, value, "contact");
        } else if (field.key == "location" && value.kind == Node::Kind::mapping) {
            add_joined(document, value, ", ", "contact");
        } else if (field.key == "profiles" && value.kind == Node::Kind::sequence) {
            for (const Node& profile : value.items) {
                add_joined(document, profile, " | ", "contact", Links::keep);  // "GitHub | jdoe | https://…"
            }
        }
    }
}

bool is_json_resume(const Node& root) {
    return root.kind == Node::Kind::mapping &&
           std::any_of(k_resume_keys.begin(), k_resume_keys.end(),
                       [&](std::string_view key) { return root.find(key) != nullptr; });
}

/// A warning for each key given twice, at the second, naming the first.
void warn_duplicates(ResumeDocument& document, const std::vector<detail::DuplicateKey>& duplicates) {
    for (const detail::DuplicateKey& duplicate : duplicates) {
        document.warnings.push_back(ExtractionWarning{
            "duplicate-key", duplicate.again.line,
            fmt::format("duplicate key '{}' (first defined at {}:{}): the last value is read; keep one '{}' "
                        "key, since other readers may keep the first",
                        duplicate.key, duplicate.first.line, duplicate.first.column, duplicate.key)});
    }
}

/// The resume (or posting) `root` holds.
ResumeDocument extract_root(const Node& root, std::string_view source, ResumeDocument recycled) {
    if (is_job_posting(root)) {
        return extract_job_posting(root, source);
    }
    if (!is_json_resume(root)) {
        throw Error(Location{std::string(source)},
                    "neither a JSON Resume (basics, work or skills) nor a job posting (a title, with qualifications, "
                    "responsibilities or skills)");
    }
    ResumeDocument document = new_document(source, InputFormat::json_resume, std::move(recycled));
    for (const detail::Entry& entry : root.entries) {
        if (entry.key == "basics") {
            if (entry.value.kind == Node::Kind::mapping) {
                add_basics(document, entry.value);
            }
            continue;
        }
        const auto* known = std::find_if(k_section_keys.begin(), k_section_keys.end(),
                                         [&](const SectionKey& key) { return key.key == entry.key; });
        if (known == k_section_keys.end()) {
            continue;  // meta, $schema, or a key of someone's own
        }
        if (entry.value.kind == Node::Kind::sequence) {
            for (const Node& item : entry.value.items) {
                add_entry(document, item, known->section);
            }
        } else {
            add_entry(document, entry.value, known->section);
        }
    }
    require_text(document);
    return document;
}

}  // namespace

bool is_text(const detail::Node& node) {
    return node.kind == detail::Node::Kind::scalar && !node.scalar.empty();
}

ResumeDocument extract_json_resume(std::string_view bytes, std::string_view source, ResumeDocument recycled) {
    // A key given twice keeps its last value, as JSON Resume's own tools (JavaScript's JSON.parse) read it.
    const detail::LenientDocument parsed = detail::parse_document_keeping_last(bytes, source);
    ResumeDocument document = extract_root(parsed.root, source, std::move(recycled));
    warn_duplicates(document, parsed.duplicates);
    return document;
}

}  // namespace apigap::ingest_detail
