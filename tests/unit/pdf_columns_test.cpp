// Tests of reading a two-column PDF page column by column (src/ingest/pdf_columns.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/pdf_columns.hpp"

using apigap::ingest_detail::ColumnBlock;
using apigap::ingest_detail::ColumnPage;
using apigap::ingest_detail::read_columns;

TEST_CASE("a sidebar page is read left column first, a line across the page staying where it is", "[pdf-columns]") {
    const std::string page =
        "Mara Okonkwo, Backend Engineer, mara@example.com\n"
        "\n"
        "SKILLS                 EXPERIENCE\n"
        "Go                     Backend Engineer, Kestrel Pay, 2020 - 2024\n"
        "PostgreSQL             \u2022 Built the payments API in Go, serving\n"
        "Kubernetes               3,000 requests a second\n"
        "                       \u2022 Led the move of 14 services to Kubernetes\n"
        "EDUCATION\n"
        "BSc Computer Science   Junior Developer, Ardent Labs, 2018 - 2020\n"
        "Lagos                  \u2022 Wrote reporting jobs in Python\n"
        "LANGUAGES              \u2022 Kept the build under 5 minutes\n"
        "English, Yoruba        \u2022 Tested the billing exports\n"
        "References on request, across the whole page width of the resume\n"
        "Kotlin                 Mentor, Code Club, 2022\n";
    CHECK(read_columns(page).text ==
          "Mara Okonkwo, Backend Engineer, mara@example.com\n"
          "\n"
          "SKILLS                 \n"
          "Go                     \n"
          "PostgreSQL             \n"
          "Kubernetes             \n"
          "\n"
          "EDUCATION\n"
          "BSc Computer Science   \n"
          "Lagos                  \n"
          "LANGUAGES              \n"
          "English, Yoruba        \n"
          "\n\n"
          "EXPERIENCE\n"
          "Backend Engineer, Kestrel Pay, 2020 - 2024\n"
          "\u2022 Built the payments API in Go, serving\n"
          "  3,000 requests a second\n"
          "\u2022 Led the move of 14 services to Kubernetes\n"
          "Junior Developer, Ardent Labs, 2018 - 2020\n"
          "\u2022 Wrote reporting jobs in Python\n"
          "\u2022 Kept the build under 5 minutes\n"
          "\u2022 Tested the billing exports\n"
          "References on request, across the whole page width of the resume\n"
          "Kotlin                 \n"
          "\n\n"
          "Mentor, Code Club, 2022\n");
    // Where the columns went, as line indexes of the text: the left column of the first block from SKILLS to
    // "English, Yoruba", its right column from EXPERIENCE to "Tested the billing exports"; then Kotlin and Mentor.
    const std::vector<ColumnBlock> blocks = read_columns(page).blocks;
    REQUIRE(blocks.size() == 2);
    CHECK(std::vector<std::size_t>{blocks[0].left_first, blocks[0].left_last, blocks[0].right_first,
                                   blocks[0].right_last} == std::vector<std::size_t>{2, 11, 14, 22});
    CHECK(blocks[0].across == "Go                     Backend Engineer, Kestrel Pay, 2020 - 2024");
    CHECK(std::vector<std::size_t>{blocks[1].left_first, blocks[1].left_last, blocks[1].right_first,
                                   blocks[1].right_last} == std::vector<std::size_t>{24, 24, 27, 27});
}

TEST_CASE("a stretch with text right of the gutter only is no block: it is read as it stands", "[pdf-columns]") {
    const std::string page =
        "Mara Okonkwo, Backend Engineer, mara@example.com, Lagos, Nigeria\n"
        "SKILLS                 EXPERIENCE\n"
        "Go                     Backend Engineer, Kestrel Pay, 2020 - 2024\n"
        "PostgreSQL             Led the move of 14 services to Kubernetes\n"
        "Kubernetes             Built the payments API in Go\n"
        "Python                 Junior Developer, Ardent Labs, 2018 - 2020\n"
        "Kafka                  Wrote reporting jobs in Python\n"
        "Docker                 Kept the build under 5 minutes\n"
        "Redis                  Tested the billing exports\n"
        "References on request, across the whole page width of the resume\n"
        "                       Mentor, Code Club, 2022\n";
    const ColumnPage read = read_columns(page);
    REQUIRE(read.blocks.size() == 1);
    CHECK(std::vector<std::size_t>{read.blocks[0].left_first, read.blocks[0].left_last, read.blocks[0].right_first,
                                   read.blocks[0].right_last} == std::vector<std::size_t>{1, 8, 11, 18});
    CHECK(read.text.substr(read.text.rfind("References")) ==
          "References on request, across the whole page width of the resume\n\n\n\nMentor, Code Club, 2022\n");
}

