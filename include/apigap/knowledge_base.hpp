// The knowledge base: skills, levels, keywords, resources and resume rules,
// built from the embedded YAML layers and the user's overlays.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/error.hpp"

namespace apigap {

/// The highest rating on the 0–4 scale.
inline constexpr int k_max_rating = 4;

/// One step of the rating scale.
struct ScaleEntry {
    int rating = 0;
    std::string name;
    std::string meaning;

    friend bool operator==(const ScaleEntry&, const ScaleEntry&) = default;
};

/// Whether a skill is always scored or only when a level targets it.
enum class SkillCategory { technical, soft, situational };

/// An ATS keyword that evidences a skill, with its other spellings.
struct Keyword {
    Location location;  ///< where it is defined, for lint findings
    std::string term;
    std::vector<std::string> aliases;
    bool case_sensitive = false;
    std::vector<std::string> exclude;  ///< phrases in which an occurrence does not count
    bool shared = false;               ///< may evidence more than one skill
    /// Its spellings that are also everyday words ("Java", "Spring"): one counts only in technical context.
    std::vector<std::string> ambiguous;
    std::vector<std::string> context;  ///< phrases in which an ambiguous spelling counts ("in Go", "Go services")
    bool related = false;  ///< evidences the skill only beside another of its keywords, and then only as listed

    friend bool operator==(const Keyword&, const Keyword&) = default;
};

/// A study resource for a skill.
struct Resource {
    std::string title;
    std::string url;
    std::string type;
    std::vector<int> ratings;  ///< the ratings it helps someone reach

    friend bool operator==(const Resource&, const Resource&) = default;
};

/// A hands-on project for one step, from rating `step` to `step + 1`.
struct Project {
    int step = 0;
    std::string title;
    std::string description;
    int hours = 0;

    friend bool operator==(const Project&, const Project&) = default;
};

/// One skill with everything the reports and the study plan need.
struct Skill {
    Location location;  ///< the last layer that defined or changed it
    std::string id;
    std::string name;
    SkillCategory category = SkillCategory::technical;
    std::string description;
    std::array<std::string, k_max_rating + 1> rubric;
    std::vector<Keyword> keywords;
    std::vector<Resource> resources;
    std::vector<Project> projects;
    std::vector<std::string> interview_topics;
    std::vector<std::string> evidence_examples;  ///< resume lines that show the skill at work
    std::vector<std::string> failure_patterns;
    std::vector<std::string> sources;

    friend bool operator==(const Skill&, const Skill&) = default;
};

/// Skills that stand in for each other, such as the programming languages.
struct Group {
    std::string id;
    std::string name;
    std::vector<std::string> members;

    friend bool operator==(const Group&, const Group&) = default;
};

/// What a level expects of a skill, or of the `rank`-th best member of a group.
struct Target {
    std::string id;
    int rank = 1;
    int rating = 0;
    double weight = 0.0;

    friend bool operator==(const Target&, const Target&) = default;
};

/// A yearly pay band. `source` is the URL of a publication that gives these
/// figures, or empty when `note` says plainly what they are.
struct SalaryBand {
    long min = 0;
    long max = 0;
    bool open_ended = false;
    std::string currency;
    int year = 0;
    std::string source;
    std::string note;

    friend bool operator==(const SalaryBand&, const SalaryBand&) = default;
};

/// A published pay figure shown beside the bands for scale (the BLS median
/// annual wage of software developers): `amount` in `currency` for `year`,
/// from `source`. `amount` 0: there is none.
struct PayReference {
    std::string name;
    long amount = 0;
    std::string currency;
    int year = 0;
    std::string source;

    friend bool operator==(const PayReference&, const PayReference&) = default;
};

/// The years of professional experience a level stands for: from `min`
/// (inclusive) to `max` (exclusive); `max` 0 has no upper bound. Both 0: the
/// level is not read from years.
struct YearsBand {
    int min = 0;
    int max = 0;

    friend bool operator==(const YearsBand&, const YearsBand&) = default;
};

/// A career level (entry, mid, senior) and what it expects.
struct Level {
    Location location;  ///< the last layer that defined or changed it
    std::string id;
    std::string name;
    std::string focus;
    std::vector<std::string> expectations;
    std::vector<std::string> interview_stages;
    SalaryBand salary;
    std::vector<Target> targets;
    YearsBand years;  ///< the resume's years that read as this level

