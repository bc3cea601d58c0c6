// Tests of the ordered work window (src/cli/ordered_work.cpp): results reach
// the sink in index order whatever order workers finish in, passed by the
// workers themselves, and the window bounds the claims and how far the source
// is drawn.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
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

/// A sink that keeps what it is given in `taken`, under a lock: a test thread may read it while workers pass results.
struct Taken {
    std::mutex mutex;
    std::vector<std::string> results;

    OrderedWork::Sink sink() {
        return [this](std::string&& result) {
            const std::lock_guard lock(mutex);
            results.push_back(std::move(result));
            return true;
        };
    }

    std::vector<std::string> get() {
        const std::lock_guard lock(mutex);
        return results;
    }
};

std::optional<std::size_t> index_of(const Claim& claim) {
    return claim ? std::optional<std::size_t>(claim->index) : std::nullopt;
}

}  // namespace

TEST_CASE("results reach the sink in index order when they complete out of order", "[ordered_work]") {
    Taken taken;
    OrderedWork work(numbers(3), taken.sink(), 3);
    const Claim first = work.claim();
    REQUIRE(index_of(first) == std::optional<std::size_t>(0));
    CHECK(first->input == "0");
    REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(1));
    REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(2));
    work.complete(2, "c");
    CHECK(taken.get().empty());  // index 0 is still out
    work.complete(0, "a");
    CHECK(taken.get() == std::vector<std::string>{"a"});
    work.complete(1, "b");  // and "c", complete already, after it
    CHECK(taken.get() == std::vector<std::string>{"a", "b", "c"});
    CHECK_FALSE(work.claim().has_value());  // the source is exhausted
}

TEST_CASE("no item is claimed or drawn beyond the window until the oldest result is passed", "[ordered_work]") {
    std::atomic<std::size_t> drawn{0};
    Taken taken;
    OrderedWork work(numbers(5, &drawn), taken.sink(), 2);
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
    worker.join();
    CHECK(claimed_third.load());
    CHECK(taken.get() == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a sink that refuses a result cancels the work: nothing more is claimed or passed", "[ordered_work]") {
    std::vector<std::string> taken;
    OrderedWork work(
        numbers(6),
        [&taken](std::string&& result) {
            taken.push_back(std::move(result));
            return taken.size() < 2;  // the output closed after the second line
        },
        4);
    for (std::size_t index = 0; index < 4; ++index) {
        REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(index));
    }
    work.complete(1, "b");
    work.complete(2, "c");
    work.complete(0, "a");  // passes "a" and "b", then stops
    work.complete(3, "d");
    CHECK(taken == std::vector<std::string>{"a", "b"});
    CHECK_FALSE(work.claim().has_value());
}

TEST_CASE("a cancelled window wakes a worker waiting for a slot", "[ordered_work]") {
    OrderedWork work(
        numbers(4), [](std::string&&) { return false; }, 1);
    REQUIRE(index_of(work.claim()) == std::optional<std::size_t>(0));
    std::thread worker([&] { CHECK_FALSE(work.claim().has_value()); });  // the window of one is full
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    work.complete(0, "a");  // refused: the waiting worker must end
    worker.join();
}

TEST_CASE("many workers pass every result exactly once, in order, one at a time", "[ordered_work]") {
    constexpr std::size_t k_count = 2000;
    std::vector<std::string> taken;
    std::atomic<int> in_sink{0};
    std::atomic<bool> overlapped{false};
    OrderedWork work(
        numbers(k_count),
        [&](std::string&& result) {
            overlapped = overlapped || in_sink.fetch_add(1) != 0;
            taken.push_back(std::move(result));  // unlocked: the sink is called by one thread at a time
            in_sink.fetch_sub(1);
            return true;
        },
        8);
    std::vector<std::thread> workers;
    for (int index = 0; index < 4; ++index) {
        workers.emplace_back([&] {
            while (const auto item = work.claim()) {
                work.complete(item->index, item->input);
            }
        });
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
    CHECK_FALSE(overlapped.load());
    REQUIRE(taken.size() == k_count);
    for (std::size_t index = 0; index < k_count; ++index) {
        REQUIRE(taken[index] == std::to_string(index));
    }
}

TEST_CASE("an empty source hands out nothing", "[ordered_work]") {
    Taken taken;
    OrderedWork work(numbers(0), taken.sink(), 4);
    CHECK_FALSE(work.claim().has_value());
    CHECK(taken.get().empty());
}

TEST_CASE("a window of zero is refused", "[ordered_work]") {
    CHECK_THROWS_AS(OrderedWork(
                        numbers(1), [](std::string&&) { return true; }, 0),
                    std::invalid_argument);
}

TEST_CASE("a source that waits for its next input holds back no result already complete", "[ordered_work]") {
    std::atomic<bool> passed{false};
    auto calls = std::make_shared<int>(0);
    OrderedWork work(
        [&passed, calls]() -> std::optional<std::string> {
            if ((*calls)++ == 0) {
                return "first";
            }
            // A list still being written: the next path comes only once the first result was passed.
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (!passed && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return std::nullopt;
        },
        [&passed](std::string&& result) {
            CHECK(result == "done");
            passed = true;
            return true;
        },
        4);
    const Claim first = work.claim();
    REQUIRE(first);
    std::thread drawer([&] { CHECK_FALSE(work.claim().has_value()); });  // waits in the source
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto start = std::chrono::steady_clock::now();
    work.complete(first->index, "done");
    CHECK(passed.load());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    drawer.join();
}
