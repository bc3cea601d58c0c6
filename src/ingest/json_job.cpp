// JSON Resume's job schema (jsonresume.org job-schema.json): a posting as lines under synthetic headings, so that
// `apigap match` reads it as it reads any posting.
#include <algorithm>
#include <array>
#include <string>

#include "core/document.hpp"
#include "ingest/extractors.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

using detail::Node;

/// Keys of which one, with `title` and without `basics`, makes a JSON object a job posting.
constexpr auto k_job_keys = std::to_array<std::string_view>({"qualifications", "responsibilities", "skills"});

/// Adds each string of `value` (a string or a list of strings) as a line.
void add_strings(ResumeDocument& document, const Node& value) {
    if (is_text(value)) {
        add_line(document, value.mark.line, value.scalar);
    }
    for (const Node& item : value.items) {
        if (is_text(item)) {
            add_line(document, item.mark.line, item.scalar);
        }
    }
}

/// Adds each skill as "name: keyword, keyword", as a skills list writes it.
void add_skills(ResumeDocument& document, const Node& skills) {
    for (const Node& skill : skills.items) {
        if (is_text(skill)) {
            add_line(document, skill.mark.line, skill.scalar);
            continue;
        }
        const Node* name = skill.find("name");
        const Node* keywords = skill.find("keywords");
        std::string text = name != nullptr && is_text(*name) ? name->scalar : std::string();
        std::string list;
        if (keywords != nullptr) {
            for (const Node& keyword : keywords->items) {
                if (is_text(keyword)) {
                    list += (list.empty() ? "" : ", ") + keyword.scalar;
                }
            }
        }
        text += text.empty() || list.empty() ? list : ": " + list;
        add_line(document, skill.mark.line, text);
    }
}

}  // namespace

bool is_job_posting(const Node& root) {
    return root.kind == Node::Kind::mapping && root.find("title") != nullptr && root.find("basics") == nullptr &&
           std::any_of(k_job_keys.begin(), k_job_keys.end(), [&](std::string_view key) { return root.find(key); });
}

ResumeDocument extract_job_posting(const Node& root, std::string_view source) {
    ResumeDocument document = new_document(source, InputFormat::json_resume);
    const Node& title = *root.find("title");
    if (is_text(title)) {
        add_line(document, title.mark.line, title.scalar, true);
    }
    for (const std::string_view key : {"experience", "description"}) {
        if (const Node* value = root.find(key)) {
            add_strings(document, *value);
        }
    }
    if (const Node* responsibilities = root.find("responsibilities")) {
        add_line(document, responsibilities->mark.line, "Responsibilities", true);
        add_strings(document, *responsibilities);
    }
    const Node* qualifications = root.find("qualifications");
    const Node* skills = root.find("skills");
    if (qualifications != nullptr || skills != nullptr) {
        add_line(document, (qualifications != nullptr ? qualifications : skills)->mark.line, "Requirements", true);
    }
    if (qualifications != nullptr) {
        add_strings(document, *qualifications);
    }
    if (skills != nullptr) {
        add_skills(document, *skills);
    }
    require_text(document);
    return document;
}

}  // namespace apigap::ingest_detail
