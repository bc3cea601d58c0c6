// Tests of knowledge-base layer merging (src/core/layers.cpp), as
// docs/knowledge-base.md "How layers merge" describes it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/layers.hpp"
#include "test_support.hpp"

using apigap::detail::merge_layer;
using apigap::detail::Node;
using apigap::detail::parse_document;
using apigap::detail::Problems;
using apigap::test::show;

namespace {

struct Merged {
    std::string tree;
    std::vector<std::string> problems;
};

/// Merges the layers in order into an empty mapping, as the loader does.
Merged merge(const std::vector<std::string>& layers) {
    Node merged;
    merged.kind = Node::Kind::mapping;
    Problems problems;
    int index = 0;
    for (const std::string& layer : layers) {
        merge_layer(merged, parse_document(layer, "layer" + std::to_string(++index) + ".yaml"), problems);
    }
    Merged result{show(merged), {}};
    for (const apigap::Diagnostic& diagnostic : problems.take()) {
        result.problems.push_back(apigap::to_string(diagnostic));
    }
    return result;
}

}  // namespace

TEST_CASE("mappings merge field by field", "[layers]") {
    const Merged merged = merge({"a: 1\nb: {c: 2, d: 3}\n", "b: {d: 4, e: 5}\nf: 6\n"});
    CHECK(merged.tree == "{a: 1, b: {c: 2, d: 4, e: 5}, f: 6}");
    CHECK(merged.problems.empty());
}

TEST_CASE("the later layer wins, however many layers there are", "[layers]") {
    const Merged merged = merge({"a: 1\nb: x\n", "a: 2\n", "a: 3\nc: {d: 1}\n", "c: {d: 2}\n"});
    CHECK(merged.tree == "{a: 3, b: x, c: {d: 2}}");
}

TEST_CASE("a value of another kind replaces the earlier one", "[layers]") {
    CHECK(merge({"a: 1\n", "a: {b: 2}\n"}).tree == "{a: {b: 2}}");
    CHECK(merge({"a: {b: 2}\n", "a: 1\n"}).tree == "{a: 1}");
    CHECK(merge({"a: [1, 2]\n", "a: three\n"}).tree == "{a: three}");
    CHECK(merge({"a: x\n", "a: 'y'\n"}).tree == "{a: \"y\"}");
}

TEST_CASE("an explicit null in a later layer replaces the value", "[layers]") {
    CHECK(merge({"a: {b: 1, c: 2}\n", "a: {b: ~}\n"}).tree == "{a: {b: null, c: 2}}");
}

TEST_CASE("skills merge by id: known ids merge, new ids append in order", "[layers]") {
    const Merged merged = merge({
        "skills:\n"
        "  - id: a\n    name: A\n    category: technical\n"
        "  - id: b\n    name: B\n",
        "skills:\n"
        "  - id: c\n    name: C\n"
        "  - id: a\n    name: A2\n    description: new\n",
    });
    CHECK(merged.tree ==
          "{skills: [{id: a, name: A2, category: technical, description: new}, {id: b, name: B}, {id: c, name: C}]}");
    CHECK(merged.problems.empty());
}

TEST_CASE("groups, levels and tools merge by id too", "[layers]") {
    CHECK(merge({"groups: [{id: g, name: G, members: [a, b]}]\n", "groups: [{id: g, name: G2}, {id: h}]\n"}).tree ==
          "{groups: [{id: g, name: G2, members: [a, b]}, {id: h}]}");
    CHECK(merge({"levels: [{id: mid, name: Mid, focus: x}]\n", "levels: [{id: mid, focus: y}]\n"}).tree ==
          "{levels: [{id: mid, name: Mid, focus: y}]}");
    CHECK(merge({"tools: [{id: t, name: T, kind: tool}]\n", "tools: [{id: t, kind: technology}]\n"}).tree ==
          "{tools: [{id: t, name: T, kind: technology}]}");
}

TEST_CASE("a level's targets merge by id and rank", "[layers]") {
    const Merged merged = merge({
        "levels:\n"
        "  - id: senior\n"
        "    targets:\n"
        "      - {id: go, target: 3, weight: 1}\n"
        "      - {id: languages, target: 4, weight: 3}\n"
        "      - {id: languages, rank: 2, target: 2, weight: 1}\n",
        "levels:\n"
        "  - id: senior\n"
        "    targets:\n"
        "      - {id: go, weight: 2}\n"
        "      - {id: languages, rank: 2, target: 3}\n"
        "      - {id: languages, rank: 3, target: 1, weight: 1}\n"
        "      - {id: languages, rank: 1, weight: 5}\n",
    });
    CHECK(merged.tree ==
          "{levels: [{id: senior, targets: ["
          "{id: go, target: 3, weight: 2}, "
          "{id: languages, target: 4, weight: 5, rank: 1}, "
          "{id: languages, rank: 2, target: 3, weight: 1}, "
          "{id: languages, rank: 3, target: 1, weight: 1}]}]}");
    CHECK(merged.problems.empty());
}

TEST_CASE("the docs' example overlay changes only the weight of Go at senior", "[layers]") {
    const Merged merged = merge({
        "levels:\n"
        "  - id: mid\n    targets:\n      - {id: go, target: 2, weight: 1}\n"
        "  - id: senior\n    name: Senior\n    targets:\n      - {id: go, target: 3, weight: 1}\n"
        "      - {id: python, target: 3, weight: 1}\n",
        "levels:\n  - id: senior\n    targets:\n      - id: go\n        weight: 2\n",
    });
    CHECK(
        merged.tree ==
        "{levels: [{id: mid, targets: [{id: go, target: 2, weight: 1}]}, "
        "{id: senior, name: Senior, targets: [{id: go, target: 3, weight: 2}, {id: python, target: 3, weight: 1}]}]}");
}

