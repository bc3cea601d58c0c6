// Fuzz target for the fast block-style YAML reader (core/block_yaml.cpp):
// whenever it reads an input, yaml-cpp must read it too, into the same tree,
// marks and duplicate keys; that is what lets `parse_document` trust it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "apigap/error.hpp"
#include "core/block_yaml.hpp"
#include "core/document.hpp"
#include "core/utf8.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

namespace {

/// Reads `input` with both readers, strictly or listing duplicate keys, and requires the same result.
void compare(std::string_view input, bool lenient) {
    const auto source = std::make_shared<const std::string>("fuzz-input.yaml");
    std::vector<detail::DuplicateKey> fast_duplicates;
    std::optional<detail::Node> fast;
    try {
        fast = detail::read_block_yaml(input, source, lenient ? &fast_duplicates : nullptr);
    } catch (const Error&) {
        return;  // a limit or duplicate key: parse_document has yaml-cpp read it again and report
    }
    if (!fast) {
        return;
    }
    std::vector<detail::DuplicateKey> duplicates;
    detail::Node reference;
    try {
        reference = detail::parse_yaml_with_yaml_cpp(input, *source, lenient ? &duplicates : nullptr);
    } catch (const Error& error) {
        require(false, std::string("yaml-cpp refused what the block reader read: ") + error.what());
    }
    require(*fast == reference, "the block reader read another tree than yaml-cpp (kinds, text, quoting or marks)");
    require(fast_duplicates == duplicates, "the block reader listed other duplicate keys than yaml-cpp");
}

}  // namespace

void fuzz_one(std::string_view input) {
    if (detail::find_invalid_utf8(input)) {
        return;  // parse_document refuses it before either reader sees it
    }
    compare(input, false);
    compare(input, true);
}

}  // namespace apigap::fuzz
