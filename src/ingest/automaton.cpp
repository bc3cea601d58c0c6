// Building the keyword automaton: a trie of the patterns, then failure links.
#include "automaton.hpp"

#include <deque>

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
    m_classes = 1;
    for (const std::string& pattern : m_patterns) {
        for (const char c : pattern) {
            auto& cls = m_class[static_cast<unsigned char>(c)];
            if (cls == 0) {
                cls = static_cast<std::uint8_t>(m_classes++);
            }
        }
    }
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
        m_output[state] = id;
    }
    link();
    m_patterns.clear();
    m_ids.clear();
}

void Automaton::link() {
    std::vector<std::uint32_t> fail(m_output.size(), 0);
    m_suffix.assign(m_output.size(), k_none);
    std::deque<std::uint32_t> queue;
    for (std::uint32_t c = 0; c < m_classes; ++c) {
        std::uint32_t& next = m_next[c];
        if (next == k_none) {
            next = 0;
        } else {
            queue.push_back(next);
        }
    }
    while (!queue.empty()) {
        const std::uint32_t state = queue.front();
        queue.pop_front();
        for (std::uint32_t c = 0; c < m_classes; ++c) {
            const std::size_t slot = std::size_t{state} * m_classes + c;
            const std::uint32_t via_fail = m_next[std::size_t{fail[state]} * m_classes + c];
            if (m_next[slot] == k_none) {
                m_next[slot] = via_fail;
                continue;
            }
            const std::uint32_t child = m_next[slot];
            fail[child] = via_fail;
            m_suffix[child] = m_output[via_fail] != k_none ? via_fail : m_suffix[via_fail];
            queue.push_back(child);
        }
    }
    m_next.shrink_to_fit();
    m_output.shrink_to_fit();
}

}  // namespace apigap::ingest_detail
