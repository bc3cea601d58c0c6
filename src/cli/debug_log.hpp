// What `-vv` adds to the logs: the time each stage takes, and each keyword found but not counted, with why.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "apigap/resume.hpp"
#include "apigap/resume_pipeline.hpp"

namespace apigap::cli {

/// Whether `-vv` asked for debug logs.
[[nodiscard]] bool debugging();

/// Logs `apigap: debug: time: STAGE: 0.42 ms`, the time since `start`.
void log_time(const std::string& stage, std::chrono::steady_clock::time_point start);

/// `work()`; with `-vv`, also logs how long it took, `apigap: debug: time: STAGE: 0.42 ms`, STAGE being `stage`
/// formatted with `args`. Without `-vv` neither the clock is read nor the stage formatted.
template <typename Work, typename... Args>
auto timed(Work&& work, fmt::format_string<Args...> stage, Args&&... args) {
    if (!debugging()) {
        return std::forward<Work>(work)();
    }
    const auto start = std::chrono::steady_clock::now();
    auto result = std::forward<Work>(work)();
    log_time(fmt::format(stage, std::forward<Args>(args)...), start);
    return result;
}

/// Logs what the pipeline traced for `resume` (`-vv`): each stage's time, then each keyword found but not counted,
/// in line order, with the rule that dropped it:
/// `apigap: debug: resume.md:12: "Java" (java) not counted: an everyday word with no technical context on its line`.
void log_trace(const ScannedResume& resume);

/// The log line for `dropped`, a keyword of `document` not counted: `resume.md:12: "Java" (java) not counted: …`.
[[nodiscard]] std::string dropped_message(const ResumeDocument& document, const DroppedMention& dropped);

}  // namespace apigap::cli
