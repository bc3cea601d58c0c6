// Finding the resumes under the paths `apigap batch` is given, one at a time.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace apigap::cli {

/// Whether `path`'s extension (any case) is one a resume reader supports:
/// .txt .md .markdown .json .yaml .yml .html .htm .tex .pdf .docx.
[[nodiscard]] bool has_resume_extension(const std::string& path);

/// The resumes some paths name, one at a time, holding only the entries of
/// the folders on the way down (memory stays flat however many resumes).
///
/// The paths are taken sorted, each once. A file named directly is a resume
/// whatever its extension. A directory is walked depth first, its entries in
/// byte order of their names, for the regular files with a resume extension
/// (a YAML file only when RenderCV's `cv:` opens it: see `looks_like_rendercv`),
/// skipping hidden files and directories (`.git`), directories it may not
/// read, symbolic links to directories (so a link loop cannot trap the walk)
/// and the files named directly (they come at their own place).
class ResumeWalk {
public:
    /// Throws `Error` naming a path that does not exist, is neither a file nor
    /// a directory, or is a directory that cannot be read.
    explicit ResumeWalk(std::vector<std::string> paths);

    /// The next resume's path, or nullopt when there is none left. Never
    /// throws: a folder that cannot be read any more is skipped.
    [[nodiscard]] std::optional<std::string> next();

private:
    /// A directory being walked: its entries (name, whether to descend), sorted.
    struct Folder {
        std::string path;
        std::vector<std::pair<std::string, bool>> entries;
        std::size_t next = 0;
    };

    /// Throws `Error` when the directory `path` cannot be opened: checked as the walk begins, its entries read
    /// when it is reached.
    static void require_readable(const std::string& path);

    [[nodiscard]] static Folder read_folder(const std::string& path);

    std::vector<std::string> m_paths;
    std::set<std::string> m_named_files;
    std::size_t m_next_path = 0;
    std::vector<Folder> m_folders;
};

}  // namespace apigap::cli
