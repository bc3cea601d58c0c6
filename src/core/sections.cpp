// Assigning resume lines to sections by their headings.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include <utf8proc.h>

#include "apigap/resume.hpp"
#include "ascii.hpp"
#include "byte_words.hpp"

namespace apigap {

namespace {

/// The most words a heading has ("Professional Experience and Projects").
constexpr std::size_t k_max_heading_words = 5;

/// The full-width colon of Chinese and Japanese headings ("工作经历：").
constexpr std::string_view k_full_width_colon = "\uff1a";

/// `text` without Markdown `#`, surrounding punctuation and spaces.
std::string_view trim_heading(std::string_view text) {
    const auto is_trim = [](char c) {
        return c == '#' || c == ':' || c == ' ' || c == '\t' || c == '*' || c == '_' || c == '=' || c == '-';
    };
    while (!text.empty() && is_trim(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (is_trim(text.back()) || text.ends_with(k_full_width_colon))) {
        text.remove_suffix(text.ends_with(k_full_width_colon) ? k_full_width_colon.size() : 1);
    }
    return text;
}

/// A UTF-8 sequence and its lowercase bytes, remembered by each thread: utf8proc takes about a hundred instructions a
/// code point, and the short lines of a Cyrillic or Chinese resume repeat few.
struct LoweredSequence {
    std::uint32_t bytes = 0;  ///< the sequence's bytes, the first lowest; 0 for none yet
    std::uint8_t length = 0;
    std::array<char, 4> lowered{};
};

constexpr std::size_t k_lowered_sequences = 256;
thread_local std::array<LoweredSequence, k_lowered_sequences> t_lowered;

/// Appends the code point past ASCII at `at` of `text` to `key` lowercased, in any script ("ОПЫТ" as "опыт"), and
/// moves `at` past it; a byte of invalid UTF-8 as it is.
void append_lower(std::string& key, std::string_view text, std::size_t& at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    // A lead byte tells the length of the sequence it may lead: only a valid one is remembered.
    const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    std::uint32_t bytes = 0;
    LoweredSequence* slot = nullptr;
    if (byte >= 0xC0 && at + length <= text.size()) {
        std::memcpy(&bytes, text.data() + at, length);
        slot = &t_lowered[(bytes ^ (bytes >> 13U)) % k_lowered_sequences];
        if (slot->bytes == bytes) {
            key.append(slot->lowered.data(), slot->length);
            at += length;
            return;
        }
    }
    utf8proc_int32_t code_point = 0;
    const auto decoded = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                          static_cast<utf8proc_ssize_t>(text.size() - at), &code_point);
    if (decoded <= 0) {
        key += text[at++];
        return;
    }
    std::array<utf8proc_uint8_t, 4> lowered{};
    const auto written = static_cast<std::size_t>(utf8proc_encode_char(utf8proc_tolower(code_point), lowered.data()));
    key.append(reinterpret_cast<const char*>(lowered.data()), written);
    if (slot != nullptr && static_cast<std::size_t>(decoded) == length) {
        *slot = LoweredSequence{bytes, static_cast<std::uint8_t>(written), {}};
        std::memcpy(slot->lowered.data(), lowered.data(), written);
    }
    at += static_cast<std::size_t>(decoded);
}

/// `text` trimmed, lowercased, its runs of spaces made one, into `key` (replacing what it held); empty when it would
/// be longer than `longest` bytes, as no heading is (a paragraph of Chinese has no space to count words by).
void heading_key(std::string_view text, std::string& key, std::size_t longest = SIZE_MAX) {
    const std::string_view trimmed = trim_heading(text);
    key.clear();
    bool space = false;
    for (std::size_t at = 0; at < trimmed.size();) {
        if (trimmed[at] == ' ' || trimmed[at] == '\t') {
            space = !key.empty();
            ++at;
            continue;
        }
        if (space) {
            key += ' ';
            space = false;
        }
        if (static_cast<unsigned char>(trimmed[at]) < 0x80) {
            key += detail::ascii_lower(trimmed[at++]);
        } else {
            append_lower(key, trimmed, at);
        }
        if (key.size() > longest) {
            key.clear();  // a key only grows as it is written
            return;
        }
    }
}

/// Whether `text` trimmed has more than `k_max_heading_words` words; counted before any key is made, and only
/// as far as the word too many, since most lines have too many to be a heading. Eight bytes at a time: a word
/// starts at a byte that is not blank after one that is.
bool too_many_words(std::string_view text) {
    const std::string_view trimmed = trim_heading(text);
    std::size_t words = 0;
    std::uint64_t blank_before = 0x80;  // the high bit of the first byte: the byte before it is blank (or none)
    std::size_t at = 0;
    for (; at + sizeof(std::uint64_t) <= trimmed.size(); at += sizeof(std::uint64_t)) {
        const std::uint64_t word = detail::byte_words::load(trimmed, at);
        const std::uint64_t blank = detail::byte_words::equal_to(word, ' ') | detail::byte_words::equal_to(word, '\t');
        words += static_cast<std::size_t>(detail::byte_words::count_marked(~blank & ((blank << 8U) | blank_before) &
                                                                           detail::byte_words::k_high_bits));
        if (words > k_max_heading_words) {
            return true;
        }
        blank_before = blank >> 56U;
    }
    for (; at < trimmed.size(); ++at) {
        const bool blank = trimmed[at] == ' ' || trimmed[at] == '\t';
        words += !blank && (at == 0 || trimmed[at - 1] == ' ' || trimmed[at - 1] == '\t') ? 1U : 0U;
        if (words > k_max_heading_words) {
            return true;
        }
    }
    return false;
}

/// Whether `line` can be a heading: not too many words, not empty once keyed. Its key is made into `key`.
bool heading_candidate(const ResumeLine& line, std::size_t longest, std::string& key) {
    if (too_many_words(line.text)) {
        return false;
    }
    heading_key(line.text, key, longest);
    return !key.empty();
}

}  // namespace

SectionHeadings::SectionHeadings(const ResumeRules& rules) {
    std::string key;
    for (const ResumeSection& section : rules.sections) {
        for (const std::string& heading : section.headings) {
            heading_key(heading, key);
            m_sections.try_emplace(key, section.id);  // the first section to list a heading keeps it
            m_longest = std::max(m_longest, key.size());
        }
    }
}

std::string_view SectionHeadings::find(const std::string& key) const {
    const auto found = m_sections.find(key);
    return found == m_sections.end() ? std::string_view() : std::string_view(found->second);
}

void assign_sections(ResumeDocument& document, const SectionHeadings& headings) {
    thread_local std::string key;  // kept: a line's key costs no allocation
    std::string_view current;
    for (ResumeLine& line : document.lines) {
        if (line.section != 0) {
            continue;  // the format knew it (JSON Resume)
        }
        if (heading_candidate(line, headings.longest(), key)) {
            if (const std::string_view section = headings.find(key); !section.empty()) {
                line.heading = true;
                current = section;
            }
        }
        // Any other heading (a job title under Experience, a project name) stays in the section it is in.
        document.set_section(line, current);
    }
}

void assign_sections(ResumeDocument& document, const ResumeRules& rules) {
    assign_sections(document, SectionHeadings(rules));
}

}  // namespace apigap
