// Fuzz target for the fast JSON reader (core/json_fast.cpp): whenever it
// reads an input, the nlohmann path must read it too, into the same tree, marks
// and duplicate keys; when that path refuses an input, the fast reader must
// have declined it. That is what lets `parse_json` trust it.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "apigap/error.hpp"
#include "core/document.hpp"
#include "core/json_fast.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

namespace {

/// Reads `input` with both readers, strictly or listing duplicate keys, and requires the same result.
void compare(std::string_view input, bool lenient) {
    const auto source = std::make_shared<const std::string>("fuzz-input.json");
    std::vector<detail::DuplicateKey> fast_duplicates;
    const std::optional<detail::Node> fast =
        detail::read_json_fast(input, source, lenient ? &fast_duplicates : nullptr);
    require(fast || fast_duplicates.empty(), "the fast JSON reader declined but left duplicate keys listed");
    std::vector<detail::DuplicateKey> duplicates;
    std::variant<detail::Node, Diagnostic> reference;
    try {
        reference = detail::parse_json_with_nlohmann(input, *source, lenient ? &duplicates : nullptr);
    } catch (const Error& error) {
        require(!fast, std::string("the fast JSON reader read what the nlohmann path refuses: ") + error.what());
        return;
    }
    const detail::Node* root = std::get_if<detail::Node>(&reference);
    if (root == nullptr) {
        require(!fast, "the fast JSON reader read what nlohmann refuses: " + std::get<Diagnostic>(reference).message);
        return;
    }
    if (fast) {
        require(*fast == *root, "the fast JSON reader read another tree than nlohmann (kinds, text, quoting or marks)");
        require(fast_duplicates == duplicates, "the fast JSON reader listed other duplicate keys than nlohmann");
    }
}

}  // namespace

void fuzz_one(std::string_view input) {
    compare(input, false);
    compare(input, true);
}

}  // namespace apigap::fuzz
