// Tests of the keyword automaton (src/ingest/automaton.cpp) against a naive
// search, with a table of 16-bit cells and one too large for them; and of the
// tables compiled at build time for the built-in knowledge base.
#include <catch2/catch.hpp>

#include <array>

#include <algorithm>
#include <cstdint>
#include <ranges>
#include <string>
#include <utility>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "ingest/automaton.hpp"
#include "ingest/keyword_engine.hpp"

using apigap::ingest_detail::Automaton;
using apigap::ingest_detail::AutomatonTables;
using Found = std::vector<std::pair<std::uint32_t, std::size_t>>;  // pattern id, end

namespace {

/// Every occurrence of every pattern in `text`, by end then id, found one by one.
Found naive(const std::vector<std::string>& patterns, const std::string& text) {
    Found found;
    for (std::size_t end = 1; end <= text.size(); ++end) {
        Found here;
        for (std::uint32_t id = 0; id < patterns.size(); ++id) {
            const std::string& pattern = patterns[id];
            if (pattern.size() <= end && text.compare(end - pattern.size(), pattern.size(), pattern) == 0) {
                here.emplace_back(id, end);
            }
        }
        std::sort(here.begin(), here.end());
        found.insert(found.end(), here.begin(), here.end());
    }
    return found;
}

Found scanned(const Automaton& automaton, const std::string& text) {
    Found found;
    automaton.scan(text, [&](std::uint32_t id, std::size_t end) { found.emplace_back(id, end); });
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    Found sorted;
    for (std::size_t at = 0; at < found.size();) {
        std::size_t next = at;
        while (next < found.size() && found[next].second == found[at].second) {
            ++next;
        }
        Found here(found.begin() + static_cast<std::ptrdiff_t>(at), found.begin() + static_cast<std::ptrdiff_t>(next));
        std::sort(here.begin(), here.end());
        sorted.insert(sorted.end(), here.begin(), here.end());
        at = next;
    }
    return sorted;
}

/// `count` patterns of `length` letters, spread over the alphabet so that they share few prefixes.
std::vector<std::string> spread_patterns(std::size_t count, std::size_t length) {
    std::vector<std::string> patterns;
    std::uint32_t seed = 12345;
    for (std::size_t index = 0; index < count; ++index) {
        std::string pattern;
        for (std::size_t letter = 0; letter < length; ++letter) {
            seed = seed * 1103515245U + 12345U;
            pattern += static_cast<char>('a' + (seed >> 16U) % 26U);
        }
        patterns.push_back(pattern);
    }
    return patterns;
}

}  // namespace

TEST_CASE("overlapping patterns are all found, suffixes included", "[automaton]") {
    const std::vector<std::string> patterns{"he", "she", "his", "hers", "rest", "rest api", "api"};
    Automaton automaton;
    for (const std::string& pattern : patterns) {
        (void)automaton.add(pattern);
    }
    automaton.compile();
    const std::string text = "ushers use the rest api; his rest";
    CHECK(scanned(automaton, text) == naive(patterns, text));
    CHECK(scanned(automaton, text).size() == 9);
}

TEST_CASE("an automaton too large for 16-bit cells finds the same as a small one", "[automaton]") {
    // 200 patterns make about 1,300 states; 8,000 make more than 38,000 (at least 4 of their own each).
    for (const std::size_t count : {std::size_t{200}, std::size_t{8000}}) {
        const std::vector<std::string> patterns = spread_patterns(count, 7);
        Automaton automaton;
        for (const std::string& pattern : patterns) {
            (void)automaton.add(pattern);
        }
        automaton.compile();
        std::string text;
        for (std::size_t index = 0; index < patterns.size(); index += 7) {
            text += patterns[index] + " " + patterns[index].substr(3) + patterns[(index + 1) % patterns.size()] + " ";
        }
        CHECK(scanned(automaton, text) == naive(patterns, text));
        CHECK(scanned(automaton, text).size() >= 2 * (count / 7));
    }
}

TEST_CASE("patterns of other scripts share classes but match only as written", "[automaton]") {
    // é, í and ñ are C3 A9, C3 AD and C3 B1: their second bytes share a class, so "café" and "cafí" end in one
    // state, and "cafñ" reaches it too; each is confirmed against the text.
    const std::vector<std::string> patterns{"café", "cafí", "熟悉", "сеть", "cafe"};
    Automaton automaton;
    for (const std::string& pattern : patterns) {
        (void)automaton.add(pattern);
    }
    automaton.compile();
    for (const std::string text : {"café, cafí and cafñ", "熟悉RESTful 熟识 сеть сеТь", "cafe café"}) {
        CAPTURE(text);
        CHECK(scanned(automaton, text) == naive(patterns, text));
    }
    CHECK(scanned(automaton, "cafñ cafó").empty());
}

