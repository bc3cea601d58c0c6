// Work items claimed by worker threads in any order and handed on in index
// order, through a window that bounds how many results wait in memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace apigap::cli {

/// Items drawn one at a time from a source and indexed 0, 1, … as drawn.
/// Workers `claim` an item, compute its result and `complete` it; the results
/// go to the sink in index order, passed by the worker that completes the
/// next one (no thread waits for results, and one worker needs no other
/// thread). At most `window` items are claimed but not yet passed, so a slow
/// item holds back at most `window` results, and the source is drawn only as
/// fast as results are passed.
class OrderedWork {
public:
    /// The next input, or nullopt when there is none left. Called by one
    /// thread at a time, without the lock `complete` takes, so it may wait
    /// for its input; it must not throw.
    using Source = std::function<std::optional<std::string>()>;
    /// Takes the next result in order; false cancels the work. Called by one
    /// thread at a time, without the lock, so it may block on its output; it
    /// must not throw.
    using Sink = std::function<bool(std::string&&)>;

    /// A claimed item: its index and its input.
    struct Item {
        std::size_t index = 0;
        std::string input;
    };

    /// Throws `std::invalid_argument` when `window` is 0.
    OrderedWork(Source source, Sink sink, std::size_t window);

    /// The next item to work on, waiting while the window is full; nullopt
    /// when the source is exhausted or the work was cancelled.
    [[nodiscard]] std::optional<Item> claim();
    /// Stores the result of the claimed item `index`. When it is the next in
    /// order and no other thread is passing results, passes it to the sink,
    /// with every result after it that is complete by then.
    void complete(std::size_t index, std::string result);

private:
    Source m_source;
    Sink m_sink;
    std::mutex m_source_mutex;  ///< held by the one thread that draws the source
    std::mutex m_mutex;
    std::condition_variable m_claimable;
    std::size_t m_next_claim = 0;
    std::size_t m_next_out = 0;
    bool m_passing = false;  ///< a thread is passing results to the sink
    bool m_exhausted = false;
    bool m_cancelled = false;
    std::vector<std::optional<std::string>> m_slots;  ///< index % window
};

}  // namespace apigap::cli
