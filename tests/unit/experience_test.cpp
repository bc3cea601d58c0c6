// Tests of the years of experience and the level a resume reads as (src/core/experience.cpp, the range forms of
// resume_dates.cpp), against docs/scoring.md, "Experience".
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "apigap/experience.hpp"
#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "core/resume_dates.hpp"

namespace {

using apigap::Experience;
using apigap::YearMonth;

const apigap::KnowledgeBase& kb() {
    static const apigap::KnowledgeBase base = apigap::load_knowledge_base();
    return base;
}

constexpr YearMonth k_today{2026, 6};

/// A document of `lines`, each a section id and its text, numbered from 1.
apigap::ResumeDocument document(const std::vector<std::pair<std::string, std::string>>& lines) {
    apigap::ResumeDocument doc;
    doc.source = "cv.md";
    int number = 0;
    for (const auto& [section, text] : lines) {
        doc.add_line(++number, text, false, section);
    }
    return doc;
}

/// The experience of a document of `lines`, read with the built-in knowledge base's keyword mentions.
Experience read(const std::vector<std::pair<std::string, std::string>>& lines) {
    static const apigap::KeywordMatcher matcher(kb());
    const apigap::ResumeDocument doc = document(lines);
    return apigap::read_experience(doc, kb(), apigap::find_mentions(doc, matcher), k_today);
}

/// The years one experience line reads as.
std::optional<double> years_of(const std::string& line) {
    return read({{"experience", line}}).years;
}

}  // namespace

TEST_CASE("a range in the experience section counts its months inclusive", "[experience]") {
    const Experience experience = read({{"experience", "Software Engineer II, Acme (Jan 2020 - Jun 2022)"}});
    CHECK(experience.years == 2.5);
    CHECK(experience.level == "mid");
    CHECK(experience.basis == apigap::ExperienceBasis::years);
    CHECK(experience.title == "Software Engineer II, Acme");
    REQUIRE(experience.evidence.size() == 1);
    CHECK(experience.evidence[0] == apigap::ExperienceEvidence{1, "Software Engineer II, Acme (Jan 2020 - Jun 2022)",
                                                               "Software Engineer II, Acme"});
}

TEST_CASE("every written form of a range reads as the same months", "[experience]") {
    CHECK(years_of("Engineer, 03/2018 - 11/2021") == 3.8);
    CHECK(years_of("Engineer, 03.2018 – 11.2021") == 3.8);
    CHECK(years_of("Engineer 2018.03 - 2021.11") == 3.8);
    CHECK(years_of("Engineer 2018-03-01 – 2021-11-30") == 3.8);
    CHECK(years_of("Engineer 2018年3月 - 2021年11月") == 3.8);
    CHECK(years_of("Engineer, March 2018 to November 2021") == 3.8);
    CHECK(years_of("Engineer, Mar. 2018 — Nov. 2021") == 3.8);
    CHECK(years_of("Engineer 2018—2021") == 3.5);  // a start year starts in January, an end year ends in June
    CHECK(years_of("Engineer 2018--2020") == 2.5);
    // Two LaTeX arguments or table cells, joined by the reader's `|`: "\\job{Jan 2018 -}{Sep 2022}".
    CHECK(years_of("Jan 2018 - | Sep 2022 | Acme | Engineer") == 4.8);
    CHECK(years_of("Engineer | 2018 | 2020") == 2.5);
    // Every dash a PDF or a word processor writes: a hyphen, a non-breaking hyphen, a full-width one.
    CHECK(years_of("Engineer, Mar. 2018 \u2010 Nov. 2021") == 3.8);
    CHECK(years_of("Engineer, Mar. 2018 \u2011 Nov. 2021") == 3.8);
    CHECK(years_of("Engineer, 2018.03 \uff0d 2021.11") == 3.8);
    // The year first, then the month's name: a table's column.
    CHECK(years_of("Engineer, 2018 Mar. - 2021 Nov.") == 3.8);
    CHECK(years_of("Engineer, 2018 March to 2021 November") == 3.8);
    // A year of two digits after an apostrophe: 1951 to 2050.
    CHECK(years_of("Engineer, Mar '18 – Nov '21") == 3.8);
    CHECK(years_of("Engineer, Mar. \u201918 - Nov.\u201921") == 3.8);
    CHECK(years_of("Engineer, Sept '98 – Aug '01") == 3.0);
    // Without one, two digits after a month are a day: no date.
    CHECK_FALSE(years_of("Engineer, Mar 18 – Nov 21").has_value());
}

