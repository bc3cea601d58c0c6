// The screens of the interactive assessment, drawn as text for a terminal
// of a given size (implemented in the render layer).
#pragma once

#include <cstddef>
#include <string>

#include "apigap/assessment_session.hpp"
#include "apigap/render.hpp"

namespace apigap {

/// A terminal's size in character cells.
struct ScreenSize {
    std::size_t width = 80;
    std::size_t height = 24;
};

/// The smallest terminal the assessment draws in; anything smaller shows
/// only "terminal too small (need at least 40×10)".
inline constexpr ScreenSize k_min_screen{40, 10};

/// The screen for `session`'s current state: the skill's description and
/// rubric with the progress ("4/10") and the keys, the help, or a save
/// prompt. Lines end in '\n'; there are at most `size.height` of them, none
/// wider than `size.width - 1` cells (the last column stays free so the
/// terminal never wraps). Colour and Unicode follow `style`.
[[nodiscard]] std::string render_assessment_screen(const AssessmentSession& session, ScreenSize size,
                                                   const TextStyle& style);

}  // namespace apigap
