// Tests of the history's entry names, times and entry selection (src/core/history.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "apigap/history.hpp"
#include "test_support.hpp"

using apigap::history_entry_name;
using apigap::is_history_entry_name;
using apigap::is_history_temp_name;
using apigap::select_progress_entries;

namespace {

std::string selection_error(const std::vector<long>& numbers, std::size_t count) {
    return apigap::test::error_of([&] { (void)select_progress_entries(numbers, count); });
}

}  // namespace

TEST_CASE("UTC timestamps are ISO 8601 with a Z", "[history]") {
    CHECK(apigap::utc_timestamp(0) == "1970-01-01T00:00:00Z");
    CHECK(apigap::utc_timestamp(951'782'400) == "2000-02-29T00:00:00Z");
    CHECK(apigap::utc_timestamp(1'767'225'599) == "2025-12-31T23:59:59Z");
    CHECK(apigap::utc_timestamp(1'767'225'600) == "2026-01-01T00:00:00Z");
    CHECK(apigap::utc_timestamp(apigap::k_max_timestamp) == "9999-12-31T23:59:59Z");
    CHECK(apigap::utc_timestamp(-5) == "1970-01-01T00:00:00Z");
    CHECK(apigap::utc_timestamp(apigap::k_max_timestamp + 1) == "9999-12-31T23:59:59Z");
}

TEST_CASE("SOURCE_DATE_EPOCH is a whole number of seconds", "[history]") {
    CHECK(apigap::parse_source_date_epoch("0") == 0);
    CHECK(apigap::parse_source_date_epoch("1767225600") == 1'767'225'600);
    CHECK(apigap::parse_source_date_epoch("253402300799") == apigap::k_max_timestamp);
    const std::string expected =
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, at most "
        "253402300799; got '";
    for (const char* bad : {"", "-1", "+5", "1.5", "12abc", " 12", "253402300800", "99999999999999999999999"}) {
        INFO(bad);
        CHECK(apigap::test::error_of([&] { (void)apigap::parse_source_date_epoch(bad); }) == expected + bad + "'");
    }
}

TEST_CASE("entry names hold the sequence number and the time, and sort in save order", "[history]") {
    CHECK(history_entry_name(1, 1'767'225'600) == "000001-20260101T000000Z.json");
    CHECK(history_entry_name(42, 951'782'400) == "000042-20000229T000000Z.json");
    CHECK(history_entry_name(1'234'567, 0) == "1234567-19700101T000000Z.json");

    const std::vector<std::string> names = {"1000000-20260101T000000Z.json",
                                            "000010-20250101T000000Z.json",
                                            "notes.txt",
                                            "000002-20270101T000000Z.json",
                                            "000002-20260101T000000Z.json",
                                            "000003-20260101T000000Z.json.corrupt",
                                            ".000004-20260101T000000Z.json.AbC123",
                                            ".lock"};
    CHECK(apigap::history_entry_names(names) ==
          std::vector<std::string>{"000002-20260101T000000Z.json", "000002-20270101T000000Z.json",
                                   "000010-20250101T000000Z.json", "1000000-20260101T000000Z.json"});
}

TEST_CASE("only exact entry names are entries", "[history]") {
    CHECK(is_history_entry_name("000001-20260101T000000Z.json"));
    CHECK(is_history_entry_name("12345678-20260101T000000Z.json"));
    CHECK_FALSE(is_history_entry_name("00001-20260101T000000Z.json"));  // five digits
    CHECK_FALSE(is_history_entry_name("000001-20260101T000000Z.json.corrupt"));
    CHECK_FALSE(is_history_entry_name("000001-20260101T000000Z.yaml"));
    CHECK_FALSE(is_history_entry_name("000001-2026010T000000Z.json"));
    CHECK_FALSE(is_history_entry_name("000001-20260101-000000Z.json"));
    CHECK_FALSE(is_history_entry_name("00000a-20260101T000000Z.json"));
    CHECK_FALSE(is_history_entry_name("000001.json"));
    CHECK_FALSE(is_history_entry_name(""));
}

TEST_CASE("the next sequence number follows every entry, those set aside too", "[history]") {
    CHECK(apigap::next_history_sequence({}) == 1);
    CHECK(apigap::next_history_sequence({".lock", "notes.txt"}) == 1);
    CHECK(apigap::next_history_sequence({"000001-20260101T000000Z.json", "000007-20260101T000000Z.json.corrupt.2",
                                         "000003-20260101T000000Z.json"}) == 8);
    CHECK(apigap::history_sequence("000007-20260101T000000Z.json.corrupt") == 7u);
    CHECK_FALSE(apigap::history_sequence(".000007-20260101T000000Z.json.abcdef").has_value());
}

TEST_CASE("the temporary files of entry writes are recognised", "[history]") {
    CHECK(is_history_temp_name(".000001-20260101T000000Z.json.AbC123"));
    CHECK(is_history_temp_name(".000001-20260101T000000Z.json.zzzzzz"));
    CHECK_FALSE(is_history_temp_name("000001-20260101T000000Z.json"));
    CHECK_FALSE(is_history_temp_name(".000001-20260101T000000Z.json"));
    CHECK_FALSE(is_history_temp_name(".000001-20260101T000000Z.json.ab-123"));
    CHECK_FALSE(is_history_temp_name(".000001-20260101T000000Z.json.abc12"));
    CHECK_FALSE(is_history_temp_name(".report.json.AbC123"));
    CHECK_FALSE(is_history_temp_name(".lock"));
    CHECK_FALSE(is_history_temp_name(""));
}

TEST_CASE("a corrupt entry is set aside under a name that says so", "[history]") {
    CHECK(apigap::set_aside_name("000001-20260101T000000Z.json", 0) == "000001-20260101T000000Z.json.corrupt");
    CHECK(apigap::set_aside_name("000001-20260101T000000Z.json", 3) == "000001-20260101T000000Z.json.corrupt.3");
}

TEST_CASE("progress compares the last two entries unless told otherwise", "[history]") {
    const auto pair = select_progress_entries({}, 5);
    CHECK(pair.from == 3);
    CHECK(pair.to == 4);
    const auto since = select_progress_entries({2}, 5);
    CHECK(since.from == 1);
    CHECK(since.to == 4);
    const auto chosen = select_progress_entries({4, 1}, 5);
    CHECK(chosen.from == 3);
    CHECK(chosen.to == 0);
    const auto two = select_progress_entries({}, 2);
    CHECK(two.from == 0);
    CHECK(two.to == 1);
}

TEST_CASE("progress refuses entries it cannot compare", "[history]") {
    CHECK(selection_error({}, 0) ==
          "the history is empty; save an assessment with 'apigap assess --save' or 'apigap scan --save'");
    CHECK(selection_error({}, 1) ==
          "progress compares two saved assessments, and the history has only one; save another with --save");
    CHECK(selection_error({1}, 1) == "entry 1 is the latest; give an earlier entry to compare it with");
    CHECK(selection_error({2, 2}, 3) == "entries 2 and 2 are the same; give two different entries");
    CHECK(selection_error({3}, 3) == "entry 3 is the latest; give an earlier entry to compare it with");
    CHECK(selection_error({0, 2}, 3) ==
          "no history entry 0: the history has entries 1 to 3 ('apigap history' lists them)");
    CHECK(selection_error({1, 4}, 3) ==
          "no history entry 4: the history has entries 1 to 3 ('apigap history' lists them)");
    CHECK(selection_error({2}, 1) == "no history entry 2: the history has only entry 1 ('apigap history' lists them)");
    CHECK(selection_error({1, 2, 3}, 3) == "progress compares two entries; got 3 numbers");
}
