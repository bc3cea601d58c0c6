// Fuzz target for knowledge-base overlays (`--kb`, `APIGAP_KB`, `apigap kb
// lint`): one layer over the built-in ones, merged, read, linted, and its
// keywords, when it changes them, compiled into a matcher that reads a line.
// It takes the steps of `load_knowledge_base` (src/core/knowledge_base.cpp)
// one by one, so that the built-in layers are parsed once rather than for
// each input: with them, a run parses 130 KB of YAML and makes 6 runs a second.
#include <string>
#include <utility>
#include <vector>

#include "apigap/keywords.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/lint.hpp"
#include "core/document.hpp"
#include "core/kb_reader.hpp"
#include "core/layers.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

namespace {

/// The built-in layers, parsed and merged.
const detail::Node& builtin_tree() {
    static const detail::Node merged = [] {
        detail::Node tree;
        tree.kind = detail::Node::Kind::mapping;
        detail::Problems problems;
        for (const KbLayer& layer : builtin_kb_layers()) {
            detail::merge_layer(tree, detail::parse_document(layer.text, layer.source_name), problems);
        }
        require(problems.empty(), "the built-in layers do not merge");
        return tree;
    }();
    return merged;
}

}  // namespace

void fuzz_one(std::string_view input) {
    detail::Node overlay = detail::parse_document(input, "fuzz-overlay.yaml");
    if (overlay.kind != detail::Node::Kind::mapping) {
        return;  // refused by `load_knowledge_base`
    }
    detail::Node merged = builtin_tree();
    detail::Problems problems;
    detail::merge_layer(merged, std::move(overlay), problems);
    const KnowledgeBase kb = detail::read_knowledge_base(merged, problems);
    if (!problems.empty()) {
        return;  // the first problem is what `load_knowledge_base` throws
    }
    static_cast<void>(lint_knowledge_base(kb));
    // Compiling the keywords costs more than all the rest: only for an overlay that changes them.
    static const std::vector<std::string> builtin_keywords = all_keywords(knowledge_base());
    if (all_keywords(kb) != builtin_keywords) {
        const KeywordMatcher matcher(kb);
        static_cast<void>(matcher.find("Built REST and gRPC APIs in Go, C++ and Node.js on AWS; learning Rust"));
    }
}

}  // namespace apigap::fuzz