TEST_CASE("present in every language the knowledge base lists is today", "[experience]") {
    for (const std::string present : {"Present", "now", "current", "至今", "现在", "atual", "presente", "actualidad",
                                      "настоящее время", "Настоящее время", "heute", "aujourd'hui"}) {
        CAPTURE(present);
        CHECK(years_of("Engineer, Jan 2024 - " + present) == 2.5);
    }
    for (const std::string present : {"현재", "재직중", "재직 중"}) {
        CAPTURE(present);
        CHECK(years_of("엔지니어, 2024.01 ~ " + present) == 2.5);
    }
    CHECK(years_of("Engineer 2024.01 至今") == 2.5);
    CHECK(years_of("Engineer, May 2024 to now") == 2.2);
}

TEST_CASE("month names in every language the knowledge base lists are months", "[experience]") {
    CHECK(years_of("Engenheiro, março de 2020 - janeiro de 2022") == 1.9);
    CHECK(years_of("Ingeniero, ene. 2020 - dic. 2021") == 2.0);
    CHECK(years_of("Ingénieur, janv. 2020 – déc. 2021") == 2.0);
    CHECK(years_of("Entwickler, Januar 2020 bis Dezember 2021") == 2.0);
    CHECK(years_of("Разработчик, январь 2020 — декабрь 2021") == 2.0);
    CHECK(years_of("Engenheiro, jan/2020 - dez/2021") == 2.0);
}

TEST_CASE("a date after a since word opens a range to the present", "[experience]") {
    CHECK(years_of("Backend Engineer, Acme, since Jan 2024") == 2.5);
    CHECK(years_of("Entwickler seit 01/2024") == 2.5);
    CHECK(years_of("Desarrollador, desde enero de 2024") == 2.5);
    CHECK(years_of("Разработчик с января 2024") == 2.5);
    CHECK(years_of("后端开发工程师 自2024年1月") == 2.5);
    CHECK_FALSE(years_of("Backend Engineer, Acme, Jan 2024").has_value());
    CHECK_FALSE(years_of("Оптимизировал процесс 2024").has_value());
}

TEST_CASE("dashes and until words together join a range", "[experience]") {
    CHECK(years_of("Разработчик, январь 2024 — по настоящее время") == 2.5);
    CHECK(years_of("Engenheiro, jan 2024 - até o momento") == 2.5);
    CHECK_FALSE(years_of("Engineer, Jan 2024 and then Dec 2025").has_value());
}

TEST_CASE("overlapping roles count their months once", "[experience]") {
    const Experience experience = read({{"experience", "Engineer, Acme, Jan 2018 - Dec 2020"},
                                        {"experience", "Software Consultant, Own company, Jan 2019 - Dec 2021"}});
    CHECK(experience.years == 4.0);
    CHECK(experience.evidence.size() == 2);
}

TEST_CASE("internships, student jobs and education ranges are not professional years", "[experience]") {
    const Experience experience = read({
        {"education", "BSc Computer Science, 2015 - 2019"},
        {"experience", "Software Engineer, Acme, Jul 2019 - Jun 2020"},
        {"experience", "Software Engineering Intern, Acme, Jun 2018 - Aug 2018"},
        {"experience", "Estagiário de desenvolvimento, 01/2019 - 06/2019"},
        {"experience", "Part-time developer, Campus shop, Sep 2016 - May 2018"},
    });
    CHECK(experience.years == 1.0);
    CHECK(experience.level == "entry");
    CHECK(experience.evidence.size() == 1);
}

TEST_CASE("a graduation date alone stands for the four years of study before it", "[experience]") {
    const Experience experience = read({
        {"education", "BSc Computer Science, University of Somewhere, May 2019"},
        {"experience", "Teaching helper, Sep 2016 - May 2019"},
        {"experience", "Backend Engineer, Jun 2019 - Jun 2021"},
    });
    CHECK(experience.years == 2.1);
    CHECK(experience.evidence.size() == 1);
}

