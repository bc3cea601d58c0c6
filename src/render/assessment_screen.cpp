// The interactive assessment's screens: a skill and its rubric, the help,
// the save prompts, and "terminal too small", fitted to the terminal's size.
#include "apigap/assessment_screen.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "text_layout.hpp"

namespace apigap {

namespace {

using render_detail::display_width;
using render_detail::TextWriter;
namespace sgr = render_detail::sgr;

using Rows = std::vector<std::string>;

/// `text` wrapped to `width`, a word longer than that cut: a row may never be wider than the screen.
Rows wrap(std::string_view text, std::size_t width) {
    return render_detail::wrap(text, width, render_detail::LongWords::cut);
}
/// A key and what it does, as the key lines list them.
using KeyHelp = std::pair<std::string_view, std::string_view>;

/// Width of "▶ 3 " in front of a rubric line.
constexpr std::size_t k_rubric_indent = 4;
/// Width of the key column of the help screen.
constexpr std::size_t k_help_key_width = 16;
/// Joins the words of one key help item so that `wrap` never breaks inside it.
constexpr std::string_view k_no_break = "\u00A0";

/// The tools every screen is drawn with: the style, and the usable width.
struct Canvas {
    const TextWriter& out;
    TextStyle style;
    std::size_t width = 0;
};

void append(Rows& rows, Rows more) {
    rows.insert(rows.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

/// `text` (already in the style's character set) wrapped to the width, each row painted `code`.
Rows paragraph(const Canvas& canvas, std::string_view text, std::string_view code = {}) {
    Rows rows;
    for (const std::string& line : wrap(text, canvas.width)) {
        rows.push_back(canvas.out.paint(code, line));
    }
    return rows;
}

/// `title` in bold on the left, `right` dim against the right edge.
std::string title_row(const Canvas& canvas, std::string_view title, std::string_view right) {
    const std::size_t right_width = display_width(right);
    const std::size_t room = canvas.width > right_width + 1 ? canvas.width - right_width - 1 : 0;
    const std::string left = render_detail::truncate(canvas.out.text(title), room, canvas.out.glyphs().ellipsis);
    const std::size_t gap = canvas.width - std::min(canvas.width, display_width(left) + right_width);
    return canvas.out.paint(sgr::k_bold, left) + std::string(gap, ' ') + canvas.out.paint(sgr::k_dim, right);
}

std::string progress(const AssessmentSession& session) {
    const std::size_t shown = std::min(session.index() + 1, session.skills().size());
    return fmt::format("{}/{}", shown, session.skills().size());
}

std::string level_title(const AssessmentSession& session) {
    return fmt::format("apigap assess: {}", session.level().name);
}

/// The key lines: `items` packed into as few dim rows as the width allows,
/// never breaking an item.
Rows key_rows(const Canvas& canvas, const std::vector<KeyHelp>& items) {
    std::string text;
    for (const auto& [key, action] : items) {
        const std::string item = fmt::format("{} {}", key, action);
        std::string joined;
        for (const char c : item) {
            joined += c == ' ' ? std::string(k_no_break) : std::string(1, c);
        }
        // Two spaces between items; the second one is part of the next item,
        // so that a row is never wider than the width (at worst one narrower).
        if (!text.empty()) {
            text += ' ';
            text += k_no_break;
        }
        text += joined;
    }
    Rows rows;
    for (std::string line : wrap(text, canvas.width)) {
        for (std::size_t at = line.find(k_no_break); at != std::string::npos; at = line.find(k_no_break, at)) {
            line.replace(at, k_no_break.size(), 1, ' ');
        }
        line.erase(0, line.find_first_not_of(' '));
        rows.push_back(canvas.out.paint(sgr::k_dim, line));
    }
    return rows;
}

/// The arrow keys as the key lines name them.
std::string_view arrows(const Canvas& canvas) {
    return canvas.style.unicode ? "↑↓" : "Up/Down";
}

std::string scale_name(const KnowledgeBase& kb, int rating) {
    for (const ScaleEntry& entry : kb.scale) {
        if (entry.rating == rating) {
            return entry.name;
        }
    }
    return {};
}

/// One rating of the rubric: every wrapped row, or one row cut to the width when `compact`.
Rows rubric_entry(const Canvas& canvas, const AssessmentSession& session, int rating, bool compact) {
    const bool selected = rating == session.selection();
    const std::string name = scale_name(session.knowledge_base(), rating);
    const std::string& text = session.current().rubric.at(static_cast<std::size_t>(rating));
    const std::string body = canvas.out.text(name.empty() ? text : fmt::format("{}: {}", name, text));
    const std::size_t room = canvas.width - k_rubric_indent;
    Rows lines = compact ? Rows{render_detail::truncate(body, room, canvas.out.glyphs().ellipsis)} : wrap(body, room);
    if (lines.empty()) {
        lines.emplace_back();
    }
    const std::string pointer = selected ? canvas.out.paint(sgr::k_cyan, canvas.out.glyphs().pointer) : " ";
    Rows rows;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string prefix = i == 0 ? fmt::format("{} {} ", pointer, rating) : std::string(k_rubric_indent, ' ');
        rows.push_back(prefix + canvas.out.paint(selected ? sgr::k_bold : "", lines[i]));
    }
    return rows;
}

/// The rubric, each rating wrapped in full when `budget` rows allow it;
/// otherwise one row for each rating but the highlighted one, then for all.
Rows rubric(const Canvas& canvas, const AssessmentSession& session, std::size_t budget) {
    struct Fit {
        bool compact_selected;
        bool compact_others;
    };
    Rows rows;
    for (const Fit fit : {Fit{false, false}, Fit{false, true}, Fit{true, true}}) {
        rows.clear();
        for (int rating = 0; rating <= k_max_rating; ++rating) {
            const bool compact = rating == session.selection() ? fit.compact_selected : fit.compact_others;
            append(rows, rubric_entry(canvas, session, rating, compact));
        }
        if (rows.size() <= budget) {
            break;
        }
    }
    return rows;
}

/// Up to `room` rows of `lines`; when some are left out, the last row shown ends in an ellipsis.
Rows first_rows(const Canvas& canvas, Rows lines, std::size_t room) {
    if (lines.size() <= room) {
        return lines;
    }
    lines.resize(room);
    if (!lines.empty()) {
        const std::string_view ellipsis = canvas.out.glyphs().ellipsis;
        std::string& last = lines.back();
        last = render_detail::truncate(last, canvas.width - display_width(ellipsis), "") + std::string(ellipsis);
    }
    return lines;
}

Rows asking_screen(const Canvas& canvas, const AssessmentSession& session, std::size_t height) {
    const TextWriter& out = canvas.out;
    const Skill& skill = session.current();
    std::string status;
    if (const auto& answer = session.answer(session.index())) {
        status = answer->source == RatingSource::skipped ? "skipped" : fmt::format("answered {}", answer->rating);
    }
    Rows rows{title_row(canvas, level_title(session), progress(session)), title_row(canvas, skill.name, status)};
    Rows foot;
    if (session.notice() == Notice::first_skill) {
        foot.push_back(out.paint(sgr::k_yellow, "This is the first skill."));
    }
    append(foot, key_rows(canvas, {{"0-4", "rate"},
                                   {arrows(canvas), "move"},
                                   {"Enter", "choose"},
                                   {"b", "back"},
                                   {"s", "skip"},
                                   {"?", "help"},
                                   {"q", "quit"}}));
    const std::size_t fixed = rows.size() + foot.size();
    const std::size_t budget = height > fixed ? height - fixed : 0;
    Rows choices = rubric(canvas, session, budget);
    std::size_t left = budget > choices.size() ? budget - choices.size() : 0;
    // A blank row, the description, a blank row, the rubric, a blank row: as
    // much of the description as fits once the rubric has its rows.
    const Rows description = wrap(out.text(skill.description), canvas.width);
    if (left >= 4 && !description.empty()) {
        rows.emplace_back();
        const Rows shown = first_rows(canvas, description, left - 3);
        left -= shown.size() + 2;
        append(rows, shown);
        rows.emplace_back();
    } else if (left >= 1) {
        rows.emplace_back();
        --left;
    }
    append(rows, std::move(choices));
    if (left >= 1) {
        rows.emplace_back();
    }
    append(rows, std::move(foot));
    return rows;
}

Rows help_screen(const Canvas& canvas, const AssessmentSession& session) {
    const TextWriter& out = canvas.out;
    Rows rows{title_row(canvas, "apigap assess: help", progress(session)), ""};
    std::string scale;
    for (const ScaleEntry& entry : session.knowledge_base().scale) {
        scale += fmt::format("{}{} {}", scale.empty() ? "" : ", ", entry.rating, entry.name);
    }
    append(rows, paragraph(canvas, out.text(fmt::format(
                                       "Rate each skill by what you have done, not by what you have read about: {}. "
                                       "The rubric says what each rating means for the skill.",
                                       scale))));
    rows.emplace_back();
    const std::vector<KeyHelp> keys{
        {"0-4", "rate the skill and go to the next one"},
        {canvas.style.unicode ? "↑ ↓" : "Up, Down", "move the highlight"},
        {"Enter", "choose the highlighted rating"},
        {"Backspace, b", "go back to the previous skill"},
        {"s", "skip the skill (it counts as 0)"},
        {"?", "show this help"},
        {"q", "quit, and choose whether to save the answers so far"},
        {"Ctrl-C", "stop at once; nothing is saved"},
    };
    for (const auto& [key, action] : keys) {
        const Rows lines = wrap(action, canvas.width - k_help_key_width);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string left = i == 0
                                         ? "  " + out.paint(sgr::k_bold, render_detail::pad(key, k_help_key_width - 2))
                                         : std::string(k_help_key_width, ' ');
            rows.push_back(left + lines[i]);
        }
    }
    rows.emplace_back();
    append(rows, paragraph(canvas, "Any key goes back to the question.", sgr::k_dim));
    return rows;
}

/// `name` and a cursor on one row; its end is kept when it is too long.
std::string file_name_row(const Canvas& canvas, std::string_view name) {
    std::string shown = canvas.out.text(name) + "_";
    while (display_width(shown) > canvas.width) {
        shown.erase(0, 1);
        while (!shown.empty() && (static_cast<unsigned char>(shown.front()) & 0xC0) == 0x80) {
            shown.erase(0, 1);
        }
    }
    return shown;
}

Rows dialog_screen(const Canvas& canvas, const AssessmentSession& session) {
    const TextWriter& out = canvas.out;
    Rows rows{title_row(canvas, level_title(session), progress(session)), ""};
    const std::string path = out.text(session.save_path());
    std::vector<KeyHelp> keys;
    switch (session.state()) {
    case SessionState::confirm_save:
        append(rows, paragraph(canvas, "Save the answers so far? (y/n)", sgr::k_bold));
        append(rows,
               paragraph(canvas, fmt::format("{} of {} skills answered. 'apigap assess --answers FILE' reads the file "
                                             "back and prints the report.",
                                             session.answered(), session.skills().size())));
        keys = {{"y", "save"}, {"n", "quit without saving"}, {"Esc", "back to the questions"}};
        break;
    case SessionState::naming_file:
        append(rows,
               paragraph(canvas, out.text(fmt::format("Save to (Enter for {}):", AssessmentSession::k_default_file)),
                         sgr::k_bold));
        rows.push_back(file_name_row(canvas, session.file_name()));
        keys = {{"Enter", "save"}, {"Backspace", "erase"}, {"Ctrl-U", "clear"}, {"Esc", "back to the questions"}};
        break;
    case SessionState::confirm_overwrite:
        append(rows, paragraph(canvas, fmt::format("{} exists. Overwrite it? (y/n)", path), sgr::k_bold));
        keys = {{"y", "overwrite"}, {"n", "choose another name"}};
        break;
    default:
        append(rows, paragraph(canvas, fmt::format("Saving to {}", path), sgr::k_bold));
        break;
    }
    rows.emplace_back();
    if (session.notice() == Notice::bad_file_name) {
        append(rows, paragraph(canvas, "'-' is standard output; type a file name.", sgr::k_red));
    } else if (session.notice() == Notice::save_failed) {
        append(rows, paragraph(canvas, out.text(fmt::format("Could not save: {}", session.error())), sgr::k_red));
    }
    append(rows, key_rows(canvas, keys));
    return rows;
}

Rows too_small_screen(const Canvas& canvas) {
    return paragraph(canvas,
                     canvas.out.text(fmt::format("terminal too small (need at least {}×{})", k_min_screen.width,
                                                 k_min_screen.height)),
                     sgr::k_bold);
}

}  // namespace

std::string render_assessment_screen(const AssessmentSession& session, ScreenSize size, const TextStyle& style) {
    TextWriter out(style);
    const Canvas canvas{out, style, size.width > 1 ? size.width - 1 : 1};
    Rows rows;
    if (size.width < k_min_screen.width || size.height < k_min_screen.height) {
        rows = too_small_screen(canvas);
    } else {
        switch (session.state()) {
        case SessionState::asking:
            rows = asking_screen(canvas, session, size.height);
            break;
        case SessionState::help:
            rows = help_screen(canvas, session);
            break;
        case SessionState::confirm_save:
        case SessionState::naming_file:
        case SessionState::confirm_overwrite:
        case SessionState::saving:
            rows = dialog_screen(canvas, session);
            break;
        case SessionState::finished:
        case SessionState::saved:
        case SessionState::quit:
            break;
        }
    }
    rows.resize(std::min(rows.size(), size.height));
    for (const std::string& row : rows) {
        out.line(row);
    }
    return out.take();
}

}  // namespace apigap
