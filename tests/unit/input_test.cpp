// Tests of reading inputs (src/ingest/input.cpp): regular files only, a size
// cap, and exact messages that name the file.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

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

TEST_CASE("a regular file of any size is read whole, in the read its size asks for or more", "[input]") {
    // A read that gives fewer bytes than asked ends a regular file: sizes around the first read of a file of no
    // known size (64 KiB) and past it, each byte telling its place.
    const TempDir dir;
    std::string buffer;
    for (const std::size_t size : {std::size_t{1}, std::size_t{2}, std::size_t{4095}, std::size_t{65'535},
                                   std::size_t{65'536}, std::size_t{65'537}, std::size_t{300'001}}) {
        std::string content(size, '\0');
        for (std::size_t i = 0; i < size; ++i) {
            content[i] = static_cast<char>('a' + (i * 7 + i / 26) % 26);
        }
        const std::string path = dir.file("r" + std::to_string(size) + ".md", content);
        CAPTURE(size);
        CHECK(apigap::read_input(path) == content);
        apigap::read_input(path, buffer, apigap::k_default_max_bytes);
        CHECK(buffer == content);
    }
}

TEST_CASE("a file whose size says nothing, as /proc's, is read to its end", "[input]") {
    struct stat info {};
    REQUIRE(::stat("/proc/self/status", &info) == 0);
    REQUIRE(info.st_size == 0);
    const std::string status = apigap::read_input("/proc/self/status");
    CHECK(status.rfind("Name:", 0) == 0);
    CHECK(status.find("\nPid:") != std::string::npos);
    CHECK(status.back() == '\n');
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

TEST_CASE("reading into a buffer replaces what it held and keeps its memory", "[input]") {
    const TempDir dir;
    const std::string big(100'000, 'b');  // larger than one read of standard input
    std::string buffer = "left over from the file before";
    apigap::read_input(dir.file("big.md", big), buffer);
    CHECK(buffer == big);
    const std::size_t capacity = buffer.capacity();
    const char* const memory = buffer.data();
    apigap::read_input(dir.file("small.md", "# Jane Doe\n"), buffer);
    CHECK(buffer == "# Jane Doe\n");
    CHECK(buffer.capacity() == capacity);
    CHECK(buffer.data() == memory);
    apigap::read_input(dir.file("empty.md", ""), buffer);
    CHECK(buffer.empty());
}

TEST_CASE("reading into a buffer refuses what reading into a new string refuses, with the same message",
          "[input][error]") {
    const TempDir dir;
    const std::string over = dir.file("over.yaml", std::string(101, 'a'));
    std::string buffer;
    CHECK(apigap::test::error_of([&] { apigap::read_input(over, buffer, 100); }) ==
          over + ": larger than the 100 bytes limit");
    CHECK(apigap::test::error_of([&] { apigap::read_input(dir.path().string(), buffer); }) ==
          dir.path().string() + ": is a directory, not a file");
    apigap::read_input(over, buffer, 101);
    CHECK(buffer.size() == 101);
}

namespace {

/// Runs `body` with standard input the read end of a pipe that a thread fills with `content`, then closes.
void with_piped_stdin(const std::string& content, const std::function<void()>& body) {
    std::array<int, 2> ends{};
    REQUIRE(::pipe(ends.data()) == 0);
    // A reader that stops early closes the pipe on the writer: an error to it, not a signal to the tests.
    const auto old_handler = std::signal(SIGPIPE, SIG_IGN);
    const int saved = ::dup(STDIN_FILENO);
    REQUIRE(::dup2(ends[0], STDIN_FILENO) == STDIN_FILENO);
    ::close(ends[0]);
    std::thread writer([&] {
        std::size_t done = 0;
        while (done < content.size()) {
            const ssize_t wrote = ::write(ends[1], content.data() + done, content.size() - done);
            if (wrote <= 0) {
                break;  // the reader stopped early (over the limit)
            }
            done += static_cast<std::size_t>(wrote);
        }
        ::close(ends[1]);
    });
    try {
        body();
    } catch (...) {
        ::dup2(saved, STDIN_FILENO);  // the pipe's read end closes: the writer stops
        writer.join();
        ::close(saved);
        std::signal(SIGPIPE, old_handler);
        throw;
    }
    ::dup2(saved, STDIN_FILENO);
    writer.join();
    ::close(saved);
    std::signal(SIGPIPE, old_handler);
}

}  // namespace

TEST_CASE("standard input is read whole however many reads it takes, and over the cap is refused", "[input][error]") {
    std::string content(300'000, 'x');  // several reads, and a buffer that grows more than once
    content[123'456] = '\n';
    std::string buffer = "stale";
    with_piped_stdin(content, [&] { apigap::read_input("-", buffer); });
    CHECK(buffer == content);
    with_piped_stdin(content, [&] {
        CHECK(apigap::test::error_of([&] { apigap::read_input("-", buffer, 200'000); }) ==
              "<stdin>: larger than the 200000 bytes limit");
    });
}
