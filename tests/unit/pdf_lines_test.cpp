// Tests of rejoining a PDF's broken lines (src/ingest/pdf_lines.cpp), through the PDF text reader.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/extractors.hpp"

using Strings = std::vector<std::string>;

namespace {

/// The lines `extract_pdf_text` makes of `text`, as `number: text`.
Strings pdf_lines(std::string_view text) {
    Strings lines;
    const apigap::ResumeDocument document = apigap::ingest_detail::extract_pdf_text(text, "cv.pdf");
    for (const apigap::ResumeLine& line : document.lines) {
        lines.push_back(std::to_string(line.number) + ": " + std::string(line.text));
    }
    return lines;
}

}  // namespace

TEST_CASE("a word hyphenated at a line end is one word again, the rest of its line stays", "[pdf-lines]") {
    CHECK(pdf_lines("Helped the support team be-\ngin on-call rotations\n") ==
          Strings{"1: Helped the support team begin", "2: on-call rotations"});
    CHECK(pdf_lines("Cut costs with infra\u00AD\nstructure\n") == Strings{"1: Cut costs with infrastructure"});
    CHECK(pdf_lines("Helped be-\ngin  two spaces\n") == Strings{"1: Helped begin", "2: two spaces"});
    CHECK(pdf_lines("define risk parame\u2011\nters. Then more\n") ==
          Strings{"1: define risk parameters.", "2: Then more"});
    CHECK(pdf_lines("Moved to a micro\u2010\nservice\n") == Strings{"1: Moved to a microservice"});
    // A browser prints the soft hyphen it broke at, then the hyphen it shows; a compound's tail does not keep it.
    CHECK(pdf_lines("Deployment on Kuber\u00AD\u2010\nnetes\n") == Strings{"1: Deployment on Kubernetes"});
    CHECK(pdf_lines("Built open\u00AD\u2010\nsource tools\n") == Strings{"1: Built opensource", "2: tools"});
    CHECK(pdf_lines("Tracing with Open\u00AD\u2010\nTelemetry\n") == Strings{"1: Tracing with OpenTelemetry"});
    CHECK(pdf_lines("Tracing with Open\u00AD\nTelemetry\n") == Strings{"1: Tracing with OpenTelemetry"});
}

TEST_CASE("a compound broken at its hyphen keeps the hyphen", "[pdf-lines]") {
    // Its second half has a hyphen, is a usual compound's, or the text writes the pair with a hyphen elsewhere.
    CHECK(pdf_lines("Wrote end-\nto-end tests\n") == Strings{"1: Wrote end-to-end", "2: tests"});
    CHECK(pdf_lines("Led cross-\nfunctional, remote teams\n") ==
          Strings{"1: Led cross-functional,", "2: remote teams"});
    CHECK(pdf_lines("Ran data-\nsets; built data-sets\n") == Strings{"1: Ran data-sets;", "2: built data-sets"});
    // Too short a first half for a compound: "re-source" is "resource".
    CHECK(pdf_lines("Planned re-\nsource use\n") == Strings{"1: Planned resource", "2: use"});
    // A soft hyphen is never part of the word.
    CHECK(pdf_lines("Led cross\u00AD\nfunctional teams\n") == Strings{"1: Led crossfunctional", "2: teams"});
}

TEST_CASE("a line-end hyphen before a capital, a digit or a far line is left alone", "[pdf-lines]") {
    CHECK(pdf_lines("Wrote Java-\nScript tools\n") == Strings{"1: Wrote Java-", "2: Script tools"});
    CHECK(pdf_lines("Released v2-\n3 times\n") == Strings{"1: Released v2-", "2: 3 times"});
    CHECK(pdf_lines("Helped be-\n\n\ngin\n") == Strings{"1: Helped be-", "4: gin"});
    CHECK(pdf_lines("Go -\nrest\n") == Strings{"1: Go -", "2: rest"});
}

TEST_CASE("a wrapped bullet takes its continuation lines, so that its result stays with it", "[pdf-lines]") {
    CHECK(pdf_lines("  \u2022 Cut p99 latency of the checkout API\n"
                    "\n"
                    "    from 900 ms to 120 ms with a price cache,\n"
                    "    saving 30% of the hosts\n"
                    "  \u2022 Wrote the runbooks\n"
                    "    and trained 4 engineers\n") ==
          Strings{"1: \u2022 Cut p99 latency of the checkout API from 900 ms to 120 ms with a price cache, saving 30% "
                  "of the hosts",
                  "5: \u2022 Wrote the runbooks and trained 4 engineers"});
    CHECK(pdf_lines("  1. Built the billing service in Go for\n     12 markets\n") ==
          Strings{"1: 1. Built the billing service in Go for 12 markets"});
}

TEST_CASE("a wrapped bullet stops at a sentence end, a capital, a bullet, an indent or a gap", "[pdf-lines]") {
    CHECK(pdf_lines("\u2022 Built the API.\n  then more\n") == Strings{"1: \u2022 Built the API.", "2: then more"});
    CHECK(pdf_lines("\u2022 Agile web development\n    React Native\n") ==
          Strings{"1: \u2022 Agile web development", "2: React Native"});
    CHECK(pdf_lines("\u2022 Built the API\n  \u2022 tested it\n") ==
          Strings{"1: \u2022 Built the API", "2: \u2022 tested it"});
    CHECK(pdf_lines("  \u2022 Built the API\n  and tested it\n") ==
          Strings{"1: \u2022 Built the API", "2: and tested it"});
    CHECK(pdf_lines("\u2022 Built the API\n                      2019 \u2013 2021\n") ==
          Strings{"1: \u2022 Built the API", "2: 2019 \u2013 2021"});
    CHECK(pdf_lines("\u2022 Built the API\n\n\n  and tested it\n") ==
          Strings{"1: \u2022 Built the API", "4: and tested it"});
    CHECK(pdf_lines("Built the API\n  and tested it\n") == Strings{"1: Built the API", "2: and tested it"});
}

TEST_CASE("a wrapped CJK bullet joins without a space, whatever the next line starts with", "[pdf-lines]") {
    CHECK(pdf_lines("  1. \u8d1f\u8d23\u8ba2\u5355\u670d\u52a1\u7684\u5206\n"
                    "     \u5e03\u5f0f\u6539\u9020\uff0c\u4f7f\u7528\n"
                    "     Redis \u7f13\u5b58\u3002\n"
                    "  2. \u8bbe\u8ba1\u63a5\u53e3\n") ==
          Strings{"1: 1. \u8d1f\u8d23\u8ba2\u5355\u670d\u52a1\u7684\u5206\u5e03\u5f0f\u6539\u9020\uff0c\u4f7f\u7528 "
                  "Redis \u7f13\u5b58\u3002",
                  "4: 2. \u8bbe\u8ba1\u63a5\u53e3"});
}

TEST_CASE("typographic ligatures are spelled out", "[pdf-lines]") {
    CHECK(pdf_lines("Certi\uFB01cations\nE\uFB03cient work\ufb02ows, o\uFB00ers, ba\uFB04ed\n") ==
          Strings{"1: Certifications", "2: Efficient workflows, offers, baffled"});
}
