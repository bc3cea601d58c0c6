// Running the keyword engine over many lines: folded one after the other into one text, scanned two halves at a
// time, then each line's matches through the engine's rules as if it had been scanned alone.
#include <algorithm>

#include "keyword_engine.hpp"

namespace apigap::ingest_detail {

namespace {

/// About how many folded bytes a run of lines holds: enough that splitting it costs nothing, little enough that its
/// buffers stay in the core's caches. A run ends with the line that takes it past this size, however long.
constexpr std::size_t k_run_bytes = 16 * 1024;

/// The shortest run worth two scans: below it, a line or two, the split does not pay for itself.
constexpr std::size_t k_split_bytes = 256;

}  // namespace

void Engine::find_distinct_lines(std::span<const KeywordLine> lines, Scratch& scratch, std::vector<DroppedHit>* dropped,
                                 const KeywordLineSpans& on_line) const {
    NormalizedText& run = scratch.lines;
    std::vector<std::uint32_t>& starts = scratch.starts;
    std::vector<Match>& matches = scratch.matches;
    for (std::size_t first = 0; first < lines.size();) {
        starts.clear();
        std::size_t last = first;
        std::size_t size = 0;
        do {
            const std::size_t start = last == first ? 0 : size + 1;
            starts.push_back(static_cast<std::uint32_t>(start));
            size = normalize_into(lines[last].text, true, run, start);
            ++last;
        } while (last < lines.size() && size < k_run_bytes);

        // The separator takes the automaton back to its root: each line's matches are those of the line alone, and
        // the run splits at any line's start.
        const std::string_view text = std::string_view(run.text).substr(0, size);
        matches.clear();
        const auto into = [](std::vector<Match>& found, std::size_t base) {
            return [&found, base](std::uint32_t id, std::size_t end) {
                found.push_back(Match{id, static_cast<std::uint32_t>(base + end)});
            };
        };
        const auto middle = std::lower_bound(starts.begin() + 1, starts.end(), text.size() / 2);
        if (text.size() >= k_split_bytes && middle != starts.end()) {
            std::vector<Match>& second = scratch.second_matches;
            second.clear();
            m_automaton.scan_pair(text.substr(0, *middle - 1), text.substr(*middle), into(matches, 0),
                                  into(second, *middle));
            matches.insert(matches.end(), second.begin(), second.end());
        } else {
            m_automaton.scan(text, into(matches, 0));
        }

        auto match = matches.begin();
        for (std::size_t k = 0; k < last - first; ++k) {
            const std::size_t start = starts[k];
            const std::size_t end = k + 1 < starts.size() ? starts[k + 1] - 1 : text.size();
            const auto line_end = std::find_if(match, matches.end(), [&](const Match& m) { return m.end > end; });
            const KeywordLine& line = lines[first + k];
            apply_rules(FoldedLine{line.text, text.substr(start, end - start),
                                   std::span<const std::uint32_t>(run.source_offset).subspan(start, end - start + 1)},
                        std::span<const Match>(match, line_end), start, line.in_list, scratch, dropped);
            match = line_end;
            on_line(first + k, distinct(scratch));
        }
        first = last;
    }
}

}  // namespace apigap::ingest_detail
