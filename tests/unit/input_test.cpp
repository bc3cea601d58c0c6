// Tests of reading inputs (src/ingest/input.cpp): regular files only, a size
// cap, and exact messages that name the file.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>

#include "apigap/error.hpp"
#include "apigap/input.hpp"

namespace fs = std::filesystem;

namespace {

using apigap::test::TempDir;

std::string error_of(const std::string& path, std::size_t max_bytes = apigap::k_default_max_bytes) {
    try {
        (void)apigap::read_input(path, max_bytes);
    } catch (const apigap::Error& error) {
        CHECK(error.code() == apigap::ExitCode::usage);
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a regular file is read whole, bytes unchanged", "[input]") {
    const TempDir dir;
    const std::string content = std::string("ratings:\n  python: 3\n") + '\0' + "\xff";
    CHECK(apigap::read_input(dir.file("a.yaml", content)) == content);
}

TEST_CASE("an empty file reads as empty text: the parsers decide what that means", "[input]") {
    const TempDir dir;
    CHECK(apigap::read_input(dir.file("empty.yaml", "")).empty());
}

TEST_CASE("a file at the size cap is read and one byte more is refused", "[input][error]") {
    const TempDir dir;
    const std::string at_cap = dir.file("at.yaml", std::string(100, 'a'));
    const std::string over = dir.file("over.yaml", std::string(101, 'a'));
    CHECK(apigap::read_input(at_cap, 100).size() == 100);
    CHECK(error_of(over, 100) == over + ": larger than the 100 bytes limit");
    CHECK(apigap::read_input(over, std::size_t{1} << 20).size() == 101);
}

TEST_CASE("the default cap is 10 MiB and says so", "[input][error]") {
    const TempDir dir;
    const std::string big = dir.file("big.yaml", std::string((std::size_t{10} << 20) + 1, 'a'));
    CHECK(error_of(big) == big + ": larger than the 10 MiB limit");
}

TEST_CASE("a directory is refused with a message that says so", "[input][error]") {
    const TempDir dir;
    CHECK(error_of(dir.path().string()) == dir.path().string() + ": is a directory, not a file");
}

TEST_CASE("a missing file names the path and the reason", "[input][error]") {
    const TempDir dir;
    const std::string missing = (dir.path() / "nope.yaml").string();
    CHECK(error_of(missing) == missing + ": cannot open: No such file or directory");
}

TEST_CASE("a named pipe is refused rather than waited on", "[input][error]") {
    const TempDir dir;
    const std::string fifo = (dir.path() / "fifo").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(error_of(fifo) == fifo + ": not a regular file");
}

TEST_CASE("an empty path is a usage error", "[input][error]") {
    CHECK(error_of("") == "an empty path was given");
}

TEST_CASE("messages call standard input <stdin>", "[input]") {
    CHECK(apigap::input_name("-") == "<stdin>");
    CHECK(apigap::input_name("a.yaml") == "a.yaml");
}
