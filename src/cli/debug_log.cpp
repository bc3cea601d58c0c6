// What `-vv` logs: the time a stage took, and the keywords a resume's scan found but did not count.
#include "debug_log.hpp"

#include <algorithm>
#include <string>

#include <spdlog/spdlog.h>

namespace apigap::cli {

bool debugging() {
    return spdlog::should_log(spdlog::level::debug);
}

void log_time(const std::string& stage, std::chrono::steady_clock::time_point start) {
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    spdlog::debug("time: {}: {:.2f} ms", stage, took.count());
}

std::string dropped_message(const ResumeDocument& document, const DroppedMention& dropped) {
    // No column: the line's text is what the extractor made of it (a Markdown bullet taken off, a PDF's words).
    return fmt::format("{}:{}: \"{}\" ({}) not counted: {}", document.source, document.lines[dropped.line].number,
                       dropped.hit.text, dropped.hit.skill_id, dropped.hit.reason);
}

void log_trace(const ScannedResume& resume) {
    for (const StageTime& stage : resume.times) {
        spdlog::debug("time: {}: {:.2f} ms", stage.stage,
                      std::chrono::duration<double, std::milli>(stage.took).count());
    }
    for (const DroppedMention& each : resume.dropped) {
        spdlog::debug("{}", dropped_message(resume.document, each));
    }
}

}  // namespace apigap::cli