TEST_CASE("lists without ids are replaced whole", "[layers]") {
    SECTION("a skill's rubric, aliases and resources") {
        const Merged merged = merge({
            "skills:\n  - id: a\n    rubric: [r0, r1, r2, r3, r4]\n"
            "    keywords: [{term: A, aliases: [a1, a2]}]\n"
            "    resources: [{title: One}, {title: Two}]\n",
            "skills:\n  - id: a\n    rubric: [s0, s1]\n    keywords: [{term: B}]\n    resources: [{title: Three}]\n",
        });
        CHECK(merged.tree ==
              "{skills: [{id: a, rubric: [s0, s1], keywords: [{term: B}], resources: [{title: Three}]}]}");
    }
    SECTION("a group's members") {
        CHECK(merge({"groups: [{id: g, members: [a, b, c]}]\n", "groups: [{id: g, members: [d]}]\n"}).tree ==
              "{groups: [{id: g, members: [d]}]}");
    }
    SECTION("top-level lists such as industries and the scale") {
        CHECK(merge({"industries: [a, b]\nscale: [{rating: 0}, {rating: 1}]\n",
                     "industries: [c]\nscale: [{rating: 2}]\n"})
                  .tree == "{industries: [c], scale: [{rating: 2}]}");
    }
    SECTION("a tool's list of skill ids") {
        // `skills` inside a tool is a list of ids, not of mappings with an `id`.
        CHECK(merge({"tools: [{id: t, skills: [python, java]}]\n", "tools: [{id: t, skills: [go]}]\n"}).tree ==
              "{tools: [{id: t, skills: [go]}]}");
    }
}

TEST_CASE("a duplicate id within one layer is reported at the second occurrence", "[layers][error]") {
    SECTION("in a list an earlier layer defined") {
        const Merged merged =
            merge({"skills:\n  - id: a\n", "skills:\n  - id: b\n  - id: c\n  - id: b\n    name: B\n"});
        REQUIRE(merged.problems.size() == 1);
        CHECK(merged.problems[0] == "layer2.yaml:4:9: duplicate id 'b' (first defined at 2:9)");
        CHECK(merged.tree == "{skills: [{id: a}, {id: b}, {id: c}]}");
    }
    SECTION("in flow style") {
        const Merged merged = merge({"levels: []\n", "levels: [{id: mid}, {id: mid}]\n"});
        REQUIRE(merged.problems.size() == 1);
        CHECK(merged.problems[0] == "layer2.yaml:1:26: duplicate id 'mid' (first defined at 1:15)");
    }
    SECTION("a target's id and rank together") {
        const Merged merged = merge({
            "levels: [{id: mid, targets: []}]\n",
            "levels:\n  - id: mid\n    targets:\n"
            "      - {id: languages, target: 2, weight: 1}\n"
            "      - {id: languages, rank: 2, target: 1, weight: 1}\n"
            "      - {id: languages, rank: 1, target: 3, weight: 1}\n",
        });
        REQUIRE(merged.problems.size() == 1);
        CHECK(merged.problems[0] == "layer2.yaml:6:14: duplicate id 'languages' (first defined at 4:14)");
    }
    SECTION("where an earlier layer had something else under the key") {
        const Merged merged = merge({"tools: none\n", "tools:\n  - id: t\n  - id: t\n"});
        REQUIRE(merged.problems.size() == 1);
        CHECK(merged.problems[0] == "layer2.yaml:3:9: duplicate id 't' (first defined at 2:9)");
        CHECK(merged.tree == "{tools: [{id: t}]}");
    }
}

TEST_CASE("a duplicate id is reported in a list no earlier layer defined", "[layers][error]") {
    SECTION("the first layer that defines the list") {
        const Merged merged = merge({"skills:\n  - id: a\n  - id: a\n"});
        REQUIRE(merged.problems.size() == 1);
        CHECK(merged.problems[0] == "layer1.yaml:3:9: duplicate id 'a' (first defined at 2:9)");
    }
    SECTION("the targets of a level the overlay adds") {
        const Merged merged = merge({
            "levels:\n  - id: mid\n    targets: [{id: go, target: 2, weight: 1}]\n",
            "levels:\n  - id: staff\n    targets:\n      - {id: go, target: 3, weight: 1}\n"
            "      - {id: go, target: 4, weight: 1}\n",
        });
        REQUIRE(merged.problems.size() == 1);
        CHECK(merged.problems[0] == "layer2.yaml:5:14: duplicate id 'go' (first defined at 4:14)");
    }
}

TEST_CASE("the same id in two layers is a merge, not a duplicate", "[layers]") {
    const Merged merged =
        merge({"skills: [{id: a, name: A}]\n", "skills: [{id: a, name: B}]\n", "skills: [{id: a, name: C}]\n"});
    CHECK(merged.problems.empty());
    CHECK(merged.tree == "{skills: [{id: a, name: C}]}");
}

TEST_CASE("items without an id are appended for the reader to report", "[layers]") {
    const Merged merged = merge({"skills: [{id: a}]\n", "skills: [{name: nameless}, {id: [x]}]\n"});
    CHECK(merged.problems.empty());
    CHECK(merged.tree == "{skills: [{id: a}, {name: nameless}, {id: [x]}]}");
}
