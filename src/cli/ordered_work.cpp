// The ordered work window `apigap batch` runs its workers through.
#include "ordered_work.hpp"

#include <stdexcept>
#include <utility>

namespace apigap::cli {

OrderedWork::OrderedWork(std::size_t count, std::size_t window) : m_count(count), m_slots(window) {
    if (window == 0) {
        throw std::invalid_argument("OrderedWork: the window must hold at least one item");
    }
}

std::optional<std::size_t> OrderedWork::claim() {
    std::unique_lock lock(m_mutex);
    m_claimable.wait(
        lock, [this] { return m_cancelled || m_next_claim >= m_count || m_next_claim < m_next_out + m_slots.size(); });
    if (m_cancelled || m_next_claim >= m_count) {
        return std::nullopt;
    }
    return m_next_claim++;
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
    if (m_next_out >= m_count) {
        return std::nullopt;
    }
    std::optional<std::string>& slot = m_slots[m_next_out % m_slots.size()];
    m_ready.wait(lock, [&] { return m_cancelled || slot.has_value(); });
    if (m_cancelled) {
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
