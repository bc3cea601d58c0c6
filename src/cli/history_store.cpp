// The history directory, its lock, and reading and writing entries.
#include "history_store.hpp"

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/input.hpp"
#include "apigap/render.hpp"
#include "apigap/saved_report.hpp"
#include "context.hpp"
#include "diagnostics.hpp"
#include "output.hpp"

namespace apigap::cli {

namespace {

namespace fs = std::filesystem;

/// The lock file in the history directory; a dot file, so no listing shows it.
constexpr const char* k_lock_name = ".lock";
/// How long a run waits for another to release the lock before it gives up.
constexpr auto k_lock_timeout = std::chrono::seconds(10);
/// How many `NAME.corrupt.N` names to try before giving up on setting an entry aside.
constexpr int k_set_aside_attempts = 1000;

std::string_view env_or_empty(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string_view() : std::string_view(value);
}

std::string error_text(int error) {
    return std::strerror(error);
}

/// Creates `directory` and each missing parent with mode 0700 (whatever the
/// umask); directories that exist keep their mode.
void create_private_directories(const fs::path& directory) {
    fs::path current;
    for (const fs::path& part : directory) {
        current /= part;
        if (::mkdir(current.c_str(), 0700) == 0) {
            ::chmod(current.c_str(), 0700);
            fsync_directory(current.parent_path());
        } else if (errno != EEXIST) {
            throw Error(
                fmt::format("{}: cannot create the history directory: {}", current.string(), error_text(errno)));
        }
    }
    struct stat info {};
    if (::stat(directory.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        throw Error(fmt::format("{}: the history directory is not a directory", directory.string()));
    }
}

/// An exclusive `flock` on the history's lock file, held while it lives.
class HistoryLock {
public:
    explicit HistoryLock(const fs::path& directory) {
        const fs::path path = directory / k_lock_name;
        m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0) {
            throw Error(fmt::format("{}: cannot open the history lock: {}", path.string(), error_text(errno)));
        }
        const auto deadline = std::chrono::steady_clock::now() + k_lock_timeout;
        while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            if (error == EINTR) {
                continue;
            }
            if (error != EWOULDBLOCK || std::chrono::steady_clock::now() > deadline) {
                ::close(m_fd);
                throw Error(error == EWOULDBLOCK
                                ? fmt::format("{}: another apigap has held the history lock for {} seconds; try again",
                                              path.string(), k_lock_timeout.count())
                                : fmt::format("{}: cannot lock the history: {}", path.string(), error_text(error)));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    ~HistoryLock() { ::close(m_fd); }
    HistoryLock(const HistoryLock&) = delete;
    HistoryLock& operator=(const HistoryLock&) = delete;

private:
    int m_fd = -1;
};

std::vector<std::string> file_names(const fs::path& directory) {
    std::vector<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        names.push_back(it->path().filename().string());
    }
    if (error) {
        throw Error(fmt::format("{}: cannot list the history: {}", directory.string(), error.message()));
    }
    return names;
}

/// Removes the temporary files of entries that killed runs left. Only called
/// under the lock: no entry is being written then, so every one is abandoned.
void remove_abandoned_files(const fs::path& directory, const std::vector<std::string>& names) {
    for (const std::string& name : names) {
        if (is_history_temp_name(name) && ::unlink((directory / name).c_str()) == 0) {
            spdlog::info("{}: removed a half-written entry a killed run left", (directory / name).string());
        }
    }
}

/// Renames `name` to `dest` unless `dest` exists; errno set on failure.
bool rename_no_replace(const fs::path& from, const fs::path& dest) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, dest.c_str(), RENAME_NOREPLACE) == 0) {
        return true;
    }
    if (errno != EINVAL && errno != ENOSYS) {
        return false;
    }
    // A file system without RENAME_NOREPLACE: link() never replaces either.
    if (::link(from.c_str(), dest.c_str()) != 0) {
        return false;
    }
    ::unlink(from.c_str());
    return true;
}

