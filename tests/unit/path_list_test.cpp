// Tests of reading a list of paths (src/cli/path_list.cpp): newline or NUL ends, CR before a newline dropped, empty
// records skipped, any chunking of the stream, a too-long path cut, read errors and the list's own errors.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/error.hpp"
#include "cli/path_list.hpp"

using apigap::cli::PathList;

namespace {

/// A `Read` over `text`, `chunk` bytes at most at a time.
PathList::Read reader(std::string text, std::size_t chunk = 65536) {
    auto at = std::make_shared<std::size_t>(0);
    return [text = std::move(text), at, chunk](char* buffer, std::size_t size) {
        const std::size_t count = std::min({size, chunk, text.size() - *at});
        std::copy_n(text.data() + *at, count, buffer);
        *at += count;
        return count;
    };
}

std::vector<std::string> paths(PathList list) {
    std::vector<std::string> out;
    while (std::optional<std::string> path = list.next()) {
        out.push_back(*path);
    }
    return out;
}

std::vector<std::string> lines(const std::string& text, std::size_t chunk = 65536) {
    return paths(PathList(reader(text, chunk), '\n'));
}

std::vector<std::string> records(const std::string& text, std::size_t chunk = 65536) {
    return paths(PathList(reader(text, chunk), '\0'));
}

}  // namespace

TEST_CASE("a newline ends each path and the last may end with the list", "[path_list]") {
    CHECK(lines("a.md\nb/c.pdf\n") == std::vector<std::string>{"a.md", "b/c.pdf"});
    CHECK(lines("a.md\nb/c.pdf") == std::vector<std::string>{"a.md", "b/c.pdf"});
    CHECK(lines(" spaced name.md \n") == std::vector<std::string>{" spaced name.md "});
}

TEST_CASE("a CR that ends a line is dropped", "[path_list]") {
    CHECK(lines("a.md\r\nb.md\r\n") == std::vector<std::string>{"a.md", "b.md"});
    CHECK(lines("a.md\r") == std::vector<std::string>{"a.md"});
    CHECK(lines("a\rb.md\n") == std::vector<std::string>{"a\rb.md"});
}

TEST_CASE("empty lines and an empty list name nothing", "[path_list]") {
    CHECK(lines("").empty());
    CHECK(lines("\n\n\r\n").empty());
    CHECK(lines("\na.md\n\n\nb.md\n\n") == std::vector<std::string>{"a.md", "b.md"});
    CHECK(records(std::string("\0\0", 2)).empty());
}

TEST_CASE("with NUL ends a path may hold a newline and a CR", "[path_list]") {
    const std::string list("a\nb.md\0c.md\r\0", 13);
    CHECK(records(list) == std::vector<std::string>{"a\nb.md", "c.md\r"});
    CHECK(records(std::string("x.md\0y.md", 9)) == std::vector<std::string>{"x.md", "y.md"});
}

TEST_CASE("the paths are the same however the stream is cut into reads", "[path_list]") {
    const std::string list = "one.md\r\n\ntwo/three.md\nfour.md";
    for (std::size_t chunk = 1; chunk <= list.size(); ++chunk) {
        CHECK(lines(list, chunk) == std::vector<std::string>{"one.md", "two/three.md", "four.md"});
    }
    const std::string nul("one.md\0\0two.md\0", 15);
    for (std::size_t chunk = 1; chunk <= nul.size(); ++chunk) {
        CHECK(records(nul, chunk) == std::vector<std::string>{"one.md", "two.md"});
    }
}

TEST_CASE("a path longer than the system takes is cut to that length and the next one read whole", "[path_list]") {
    const std::string longest(apigap::cli::k_max_listed_path, 'a');
    const std::vector<std::string> got = lines(longest + "bbbb\nnext.md\n" + longest + "\n", 1000);
    REQUIRE(got.size() == 3);
    CHECK(got[0] == longest);
    CHECK(got[1] == "next.md");
    CHECK(got[2] == longest);
}

TEST_CASE("a failed read ends the list with its error", "[path_list]") {
    bool first = true;
    PathList list(
        [&first](char* buffer, std::size_t) -> std::size_t {
            if (!first) {
                throw apigap::Error("list.txt: cannot read: Input/output error");
            }
            first = false;
            const std::string_view chunk = "a.md\nb";
            std::copy(chunk.begin(), chunk.end(), buffer);
            return chunk.size();
        },
        '\n');
    CHECK(list.next() == "a.md");
    CHECK_THROWS_WITH(list.next(), "list.txt: cannot read: Input/output error");
}

TEST_CASE("a list file is read from disk and a missing one or a folder is an error", "[path_list]") {
    const apigap::test::TempDir dir;
    const std::string file = dir.file("list.txt", "a.md\nb.md\n");
    CHECK(paths(PathList(apigap::cli::open_path_list(file), '\n')) == std::vector<std::string>{"a.md", "b.md"});
    const std::string missing = (dir.path() / "missing.txt").string();
    CHECK_THROWS_WITH(apigap::cli::open_path_list(missing), missing + ": cannot open: No such file or directory");
    const std::string folder = dir.path().string();
    CHECK_THROWS_WITH(apigap::cli::open_path_list(folder), folder + ": is a directory, not a list of paths");
}
