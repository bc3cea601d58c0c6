// Work items claimed by worker threads in any order and handed out in index
// order, through a window that bounds how many results wait in memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace apigap::cli {

/// `count` items, indexed 0…count-1. Workers `claim` an index, compute its
/// result and `complete` it; one consumer takes the results with `next`, in
/// index order. At most `window` items are claimed but not yet taken, so a
/// slow item holds back at most `window` results, never the whole run.
class OrderedWork {
public:
    /// Throws `std::invalid_argument` when `window` is 0.
    OrderedWork(std::size_t count, std::size_t window);

    /// The next index to work on, waiting while the window is full; nullopt
    /// when every index was claimed or the work was cancelled.
    [[nodiscard]] std::optional<std::size_t> claim();
    /// Stores the result of the claimed `index`.
    void complete(std::size_t index, std::string result);
    /// The result of the next index in order, waiting until it is complete;
    /// nullopt after the last one or when the work was cancelled.
    [[nodiscard]] std::optional<std::string> next();
    /// Stops handing out indexes and results; wakes every waiting thread.
    void cancel();

private:
    std::mutex m_mutex;
    std::condition_variable m_claimable;
    std::condition_variable m_ready;
    std::size_t m_count = 0;
    std::size_t m_next_claim = 0;
    std::size_t m_next_out = 0;
    bool m_cancelled = false;
    std::vector<std::optional<std::string>> m_slots;  ///< index % window
};

}  // namespace apigap::cli
