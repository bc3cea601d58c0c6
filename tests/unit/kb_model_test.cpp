// Tests of the knowledge base's encoding (src/core/kb_model.cpp) and of the
// built-in model that the build compiles with it.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "apigap/knowledge_base.hpp"
#include "core/document.hpp"
#include "core/kb_model.hpp"
#include "core/kb_reader.hpp"
#include "kb_fixture.hpp"

using apigap::KnowledgeBase;
using apigap::detail::decode_knowledge_base;
using apigap::detail::encode_knowledge_base;

namespace {

KnowledgeBase complete_kb() {
    apigap::detail::Problems problems;
    KnowledgeBase kb = apigap::detail::read_knowledge_base(
        apigap::detail::parse_document(apigap::test::k_complete_kb, "kb.yaml"), problems);
    REQUIRE(problems.empty());
    return kb;
}

std::string decode_error(std::string_view bytes) {
    try {
        (void)decode_knowledge_base(bytes);
    } catch (const std::logic_error& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("the built-in model equals the built-in layers parsed from YAML", "[kb-model]") {
    const KnowledgeBase parsed = apigap::load_knowledge_base();
    const KnowledgeBase compiled = apigap::builtin_knowledge_base();
    CHECK(compiled.skills.size() == parsed.skills.size());
    CHECK(compiled == parsed);
}

TEST_CASE("a knowledge base that sets every field decodes to an equal one", "[kb-model]") {
    const KnowledgeBase kb = complete_kb();
    KnowledgeBase changed = kb;
    changed.levels.front().targets.front().weight += 0.25;
    CHECK(decode_knowledge_base(encode_knowledge_base(kb)) == kb);
    CHECK(decode_knowledge_base(encode_knowledge_base(changed)) == changed);
    CHECK_FALSE(decode_knowledge_base(encode_knowledge_base(changed)) == kb);
    CHECK(encode_knowledge_base(kb) == encode_knowledge_base(kb));
}

TEST_CASE("bytes the encoder did not write are refused as a bug, never read past", "[kb-model]") {
    const std::string bytes = encode_knowledge_base(complete_kb());
    const std::string damaged = "the built-in knowledge base model is damaged; rebuild apigap";
    CHECK(decode_error(bytes.substr(0, bytes.size() - 1)) == damaged);
    CHECK(decode_error(bytes.substr(0, bytes.size() / 2)) == damaged);
    CHECK(decode_error(bytes + "x") == damaged);
    CHECK(decode_error("") == damaged);
    std::string other_version = bytes;
    other_version[8 + 16] = '2';  // "apigap-kb-model-1" after its 8-byte length
    CHECK(decode_error(other_version) == "the built-in knowledge base model is from another version; rebuild apigap");
    std::string huge_list = bytes;
    huge_list[8 + 17 + 7] = '\x7f';  // the scale's length: far more items than bytes
    CHECK(decode_error(huge_list) == damaged);
}
