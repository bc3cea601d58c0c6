// Tests of the ordered work window (src/cli/ordered_work.cpp): results come out
// in index order whatever order workers finish in, and the window bounds the
// claims and how far the source is drawn.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/ordered_work.hpp"

using apigap::cli::OrderedWork;
using Claim = std::optional<OrderedWork::Item>;

namespace {

/// A source of the inputs "0", "1", … "count - 1"; `drawn` counts the calls that gave one.
OrderedWork::Source numbers(std::size_t count, std::atomic<std::size_t>* drawn = nullptr) {
    auto next = std::make_shared<std::size_t>(0);
    return [count, next, drawn]() -> std::optional<std::string> {
        if (*next == count) {
            return std::nullopt;
        }
        if (drawn != nullptr) {
            ++*drawn;
        }
        return std::to_string((*next)++);
    };
}

std::optional<std::size_t> index_of(const Claim& claim) {
    return claim ? std::optional<std::size_t>(claim->index) : std::nullopt;
}

}  // namespace

TEST_CASE("results come out in index order when they complete out of order", "[ordered_work]") {
    OrderedWork work(numbers(3), 3);
    const Claim first = work.claim();
    REQUIRE(index_of(first) == std::optional<std::size_t>(0));
    CHECK(first->input == "0");
    REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(1));
    REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(2));
    work.complete(2, "c");
    work.complete(0, "a");
    work.complete(1, "b");
    CHECK(work.next() == std::optional<std::string>("a"));
    CHECK(work.next() == std::optional<std::string>("b"));
    CHECK(work.next() == std::optional<std::string>("c"));
    CHECK_FALSE(work.claim().has_value());  // the source is exhausted
    CHECK_FALSE(work.next().has_value());
}

TEST_CASE("no item is claimed or drawn beyond the window until the oldest result is taken", "[ordered_work]") {
    std::atomic<std::size_t> drawn{0};
    OrderedWork work(numbers(5, &drawn), 2);
    REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(0));
    REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(1));
    std::atomic<bool> claimed_third{false};
    std::thread worker([&] {
        if (index_of(work.claim()) == std::optional<std::size_t>(2)) {
            claimed_third = true;
        }
    });
    work.complete(1, "b");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(claimed_third.load());  // index 0 is still out: the window is full
    CHECK(drawn.load() == 2);           // and the source was not read ahead
    work.complete(0, "a");
    CHECK(work.next() == std::optional<std::string>("a"));
    worker.join();
    CHECK(claimed_third.load());
}

TEST_CASE("cancel wakes the consumer and the workers and hands out nothing more", "[ordered_work]") {
    OrderedWork work(numbers(4), 1);
    REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(0));
    std::thread consumer([&] { CHECK_FALSE(work.next().has_value()); });
    std::thread worker([&] { CHECK_FALSE(work.claim().has_value()); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    work.cancel();
    consumer.join();
    worker.join();
}

TEST_CASE("many workers produce every result exactly once, in order", "[ordered_work]") {
    constexpr std::size_t k_count = 2000;
    OrderedWork work(numbers(k_count), 8);
    std::vector<std::thread> workers;
    for (int index = 0; index < 4; ++index) {
        workers.emplace_back([&] {
            while (const auto item = work.claim()) {
                work.complete(item->index, item->input);
            }
        });
    }
    std::size_t expected = 0;
    while (const auto result = work.next()) {
        REQUIRE(*result == std::to_string(expected));
        ++expected;
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
    CHECK(expected == k_count);
}

TEST_CASE("an empty source ends the consumer at once", "[ordered_work]") {
    OrderedWork work(numbers(0), 4);
    std::thread worker([&] { CHECK_FALSE(work.claim().has_value()); });
    CHECK_FALSE(work.next().has_value());
    worker.join();
}

TEST_CASE("a window of zero is refused", "[ordered_work]") {
    CHECK_THROWS_AS(OrderedWork(numbers(1), 0), std::invalid_argument);
}

TEST_CASE("a source that waits for its next input holds back no result already complete", "[ordered_work]") {
    std::atomic<bool> taken{false};
    auto calls = std::make_shared<int>(0);
    OrderedWork work(
        [&taken, calls]() -> std::optional<std::string> {
            if ((*calls)++ == 0) {
                return "first";
            }
            // A list still being written: the next path comes only once the first result was taken.
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (!taken && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return std::nullopt;
        },
        4);
    const Claim first = work.claim();
    REQUIRE(first);
    std::thread drawer([&] { CHECK_FALSE(work.claim().has_value()); });  // waits in the source
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto start = std::chrono::steady_clock::now();
    work.complete(first->index, "done");
    CHECK(work.next() == std::optional<std::string>("done"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    taken = true;
    drawer.join();
    CHECK_FALSE(work.next().has_value());
}
