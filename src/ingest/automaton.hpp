// The Aho–Corasick automaton of the keyword engine, compiled to a DFA.
#pragma once

#include <array>
#include <cstdint>
#include <span>
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

/// A compiled automaton's tables, as views: into the `Automaton` that built them, or into the tables compiled into
/// the program for the built-in knowledge base (`builtin_automaton_tables`).
struct AutomatonTables {
    std::span<const char> pattern_bytes;          ///< the patterns, in order of id, one after the other
    std::span<const std::uint32_t> pattern_ends;  ///< by pattern: where it ends in `pattern_bytes`
    std::array<std::uint8_t, 256> byte_class{};   ///< by byte: its class
    std::uint32_t classes = 0;
    std::span<const std::uint16_t> next16;  ///< the transitions while the states fit in 15 bits, else empty
    std::span<const std::uint32_t> next32;  ///< the transitions otherwise, else empty
    std::span<const std::uint32_t> output;  ///< by state: the first pattern that ends there, or `k_none`
    std::span<const std::uint32_t> same;    ///< by pattern: the next pattern that ends in its state, or `k_none`
    std::span<const std::uint32_t> suffix;  ///< by state: the longest proper suffix state with an output, or `k_none`
    std::span<const std::uint8_t> confirm;  ///< by pattern: 1 when it has shared classes, and is confirmed as written

    /// The bytes of pattern `id`.
    [[nodiscard]] std::string_view pattern(std::uint32_t id) const {
        const std::uint32_t start = id == 0 ? 0 : pattern_ends[id - 1];
        return {pattern_bytes.data() + start, pattern_ends[id] - start};
    }
};

/// The tables compiled at build time (`apigap_keyword_compile`, src/ingest/keyword_compile.cpp) for the patterns of
/// the built-in knowledge base, or null in that compiler itself (automaton_none.cpp).
[[nodiscard]] const AutomatonTables* builtin_automaton_tables();

/// Aho–Corasick over bytes, compiled to a DFA whose alphabet is the byte classes that occur in the patterns (every
/// other byte is class 0). An ASCII byte of a pattern is a class of its own; the bytes of other scripts share
/// `k_wide_classes` classes, so that a knowledge base with Chinese and Cyrillic spellings keeps the table small (its
/// size, and the time to build it, is the states times the classes): a pattern with such bytes is confirmed against
/// the text when its state is reached.
///
/// Its tables point into its own storage or into static tables, so it is moved, never copied.
class Automaton {
public:
    Automaton() = default;
    Automaton(const Automaton&) = delete;
    Automaton& operator=(const Automaton&) = delete;
    Automaton(Automaton&&) noexcept = default;
    Automaton& operator=(Automaton&&) noexcept = default;
    ~Automaton() = default;

    /// The id of `pattern` (not empty), added if it is new. Only before `compile`.
    std::uint32_t add(const std::string& pattern);

    /// Builds the DFA from the patterns added so far, or takes `prebuilt`'s tables when they were built from the
    /// same patterns in the same order.
    void compile(const AutomatonTables* prebuilt = nullptr);

    /// The compiled tables: valid while this automaton lives.
    [[nodiscard]] const AutomatonTables& tables() const { return m_tables; }

    /// Calls `on_match(id, end)` for every occurrence of every pattern in `text`, in order of `end`.
    template <class OnMatch>
    void scan(std::string_view text, OnMatch&& on_match) const {
        if (m_tables.next32.empty()) {
            scan_with(m_tables.next16, text, on_match);
        } else {
            scan_with(m_tables.next32, text, on_match);
        }
    }

private:
    /// The transitions, at `state * classes + class`: each the next state, with the top bit set when that state
    /// ends a pattern or has a suffix that does (the scan looks up outputs only then). In 16 bits while the states
    /// fit, so that the table (some 9,400 states × 46 classes for the built-in knowledge base) stays in the core's
    /// second-level cache.
    template <class Cell, class OnMatch>
    void scan_with(std::span<const Cell> next_of, std::string_view text, OnMatch& on_match) const {
        const AutomatonTables& t = m_tables;
        const auto report = [&](std::uint32_t state, std::size_t end) {
            for (std::uint32_t id = t.output[state]; id != k_none; id = t.same[id]) {
                if (t.confirm[id] == 0) {
                    on_match(id, end);
                    continue;
                }
                const std::string_view bytes = t.pattern(id);
                if (end >= bytes.size() && text.compare(end - bytes.size(), bytes.size(), bytes) == 0) {
                    on_match(id, end);
                }
            }
        };
        constexpr Cell k_reports = static_cast<Cell>(Cell{1} << (sizeof(Cell) * 8 - 1));
        const std::size_t classes = t.classes;
        std::uint32_t state = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const Cell next = next_of[std::size_t{state} * classes + t.byte_class[static_cast<unsigned char>(text[i])]];
            state = static_cast<Cell>(next & static_cast<Cell>(~k_reports));
            if ((next & k_reports) == 0) {
                continue;
            }
            for (std::uint32_t s = t.output[state] != k_none ? state : t.suffix[state]; s != k_none; s = t.suffix[s]) {
                report(s, i + 1);
            }
        }
    }

    /// The patterns' trie, its states numbered in order of creation (the root is 0): the class of the edge into each
    /// state, its children as a list, and the last pattern that ends there.
    struct Trie {
        std::vector<std::uint8_t> edge_class;
        std::vector<std::uint32_t> first_child;
        std::vector<std::uint32_t> next_sibling;
        std::vector<std::uint32_t> output;
    };

    /// Builds the tables from the patterns added.
    void build();

    /// Whether `prebuilt` was built from the patterns added, in the same order.
    [[nodiscard]] bool same_patterns(const AutomatonTables& prebuilt) const;

    /// The trie of the patterns added, and `m_same` for the patterns that end in the same state.
    Trie build_trie();

    /// Turns `trie` into the DFA: `table`, `m_output` and `m_suffix`.
    template <class Cell>
    void link(const Trie& trie, std::vector<Cell>& table);

    std::vector<std::string> m_patterns;  ///< until `compile`
    std::unordered_map<std::string, std::uint32_t> m_ids;
    AutomatonTables m_tables;
    // What `m_tables` points to when this automaton built them.
    std::vector<char> m_pattern_bytes;
    std::vector<std::uint32_t> m_pattern_ends;
    std::vector<std::uint16_t> m_next16;
    std::vector<std::uint32_t> m_next32;
    std::vector<std::uint32_t> m_output;
    std::vector<std::uint32_t> m_same;
    std::vector<std::uint32_t> m_suffix;
    std::vector<std::uint8_t> m_confirm;
};

}  // namespace apigap::ingest_detail