    friend bool operator==(const Level&, const Level&) = default;
};

/// What a tool, technology or certification is, for the skills it evidences.
enum class ToolKind { tool, technology, certification };

/// A tool, technology or certification linked to the skills it evidences.
struct Tool {
    Location location;  ///< the last layer that defined or changed it
    std::string id;
    std::string name;
    ToolKind kind = ToolKind::tool;
    std::vector<std::string> aliases;
    std::vector<std::string> skills;
    std::vector<std::string> listed;   ///< skills it evidences only as listed (Kafka for microservices)
    std::vector<std::string> related;  ///< skills it evidences only beside their own keywords, as listed
    std::string url;

    friend bool operator==(const Tool&, const Tool&) = default;
};

/// What a keyword in a resume section is evidence of.
enum class SectionEvidence {
    use,      ///< the skill was used: experience, projects
    list,     ///< a list of skills: a keyword is listed, and an everyday-word keyword counts there
    mention,  ///< a mention: summary, education, and lines before any known heading
    none,     ///< no evidence: interests, things to learn
};

/// A standard resume section and the headings that name it.
struct ResumeSection {
    std::string id;
    std::vector<std::string> headings;
    SectionEvidence evidence = SectionEvidence::mention;

    friend bool operator==(const ResumeSection&, const ResumeSection&) = default;
};

/// Weak wording and a stronger rewrite.
struct WeakPhrase {
    std::string phrase;
    std::string rewrite;

    friend bool operator==(const WeakPhrase&, const WeakPhrase&) = default;
};

/// The names of one month (1–12) in every language the knowledge base reads.
struct MonthNames {
    int month = 0;
    std::vector<std::string> names;

    friend bool operator==(const MonthNames&, const MonthNames&) = default;
};

/// Title words that decide a level (`junior` → `entry`).
struct TitleWords {
    std::string level;
    std::vector<std::string> words;

    friend bool operator==(const TitleWords&, const TitleWords&) = default;
};

/// The words that read a resume's dated work entries as years of experience
/// (docs/knowledge-base.md, "Experience"). Lowercase; matched as whole words.
struct ExperienceWords {
    std::vector<std::string> present;            ///< an open end: "present", "至今"
    std::vector<std::string> until;              ///< between two dates of a range: "to", "bis"
    std::vector<std::string> since;              ///< before a date, an open range: "since", "seit"
    std::vector<MonthNames> months;              ///< month names and abbreviations
    std::vector<std::string> not_professional;   ///< a role with one of these by it is not professional
    std::vector<std::string> education;          ///< without an experience section: a range of study
    int stale_after = 0;                         ///< an open end is at most this many years after the last date
    std::vector<std::string> claim_years;        ///< "years" in a stated figure: "5+ years"
    std::vector<std::string> claim_context;      ///< "experience": what makes "N years" a stated figure
    std::vector<TitleWords> titles;              ///< title words and the level they read as
    std::vector<std::string> not_work_sections;  ///< section ids whose dates are never work
    /// A role whose title has one of these is technical ("developer", "engineer")…
    std::vector<std::string> technical_titles;
    /// …unless it also has one of these: an engineer of another field ("mechanical", "hvac")
    std::vector<std::string> other_fields;

    friend bool operator==(const ExperienceWords&, const ExperienceWords&) = default;
};

/// Rules for reading and judging a resume.
struct ResumeRules {
    Location location;  ///< the last layer that defined or changed them
    std::vector<ResumeSection> sections;
    std::vector<std::string> action_verbs;
    std::vector<WeakPhrase> weak_phrases;
    std::vector<std::string> measurable_patterns;
    std::vector<std::string> intent_phrases;    ///< "learning", "interested in": a keyword after one is not evidence
    std::vector<std::string> negation_phrases;  ///< "not yet", "never used": no keyword in their sentence is evidence
    std::vector<std::string> list_labels;       ///< "Languages", "Tech stack": a line labelled with one lists skills
    std::vector<std::string> technical_words;   ///< "Git", "Linux", "back-end": a line with one is technical
    int max_pages = 0;
    ExperienceWords experience;

