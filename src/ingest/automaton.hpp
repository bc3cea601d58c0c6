// The Aho–Corasick automaton of the keyword engine, compiled to a DFA.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace apigap::ingest_detail {

/// No state, no pattern.
inline constexpr std::uint32_t k_none = UINT32_MAX;

/// The classes that the bytes 0x80–0xFF share, by their value modulo this: non-ASCII spellings are few and confirmed
/// anyway, but with one class every Chinese pattern of a length ends in the same state, and a line of Chinese reaches
/// it, and confirms them all, at every byte (callgrind, batch over 210 Chinese resumes: 2.51 G instructions with one
/// class, 0.87 G with two, 0.86 G with four; building it at every start, 0.7 M more with two than with one).
inline constexpr std::uint32_t k_wide_classes = 2;

/// Aho–Corasick over bytes, compiled to a DFA whose alphabet is the byte classes that occur in the patterns (every
/// other byte is class 0). An ASCII byte of a pattern is a class of its own; the bytes of other scripts share
/// `k_wide_classes` classes, so that a knowledge base with Chinese and Cyrillic spellings keeps the table small (its
/// size, and the time to build it, is the states times the classes): a pattern with such bytes is confirmed against
/// the text when its state is reached.
class Automaton {
public:
    /// The id of `pattern` (not empty), added if it is new. Only before `compile`.
    std::uint32_t add(const std::string& pattern);

    /// Builds the DFA from the patterns added so far.
    void compile();

    /// Calls `on_match(id, end)` for every occurrence of every pattern in `text`, in order of `end`.
    template <class OnMatch>
    void scan(std::string_view text, OnMatch&& on_match) const {
        if (m_next32.empty()) {
            scan_with(m_next16, text, on_match);
        } else {
            scan_with(m_next32, text, on_match);
        }
    }

private:
    /// The transitions, at `state * m_classes + class`: each the next state,
    /// with the top bit set when that state ends a pattern or has a suffix
    /// that does (the scan looks up outputs only then). In 16 bits while the
    /// states fit, so that the table (some 8,000 states × 45 classes for the
    /// built-in knowledge base) stays in the core's cache.
    template <class Cell, class OnMatch>
    void scan_with(const std::vector<Cell>& next_of, std::string_view text, OnMatch& on_match) const {
        const auto report = [&](std::uint32_t state, std::size_t end) {
            for (std::uint32_t id = m_output[state]; id != k_none; id = m_same[id]) {
                const std::string& bytes = m_confirm[id];
                if (bytes.empty() ||
                    (end >= bytes.size() && text.compare(end - bytes.size(), bytes.size(), bytes) == 0)) {
                    on_match(id, end);
                }
            }
        };
        constexpr Cell k_reports = static_cast<Cell>(Cell{1} << (sizeof(Cell) * 8 - 1));
        std::uint32_t state = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const Cell next = next_of[cell(state, text[i])];
            state = static_cast<Cell>(next & static_cast<Cell>(~k_reports));
            if ((next & k_reports) == 0) {
                continue;
            }
            for (std::uint32_t s = m_output[state] != k_none ? state : m_suffix[state]; s != k_none; s = m_suffix[s]) {
                report(s, i + 1);
            }
        }
    }

    [[nodiscard]] std::size_t cell(std::uint32_t state, char c) const {
        return std::size_t{state} * m_classes + m_class[static_cast<unsigned char>(c)];
    }

    /// The patterns' trie, its states numbered in order of creation (the root is 0): the class of the edge into each
    /// state, its children as a list, and the last pattern that ends there.
    struct Trie {
        std::vector<std::uint8_t> edge_class;
        std::vector<std::uint32_t> first_child;
        std::vector<std::uint32_t> next_sibling;
        std::vector<std::uint32_t> output;
    };

    /// The trie of the patterns added, and `m_same` for the patterns that end in the same state.
    Trie build_trie();

    /// Turns `trie` into the DFA: `table`, `m_output` and `m_suffix`.
    template <class Cell>
    void link(const Trie& trie, std::vector<Cell>& table);

    std::vector<std::string> m_patterns;
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::array<std::uint8_t, 256> m_class{};
    std::uint32_t m_classes = 0;
    std::vector<std::uint16_t> m_next16;  ///< the scan's table while the states fit in 15 bits
    std::vector<std::uint32_t> m_next32;  ///< the scan's table otherwise
    std::vector<std::uint32_t> m_output;  ///< the first pattern that ends in each state, or `k_none`
    std::vector<std::uint32_t> m_same;    ///< by pattern: the next pattern that ends in its state, or `k_none`
    std::vector<std::string> m_confirm;   ///< by pattern: its bytes when it has shared classes, else empty
    std::vector<std::uint32_t> m_suffix;  ///< the longest proper suffix state with an output, or `k_none`
};

}  // namespace apigap::ingest_detail
