// Tests of the "did you mean" suggestions (src/core/suggest.cpp).
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "apigap/suggest.hpp"

using apigap::closest_match;

TEST_CASE("closest_match suggests the closest candidate within two edits", "[suggest]") {
    const std::vector<std::string> words{"python", "java", "rest-graphql", "api-security"};
    CHECK(closest_match("pyhton", words) == std::optional<std::string>{"python"});
    CHECK(closest_match("jaca", words) == std::optional<std::string>{"java"});
    CHECK(closest_match("rest-graph", words) == std::optional<std::string>{"rest-graphql"});
    CHECK(closest_match("kotlin", words) == std::nullopt);
    CHECK(closest_match("pythonista", words) == std::nullopt);
    CHECK(closest_match("python", {}) == std::nullopt);
    CHECK(closest_match("ab", {"ax", "ay"}) == std::optional<std::string>{"ax"});  // a tie: the first wins
}

TEST_CASE("closest_match counts insertions, deletions and substitutions as one edit each", "[suggest]") {
    const std::vector<std::string> words{"weight"};
    CHECK(closest_match("weigh", words) == std::optional<std::string>{"weight"});    // one deletion
    CHECK(closest_match("weightt", words) == std::optional<std::string>{"weight"});  // one insertion
    CHECK(closest_match("wieght", words) == std::optional<std::string>{"weight"});   // a swap is two edits
    CHECK(closest_match("wiehgt", words) == std::nullopt);                           // two swaps are four
    CHECK(closest_match("weight", words) == std::optional<std::string>{"weight"});   // an exact match
}