TEST_CASE("a course of study with an open end holds four years at most", "[experience]") {
    // A degree never closed on the resume: the job after its fourth year is no student's.
    const Experience closed_never = read({
        {"education", "BSc Computer Science, 2015 - present"},
        {"experience", "Senior Software Engineer, Acme, 2016 - 2024"},
    });
    CHECK(closed_never.years == 8.5);
    CHECK(closed_never.level == "senior");
    // A student now (begun within four years of today): a part-time job held inside it is still a student's.
    const Experience student = read({
        {"education", "MSc Computer Science, Sep 2024 - present"},
        {"experience", "Part-time developer, Acme, Jan 2025 - Dec 2025"},
        {"experience", "Backend Developer, Initech, Jan 2020 - Aug 2024"},
    });
    CHECK(student.years == 4.7);
    CHECK(student.evidence.size() == 1);
}

TEST_CASE("dates outside the experience section do not count when the resume has one", "[experience]") {
    const Experience experience = read({
        {"projects", "Side project, 2010 - 2020"},
        {"certifications", "AWS Certified, Jan 2015 - Jan 2018"},
        {"experience", "Engineer, Jan 2025 - Dec 2025"},
    });
    CHECK(experience.years == 1.0);
}

TEST_CASE("without an experience section, ranges outside education and projects count", "[experience]") {
    const Experience experience = read({
        {"", "Backend Developer, Acme, 2019.07 - 2022.06"},
        {"", "Example University, Bachelor of Science, 2015.09 - 2019.06"},
        {"projects", "Side project, 2010 - 2020"},
    });
    CHECK(experience.years == 3.0);
    CHECK(experience.level == "mid");
}

TEST_CASE("a start and an end on consecutive lines make a range", "[experience]") {
    const Experience experience = read({{"experience", "position: Backend Developer"},
                                        {"experience", "start_date: 2024-01"},
                                        {"experience", "end_date: present"}});
    CHECK(experience.years == 2.5);
    CHECK(experience.title == "Backend Developer");
}

TEST_CASE("no dated work entry reads as no level, with the reason", "[experience]") {
    const Experience experience = read({{"experience", "Senior Software Engineer, Acme"}, {"education", "BSc, 2019"}});
    CHECK_FALSE(experience.years.has_value());
    CHECK_FALSE(experience.level.has_value());
    CHECK(experience.reason == "no dated work entries");
    CHECK(experience.evidence.empty());
}

TEST_CASE("the years bands of the levels decide: entry under 2, mid 2 to 6, senior 6 and up", "[experience]") {
    CHECK(read({{"experience", "Engineer, Jan 2025 - Nov 2026"}}).level == "entry");  // 1.5 years: today is June 2026
    CHECK(read({{"experience", "Engineer, Jul 2024 - Jun 2026"}}).level == "mid");
    CHECK(read({{"experience", "Engineer, Jul 2020 - Jun 2026"}}).level == "senior");
}

TEST_CASE("a senior title raises the level and a junior title on the latest role lowers a mid", "[experience]") {
    const Experience senior = read({{"experience", "Senior Backend Engineer, Acme, Jan 2023 - Present"}});
    CHECK(senior.level == "senior");
    CHECK(senior.basis == apigap::ExperienceBasis::title);
    CHECK(senior.title == "Senior Backend Engineer, Acme");
    CHECK(read({{"experience", "高级开发工程师 2023.01 - 至今"}}).level == "senior");
    const Experience junior = read({{"experience", "Junior Developer, Acme, Jan 2024 - Present"}});
    CHECK(junior.years == 2.5);
    CHECK(junior.level == "entry");
    CHECK(junior.basis == apigap::ExperienceBasis::title);
}

TEST_CASE("a stated figure decides the level over the dated roles", "[experience]") {
    const Experience stated = read({{"summary", "Backend engineer with 6+ years of experience in Go."},
                                    {"experience", "Engineer, Jan 2024 - Present"}});
    CHECK(stated.level == "senior");
    CHECK(stated.basis == apigap::ExperienceBasis::claim);
    CHECK(stated.claim == "6+ years");
    CHECK(stated.years == 2.5);
    CHECK(read({{"summary", "工作年限: 2年"}}).level == "mid");
    CHECK(read({{"summary", "Более 10 лет опыта разработки"}}).level == "senior");
    CHECK_FALSE(read({{"projects", "Ran for 4 years, and the project now has users"}}).level.has_value());
}

