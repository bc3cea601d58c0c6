// Walking folders for resumes, in an order that does not depend on the file system.
#include "resume_walk.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

#include "apigap/error.hpp"
#include "apigap/resume_input.hpp"

namespace apigap::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 11> k_resume_extensions = {
    ".txt", ".md", ".markdown", ".json", ".yaml", ".yml", ".html", ".htm", ".tex", ".pdf", ".docx"};

/// The extension of `path`, lowercase (".pdf"), or "" when it has none: as `std::filesystem::path::extension` has it
/// (".md" alone is a hidden file's name), without building a path for every file of a folder.
std::string lowercase_extension(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || name == "..") {
        return {};
    }
    std::string extension(name.substr(dot));
    for (char& c : extension) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return extension;
}

bool is_hidden(const std::string& name) {
    return name.size() > 1 && name.front() == '.' && name != "..";
}

/// How much of a YAML file is read to tell a RenderCV resume: its `cv:` key comes first, after a few comments.
constexpr std::size_t k_yaml_sniff_bytes = 64 * 1024;

/// Whether the file `name` in a folder is a resume to read: a resume extension, and for YAML, RenderCV's `cv:` in
/// its first `k_yaml_sniff_bytes` (other YAML, a CI workflow or a tool's settings, is no resume).
bool is_resume_file(const fs::path& path, const std::string& name) {
    if (!has_resume_extension(name)) {
        return false;
    }
    if (const std::string extension = lowercase_extension(name); extension != ".yaml" && extension != ".yml") {
        return true;
    }
    std::ifstream file(path, std::ios::binary);
    thread_local std::string head(k_yaml_sniff_bytes, '\0');  // kept at its size: not cleared for every file
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    return looks_like_rendercv(std::string_view(head).substr(0, static_cast<std::size_t>(file.gcount())));
}

}  // namespace

bool has_resume_extension(const std::string& path) {
    const std::string extension = lowercase_extension(path);
    return std::find(k_resume_extensions.begin(), k_resume_extensions.end(), extension) != k_resume_extensions.end();
}

ResumeWalk::ResumeWalk(std::vector<std::string> paths) : m_paths(std::move(paths)) {
    std::sort(m_paths.begin(), m_paths.end());
    m_paths.erase(std::unique(m_paths.begin(), m_paths.end()), m_paths.end());
    for (const std::string& path : m_paths) {
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (fs::is_regular_file(status)) {
            m_named_files.insert(fs::path(path).lexically_normal().string());
        } else if (fs::is_directory(status)) {
            require_readable(path);  // an unreadable directory fails before any output
        } else if (!fs::exists(status)) {
            throw Error(Location{path}, "no such file or directory");
        } else {
            throw Error(Location{path}, "not a regular file or a directory");
        }
    }
}

void ResumeWalk::require_readable(const std::string& path) {
    std::error_code error;
    const fs::directory_iterator entries(path, fs::directory_options::skip_permission_denied, error);
    if (error) {
        throw Error(Location{path}, "cannot read the directory: " + error.message());
    }
}

ResumeWalk::Folder ResumeWalk::read_folder(const std::string& path) {
    Folder folder{path, {}, 0};
    std::error_code error;
    fs::directory_iterator entries(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && entries != fs::directory_iterator(); entries.increment(error)) {
        const fs::directory_entry& entry = *entries;
        std::string name = entry.path().filename().string();
        if (is_hidden(name)) {
            continue;
        }
        // A link to a directory is not followed; a link to a file is read like the file.
        std::error_code kind_error;
        const bool descend = entry.is_directory(kind_error) && !entry.is_symlink(kind_error);
        if (descend || (entry.is_regular_file(kind_error) && is_resume_file(entry.path(), name))) {
            folder.entries.emplace_back(std::move(name), descend);
        }
    }
    if (error) {
        throw Error(Location{path}, "cannot read the directory: " + error.message());
    }
    std::sort(folder.entries.begin(), folder.entries.end());
    return folder;
}

std::optional<std::string> ResumeWalk::next() {
    for (;;) {
        if (m_folders.empty()) {
            if (m_next_path == m_paths.size()) {
                return std::nullopt;
            }
            const std::string& path = m_paths[m_next_path++];
            if (m_named_files.count(fs::path(path).lexically_normal().string()) != 0) {
                return path;
            }
            try {
                m_folders.push_back(read_folder(path));
            } catch (const Error&) {
                // Read when the walk began; one that has become unreadable since is skipped like a subfolder.
            }
            continue;
        }
        Folder& folder = m_folders.back();
        if (folder.next == folder.entries.size()) {
            m_folders.pop_back();
            continue;
        }
        const auto& [name, descend] = folder.entries[folder.next++];
        // `fs::path(folder.path) / name` for a file name, without splitting the path into its components.
        std::string path = folder.path;
        if (!path.empty() && path.back() != '/') {
            path += '/';
        }
        path += name;
        if (descend) {
            // A subdirectory that vanished or may not be read is skipped, as the walk skips unreadable ones.
            try {
                m_folders.push_back(read_folder(path));
            } catch (const Error&) {
                // Skipped, as the directories it may not read are.
            }
            continue;
        }
        if (m_named_files.empty() || m_named_files.count(fs::path(path).lexically_normal().string()) == 0) {
            return path;  // a file named too is read where it was named
        }
    }
}

}  // namespace apigap::cli
