// Running the keyword engine over many lines: folded one after the other into one text, scanned in up to four parts
// at a time, then each line's matches through the engine's rules as if it had been scanned alone.
#include <algorithm>

#include "keyword_engine.hpp"

namespace apigap::ingest_detail {

namespace {

/// About how many folded bytes a run of lines holds: enough that splitting it costs nothing, little enough that its
/// buffers stay in the core's caches. A run ends with the line that takes it past this size, however long.
constexpr std::size_t k_run_bytes = 16 * 1024;

/// The shortest run worth scanning in parts: below it, a line or two, the split does not pay for itself.
constexpr std::size_t k_split_bytes = 256;

}  // namespace

void Engine::scan_run(std::string_view text, std::span<const std::uint32_t> starts, Scratch& scratch) const {
    // Cut where lines start, near each quarter of the text: four chains when every part holds a line, else fewer.
    std::array<std::size_t, k_scan_parts + 1> cuts{};
    std::size_t parts = 1;
    if (text.size() >= k_split_bytes) {
        for (std::size_t k = 1; k < k_scan_parts; ++k) {
            const auto cut = std::lower_bound(starts.begin() + 1, starts.end(), text.size() * k / k_scan_parts);
            if (cut != starts.end() && *cut > cuts[parts - 1]) {
                cuts[parts++] = *cut;
            }
        }
    }
    cuts[parts] = text.size() + 1;
    std::array<std::string_view, k_scan_parts> texts{};
    for (std::size_t k = 0; k < parts; ++k) {
        texts[k] = text.substr(cuts[k], cuts[k + 1] - 1 - cuts[k]);  // without the separator before the next part
    }
    std::array<std::vector<Match>, k_scan_parts>& found = scratch.part_matches;
    for (std::vector<Match>& part : found) {
        part.clear();
    }
    const auto into = [&](std::size_t k, std::uint32_t id, std::size_t end) {
        found[k].push_back(Match{id, static_cast<std::uint32_t>(cuts[k] + end)});
    };
    if (parts == k_scan_parts) {
        m_automaton.scan_each(texts, into);
    } else if (parts >= 2) {  // two chains: the first part, and the rest
        m_automaton.scan_each(std::array<std::string_view, 2>{texts[0], text.substr(cuts[1])}, into);
    } else {
        m_automaton.scan_each(std::array<std::string_view, 1>{text}, into);
    }
    std::vector<Match>& matches = scratch.matches;
    matches.clear();
    for (const std::vector<Match>& part : found) {
        matches.insert(matches.end(), part.begin(), part.end());
    }
}

void Engine::find_distinct_lines(std::span<const KeywordLine> lines, Scratch& scratch, std::vector<DroppedHit>* dropped,
                                 const KeywordLineSpans& on_line) const {
    NormalizedText& run = scratch.lines;
    std::vector<std::uint32_t>& starts = scratch.starts;
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
        scan_run(text, starts, scratch);
        std::vector<Match>& matches = scratch.matches;

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
