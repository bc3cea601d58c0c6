// The per-resume pipeline: one resume read, its mentions found and rated, with each stage timed when asked.
#include "apigap/resume_pipeline.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "apigap/resume_input.hpp"

namespace apigap {

namespace {

/// Runs `work`, and with `trace` appends how long it took to `times` as the stage `name()`.
template <typename Name, typename Work>
void stage(bool trace, std::vector<StageTime>& times, Name&& name, Work&& work) {
    if (!trace) {
        work();
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(StageTime{name(), std::chrono::steady_clock::now() - start});
}

}  // namespace

ScannedResume& ResumePipeline::scan(const ResumeRequest& request) {
    ScannedResume& resume = m_resume;
    resume.times.clear();
    resume.dropped.clear();
    resume.profile = Profile();
    stage(
        request.trace, resume.times, [&] { return fmt::format("read {}", input_name(request.path)); },
        [&] {
            load_resume(request.path, request.format, m_headings, m_buffer, resume.document, request.max_bytes,
                        request.role);
        });
    stage(
        request.trace, resume.times, [] { return std::string("keyword scan"); },
        [&] {
            find_mentions(resume.document, m_matcher, m_mention_scratch, resume.mentions,
                          request.trace ? &resume.dropped : nullptr);
        });
    if (request.trace) {
        std::stable_sort(resume.dropped.begin(), resume.dropped.end(),
                         [](const DroppedMention& a, const DroppedMention& b) {
                             return a.line != b.line ? a.line < b.line : a.hit.offset < b.hit.offset;
                         });
    }
    if (request.rate) {
        stage(
            request.trace, resume.times, [] { return std::string("inference"); },
            [&] {
                resume.profile = request.evidence ? infer_profile(m_kb, resume.document, resume.mentions)
                                                  : infer_ratings(m_kb, resume.document, resume.mentions);
            });
    }
    return resume;
}

}  // namespace apigap
