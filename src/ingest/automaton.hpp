// The Aho–Corasick automaton of the keyword engine, compiled to a DFA.
#pragma once

#include <algorithm>
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
        scan_each(std::array<std::string_view, 1>{text},
                  [&](std::size_t /*text*/, std::uint32_t id, std::size_t end) { on_match(id, end); });
    }

    /// `scan(texts[k], ...)` of each of the texts in one loop, calling `on_match(k, id, end)`: the scan waits on each
    /// byte's transition, a load that depends on the one before, and several texts give the core as many such chains
    /// to overlap.
    template <std::size_t N, class OnMatch>
    void scan_each(const std::array<std::string_view, N>& texts, OnMatch&& on_match) const {
        if (m_tables.next32.empty()) {
            scan_each_with(m_tables.next16, texts, on_match);
        } else {
            scan_each_with(m_tables.next32, texts, on_match);
        }
    }

private:
    /// The transitions, at `state * classes + class`: each the next state, with the top bit set when that state
    /// ends a pattern or has a suffix that does (the scan looks up outputs only then). In 16 bits while the states
    /// fit, so that the table (some 9,400 states × 46 classes for the built-in knowledge base) stays in the core's
    /// second-level cache.
    template <class Cell, std::size_t N, class OnMatch>
    void scan_each_with(std::span<const Cell> next_of, const std::array<std::string_view, N>& texts,
                        OnMatch& on_match) const {
        std::array<std::size_t, N> chains{};
        for (std::size_t k = 0; k < N; ++k) {
            chains[k] = k;
        }
        scan_chains(next_of, texts, chains, std::array<std::uint32_t, N>{}, 0, on_match);
    }

    /// Runs the chains `chains` (each the number of the text it scans, in `states`) side by side from byte `from`
    /// until the shortest of their texts ends, then the others on with one chain fewer: the texts of a run differ
    /// by a line or so, and a chain alone waits on each of its loads.
    template <class Cell, std::size_t N, std::size_t M, class OnMatch>
    void scan_chains(std::span<const Cell> next_of, const std::array<std::string_view, N>& texts,
                     const std::array<std::size_t, M>& chains, std::array<std::uint32_t, M> states, std::size_t from,
                     OnMatch& on_match) const {
        constexpr Cell k_reports = static_cast<Cell>(Cell{1} << (sizeof(Cell) * 8 - 1));
        const AutomatonTables& t = m_tables;
        const std::size_t classes = t.classes;
        std::array<const char*, M> bytes{};
        std::size_t shortest = SIZE_MAX;
        std::size_t ends_first = 0;  // the chain whose text ends first
        for (std::size_t k = 0; k < M; ++k) {
            bytes[k] = texts[chains[k]].data();
            if (texts[chains[k]].size() < shortest) {
                shortest = texts[chains[k]].size();
                ends_first = k;
            }
        }
        for (std::size_t i = from; i < shortest; ++i) {
            std::array<Cell, M> cells{};
            Cell any = 0;
#pragma GCC unroll 8
            for (std::size_t k = 0; k < M; ++k) {
                cells[k] =
                    next_of[std::size_t{states[k]} * classes + t.byte_class[static_cast<unsigned char>(bytes[k][i])]];
                states[k] = static_cast<Cell>(cells[k] & static_cast<Cell>(~k_reports));
                any = static_cast<Cell>(any | cells[k]);
            }
            if ((any & k_reports) != 0) [[unlikely]] {
                for (std::size_t k = 0; k < M; ++k) {
                    if ((cells[k] & k_reports) != 0) {
                        report_all(texts[chains[k]], states[k], i + 1,
                                   [&](std::uint32_t id, std::size_t end) { on_match(chains[k], id, end); });
                    }
                }
            }
        }
        if constexpr (M > 1) {
            std::array<std::size_t, M - 1> rest{};
            std::array<std::uint32_t, M - 1> rest_states{};
            for (std::size_t k = 0, kept = 0; k < M; ++k) {
                if (k != ends_first) {
                    rest[kept] = chains[k];
                    rest_states[kept++] = states[k];
                }
            }
            scan_chains(next_of, texts, rest, rest_states, std::max(from, shortest), on_match);
        }
    }

    /// Reports every pattern of `text` that ends at `end` in `state` or a suffix of it.
    template <class OnMatch>
    void report_all(std::string_view text, std::uint32_t state, std::size_t end, OnMatch&& on_match) const {
        const AutomatonTables& t = m_tables;
        for (std::uint32_t s = t.output[state] != k_none ? state : t.suffix[state]; s != k_none; s = t.suffix[s]) {
            for (std::uint32_t id = t.output[s]; id != k_none; id = t.same[id]) {
                if (t.confirm[id] == 0 || text.substr(0, end).ends_with(t.pattern(id))) {
                    on_match(id, end);
                }
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
