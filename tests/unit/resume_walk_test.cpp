// Tests of the resume walk (src/cli/resume_walk.cpp): recursive, in name
// order, hidden entries and directory links skipped, exact errors for bad paths.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "apigap/error.hpp"
#include "cli/resume_walk.hpp"

namespace fs = std::filesystem;
using apigap::cli::has_resume_extension;

namespace {

using apigap::test::TempDir;

/// Every resume the walk of `paths` yields, in its order.
std::vector<std::string> walk_resumes(std::vector<std::string> paths) {
    apigap::cli::ResumeWalk walk(std::move(paths));
    std::vector<std::string> found;
    while (std::optional<std::string> path = walk.next()) {
        found.push_back(*path);
    }
    return found;
}

std::string touch(const TempDir& dir, const std::string& name) {
    return dir.file(name, "x\n");
}

}  // namespace

TEST_CASE("the resume extensions are recognised in any case", "[resume_walk]") {
    for (const char* name : {"a.txt", "a.md", "a.markdown", "a.json", "a.yaml", "a.yml", "a.html", "a.htm", "a.tex",
                             "a.pdf", "a.docx", "dir/A.PDF", "b.Docx", "cv.YAML"}) {
        CHECK(has_resume_extension(name));
    }
    for (const char* name :
         {"a.doc", "a.bin", "README", "a.pdf.bak", "a.toml", ".md", "dir/.pdf", "notes.md/README", "a.", "dir/.."}) {
        CHECK_FALSE(has_resume_extension(name));
    }
}

TEST_CASE("a folder is walked recursively, in sorted order, for resume files only", "[resume_walk]") {
    const TempDir dir;
    const std::string b = touch(dir, "b.md");
    const std::string a = touch(dir, "a/z.pdf");
    const std::string c = touch(dir, "c/d/e.docx");
    static_cast<void>(touch(dir, "notes.yaml"));
    static_cast<void>(touch(dir, ".hidden.md"));
    static_cast<void>(touch(dir, ".git/x.md"));
    CHECK(walk_resumes({dir.path().string()}) == std::vector<std::string>{a, b, c});
}

TEST_CASE("a YAML file in a folder is a resume only when RenderCV's cv: opens it", "[resume_walk]") {
    const TempDir dir;
    const std::string cv = dir.file("cv.yaml", "# made with rendercv new\ncv:\n  name: Jane Doe\n");
    const std::string upper = dir.file("Jane_CV.YML", "cv:\n  sections:\n    skills: []\n");
    static_cast<void>(dir.file("ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"));
    static_cast<void>(dir.file("answers.yaml", "level: mid\nratings:\n  python: 3\n"));
    static_cast<void>(dir.file("empty.yaml", ""));
    CHECK(walk_resumes({dir.path().string()}) == std::vector<std::string>{upper, cv});
}

TEST_CASE("each folder's entries come in byte order of their names, depth first", "[resume_walk]") {
    const TempDir dir;
    const std::string nested = touch(dir, "a/b/x.md");
    const std::string dashed = touch(dir, "a/b-c/y.md");
    const std::string upper = touch(dir, "a/B.md");
    CHECK(walk_resumes({dir.path().string()}) == std::vector<std::string>{upper, nested, dashed});
    // The paths given are taken sorted: "a/b" before "a/b-c" whatever the order on the command line.
    CHECK(walk_resumes({(dir.path() / "a" / "b-c").string(), (dir.path() / "a" / "b").string()}) ==
          std::vector<std::string>{nested, dashed});
}

TEST_CASE("links to folders are not followed, so a link loop ends the walk", "[resume_walk]") {
    const TempDir dir;
    const std::string a = touch(dir, "sub/a.txt");
    fs::create_directory_symlink(dir.path(), dir.path() / "sub" / "loop");
    fs::create_symlink(dir.path() / "sub" / "a.txt", dir.path() / "link.txt");
    CHECK(walk_resumes({dir.path().string()}) == std::vector<std::string>{(dir.path() / "link.txt").string(), a});
}

TEST_CASE("a file named directly is read whatever its extension, and each path comes once", "[resume_walk]") {
    const TempDir dir;
    const std::string notes = touch(dir, "notes.yaml");
    const std::string a = touch(dir, "a.md");
    CHECK(walk_resumes({notes, dir.path().string(), a}) == std::vector<std::string>{a, notes});
}

TEST_CASE("a path that does not exist is an error naming it", "[resume_walk]") {
    const TempDir dir;
    const std::string missing = (dir.path() / "missing").string();
    CHECK_THROWS_WITH(walk_resumes({missing}), missing + ": no such file or directory");
}

TEST_CASE("a path that is neither a file nor a folder is an error naming it", "[resume_walk]") {
    CHECK_THROWS_WITH(walk_resumes({"/dev/null"}), "/dev/null: not a regular file or a directory");
}

TEST_CASE("an empty folder yields no resumes", "[resume_walk]") {
    const TempDir dir;
    CHECK(walk_resumes({dir.path().string()}).empty());
}
