// Tests of the option checks CLI11 lacks (src/cli/option_checks.cpp): no empty value, no empty item in a list.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/option_checks.hpp"

using apigap::cli::comma_items;
using apigap::cli::comma_list;
using apigap::cli::not_empty;
using Strings = std::vector<std::string>;

namespace {

/// What `check` says of `value`: empty when it passes.
std::string message_of(const CLI::Validator& check, std::string value) {
    return check(value);
}

}  // namespace

TEST_CASE("not_empty refuses only the empty value", "[option-checks]") {
    const CLI::Validator check = not_empty("a level id");
    CHECK(message_of(check, "") == "expected a level id, got ''");
    CHECK(message_of(check, "mid").empty());
    CHECK(message_of(check, " ").empty());  // a blank name is the command's to judge: it is not the option left out
}

TEST_CASE("comma_list refuses an empty item wherever it is", "[option-checks]") {
    const CLI::Validator check = comma_list("skill ids");
    for (const std::string value : {"", ",", "python,,go", "python,", ",python"}) {
        CAPTURE(value);
        CHECK(message_of(check, value) ==
              "expected skill ids separated by commas, got an empty one in '" + value + "'");
    }
    CHECK(message_of(check, "python").empty());
    CHECK(message_of(check, "python,go").empty());
}

TEST_CASE("comma_items splits each list in order", "[option-checks]") {
    CHECK(comma_items({"python,go", "api-security"}) == Strings{"python", "go", "api-security"});
    CHECK(comma_items({"python"}) == Strings{"python"});
    CHECK(comma_items({}) == Strings{});
    CHECK(comma_items({"a,,b"}) == Strings{"a", "", "b"});  // comma_list refuses it first
}