TEST_CASE("a one-column page with dates at the right margin is left as it is", "[pdf-columns]") {
    const std::string page =
        "Kestrel Pay                                                      Lagos, Nigeria\n"
        "BACKEND ENGINEER                                              Jan 2020 - Dec 2024\n"
        "  \u2022 Built the payments API in Go, serving 3,000 requests a second at peak\n"
        "  \u2022 Led the move of 14 services to Kubernetes with zero downtime overall\n"
        "Ardent Labs                                                      Lagos, Nigeria\n"
        "JUNIOR DEVELOPER                                              Mar 2018 - Dec 2019\n"
        "  \u2022 Wrote reporting jobs in Python for the finance team, daily and weekly\n";
    CHECK(read_columns(page).text == page);
    // Short bullets that never reach the dates: the date column holds too few lines to be one.
    const std::string short_bullets =
        "Kestrel Pay                                       Jan 2020 - Dec 2024\n"
        "  \u2022 Built the payments API\n"
        "  \u2022 Led the move to Kubernetes\n"
        "  \u2022 Ran on-call\n"
        "Ardent Labs                                       Mar 2018 - Dec 2019\n"
        "  \u2022 Wrote reporting jobs\n";
    CHECK(read_columns(short_bullets).text == short_bullets);
}

TEST_CASE("single spaces and two-space sentence gaps are no gutter", "[pdf-columns]") {
    const std::string page =
        "Built the API.  Then  shipped it.\n"
        "Ran it.  Then  handed it over.\n"
        "Wrote it.  Then  tested it.\n";
    CHECK(read_columns(page).text == page);
    CHECK(read_columns(page).blocks.empty());
    CHECK(read_columns("").text == "");
    CHECK(read_columns("one line only\n").text == "one line only\n");
}

TEST_CASE("only the first 300 columns of pages of at most 1,000 lines are looked at", "[pdf-columns]") {
    std::string wide;
    std::string tall;
    for (int line = 0; line < 10; ++line) {
        wide += std::string(310, 'a') + "     right\n";
    }
    for (int line = 0; line < 1001; ++line) {
        tall += "left          right\n";
    }
    CHECK(read_columns(wide).text == wide);
    CHECK(read_columns(tall).text == tall);
    CHECK(read_columns(tall.substr(0, tall.size() - 20)).text != tall.substr(0, tall.size() - 20));
}

TEST_CASE("columns whose lines do not line up, as a browser prints a grid, are read one after the other",
          "[pdf-columns]") {
    // Most lines hold one column's text: the sidebar's lines and the main column's fall between each other.
    const std::string page =
        "Marta Lindqvist\n"
        "Contact                       Summary\n"
        "marta@example.org             Backend engineer who designs payment APIs.\n"
        "+46 70 123 45 67\n"
        "                              Experience\n"
        "Skills\n"
        "                                Designed the card payments REST API in Java\n"
        "Java, Spring Boot\n"
        "                                Moved settlement events to Apache Kafka\n"
        "Kotlin, Python\n"
        "                                Cached hot listings in Redis\n"
        "PostgreSQL, Redis\n"
        "Education\n"
        "MSc Computer Science\n";
    const ColumnPage read = read_columns(page);
    CHECK(read.text ==
          "Marta Lindqvist\n"
          "Contact                       \n"
          "marta@example.org             \n"
          "+46 70 123 45 67\n"
          "\n"
          "Skills\n"
          "\n"
          "Java, Spring Boot\n"
          "\n"
          "Kotlin, Python\n"
          "\n"
          "PostgreSQL, Redis\n"
          "Education\n"
          "MSc Computer Science\n"
          "\n\n"
          "Summary\n"
          "Backend engineer who designs payment APIs.\n"
          "Experience\n"
          "  Designed the card payments REST API in Java\n"
          "  Moved settlement events to Apache Kafka\n"
          "  Cached hot listings in Redis\n");
    CHECK(read.blocks.size() == 1);
    // One line of two columns in a page of one column's lines is no gutter.
    const std::string one_column =
        "Marta Lindqvist                         Stockholm\n"
        "Designed the card payments REST API in Java and Spring Boot for merchants\n"
        "Moved settlement events to Apache Kafka and cut reconciliation time by half\n"
        "Cached hot listings in Redis and reduced p95 latency from 400 ms to 90 ms\n"
        "Built the listing search API in Kotlin on PostgreSQL for the whole marketplace\n";
    CHECK(read_columns(one_column).text == one_column);
    CHECK(read_columns(one_column).blocks.empty());
}
