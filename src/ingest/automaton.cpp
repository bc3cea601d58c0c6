// Building the keyword automaton: a trie of the patterns, then failure links.
#include "automaton.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace apigap::ingest_detail {

std::uint32_t Automaton::add(const std::string& pattern) {
    const auto [it, added] = m_ids.try_emplace(pattern, static_cast<std::uint32_t>(m_patterns.size()));
    if (added) {
        m_patterns.push_back(pattern);
    }
    return it->second;
}

void Automaton::compile(const AutomatonTables* prebuilt) {
    if (prebuilt != nullptr && same_patterns(*prebuilt)) {
        m_tables = *prebuilt;
    } else {
        build();
    }
    m_patterns.clear();
    m_ids.clear();
}

void Automaton::build() {
    std::array<std::uint8_t, 256>& byte_class = m_tables.byte_class;
    byte_class.fill(0);
    std::uint32_t classes = 1 + k_wide_classes;
    for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
        byte_class[byte] = static_cast<std::uint8_t>(1 + byte % k_wide_classes);
    }
    m_same.assign(m_patterns.size(), k_none);
    m_confirm.assign(m_patterns.size(), 0);
    for (std::uint32_t id = 0; id < m_patterns.size(); ++id) {
        for (const char c : m_patterns[id]) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte >= 0x80) {
                m_confirm[id] = 1;
            } else if (byte_class[byte] == 0) {
                byte_class[byte] = static_cast<std::uint8_t>(classes++);
            }
        }
        m_pattern_bytes.insert(m_pattern_bytes.end(), m_patterns[id].begin(), m_patterns[id].end());
        m_pattern_ends.push_back(static_cast<std::uint32_t>(m_pattern_bytes.size()));
    }
    m_tables.classes = classes;
    const Trie trie = build_trie();
    if (trie.edge_class.size() <= 0x8000U) {
        link<std::uint16_t>(trie, m_next16);
    } else {
        // Each state takes a byte of a pattern, and a knowledge base is read whole into memory: far below 2^31.
        link<std::uint32_t>(trie, m_next32);
    }
    m_tables.pattern_bytes = m_pattern_bytes;
    m_tables.pattern_ends = m_pattern_ends;
    m_tables.next16 = m_next16;
    m_tables.next32 = m_next32;
    m_tables.output = m_output;
    m_tables.same = m_same;
    m_tables.suffix = m_suffix;
    m_tables.confirm = m_confirm;
}

bool Automaton::same_patterns(const AutomatonTables& prebuilt) const {
    if (prebuilt.pattern_ends.size() != m_patterns.size()) {
        return false;
    }
    for (std::uint32_t id = 0; id < m_patterns.size(); ++id) {
        if (prebuilt.pattern(id) != m_patterns[id]) {
            return false;
        }
    }
    return true;
}

Automaton::Trie Automaton::build_trie() {
    std::size_t bytes = 0;
    for (const std::string& pattern : m_patterns) {
        bytes += pattern.size();
    }
    Trie trie;
    for (auto* column : {&trie.first_child, &trie.next_sibling, &trie.output}) {
        column->reserve(bytes + 1);
        column->push_back(k_none);
    }
    trie.edge_class.reserve(bytes + 1);
    trie.edge_class.push_back(0);
    for (std::uint32_t id = 0; id < m_patterns.size(); ++id) {
        std::uint32_t state = 0;
        for (const char c : m_patterns[id]) {
            const std::uint8_t cls = m_tables.byte_class[static_cast<unsigned char>(c)];
            std::uint32_t child = trie.first_child[state];
            while (child != k_none && trie.edge_class[child] != cls) {
                child = trie.next_sibling[child];
            }
            if (child == k_none) {
                child = static_cast<std::uint32_t>(trie.edge_class.size());
                trie.edge_class.push_back(cls);
                trie.first_child.push_back(k_none);
                trie.next_sibling.push_back(trie.first_child[state]);
                trie.output.push_back(k_none);
                trie.first_child[state] = child;
            }
            state = child;
        }
        m_same[id] = trie.output[state];  // patterns with shared classes may end in the same state
        trie.output[state] = id;
    }
    return trie;
}

template <class Cell>
void Automaton::link(const Trie& trie, std::vector<Cell>& table) {
    // One pass, breadth first, numbering the states in the order it finds them, so that the shallow states, where a
    // scan spends most of its steps, share cache lines: a state's row starts as a copy of its failure state's (found
    // earlier, so complete), then takes back its own children. A cell's top bit says that its target state ends a
    // pattern or has a suffix that does.
    constexpr Cell k_report_bit = static_cast<Cell>(Cell{1} << (sizeof(Cell) * 8 - 1));
    const std::size_t states = trie.edge_class.size();
    const std::uint32_t classes = m_tables.classes;
    table.assign(states * classes, 0);
    m_output.assign(states, k_none);
    m_suffix.assign(states, k_none);
    std::vector<std::uint32_t> order;  // by number: the trie's state
    order.reserve(states);
    std::vector<std::uint32_t> fail(states, 0);  // by number
    order.push_back(0);
    m_output[0] = trie.output[0];
    for (std::size_t number = 0; number < order.size(); ++number) {
        Cell* const row = table.data() + number * classes;
        if (number != 0) {
            const Cell* const fail_row = table.data() + std::size_t{fail[number]} * classes;
            std::memcpy(row, fail_row, classes * sizeof(Cell));
        }
        for (std::uint32_t child = trie.first_child[order[number]]; child != k_none; child = trie.next_sibling[child]) {
            const auto child_number = static_cast<std::uint32_t>(order.size());
            order.push_back(child);
            // The row is still its failure state's here: where that state goes on the child's class.
            const auto child_fail = static_cast<std::uint32_t>(row[trie.edge_class[child]] & ~k_report_bit);
            fail[child_number] = child_fail;
            m_output[child_number] = trie.output[child];
            m_suffix[child_number] = m_output[child_fail] != k_none ? child_fail : m_suffix[child_fail];
            const bool reports = m_output[child_number] != k_none || m_suffix[child_number] != k_none;
            row[trie.edge_class[child]] = static_cast<Cell>(child_number | (reports ? k_report_bit : 0U));
        }
    }
}

}  // namespace apigap::ingest_detail
