// The ordered work window `apigap batch` runs its workers through.
#include "ordered_work.hpp"

#include <stdexcept>
#include <utility>

namespace apigap::cli {

OrderedWork::OrderedWork(Source source, Sink sink, std::size_t window)
    : m_source(std::move(source)), m_sink(std::move(sink)), m_slots(window) {
    if (window == 0) {
        throw std::invalid_argument("OrderedWork: the window must hold at least one item");
    }
}

std::optional<OrderedWork::Item> OrderedWork::claim() {
    const std::lock_guard drawing(m_source_mutex);
    std::unique_lock lock(m_mutex);
    m_claimable.wait(lock, [this] { return m_cancelled || m_exhausted || m_next_claim < m_next_out + m_slots.size(); });
    if (m_cancelled || m_exhausted) {
        return std::nullopt;
    }
    // Drawn without the lock: a source that waits (a list still being written) holds back no result.
    lock.unlock();
    std::optional<std::string> input = m_source();
    lock.lock();
    if (m_cancelled) {
        return std::nullopt;
    }
    if (!input) {
        m_exhausted = true;
        lock.unlock();
        m_claimable.notify_all();
        return std::nullopt;
    }
    return Item{m_next_claim++, std::move(*input)};
}

void OrderedWork::complete(std::size_t index, std::string result) {
    std::unique_lock lock(m_mutex);
    if (m_cancelled) {
        return;
    }
    m_slots[index % m_slots.size()] = std::move(result);
    if (m_passing) {
        return;  // the thread passing results takes this one too, if it is next
    }
    // Every result stored while this thread passes, it passes too when it is next: another thread that completes one
    // sees `m_passing` under the lock and leaves it in its slot.
    m_passing = true;
    for (std::optional<std::string>* slot = &m_slots[m_next_out % m_slots.size()]; !m_cancelled && slot->has_value();
         slot = &m_slots[m_next_out % m_slots.size()]) {
        std::string next = std::move(**slot);
        slot->reset();
        lock.unlock();
        const bool more = m_sink(std::move(next));
        lock.lock();
        ++m_next_out;  // its slot is free once it is passed
        m_cancelled = m_cancelled || !more;
        m_claimable.notify_all();  // no system call when no worker waits for a slot
    }
    m_passing = false;
}

}  // namespace apigap::cli
