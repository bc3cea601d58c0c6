// Scaling benchmark: each parser and the keyword engine on an input N times
// larger must take about N times as long. Prints the ratios; exits 1 when one
// is past its bound (quadratic work would be about N² times). Run it on an
// idle machine: `cmake --build --preset release --target apigap_scaling &&
// build/release/bench/apigap_scaling` (docs/performance.md).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "apigap/keywords.hpp"
#include "apigap/knowledge_base.hpp"
#include "core/document.hpp"

namespace {

/// The best of five runs of `work`, in seconds.
double fastest(const std::function<void()>& work) {
    double best = 1e9;
    for (int run = 0; run < 5; ++run) {
        const auto start = std::chrono::steady_clock::now();
        work();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

struct Case {
    const char* name;
    std::function<std::string(int)> input;  ///< the input at scale `n`
    std::function<void(const std::string&)> work;
};

std::string repeated(const std::string& unit, int n) {
    std::string out;
    out.reserve(unit.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        out += unit;
    }
    return out;
}

}  // namespace

int main() {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    constexpr int k_small = 1'000;
    constexpr int k_factor = 64;
    constexpr double k_bound = 4.0 * k_factor;  // linear work is about 64 times; quadratic about 4,096

    const Case cases[] = {
        {"keywords: one line of sentences",
         [](int n) { return repeated("Designed REST APIs in Go; the rest of the team went through graph nodes. ", n); },
         [&](const std::string& text) { (void)matcher.find(text); }},
        {"keywords: a run of combining marks", [](int n) { return "Go a" + repeated("\u0316\u0301", 4 * n); },
         [&](const std::string& text) { (void)matcher.find(text); }},
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

    int failed = 0;
    std::printf("%-40s %12s %12s %8s\n", "case", "n (s)", "64n (s)", "ratio");
    for (const Case& each : cases) {
        const std::string small = each.input(k_small);
        const std::string large = each.input(k_small * k_factor);
        const double small_time = fastest([&] { each.work(small); });
        const double large_time = fastest([&] { each.work(large); });
        const double ratio = large_time / std::max(small_time, 1e-9);
        const bool ok = ratio < k_bound;
        failed += ok ? 0 : 1;
        std::printf("%-40s %12.6f %12.6f %8.1f%s\n", each.name, small_time, large_time, ratio, ok ? "" : "  TOO SLOW");
    }
    return failed == 0 ? 0 : 1;
}
