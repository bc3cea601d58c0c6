// Scaling benchmark: each parser, the keyword engine, and every command's work
// on resumes of the shapes of resume_shapes.hpp in every format, on an input N
// times larger must take about N times as long. Prints the ratios; exits 1 when
// one is past its bound (quadratic work would be about N² times). Run it on an
// idle machine: `cmake --build --preset release --target apigap_scaling apigap-pdf
// && build/release/bench/apigap_scaling` (docs/performance.md); an argument
// keeps only the cases whose name contains it.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "apigap/check.hpp"
#include "apigap/experience.hpp"
#include "apigap/keywords.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/match.hpp"
#include "apigap/mentions.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "apigap/resume_input.hpp"
#include "core/document.hpp"
#include "resume_shapes.hpp"

namespace {

/// The best of `runs` runs of `work`, in seconds.
double fastest(const std::function<void()>& work, int runs) {
    double best = 1e9;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        work();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

struct Case {
    std::string name;
    std::function<std::string(int)> input;  ///< the input at scale `n`
    std::function<void(const std::string&)> work;
    int runs = 5;  ///< the time is the best of these
};

std::string repeated(const std::string& unit, int n) {
    std::string out;
    out.reserve(unit.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        out += unit;
    }
    return out;
}

/// A file in /tmp that is removed with this object.
class TempFile {
public:
    explicit TempFile(const std::string& content) {
        char name[] = "/tmp/apigap-scaling-XXXXXX";
        const int fd = ::mkstemp(name);
        if (fd < 0) {
            std::perror("mkstemp");
            std::exit(2);
        }
        ::close(fd);
        m_path = name;
        std::ofstream(m_path, std::ios::binary) << content;
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() { std::remove(m_path.c_str()); }
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

/// What every command does with the resume at `path`: scan (text, JSON and HTML) with its experience, check, match
/// as the resume, match as the posting, and a batch line.
void every_command(const std::string& path, apigap::InputFormat format, const apigap::KnowledgeBase& kb,
                   const apigap::KeywordMatcher& matcher, const apigap::Posting& posting) {
    using apigap::Format;
    const apigap::ResumeDocument document = apigap::load_resume(path, format, kb.resume);
    const std::vector<apigap::Mention> mentions = apigap::find_mentions(document, matcher);
    apigap::Report report = apigap::make_report(kb, apigap::infer_profile(kb, document, mentions), "mid");
    report.resume = apigap::ResumeSummary{document.source, document.format, document.lines.size(), document.warnings};
    report.experience = apigap::read_experience(document, kb, mentions, {2026, 6});
    for (const Format output : {Format::text, Format::json, Format::html}) {
        (void)apigap::render_report(report, output, {});
    }
    const apigap::CheckReport check = apigap::make_check(kb, document, mentions, {"mid", 0, {}});
    (void)apigap::render_check(check, Format::text, {});
    (void)apigap::render_check(check, Format::json, {});
    const apigap::MatchReport match = apigap::match_posting(posting, document, mentions, report, 0, std::nullopt);
    (void)apigap::render_match(match, Format::text);
    (void)apigap::render_batch_line(path, *report.resume, apigap::summarize(report), &match);
    const apigap::Posting as_posting = apigap::read_posting(
        kb, document, [&](std::string_view line) { return apigap::find_line_hits(line, matcher); }, "");
    (void)apigap::render_match(apigap::match_posting(as_posting, document, mentions, report, 0, "senior"),
                               Format::json);
}

/// A small posting to match the resumes against.
apigap::Posting small_posting(const apigap::KnowledgeBase& kb, const apigap::KeywordMatcher& matcher) {
    apigap::ResumeDocument document;
    document.source = "posting.md";
    int number = 0;
    for (const char* text : {"Senior Backend Engineer", "Requirements", "5+ years building services in Go",
                             "PostgreSQL, Kafka and Kubernetes", "Nice to have", "GraphQL"}) {
        ++number;
        document.add_line(number, text, number == 1);
    }
    return apigap::read_posting(
        kb, document, [&](std::string_view line) { return apigap::find_line_hits(line, matcher); }, "");
}

}  // namespace

int main(int argc, char** argv) {
    const std::string only = argc > 1 ? argv[1] : "";
    const std::string self = argv[0];
    apigap::use_pdf_helper(self.substr(0, self.find_last_of('/') + 1) + "../src/apigap-pdf");
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    const apigap::Posting posting = small_posting(kb, matcher);
    constexpr int k_small = 1'000;
    constexpr int k_factor = 64;
    constexpr double k_bound = 4.0 * k_factor;  // linear work is about 64 times; quadratic about 4,096

    std::vector<Case> cases = {
        {"keywords: one line of sentences",
         [](int n) { return repeated("Designed REST APIs in Go; the rest of the team went through graph nodes. ", n); },
         [&](const std::string& text) { (void)matcher.find(text); }},
        {"keywords: a run of combining marks", [](int n) { return "Go a" + repeated("\u0316\u0301", 4 * n); },
         [&](const std::string& text) { (void)matcher.find(text); }},
        // In a Skills section each everyday word's list item is read (once a line, not once a word).
        {"keywords: a list line of everyday words", [](int n) { return repeated("spring rest tool go ", 4 * n); },
         [&](const std::string& text) { (void)matcher.find(text, true); }},
        {"yaml: one mapping of many keys",
         [](int n) {
             std::string text;
             for (int i = 0; i < n / 2; ++i) {
                 text += 'k' + std::to_string(i) + ": 1\n";
             }
             return text;
         },
         [](const std::string& text) { (void)apigap::detail::parse_document(text, "bench.yaml"); }},
        {"json: many values on one line", [](int n) { return "[" + repeated("1,", n) + "1]"; },
         [](const std::string& text) { (void)apigap::detail::parse_document(text, "bench.json"); }},
    };

    // Every command on each shape in each format, from the file: about 128 KiB at n, 8 MiB at 64n. So large a
    // start that the work on the input, not the fixed costs, sets the time at n too: quadratic work shows.
    for (const apigap::bench::Shape shape :
         {apigap::bench::Shape::dense, apigap::bench::Shape::line, apigap::bench::Shape::repeat}) {
        for (const apigap::InputFormat format :
             {apigap::InputFormat::text, apigap::InputFormat::markdown, apigap::InputFormat::html,
              apigap::InputFormat::latex, apigap::InputFormat::json_resume, apigap::InputFormat::rendercv,
              apigap::InputFormat::docx, apigap::InputFormat::pdf}) {
            if (shape == apigap::bench::Shape::line && format == apigap::InputFormat::pdf) {
                continue;  // poppler needs about 400 bytes a character of a line: apigap-pdf's 512 MiB end at 1 MB
            }
            std::string name = "commands: ";
            name += apigap::bench::to_string(shape);
            name += ' ';
            name += apigap::to_string(format);
            cases.push_back(Case{name,
                                 [shape, format](int n) {
                                     return apigap::bench::make_resume(shape, format,
                                                                       static_cast<std::size_t>(n) * 128);
                                 },
                                 [&, format](const std::string& content) {
                                     const TempFile file(content);
                                     every_command(file.path(), format, kb, matcher, posting);
                                 },
                                 3});
        }
    }

    int failed = 0;
    std::printf("%-40s %12s %12s %8s\n", "case", "n (s)", "64n (s)", "ratio");
    std::fflush(stdout);
    for (const Case& each : cases) {
        if (each.name.find(only) == std::string::npos) {
            continue;
        }
        const std::string small = each.input(k_small);
        const std::string large = each.input(k_small * k_factor);
        const double small_time = fastest([&] { each.work(small); }, each.runs);
        const double large_time = fastest([&] { each.work(large); }, each.runs);
        const double ratio = large_time / std::max(small_time, 1e-9);
        const bool ok = ratio < k_bound;
        failed += ok ? 0 : 1;
        std::printf("%-40s %12.6f %12.6f %8.1f%s\n", each.name.c_str(), small_time, large_time, ratio,
                    ok ? "" : "  TOO SLOW");
        std::fflush(stdout);
    }
    return failed == 0 ? 0 : 1;
}
