// Assigning resume lines to sections by their headings.
#include <algorithm>
#include <cctype>

#include "apigap/resume.hpp"

namespace apigap {

namespace {

/// The most words a heading has ("Professional Experience and Projects").
constexpr std::size_t k_max_heading_words = 5;

/// `text` lowercased, without Markdown `#`, surrounding punctuation and spaces.
std::string heading_key(std::string_view text) {
    const auto is_trim = [](char c) {
        return c == '#' || c == ':' || c == ' ' || c == '\t' || c == '*' || c == '_' || c == '=' || c == '-';
    };
    while (!text.empty() && is_trim(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_trim(text.back())) {
        text.remove_suffix(1);
    }
    std::string key;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            space = !key.empty();
            continue;
        }
        if (space) {
            key += ' ';
            space = false;
        }
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

/// The section `line` opens, or nullptr when it is not a known heading.
const ResumeSection* section_of(const ResumeLine& line, const ResumeRules& rules) {
    const std::string key = heading_key(line.text);
    if (key.empty() || std::count(key.begin(), key.end(), ' ') + 1 > static_cast<long>(k_max_heading_words)) {
        return nullptr;
    }
    for (const ResumeSection& section : rules.sections) {
        for (const std::string& heading : section.headings) {
            if (heading_key(heading) == key) {
                return &section;
            }
        }
    }
    return nullptr;
}

}  // namespace

void assign_sections(ResumeDocument& document, const ResumeRules& rules) {
    std::string current;
    for (ResumeLine& line : document.lines) {
        if (!line.section.empty()) {
            continue;  // the format knew it (JSON Resume)
        }
        if (const ResumeSection* section = section_of(line, rules)) {
            line.heading = true;
            current = section->id;
        }
        // Any other heading (a job title under Experience, a project name) stays in the section it is in.
        line.section = current;
    }
}

}  // namespace apigap