TEST_CASE("an open end is read no later than three years after a date written after its start", "[experience]") {
    const Experience experience =
        read({{"experience", "Engineer, Jul 2010 - Present"}, {"projects", "Published June 2011"}});
    CHECK(experience.years == 4.0);  // July 2010 to June 2014
    CHECK(experience.level == "mid");
    // With no date after the open range's start, nothing says the resume is old: today.
    CHECK(read({{"experience", "Engineer, Jul 2010 - Present"}, {"education", "BSc, 2006 - 2010"}}).years == 16.0);
    // A job that overlaps the current one ends after it starts, and says nothing of the resume's age.
    const Experience overlap = read({{"experience", "Backend Engineer, Acme, Feb 2019 - Aug 2020"},
                                     {"experience", "Senior Engineer, Initech, Mar 2020 - Present"}});
    CHECK(overlap.years == 7.4);  // February 2019 to June 2026
    // A lone date in the experience section, neither end of a job, still does ("Published June 2011").
    CHECK(read({{"experience", "Engineer, Jul 2010 - Present"}, {"experience", "Published June 2011"}}).years == 4.0);
}

TEST_CASE("the range scanner leaves the English dates check uses as they were", "[experience]") {
    using apigap::detail::DateStyle;
    CHECK(apigap::detail::find_dates("2019 - 2021, 2019.07, 至今").empty());
    const auto dates =
        apigap::detail::find_dates(apigap::detail::fold_case("2019.07 – Present"), kb().resume.experience);
    REQUIRE(dates.size() == 2);
    CHECK(dates[0].style == DateStyle::year_month);
    CHECK(dates[1].style == DateStyle::present);
}

TEST_CASE("fold_case lowers ASCII, Latin-1 and Cyrillic capitals and keeps byte lengths", "[experience]") {
    CHECK(apigap::detail::fold_case("ÉTÉ Настоящее ВРЕМЯ Ёж") == "été настоящее время ёж");
}

TEST_CASE("APIGAP_TODAY's dates are whole YYYY-MM-DD dates", "[experience]") {
    CHECK(apigap::parse_day("2026-06-15") == YearMonth{2026, 6});
    CHECK_FALSE(apigap::parse_day("2026-13-01"));
    CHECK_FALSE(apigap::parse_day("2026-06"));
    CHECK_FALSE(apigap::parse_day("2026-06-1x"));
    CHECK_FALSE(apigap::parse_day("2026-06--1"));
}

TEST_CASE("APIGAP_TODAY's dates are days of the calendar, leap days included", "[experience]") {
    CHECK_FALSE(apigap::parse_day("2026-02-30"));
    CHECK_FALSE(apigap::parse_day("2026-04-31"));
    CHECK_FALSE(apigap::parse_day("2026-06-00"));
    CHECK_FALSE(apigap::parse_day("2026-12-32"));
    CHECK(apigap::parse_day("2026-12-31") == YearMonth{2026, 12});
    CHECK(apigap::parse_day("2024-02-29") == YearMonth{2024, 2});  // a leap year
    CHECK_FALSE(apigap::parse_day("2025-02-29"));
    CHECK_FALSE(apigap::parse_day("1900-02-29"));  // divisible by 100, not by 400
    CHECK(apigap::parse_day("2000-02-29") == YearMonth{2000, 2});
    CHECK_FALSE(apigap::parse_day("0000-01-01"));
}