    friend bool operator==(const ResumeRules&, const ResumeRules&) = default;
};

/// How job postings mark their parts (docs/match.md, "Parts of a posting"). Lowercase; a heading is matched by the
/// phrases it contains, a sentence by the phrases it holds as whole words.
struct PostingRules {
    Location location;                             ///< the last layer that defined or changed them
    std::vector<std::string> preferred_headings;   ///< "nice to have", "加分项": checked first
    std::vector<std::string> required_headings;    ///< "requirement", "responsibilit", "任职要求"
    std::vector<std::string> ignored_headings;     ///< "benefit", "about us": nothing under them is asked for
    std::vector<std::string> context_headings;     ///< "tech stack", "about the role": what the company uses
    std::vector<std::string> preferred_phrases;    ///< "is a plus", "ideally": a sentence's skills as a bonus
    std::vector<std::string> alternative_phrases;  ///< "one of", "at least one": a choice among the skills after it
    std::vector<std::string> alternative_words;    ///< "or", "oder", "或": two skills joined by one are a choice
    std::vector<std::string> not_terms;            ///< capitalised words that name no technology: "English", "PhD"
    std::vector<std::string> waiver_phrases;       ///< "do not require": a skill in such a sentence is not required

    friend bool operator==(const PostingRules&, const PostingRules&) = default;
};

/// The merged knowledge base. Lists keep the order of their first definition.
struct KnowledgeBase {
    std::vector<ScaleEntry> scale;
    std::vector<Skill> skills;
    std::vector<Group> groups;
    std::vector<Level> levels;
    PayReference pay_reference;
    std::vector<Tool> tools;
    std::vector<std::string> industries;
    Location industries_location;
    ResumeRules resume;
    PostingRules posting;

    /// The skill with `id`, or nullptr.
    [[nodiscard]] const Skill* find_skill(std::string_view id) const;
    /// The group with `id`, or nullptr.
    [[nodiscard]] const Group* find_group(std::string_view id) const;
    /// The level with `id`, or nullptr.
    [[nodiscard]] const Level* find_level(std::string_view id) const;
    /// The tool, technology or certification with `id`, or nullptr.
    [[nodiscard]] const Tool* find_tool(std::string_view id) const;

    friend bool operator==(const KnowledgeBase&, const KnowledgeBase&) = default;
};

/// The id `given` names, read in any case: ids are lowercase letters, digits and `-`, so `Python`, `--level Senior`
/// and `kb show GO` name `python`, `senior` and `go`. Every command reads the ids it is given through it.
[[nodiscard]] std::string id_in_any_case(std::string_view given);

/// One YAML (or JSON) layer of the knowledge base: its text and the name
/// used in messages (a path, or `builtin:data/core.yaml`).
struct KbLayer {
    std::string source_name;
    std::string text;
};

/// The layers compiled into the binary, in the order they apply.
[[nodiscard]] std::span<const KbLayer> builtin_kb_layers();

/// Every problem in the built-in layers followed by `overlays`; empty when
/// they make a valid knowledge base.
[[nodiscard]] std::vector<Diagnostic> validate_knowledge_base(std::span<const KbLayer> overlays);

/// The knowledge base made of the built-in layers followed by `overlays`.
/// Throws `Error` with the first problem when there is any.
[[nodiscard]] KnowledgeBase load_knowledge_base(std::span<const KbLayer> overlays = {});

/// The knowledge base of the built-in layers alone, parsed and checked at
/// build time (src/core/kb_compile.cpp): equal to `load_knowledge_base()`
/// without overlays, without parsing a line of YAML.
[[nodiscard]] KnowledgeBase builtin_knowledge_base();

/// The formats `apigap kb export` writes.
enum class KbExportFormat { yaml, json };

/// `kb` as one document in the layer format of `docs/knowledge-base.md`;
/// loading it as the only layer gives back the same knowledge base.
[[nodiscard]] std::string export_knowledge_base(const KnowledgeBase& kb, KbExportFormat format);

/// Every keyword term and alias, then every tool name and alias, each once
/// (the first spelling wins), in knowledge-base order.
[[nodiscard]] std::vector<std::string> all_keywords(const KnowledgeBase& kb);

/// `name` of `category`, as written in the YAML (`technical`, …).
[[nodiscard]] std::string_view to_string(SkillCategory category);
/// `name` of `kind`, as written in the YAML (`tool`, …).
[[nodiscard]] std::string_view to_string(ToolKind kind);
/// `use`, `list`, `mention` or `none`.
[[nodiscard]] std::string_view to_string(SectionEvidence evidence);

}  // namespace apigap
