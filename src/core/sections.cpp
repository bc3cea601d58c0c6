// Assigning resume lines to sections by their headings.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "apigap/resume.hpp"
#include "ascii.hpp"

namespace apigap {

using detail::ascii_lower;

namespace {

/// The most words a heading has ("Professional Experience and Projects").
constexpr std::size_t k_max_heading_words = 5;

/// `text` without Markdown `#`, surrounding punctuation and spaces.
std::string_view trim_heading(std::string_view text) {
    const auto is_trim = [](char c) {
        return c == '#' || c == ':' || c == ' ' || c == '\t' || c == '*' || c == '_' || c == '=' || c == '-';
    };
    while (!text.empty() && is_trim(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_trim(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

/// `text` trimmed, lowercased, its runs of spaces made one.
std::string heading_key(std::string_view text) {
    std::string key;
    bool space = false;
    for (const char c : trim_heading(text)) {
        if (c == ' ' || c == '\t') {
            space = !key.empty();
            continue;
        }
        if (space) {
            key += ' ';
            space = false;
        }
        key += ascii_lower(c);
    }
    return key;
}

/// The number of words of `text` trimmed; counted before any key is made,
/// since most lines have too many to be a heading.
std::size_t heading_words(std::string_view text) {
    const std::string_view trimmed = trim_heading(text);
    std::size_t words = 0;
    for (std::size_t at = 0; at < trimmed.size(); ++at) {
        const bool blank = trimmed[at] == ' ' || trimmed[at] == '\t';
        words += !blank && (at == 0 || trimmed[at - 1] == ' ' || trimmed[at - 1] == '\t') ? 1U : 0U;
    }
    return words;
}

/// The sections by the keys of their headings; the first section to list a heading keeps it.
using HeadingKeys = std::unordered_map<std::string, const ResumeSection*>;

/// The section `line` opens, or nullptr when it is not a known heading.
const ResumeSection* section_of(const ResumeLine& line, const HeadingKeys& headings) {
    if (heading_words(line.text) > k_max_heading_words) {
        return nullptr;
    }
    const std::string key = heading_key(line.text);
    if (key.empty()) {
        return nullptr;
    }
    const auto found = headings.find(key);
    return found == headings.end() ? nullptr : found->second;
}

}  // namespace

void assign_sections(ResumeDocument& document, const ResumeRules& rules) {
    HeadingKeys headings;
    for (const ResumeSection& section : rules.sections) {
        for (const std::string& heading : section.headings) {
            headings.try_emplace(heading_key(heading), &section);
        }
    }
    std::string current;
    for (ResumeLine& line : document.lines) {
        if (!line.section.empty()) {
            continue;  // the format knew it (JSON Resume)
        }
        if (const ResumeSection* section = section_of(line, headings)) {
            line.heading = true;
            current = section->id;
        }
        // Any other heading (a job title under Experience, a project name) stays in the section it is in.
        line.section = current;
    }
}

}  // namespace apigap