TEST_CASE("random patterns over a small alphabet: every occurrence, as a naive search finds them", "[automaton]") {
    // Two and three letters make deep failure chains, shared suffixes and patterns inside patterns.
    std::uint32_t seed = 2026;
    const auto next = [&](std::uint32_t below) {
        seed = seed * 1103515245U + 12345U;
        return (seed >> 16U) % below;
    };
    for (int round = 0; round < 200; ++round) {
        const std::uint32_t letters = 2 + next(2);
        std::vector<std::string> patterns;
        for (std::uint32_t count = 1 + next(12); patterns.size() < count;) {
            std::string pattern;
            for (std::uint32_t length = 1 + next(6); pattern.size() < length;) {
                pattern += static_cast<char>('a' + next(letters));
            }
            if (std::find(patterns.begin(), patterns.end(), pattern) == patterns.end()) {
                patterns.push_back(pattern);
            }
        }
        Automaton automaton;
        for (std::uint32_t id = 0; id < patterns.size(); ++id) {
            REQUIRE(automaton.add(patterns[id]) == id);
        }
        automaton.compile();
        std::string text;
        for (std::uint32_t length = next(40); text.size() < length;) {
            text += static_cast<char>('a' + next(letters + 1));  // now and then a letter of no pattern
        }
        CAPTURE(patterns, text);
        CHECK(scanned(automaton, text) == naive(patterns, text));
    }
}

TEST_CASE("texts scanned in one loop give what each gives alone", "[automaton]") {
    const std::vector<std::string> patterns{"he", "she", "his", "hers", "rest", "rest api", "api", "s"};
    Automaton automaton;
    for (const std::string& pattern : patterns) {
        (void)automaton.add(pattern);
    }
    automaton.compile();
    const std::vector<std::string> texts{"", "s", "ushers", "rest apis", "she sells his rest api hers", "xyz"};
    const auto alone = [&](const std::string& text) {
        Found found;
        automaton.scan(text, [&](std::uint32_t id, std::size_t end) { found.emplace_back(id, end); });
        return found;
    };
    for (const std::string& a : texts) {
        CHECK(scanned(automaton, a) == naive(patterns, a));
        for (const std::string& b : texts) {
            for (const std::string& c : texts) {
                for (const std::string& d : texts) {
                    std::array<Found, 4> found;
                    automaton.scan_each(
                        std::array<std::string_view, 4>{a, b, c, d},
                        [&](std::size_t k, std::uint32_t id, std::size_t end) { found.at(k).emplace_back(id, end); });
                    CAPTURE(a, b, c, d);
                    CHECK(found == std::array<Found, 4>{alone(a), alone(b), alone(c), alone(d)});  // in order, too
                }
            }
        }
    }
}

namespace {

/// Whether two automata's tables are the same, value for value.
bool same_tables(const AutomatonTables& a, const AutomatonTables& b) {
    return std::ranges::equal(a.pattern_bytes, b.pattern_bytes) && std::ranges::equal(a.pattern_ends, b.pattern_ends) &&
           a.byte_class == b.byte_class && a.classes == b.classes && std::ranges::equal(a.next16, b.next16) &&
           std::ranges::equal(a.next32, b.next32) && std::ranges::equal(a.output, b.output) &&
           std::ranges::equal(a.same, b.same) && std::ranges::equal(a.suffix, b.suffix) &&
           std::ranges::equal(a.confirm, b.confirm);
}

}  // namespace

TEST_CASE("the tables compiled at build time are those of the built-in knowledge base's patterns", "[automaton]") {
    const AutomatonTables* builtin = apigap::ingest_detail::builtin_automaton_tables();
    REQUIRE(builtin != nullptr);
    REQUIRE(builtin->pattern_ends.size() > 1000);
    Automaton rebuilt;
    for (std::uint32_t id = 0; id < builtin->pattern_ends.size(); ++id) {
        REQUIRE(rebuilt.add(std::string(builtin->pattern(id))) == id);
    }
    rebuilt.compile();
    CHECK(rebuilt.tables().output.data() != builtin->output.data());
    CHECK(same_tables(rebuilt.tables(), *builtin));

    // The engine of the built-in knowledge base adds those patterns, in that order, and takes the tables.
    const apigap::ingest_detail::Engine engine(apigap::builtin_knowledge_base());
    CHECK(engine.automaton().tables().output.data() == builtin->output.data());
    CHECK(engine.automaton().tables().pattern_bytes.data() == builtin->pattern_bytes.data());
}

TEST_CASE("tables compiled for other patterns, or the same in another order, are not taken", "[automaton]") {
    const AutomatonTables* builtin = apigap::ingest_detail::builtin_automaton_tables();
    REQUIRE(builtin != nullptr);
    const std::vector<std::string> patterns{"he", "she", "his", "hers"};
    Automaton other;
    for (const std::string& pattern : patterns) {
        (void)other.add(pattern);
    }
    other.compile(builtin);
    CHECK(other.tables().pattern_ends.size() == patterns.size());
    const std::string text = "ushers and his";
    CHECK(scanned(other, text) == naive(patterns, text));

    Automaton reversed;
    for (auto id = static_cast<std::uint32_t>(builtin->pattern_ends.size()); id-- > 0;) {
        (void)reversed.add(std::string(builtin->pattern(id)));
    }
    reversed.compile(builtin);
    CHECK(reversed.tables().output.data() != builtin->output.data());
    CHECK(reversed.tables().pattern(0) ==
          builtin->pattern(static_cast<std::uint32_t>(builtin->pattern_ends.size() - 1)));
}

TEST_CASE("a moved automaton scans with the tables it built", "[automaton]") {
    const std::vector<std::string> patterns{"rest", "rest api", "api", "café"};
    Automaton automaton;
    for (const std::string& pattern : patterns) {
        (void)automaton.add(pattern);
    }
    automaton.compile();
    const Automaton moved = std::move(automaton);
    const std::string text = "the rest api of the café";
    CHECK(scanned(moved, text) == naive(patterns, text));
    CHECK(scanned(moved, text).size() == 4);
}
