// Tests of fitting text to a width (src/render/text_wrap.cpp): wrapping never splits a word in a report, cutting
// at a word, and the widths of a table's columns.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "render/text_layout.hpp"

using apigap::render_detail::cut_at_word;
using apigap::render_detail::display_width;
using apigap::render_detail::fit_columns;
using apigap::render_detail::longest_word;
using apigap::render_detail::LongWords;
using apigap::render_detail::wrap;
using Lines = std::vector<std::string>;

TEST_CASE("A URL longer than the line gets a line of its own, whole", "[text-wrap]") {
    const std::string url = "https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/";
    CHECK(wrap("See " + url + " for the list.", 30) == Lines{"See", url, "for the list."});
    CHECK(wrap("(" + url + ")", 20) == Lines{"(" + url + ")"});
    CHECK(wrap("www.example.com/a/very/long/path/to/a/page.html", 20) ==
          Lines{"www.example.com/a/very/long/path/to/a/page.html"});
}

TEST_CASE("A URL that fits after the words before it stays on their line", "[text-wrap]") {
    CHECK(wrap("Source: https://www.rfc-editor.org/rfc/rfc6749 and more", 50) ==
          Lines{"Source: https://www.rfc-editor.org/rfc/rfc6749 and", "more"});
}

TEST_CASE("A fixed-size screen still cuts a word longer than its width", "[text-wrap]") {
    CHECK(wrap("https://example.com/abcdef", 10, LongWords::cut) == Lines{"https://ex", "ample.com/", "abcdef"});
}

TEST_CASE("Wrapping counts code points, not bytes", "[text-wrap]") {
    CHECK(wrap("Diátaxis — café résumé", 8) == Lines{"Diátaxis", "— café", "résumé"});
}

TEST_CASE("Chinese, Japanese, Korean and fullwidth characters take two columns, others one", "[text-wrap]") {
    CHECK(display_width("接口开发") == 8);
    CHECK(display_width("API接口") == 7);
    CHECK(display_width("かな・カナ 한국어 ＡＢ") == 22);
    CHECK(display_width("аутентификация API") == 18);
    CHECK(display_width("█░│·→…▶•") == 8);    // ambiguous: one column, as a terminal in a Western locale shows them
    CHECK(display_width("\xFF\xFEok") == 4);  // stray bytes: each a `?`
}

TEST_CASE("Wrapping and cutting count wide characters as two columns", "[text-wrap]") {
    CHECK(wrap("接口开发, 接口设计, API接口, разработка API", 12) ==
          Lines{"接口开发,", "接口设计,", "API接口,", "разработка", "API"});
    CHECK(wrap("消息队列消息中间件", 8, LongWords::cut) == Lines{"消息队列", "消息中间", "件"});
    CHECK(wrap("消息队列", 1, LongWords::cut) ==
          Lines{"消", "息", "队", "列"});  // one each, though wider than the line
    CHECK(apigap::render_detail::truncate("团队负责人", 7, "\u2026") == "团队负\u2026");
    CHECK(cut_at_word("技术分享 知识分享 обмен", 12, "\u2026") == "技术分享\u2026");
    CHECK(apigap::render_detail::pad("沟通", 6) == "沟通  ");
}

TEST_CASE("Evidence is cut after the last whole word that fits, with the ellipsis", "[text-wrap]") {
    const std::string line = "Replaced shared API keys with OAuth 2.0 client credentials";
    CHECK(cut_at_word(line, 30, "\u2026") == "Replaced shared API keys with\u2026");
    CHECK(display_width(cut_at_word(line, 30, "\u2026")) <= 30);
    CHECK(cut_at_word(line, 30, "...") == "Replaced shared API keys...");
    // A word that ends exactly at the room is kept whole.
    CHECK(cut_at_word(line, 25, "\u2026") == "Replaced shared API keys\u2026");
}

TEST_CASE("A cut drops the comma or space before the ellipsis", "[text-wrap]") {
    CHECK(cut_at_word("Python, Go, Node.js, SQL, REST, GraphQL", 22, "\u2026") == "Python, Go, Node.js\u2026");
}

TEST_CASE("A text that fits is not cut", "[text-wrap]") {
    CHECK(cut_at_word("Python, Go", 10, "\u2026") == "Python, Go");
}

TEST_CASE("A first word longer than the room is cut inside it", "[text-wrap]") {
    CHECK(cut_at_word("https://example.com/a/long/path and more", 12, "\u2026") == "https://exa\u2026");
}

TEST_CASE("The longest word is the narrowest column a text wraps into whole", "[text-wrap]") {
    CHECK(longest_word("Message queues and event streaming") == 9);
    CHECK(longest_word("") == 0);
}

TEST_CASE("Columns keep their widths when they fit", "[text-wrap]") {
    CHECK(fit_columns({13, 34}, {10, 12}, 61) == std::vector<std::size_t>{13, 34});
}

TEST_CASE("The widest column narrows first, never below its minimum", "[text-wrap]") {
    CHECK(fit_columns({13, 34}, {10, 12}, 40) == std::vector<std::size_t>{13, 27});
    CHECK(fit_columns({13, 34}, {10, 12}, 20) == std::vector<std::size_t>{10, 12});
    CHECK(fit_columns({20, 20}, {5, 5}, 30) == std::vector<std::size_t>{15, 15});
}
