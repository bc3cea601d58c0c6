// Writing a result to a file: a regular file is replaced atomically, a device or FIFO is written directly.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "apigap/error.hpp"
#include "output.hpp"

namespace apigap::cli {

namespace {

namespace fs = std::filesystem;

/// How many symbolic links one path may go through, as Linux allows.
constexpr int k_max_links = 40;
/// How many temporary names to try before giving up.
constexpr int k_temporary_attempts = 100;

[[noreturn]] void fail(const std::string& path, int error) {
    throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(error)));
}

bool same_file(const struct stat& a, const struct stat& b) {
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/// The file `path` names once the symbolic links of its last component are
/// followed, as `open` follows them; it need not exist (a dangling link's target).
fs::path follow_links(const std::string& path) {
    fs::path current(path);
    for (int links = 0; links <= k_max_links; ++links) {
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) {
            return current;
        }
        std::error_code error;
        const fs::path target = fs::read_symlink(current, error);
        if (error) {
            fail(path, error.value());
        }
        current = target.is_absolute() ? target : current.parent_path() / target;
    }
    fail(path, ELOOP);
}

/// Standard output or standard error, when it is open for writing on `file`; else -1.
int standard_stream_on(const struct stat& file) {
    for (const int fd : {STDOUT_FILENO, STDERR_FILENO}) {
        const int flags = ::fcntl(fd, F_GETFL);
        struct stat info {};
        if (flags != -1 && (flags & O_ACCMODE) != O_RDONLY && ::fstat(fd, &info) == 0 && same_file(info, file)) {
            return fd;
        }
    }
    return -1;
}

/// Writes `content` to the open `fd`; a reader that has gone is not an error.
void write_to(int fd, std::string_view content, const std::string& path) {
    if (!write_all(fd, content) && errno != EPIPE) {
        fail(path, errno);
    }
}

/// Opens the device, FIFO or socket `path` and writes `content` to it; nothing is created or truncated.
void write_directly(std::string_view content, const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        fail(path, errno);
    }
    try {
        write_to(fd, content, path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

/// Creates `.NAME.XXXXXX` (six random letters or digits) beside `target`, as
/// any new file is created: mode 0666 less the umask. Its descriptor and path.
std::pair<int, fs::path> create_temporary(const fs::path& target, const std::string& path) {
    static constexpr std::string_view k_letters = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::random_device device;
    std::mt19937 random(device());
    std::uniform_int_distribution<std::size_t> pick(0, k_letters.size() - 1);
    for (int attempt = 0; attempt < k_temporary_attempts; ++attempt) {
        std::string name = fmt::format(".{}.", target.filename().string());
        for (int letter = 0; letter < 6; ++letter) {
            name += k_letters[pick(random)];
        }
        fs::path temporary = target.parent_path() / name;
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) {
            return {fd, std::move(temporary)};
        }
        if (errno != EEXIST) {
            fail(path, errno);
        }
    }
    fail(path, EEXIST);
}

/// Gives the new file `fd` the mode of the file it replaces, and its owner and
/// group as far as the system lets this user give them: root can give both,
/// anyone a group they are in; else the file becomes theirs. False with errno
/// set when the mode cannot be set.
bool keep_owner_and_mode(int fd, const struct stat& existing, const std::string& path) {
    struct stat mine {};
    if (::fstat(fd, &mine) != 0) {
        return false;
    }
    if ((mine.st_uid != existing.st_uid || mine.st_gid != existing.st_gid) &&
        ::fchown(fd, existing.st_uid, existing.st_gid) != 0) {
        const int error = errno;
        const bool group_kept = ::fchown(fd, static_cast<uid_t>(-1), existing.st_gid) == 0;
        spdlog::debug("{}: cannot keep the owner{}: {}", path, group_kept ? "" : " and group", std::strerror(error));
    }
    return ::fchmod(fd, existing.st_mode & 07777) == 0;
}

void fsync_directory_of(const fs::path& file) {
    fsync_directory(file.has_parent_path() ? file.parent_path() : fs::path("."));
}

/// Writes `content` to a temporary file beside `target`, fsyncs it and renames
/// it over `target`; `existing` is the file replaced, or null when there is none.
void replace_file(std::string_view content, const std::string& path, const fs::path& target,
                  const struct stat* existing) {
    const auto [fd, temporary] = create_temporary(target, path);
    bool ok =
        write_all(fd, content) && (existing == nullptr || keep_owner_and_mode(fd, *existing, path)) && ::fsync(fd) == 0;
    int error = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (ok && ::rename(temporary.c_str(), target.c_str()) == 0) {
        fsync_directory_of(target);
        return;
    }
    error = ok ? errno : error;
    ::unlink(temporary.c_str());
    fail(path, error);
}

}  // namespace

void fsync_directory(const fs::path& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

void write_file(std::string_view content, const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno != ENOENT) {
            fail(path, errno);
        }
        replace_file(content, path, follow_links(path), nullptr);
        return;
    }
    if (const int stream = standard_stream_on(info); stream >= 0) {
        write_to(stream, content, path);
    } else if (S_ISDIR(info.st_mode)) {
        fail(path, EISDIR);
    } else if (!S_ISREG(info.st_mode)) {
        write_directly(content, path);
    } else {
        replace_file(content, path, follow_links(path), &info);
    }
}

}  // namespace apigap::cli