TEST_CASE("a role of no technical work is not an engineer's years", "[experience]") {
    // A chef's ten years read as no years of an API engineer: entry, with the roles left out listed.
    const Experience chef = read({{"experience", "Sous Chef, Harbor Table (2016 - 2026)"},
                                  {"experience", "- Ran the pass on weekend nights, 300 covers a night."},
                                  {"experience", "Line Cook, Rust & Rye (2012 - 2016)"},
                                  {"experience", "- Mentored two new cooks on the grill."}});
    CHECK(chef.years == 0.0);
    CHECK(chef.level == "entry");
    CHECK(chef.evidence.empty());
    REQUIRE(chef.not_technical.size() == 2);
    CHECK(chef.not_technical[0] ==
          apigap::ExperienceEvidence{1, "Sous Chef, Harbor Table (2016 - 2026)", "Sous Chef, Harbor Table"});
    CHECK(chef.not_technical[1].line == 3);

    // A career switcher: only the developer years count, and the barista's "Shift Lead" title raises nothing.
    const Experience switcher = read({{"experience", "Junior Developer, Acme (Jan 2025 - Jun 2026)"},
                                      {"experience", "Shift Lead, Bean There (Jan 2015 - Dec 2024)"},
                                      {"experience", "- Opened the store and ran the morning rush."}});
    CHECK(switcher.years == 1.5);
    CHECK(switcher.level == "entry");
    REQUIRE(switcher.evidence.size() == 1);
    CHECK(switcher.evidence[0].line == 1);
    REQUIRE(switcher.not_technical.size() == 1);
    CHECK(switcher.not_technical[0].line == 2);

    // A title with no technical word counts when a line of the role names a technical skill: an analyst's SQL.
    const Experience analyst = read({{"experience", "Operations Analyst, Delta"},
                                     {"experience", "Jan 2020 - Jun 2026"},
                                     {"experience", "- Wrote SQL reports on PostgreSQL for the finance team."},
                                     {"experience", "Store Manager, Delta"},
                                     {"experience", "Jan 2014 - Dec 2019"},
                                     {"experience", "- Ran a team of twelve."}});
    CHECK(analyst.years == 6.5);
    CHECK(analyst.level == "senior");
    REQUIRE(analyst.evidence.size() == 1);
    CHECK(analyst.evidence[0].title == "Operations Analyst, Delta");
    REQUIRE(analyst.not_technical.size() == 1);
    CHECK(analyst.not_technical[0].title == "Store Manager, Delta");
    // The short line above a role's dates may be its title or the last bullet of the role before: it counts for both.
    CHECK(read({{"experience", "Operations Analyst, Delta (Jan 2020 - Jun 2026)"},
                {"experience", "- Wrote SQL reports on PostgreSQL."},
                {"experience", "Store Manager, Delta (Jan 2014 - Dec 2019)"}})
              .evidence.size() == 2);

    // A soft skill does not make a role technical; an engineer of another field is no software engineer.
    CHECK(read({{"experience", "HVAC Engineer, CoolAir (2010 - 2026)"},
                {"experience", "- Troubleshot chillers and mentored apprentices."}})
              .level == "entry");
    CHECK(read({{"experience", "Backend Engineer, CoolAir (2010 - 2026)"}}).level == "senior");
    // A technology executive's title, and the titles of other scripts, are technical.
    for (const std::string title : {"Technical Director", "CIO", "Chief Technology Officer", "SWE II", "SDE",
                                    "프론트엔드 엔지니어", "백엔드 개발자"}) {
        CAPTURE(title);
        CHECK(read({{"experience", title + ", Acme (2010 - 2026)"}}).not_technical.empty());
    }
}

TEST_CASE("a stated figure in a resume of no technical role is no engineer's", "[experience]") {
    const Experience cook = read({{"summary", "Cook with 12+ years of experience in busy kitchens."},
                                  {"experience", "Cook, Harbor Table (2014 - 2026)"}});
    CHECK(cook.level == "entry");
    CHECK(cook.claim.empty());
    // With a technical role, the figure stands.
    const Experience developer =
        read({{"summary", "Developer with 12+ years of experience."}, {"experience", "Developer, Acme (2024 - 2026)"}});
    CHECK(developer.level == "senior");
    CHECK(developer.claim == "12+ years");
}

TEST_CASE("a line of thousands of ranges reads each in a window of its own, and at most 1,000 roles", "[experience]") {
    std::string line;
    for (int i = 0; i < 5'000; ++i) {
        line += "Developer, Acme " + std::to_string(i) + " (2018 - 2020), ";
    }
    const Experience experience = read({{"experience", line}});
    CHECK(experience.years == 2.5);
    REQUIRE(experience.evidence.size() == 1'000);
    // Each role is quoted around its own dates, not as the whole line, and titled from the text beside them.
    const std::string ellipsis = "\u2026";
    for (const std::size_t k : {std::size_t{0}, std::size_t{500}, std::size_t{999}}) {
        CAPTURE(k);
        const apigap::ExperienceEvidence& role = experience.evidence[k];
        CHECK(role.text.size() <= apigap::k_max_quoted_line + 2 * ellipsis.size());
        CHECK(role.text.find("Acme " + std::to_string(k) + " (2018 - 2020)") != std::string::npos);
    }
    CHECK(experience.evidence.back().title.size() <= 80);
    CHECK(experience.not_technical.empty());
}
