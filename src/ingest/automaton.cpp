// Building the keyword automaton: a trie of the patterns, then failure links.
#include "automaton.hpp"

#include <algorithm>
#include <utility>

namespace apigap::ingest_detail {

std::uint32_t Automaton::add(const std::string& pattern) {
    const auto [it, added] = m_ids.try_emplace(pattern, static_cast<std::uint32_t>(m_patterns.size()));
    if (added) {
        m_patterns.push_back(pattern);
    }
    return it->second;
}

void Automaton::compile() {
    m_class.fill(0);
    m_classes = 1 + k_wide_classes;
    for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
        m_class[byte] = static_cast<std::uint8_t>(1 + byte % k_wide_classes);
    }
    m_same.assign(m_patterns.size(), k_none);
    m_confirm.assign(m_patterns.size(), std::string());
    for (std::uint32_t id = 0; id < m_patterns.size(); ++id) {
        for (const char c : m_patterns[id]) {
            const auto byte = static_cast<unsigned char>(c);
            auto& cls = m_class[byte];
            if (byte >= 0x80) {
                m_confirm[id] = m_patterns[id];
            } else if (cls == 0) {
                cls = static_cast<std::uint8_t>(m_classes++);
            }
        }
    }
    std::size_t bytes = 0;
    for (const std::string& pattern : m_patterns) {
        bytes += pattern.size();
    }
    m_next.reserve((bytes + 1) * m_classes);  // a state per byte at most: the table never moves while it grows
    m_next.assign(m_classes, k_none);
    m_output.assign(1, k_none);
    for (std::uint32_t id = 0; id < m_patterns.size(); ++id) {
        std::uint32_t state = 0;
        for (const char c : m_patterns[id]) {
            const std::size_t slot = cell(state, c);
            if (m_next[slot] == k_none) {
                m_next[slot] = static_cast<std::uint32_t>(m_output.size());
                m_output.push_back(k_none);
                m_next.resize(m_next.size() + m_classes, k_none);
            }
            state = m_next[slot];
        }
        m_same[id] = m_output[state];  // patterns with shared classes may end in the same state
        m_output[state] = id;
    }
    renumber(link());
    m_patterns.clear();
    m_ids.clear();
}

std::vector<std::uint32_t> Automaton::link() {
    // The breadth-first queue is the order itself: states are appended as found, and read from `head`.
    std::vector<std::uint32_t> order{0};
    order.reserve(m_output.size());
    std::vector<std::uint32_t> fail(m_output.size(), 0);
    m_suffix.assign(m_output.size(), k_none);
    for (std::uint32_t c = 0; c < m_classes; ++c) {
        std::uint32_t& next = m_next[c];
        if (next == k_none) {
            next = 0;
        } else {
            order.push_back(next);
        }
    }
    // Most edges are missing (a state has a child or two): each row starts as a copy of its failure state's,
    // complete already in breadth-first order, and then takes back its own children.
    std::vector<std::uint32_t> children(m_classes);
    for (std::size_t head = 1; head < order.size(); ++head) {
        const std::uint32_t state = order[head];
        std::uint32_t* row = m_next.data() + std::size_t{state} * m_classes;
        const std::uint32_t* fail_row = m_next.data() + std::size_t{fail[state]} * m_classes;
        std::copy(row, row + m_classes, children.begin());
        std::copy(fail_row, fail_row + m_classes, row);
        for (std::uint32_t c = 0; c < m_classes; ++c) {
            const std::uint32_t child = children[c];
            if (child == k_none) {
                continue;
            }
            const std::uint32_t via_fail = row[c];
            row[c] = child;
            fail[child] = via_fail;
            m_suffix[child] = m_output[via_fail] != k_none ? via_fail : m_suffix[via_fail];
            order.push_back(child);
        }
    }
    return order;
}

namespace {

/// `next`, the transitions of the states in `order` renumbered by `number`,
/// as a table of `Cell`s whose top bit says the target state reports.
template <class Cell>
std::vector<Cell> renumbered(const std::vector<std::uint32_t>& next, std::uint32_t classes,
                             const std::vector<std::uint32_t>& order, const std::vector<std::uint32_t>& number,
                             const std::vector<std::uint8_t>& reports) {
    constexpr Cell k_report_bit = static_cast<Cell>(Cell{1} << (sizeof(Cell) * 8 - 1));
    std::vector<Cell> cell_of(order.size());  // by old state: its cell in the table
    for (std::size_t old = 0; old < order.size(); ++old) {
        cell_of[old] = static_cast<Cell>(number[old] | (reports[old] != 0 ? k_report_bit : 0U));
    }
    std::vector<Cell> table(next.size());
    for (std::size_t index = 0; index < order.size(); ++index) {
        const std::uint32_t* row = next.data() + std::size_t{order[index]} * classes;
        Cell* out = table.data() + index * classes;
        for (std::uint32_t c = 0; c < classes; ++c) {
            out[c] = cell_of[row[c]];
        }
    }
    return table;
}

}  // namespace

void Automaton::renumber(const std::vector<std::uint32_t>& order) {
    std::vector<std::uint32_t> number(order.size(), k_none);
    for (std::uint32_t index = 0; index < order.size(); ++index) {
        number[order[index]] = index;
    }
    std::vector<std::uint8_t> reports(order.size());
    std::vector<std::uint32_t> output(order.size());
    std::vector<std::uint32_t> suffix(order.size());
    for (std::uint32_t index = 0; index < order.size(); ++index) {
        const std::uint32_t old = order[index];
        reports[old] = m_output[old] != k_none || m_suffix[old] != k_none ? 1 : 0;
        output[index] = m_output[old];
        suffix[index] = m_suffix[old] == k_none ? k_none : number[m_suffix[old]];
    }
    if (order.size() <= 0x8000U) {
        m_next16 = renumbered<std::uint16_t>(m_next, m_classes, order, number, reports);
    } else {
        // Each state takes a byte of a pattern, and a knowledge base is read whole into memory: far below 2^31.
        m_next32 = renumbered<std::uint32_t>(m_next, m_classes, order, number, reports);
    }
    m_next = {};
    m_output = std::move(output);
    m_suffix = std::move(suffix);
}

}  // namespace apigap::ingest_detail
