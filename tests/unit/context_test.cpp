// Tests of the global options' effects (src/cli/context.cpp): the width of text output, decided once from the
// terminal, COLUMNS and the window size, and what -v changes in the text style.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "cli/context.hpp"

using apigap::cli::Context;
using apigap::cli::text_width;

TEST_CASE("Text off a terminal is 80 columns whatever COLUMNS and the window say", "[context]") {
    CHECK(text_width(false, "", 0) == 80);
    CHECK(text_width(false, "120", 0) == 80);
    CHECK(text_width(false, "120", 200) == 80);
}

TEST_CASE("On a terminal COLUMNS comes first, then the window's width, then 80", "[context]") {
    CHECK(text_width(true, "120", 100) == 120);
    CHECK(text_width(true, "", 100) == 100);
    CHECK(text_width(true, "", 0) == 80);
}

TEST_CASE("A COLUMNS that is not a positive decimal number is ignored", "[context]") {
    for (const char* columns : {"abc", "0", "-5", "+90", " 90", "90 ", "90x", "0x50", "99999999999999999999999"}) {
        INFO(columns);
        CHECK(text_width(true, columns, 100) == 100);
        CHECK(text_width(true, columns, 0) == 80);
    }
}

TEST_CASE("The width is kept between 40 and 250 columns", "[context]") {
    CHECK(text_width(true, "10", 100) == 40);
    CHECK(text_width(true, "1000", 100) == 250);
    CHECK(text_width(true, "", 20) == 40);
    CHECK(text_width(true, "", 300) == 250);
    CHECK(text_width(true, "40", 0) == 40);
    CHECK(text_width(true, "250", 0) == 250);
}

TEST_CASE("Text written to a file is 80 columns even with COLUMNS set", "[context]") {
    ::setenv("COLUMNS", "132", 1);
    const Context context;
    CHECK(context.text_style(true).width == 80);
    ::unsetenv("COLUMNS");
}

TEST_CASE("One -v or more shows every evidence line whole", "[context]") {
    Context context;
    CHECK_FALSE(context.text_style(true).verbose);
    context.global.verbosity = 1;
    CHECK(context.text_style(true).verbose);
    context.global.verbosity = 2;
    CHECK(context.text_style(true).verbose);
}
