// Finding the resumes under the paths `apigap batch` is given.
#pragma once

#include <string>
#include <vector>

namespace apigap::cli {

/// Whether `path`'s extension (any case) is one a resume reader supports:
/// .txt .md .markdown .json .html .htm .tex .pdf .docx.
[[nodiscard]] bool has_resume_extension(const std::string& path);

/// The resumes `paths` name, sorted by path, each once: a file named directly
/// whatever its extension; under a directory, recursively, the regular files
/// with a resume extension, skipping hidden files and directories (`.git`),
/// directories it may not read, and symbolic links to directories (so a link
/// loop cannot trap the walk). Throws `Error` naming a path that does not exist
/// or is neither a file nor a directory.
[[nodiscard]] std::vector<std::string> walk_resumes(const std::vector<std::string>& paths);

}  // namespace apigap::cli
