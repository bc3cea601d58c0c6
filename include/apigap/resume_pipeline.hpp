// The per-resume pipeline every command that reads a resume shares (scan, plan --resume, check, match, batch):
// read → extract → normalise → sections → keyword mentions → ratings, one resume after another.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/input.hpp"
#include "apigap/keywords.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/mentions.hpp"
#include "apigap/profile.hpp"
#include "apigap/resume.hpp"
#include "apigap/resume_input.hpp"

namespace apigap {

/// Which resume to read, and how.
struct ResumeRequest {
    std::string_view path;              ///< `-` reads stdin; viewed, so it must outlive the `scan` call
    std::optional<InputFormat> format;  ///< nullopt: detected
    std::size_t max_bytes = k_default_max_bytes;
    DocumentRole role = DocumentRole::resume;  ///< `detected_resume` for a command without `--input-format`
    bool rate = true;                          ///< false: stop after the mentions (`check` rates nothing)
    bool evidence = true;                      ///< false: rate without listing the evidence lines (`infer_ratings`)
    bool trace = false;                        ///< record each stage's time and the keywords found but not counted
};

/// How long one stage of the pipeline took (`-vv`): `read PATH`, `keyword scan`, `inference`.
struct StageTime {
    std::string stage;
    std::chrono::steady_clock::duration took{};
};

/// One resume through the pipeline. `mentions` point into `document` and into the pipeline's matcher.
struct ScannedResume {
    ResumeDocument document;
    std::vector<Mention> mentions;
    Profile profile;                      ///< empty when the request did not `rate`
    std::vector<StageTime> times;         ///< with `trace`: in order
    std::vector<DroppedMention> dropped;  ///< with `trace`: in line order, then by place in the line
};

/// The pipeline over one knowledge base and its keyword matcher, both of which must outlive it. One object serves
/// one thread: it reads resume after resume, and its buffers are reused from one to the next.
class ResumePipeline {
public:
    ResumePipeline(const KnowledgeBase& kb, const KeywordMatcher& matcher)
        : m_kb(kb), m_matcher(matcher), m_headings(kb.resume) {}

    /// Reads the resume `request` names and finds its evidence. The result is the pipeline's until the next call
    /// (a caller may move from it). Throws `Error` naming the file on anything an ATS could not read.
    ScannedResume& scan(const ResumeRequest& request);

    [[nodiscard]] const KnowledgeBase& kb() const { return m_kb; }
    [[nodiscard]] const KeywordMatcher& matcher() const { return m_matcher; }

private:
    const KnowledgeBase& m_kb;
    const KeywordMatcher& m_matcher;
    SectionHeadings m_headings;
    std::string m_buffer;  ///< the file's bytes
    MentionScratch m_mention_scratch;
    ScannedResume m_resume;
};

}  // namespace apigap
