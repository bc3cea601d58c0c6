// A resume's lines and the arena that keeps their text (include/apigap/resume.hpp).
#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <utility>

#include "apigap/resume.hpp"

namespace apigap {

namespace {

/// The bytes of an arena block: large enough that a resume takes a handful, small enough for a short one.
constexpr std::size_t k_block_bytes = 64 * 1024;

}  // namespace

TextArena::TextArena(TextArena&& other) noexcept
    : m_blocks(std::move(other.m_blocks)),
      m_used(std::exchange(other.m_used, 0)),
      m_capacity(std::exchange(other.m_capacity, 0)),
      m_first_capacity(std::exchange(other.m_first_capacity, 0)) {
    other.m_blocks.clear();
}

TextArena& TextArena::operator=(TextArena&& other) noexcept {
    if (this != &other) {
        m_blocks = std::move(other.m_blocks);
        other.m_blocks.clear();
        m_used = std::exchange(other.m_used, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
        m_first_capacity = std::exchange(other.m_first_capacity, 0);
    }
    return *this;
}

std::string_view TextArena::keep(std::string_view text) {
    if (text.empty()) {
        return {};
    }
    if (m_capacity - m_used < text.size()) {
        m_capacity = std::max(k_block_bytes, text.size());
        // Not zeroed: every byte handed out is written first, and zeroing 64 KiB cost more than a resume's lines.
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(m_capacity));
        m_first_capacity = m_blocks.size() == 1 ? m_capacity : m_first_capacity;
        m_used = 0;
    }
    char* const start = m_blocks.back().get() + m_used;
    std::memcpy(start, text.data(), text.size());
    m_used += text.size();
    return {start, text.size()};
}

void TextArena::clear() {
    if (m_blocks.size() > 1) {
        m_blocks.resize(1);
    }
    m_used = 0;
    m_capacity = m_blocks.empty() ? 0 : m_first_capacity;
}

// A resume of many short lines spends much of its memory on them.
static_assert(sizeof(void*) != 8 || sizeof(ResumeLine) == 24, "ResumeLine's flags must stay in its last byte");

std::size_t ResumeDocument::numbered_lines() const {
    int last = 0;
    for (const ResumeLine& line : lines) {
        last = std::max(last, line.number);
    }
    return static_cast<std::size_t>(last);
}

void ResumeDocument::clear() {
    source.clear();
    format = InputFormat::text;
    lines.clear();
    warnings.clear();
    m_text.clear();
    m_sections.resize(1);
    m_sections.front().clear();
}

ResumeLine& ResumeDocument::add_line(int number, std::string_view text, bool heading, std::string_view section) {
    return lines.emplace_back(ResumeLine{m_text.keep(text), number, section_number(section), heading});
}

void ResumeDocument::set_text(ResumeLine& line, std::string_view text) {
    line.text = m_text.keep(text);
}

std::string_view ResumeDocument::section_of(const ResumeLine& line) const {
    return line.section < m_sections.size() ? std::string_view(m_sections[line.section]) : std::string_view();
}

void ResumeDocument::set_section(ResumeLine& line, std::string_view section) {
    line.section = section_number(section);
}

std::uint16_t ResumeDocument::section_number(std::string_view section) {
    if (m_sections.empty()) {
        m_sections.emplace_back();  // a document moved from
    }
    // A document has a dozen sections at most, and its lines come section by section: the last one is checked first.
    if (m_sections.back() == section) {
        return static_cast<std::uint16_t>(m_sections.size() - 1);
    }
    const auto known = std::find(m_sections.begin(), m_sections.end(), section);
    if (known != m_sections.end()) {
        return static_cast<std::uint16_t>(known - m_sections.begin());
    }
    if (m_sections.size() > UINT16_MAX) {
        throw std::length_error("a resume with more than 65,535 section names");
    }
    m_sections.emplace_back(section);
    return static_cast<std::uint16_t>(m_sections.size() - 1);
}

}  // namespace apigap
