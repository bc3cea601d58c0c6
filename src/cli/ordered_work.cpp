// The ordered work window `apigap batch` runs its workers through.
#include "ordered_work.hpp"

#include <stdexcept>
#include <utility>

namespace apigap::cli {

OrderedWork::OrderedWork(Source source, std::size_t window) : m_source(std::move(source)), m_slots(window) {
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
        m_ready.notify_all();  // the consumer may be waiting for an item that will never come
        return std::nullopt;
    }
    return Item{m_next_claim++, std::move(*input)};
}

void OrderedWork::complete(std::size_t index, std::string result) {
    {
        const std::lock_guard lock(m_mutex);
        m_slots[index % m_slots.size()] = std::move(result);
    }
    m_ready.notify_all();
}

std::optional<std::string> OrderedWork::next() {
    std::unique_lock lock(m_mutex);
    std::optional<std::string>& slot = m_slots[m_next_out % m_slots.size()];
    m_ready.wait(lock, [&] { return m_cancelled || slot.has_value() || (m_exhausted && m_next_out == m_next_claim); });
    if (m_cancelled || !slot.has_value()) {
        return std::nullopt;
    }
    std::string result = std::move(*slot);
    slot.reset();
    ++m_next_out;
    lock.unlock();
    m_claimable.notify_all();
    return result;
}

void OrderedWork::cancel() {
    {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_claimable.notify_all();
    m_ready.notify_all();
}

}  // namespace apigap::cli
