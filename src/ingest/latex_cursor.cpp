#include "ingest/latex_cursor.hpp"

#include <algorithm>
#include <iterator>

namespace apigap::ingest_detail {

void LatexCursor::start_at_body() {
    constexpr std::string_view k_begin = "\\begin{document}";
    std::size_t at = m_tex.find(k_begin);
    while (at != k_none) {
        const std::size_t line_start = m_tex.rfind('\n', at) == k_none ? 0 : m_tex.rfind('\n', at) + 1;
        bool commented = false;
        for (std::size_t k = line_start; k < at && !commented; ++k) {
            if (m_tex[k] == '\\') {
                ++k;
            } else {
                commented = m_tex[k] == '%';
            }
        }
        if (!commented) {
            read_switches(at);
            advance_to(at);
            return;
        }
        const std::size_t next_line = m_tex.find('\n', at);  // the rest of this line is comment too
        at = next_line == k_none ? k_none : m_tex.find(k_begin, next_line);
    }
}

void LatexCursor::read_switches(std::size_t end) {
    bool declaring = false;  // after `\newif`
    for (std::size_t at = 0; at < end; ++at) {
        if (m_tex[at] == '%') {
            at = std::min(m_tex.find('\n', at), end);
            continue;
        }
        if (m_tex[at] != '\\') {
            continue;
        }
        const std::size_t start = at + 1;
        std::size_t stop = start;
        while (stop < end && is_letter(m_tex[stop])) {
            ++stop;
        }
        const std::string_view name = m_tex.substr(start, stop - start);
        if (declaring && name.size() > 2 && name.substr(0, 2) == "if") {
            m_switches[std::string(name.substr(2))] = false;
        } else {
            set_switch(name);
        }
        declaring = name == "newif";
        at = std::max(stop, start + 1) - 1;
    }
}

std::optional<bool> LatexCursor::switch_test(std::string_view name) const {
    if (name.substr(0, 2) != "if") {
        return std::nullopt;
    }
    const auto known = m_switches.find(name.substr(2));
    return known == m_switches.end() ? std::nullopt : std::optional<bool>(known->second);
}

bool LatexCursor::set_switch(std::string_view name) {
    for (const bool state : {true, false}) {
        const std::string_view suffix = state ? "true" : "false";
        if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
            const auto known = m_switches.find(name.substr(0, name.size() - suffix.size()));
            if (known != m_switches.end()) {
                known->second = state;
                return true;
            }
        }
    }
    return false;
}

void LatexCursor::advance_to(std::size_t position) {
    position = std::min(position, m_tex.size());
    m_line += static_cast<int>(std::count(m_tex.begin() + static_cast<std::ptrdiff_t>(m_pos),
                                          m_tex.begin() + static_cast<std::ptrdiff_t>(position), '\n'));
    m_pos = position;
}

std::size_t LatexCursor::next_is(char open) const {
    std::size_t at = m_pos;
    bool line_break = false;
    while (at < m_tex.size() &&
           (m_tex[at] == ' ' || m_tex[at] == '\t' || m_tex[at] == '\r' || (m_tex[at] == '\n' && !line_break))) {
        line_break = line_break || m_tex[at] == '\n';
        ++at;
    }
    return at < m_tex.size() && m_tex[at] == open ? at : k_none;
}

std::size_t LatexCursor::group_end(std::size_t at, char open, char close, bool verbatim) const {
    int depth = 0;
    int braces = 0;
    for (; at < m_tex.size(); ++at) {
        const char c = m_tex[at];
        if (c == '\\') {
            ++at;
        } else if (c == '%' && !verbatim) {
            at = std::min(m_tex.find('\n', at), m_tex.size()) - 1;
        } else if (open != '{' && (c == '{' || c == '}')) {
            braces += c == '{' ? 1 : -1;
        } else if (c == open && braces <= 0) {
            ++depth;
        } else if (c == close && braces <= 0 && --depth == 0) {
            return at + 1;
        }
    }
    return m_tex.size();
}

std::size_t LatexCursor::conditional_end(std::size_t at, bool at_else) const {
    int depth = 0;
    bool defining = false;  // after `\newif`, whose `\ifname` opens nothing
    while (at < m_tex.size()) {
        const char c = m_tex[at++];
        if (c == '%') {
            at = std::min(m_tex.find('\n', at), m_tex.size());
            continue;
        }
        if (c != '\\') {
            continue;
        }
        const std::size_t start = at;
        while (at < m_tex.size() && is_letter(m_tex[at])) {
            ++at;
        }
        if (at == start) {
            ++at;  // a control symbol: `\%`, `\\`
            continue;
        }
        const std::string_view name = m_tex.substr(start, at - start);
        if (name.substr(0, 2) == "if" && name != "ifthenelse" && !defining) {
            ++depth;
        } else if ((name == "fi" && depth-- == 0) || (name == "else" && depth == 0 && at_else)) {
            return at;
        }
        defining = name == "newif";
    }
    return m_tex.size();
}

std::string_view LatexCursor::command_name() {
    const std::size_t start = m_pos;
    while (m_pos < m_tex.size() && is_letter(m_tex[m_pos])) {
        ++m_pos;
    }
    const std::string_view name = m_tex.substr(start, m_pos - start);
    if (m_pos < m_tex.size() && m_tex[m_pos] == '*') {
        ++m_pos;
    }
    return name;
}

void LatexCursor::skip_spaces() {
    while (m_pos < m_tex.size() && (m_tex[m_pos] == ' ' || m_tex[m_pos] == '\t')) {
        ++m_pos;
    }
}

}  // namespace apigap::ingest_detail
