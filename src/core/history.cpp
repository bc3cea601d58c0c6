// Entry names, save times and entry selection for the assessment history.
#include "apigap/history.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include <fmt/format.h>

namespace apigap {

namespace {

constexpr std::string_view k_extension = ".json";
constexpr std::size_t k_min_digits = 6;
/// `-YYYYMMDDTHHMMSSZ.json`, after the sequence number.
constexpr std::size_t k_time_part = 1 + 8 + 1 + 6 + 1 + k_extension.size();
/// The random suffix `mkstemp` adds: `.XXXXXX`.
constexpr std::size_t k_temp_suffix = 7;

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The length of the entry name `text` starts with, or 0.
std::size_t entry_prefix_length(std::string_view text) {
    const std::size_t digits = std::min(text.find('-'), text.size());
    if (digits < k_min_digits || digits > 20 || !all_digits(text.substr(0, digits)) ||
        text.size() < digits + k_time_part) {
        return 0;
    }
    const std::string_view time = text.substr(digits, k_time_part);
    const bool ok = time[0] == '-' && all_digits(time.substr(1, 8)) && time[9] == 'T' &&
                    all_digits(time.substr(10, 6)) && time[16] == 'Z' && time.substr(17) == k_extension;
    return ok ? digits + k_time_part : 0;
}

std::uint64_t sequence_of(std::string_view name) {
    std::uint64_t value = 0;
    const auto digits = name.find('-');
    const auto [end, ec] = std::from_chars(name.data(), name.data() + digits, value);
    return ec == std::errc() && end == name.data() + digits ? value : 0;
}

std::string number_list(std::size_t count) {
    return count == 1 ? "the history has only entry 1" : fmt::format("the history has entries 1 to {}", count);
}

}  // namespace

std::string utc_timestamp(std::int64_t seconds) {
    using namespace std::chrono;
    const sys_seconds time{std::chrono::seconds{std::clamp<std::int64_t>(seconds, 0, k_max_timestamp)}};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), clock.hours().count(),
                       clock.minutes().count(), clock.seconds().count());
}

std::int64_t parse_source_date_epoch(std::string_view value) {
    std::int64_t seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (!all_digits(value) || ec != std::errc() || end != value.data() + value.size() || seconds > k_max_timestamp) {
        throw Error(
            fmt::format("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, "
                        "at most {}; got '{}'",
                        k_max_timestamp, value));
    }
    return seconds;
}

std::string history_entry_name(std::uint64_t sequence, std::int64_t seconds) {
    std::string time = utc_timestamp(seconds);  // YYYY-MM-DDTHH:MM:SSZ
    time.erase(std::remove_if(time.begin(), time.end(), [](char c) { return c == '-' || c == ':'; }), time.end());
    return fmt::format("{:0{}}-{}{}", sequence, k_min_digits, time, k_extension);
}

bool is_history_entry_name(std::string_view file_name) {
    const std::size_t length = entry_prefix_length(file_name);
    return length != 0 && length == file_name.size();
}

std::optional<std::uint64_t> history_sequence(std::string_view file_name) {
    if (entry_prefix_length(file_name) == 0) {
        return std::nullopt;
    }
    return sequence_of(file_name);
}

std::uint64_t next_history_sequence(const std::vector<std::string>& file_names) {
    std::uint64_t highest = 0;
    for (const std::string& name : file_names) {
        highest = std::max(highest, history_sequence(name).value_or(0));
    }
    return highest + 1;
}

std::vector<std::string> history_entry_names(const std::vector<std::string>& file_names) {
    std::vector<std::string> names;
    std::copy_if(file_names.begin(), file_names.end(), std::back_inserter(names),
                 [](const std::string& name) { return is_history_entry_name(name); });
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
        const std::uint64_t left = sequence_of(a);
        const std::uint64_t right = sequence_of(b);
        return left != right ? left < right : a < b;
    });
    return names;
}

bool is_history_temp_name(std::string_view file_name) {
    if (file_name.size() < 1 + k_temp_suffix || file_name.front() != '.') {
        return false;
    }
    const std::string_view entry = file_name.substr(1, file_name.size() - 1 - k_temp_suffix);
    const std::string_view suffix = file_name.substr(file_name.size() - k_temp_suffix);
    const bool random = std::all_of(suffix.begin() + 1, suffix.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    return suffix.front() == '.' && random && is_history_entry_name(entry);
}

std::string set_aside_name(std::string_view file_name, int attempt) {
    return attempt == 0 ? fmt::format("{}.corrupt", file_name) : fmt::format("{}.corrupt.{}", file_name, attempt);
}

EntryPair select_progress_entries(const std::vector<long>& numbers, std::size_t count) {
    if (numbers.size() > 2) {
        throw Error(fmt::format("progress compares two entries; got {} numbers", numbers.size()));
    }
    if (count == 0) {
        throw Error("the history is empty; save an assessment with 'apigap assess --save' or 'apigap scan --save'");
    }
    for (const long number : numbers) {
        if (number < 1 || static_cast<std::size_t>(number) > count) {
            throw Error(
                fmt::format("no history entry {}: {} ('apigap history' lists them)", number, number_list(count)));
        }
    }
    if (numbers.empty()) {
        if (count < 2) {
            throw Error(
                "progress compares two saved assessments, and the history has only one; "
                "save another with --save");
        }
        return EntryPair{count - 2, count - 1};
    }
    const auto from = static_cast<std::size_t>(numbers[0] - 1);
    const std::size_t to = numbers.size() == 2 ? static_cast<std::size_t>(numbers[1] - 1) : count - 1;
    if (from == to) {
        throw Error(
            numbers.size() == 2
                ? fmt::format("entries {} and {} are the same; give two different entries", numbers[0], numbers[1])
                : fmt::format("entry {} is the latest; give an earlier entry to compare it with", numbers[0]));
    }
    return EntryPair{from, to};
}

}  // namespace apigap
