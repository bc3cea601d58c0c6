// Walking folders for resumes, in a sorted order that does not depend on the file system.
#include "resume_walk.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "apigap/error.hpp"

namespace apigap::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 9> k_extensions = {".txt", ".md",  ".markdown", ".json", ".html",
                                                          ".htm", ".tex", ".pdf",      ".docx"};

bool is_hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.size() > 1 && name.front() == '.' && name != "..";
}

void walk_directory(const fs::path& root, std::vector<std::string>& found) {
    std::error_code error;
    fs::recursive_directory_iterator entries(root, fs::directory_options::skip_permission_denied, error);
    if (error) {
        throw Error(Location{root.string()}, "cannot read the directory: " + error.message());
    }
    for (; entries != fs::recursive_directory_iterator(); entries.increment(error)) {
        if (error) {
            throw Error(Location{root.string()}, "cannot read the directory: " + error.message());
        }
        const fs::directory_entry& entry = *entries;
        const fs::path& path = entry.path();
        if (is_hidden(path)) {
            if (entry.is_directory(error) && !entry.is_symlink(error)) {
                entries.disable_recursion_pending();
            }
            continue;
        }
        // A link to a directory is not followed (directory_options has no
        // follow_directory_symlink); a link to a file is read like the file.
        if (entry.is_regular_file(error) && has_resume_extension(path.string())) {
            found.push_back(path.string());
        }
    }
}

}  // namespace

bool has_resume_extension(const std::string& path) {
    std::string extension = fs::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(k_extensions.begin(), k_extensions.end(), extension) != k_extensions.end();
}

std::vector<std::string> walk_resumes(const std::vector<std::string>& paths) {
    std::vector<std::string> found;
    for (const std::string& path : paths) {
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (fs::is_directory(status)) {
            walk_directory(path, found);
        } else if (fs::is_regular_file(status)) {
            found.push_back(path);
        } else if (!fs::exists(status)) {
            throw Error(Location{path}, "no such file or directory");
        } else {
            throw Error(Location{path}, "not a regular file or a directory");
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

}  // namespace apigap::cli
