// Tests of the keyword automaton (src/ingest/automaton.cpp) against a naive
// search, with a table of 16-bit cells and one too large for them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ingest/automaton.hpp"

using apigap::ingest_detail::Automaton;
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