/// Moves the corrupt entry `name` out of the listing, never over another file, and warns.
void set_aside(const fs::path& directory, const std::string& name, const Error& problem) {
    int error = 0;
    for (int attempt = 0; attempt < k_set_aside_attempts; ++attempt) {
        const std::string aside = set_aside_name(name, attempt);
        if (rename_no_replace(directory / name, directory / aside)) {
            fsync_directory(directory);
            spdlog::warn("{}; this history entry is corrupt and was set aside as {}", problem.what(), aside);
            return;
        }
        error = errno;
        if (error != EEXIST) {
            break;
        }
    }
    spdlog::warn("{}; this history entry is corrupt and could not be set aside: {}", problem.what(), error_text(error));
}

/// Whether `read_input` failed on the entry `path` because the system would not give its bytes (it could not be
/// opened or read: permission denied, an I/O error), not because of what the file is: it is still a regular file
/// within the size limit, or `stat` cannot see it either. Such an entry may be whole, so it is not set aside.
bool is_unreadable(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return true;
    }
    return S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) <= k_default_max_bytes;
}

/// The report in the entry `name`, or nullopt when it cannot be listed, which is reported: an entry that cannot be
/// read now, or that a newer apigap wrote, is left in place and skipped; a corrupt one is set aside.
std::optional<SavedReport> read_entry(const fs::path& directory, const std::string& name) {
    const fs::path path = directory / name;
    std::string text;
    try {
        text = read_input(path.string());
    } catch (const Error& problem) {
        if (!is_unreadable(path)) {
            set_aside(directory, name, problem);
        } else {
            spdlog::warn("{}; this history entry was skipped and left in place", problem.what());
        }
        return std::nullopt;
    }
    try {
        return parse_saved_report(text, path.string());
    } catch (const Error& problem) {
        if (const auto version = newer_schema_version(text, path.string())) {
            spdlog::warn(
                "{}: written by a newer apigap (schema_version {}; this one reads {}); this history entry was skipped "
                "and left in place",
                path.string(), *version, k_history_entry_schema_version);
        } else {
            set_aside(directory, name, problem);
        }
        return std::nullopt;
    }
}

/// The time of a new entry: `SOURCE_DATE_EPOCH` when set, else now.
std::int64_t entry_time() {
    const std::string_view epoch = env_or_empty("SOURCE_DATE_EPOCH");
    if (!epoch.empty()) {
        return parse_source_date_epoch(epoch);
    }
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

fs::path history_directory() {
    const fs::path state(env_or_empty("XDG_STATE_HOME"));
    if (state.is_absolute()) {
        return state / "apigap";
    }
    const fs::path home(env_or_empty("HOME"));
    if (home.is_absolute()) {
        return home / ".local" / "state" / "apigap";
    }
    throw Error("no place for the history: set HOME, or XDG_STATE_HOME, to an absolute path");
}

void add_save_option(CLI::App& command, bool& save) {
    command.add_flag("--save", save, "Also save the report in the history (see 'apigap history')");
}

void save_to_history(const Report& report, std::string_view input, const Context& context) {
    const std::int64_t seconds = entry_time();
    const fs::path directory = history_directory();
    const std::string content = render_history_entry(report, utc_timestamp(seconds), std::string(input));
    create_private_directories(directory);
    const HistoryLock lock(directory);
    const std::vector<std::string> names = file_names(directory);
    remove_abandoned_files(directory, names);
    const fs::path path = directory / history_entry_name(next_history_sequence(names), seconds);
    write_file(content, path.string());
    if (!context.global.quiet) {
        print_diagnostic("saved to the history as {}", path.string());
    }
}

History load_history() {
    History history{history_directory(), {}};
    struct stat info {};
    if (::stat(history.directory.c_str(), &info) != 0) {
        if (errno == ENOENT) {
            return history;
        }
        throw Error(fmt::format("{}: cannot read the history: {}", history.directory.string(), error_text(errno)));
    }
    if (!S_ISDIR(info.st_mode)) {
        throw Error(fmt::format("{}: the history directory is not a directory", history.directory.string()));
    }
    const HistoryLock lock(history.directory);
    const std::vector<std::string> names = file_names(history.directory);
    remove_abandoned_files(history.directory, names);
    for (const std::string& name : history_entry_names(names)) {
        if (std::optional<SavedReport> report = read_entry(history.directory, name)) {
            history.entries.push_back(
                HistoryEntry{static_cast<int>(history.entries.size()) + 1, name, std::move(*report)});
        }
    }
    return history;
}

}  // namespace apigap::cli
