#!/usr/bin/env python3
"""Writes N deterministic Markdown resumes of realistic length (about 500 words)
and vocabulary into OUT_DIR: the knowledge base's keywords at the density real
resumes have (a skills list, then a few per experience bullet), and traps an
ATS must not count (Java inside JavaScript, "go" as a verb, "rest" as a noun).

    bench/generate_corpus.py 2000 /tmp/corpus --seed 1 [--keywords keywords.txt] [--first K]

Same N, seed and keywords: same bytes. Each resume has a generator of its own (the seed and its number), so
the first N of a larger corpus are the corpus of N, and --first K adds resumes K to N-1 to a corpus of K.
"""
import argparse
import random
from pathlib import Path

FALLBACK_KEYWORDS = ["Python", "Go", "REST", "GraphQL", "PostgreSQL", "Redis", "Kafka", "Docker", "Kubernetes",
                     "OAuth 2.0", "gRPC", "rate limiting", "caching", "microservices", "OpenAPI", "TLS"]
VERBS = ["Built", "Designed", "Led", "Migrated", "Maintained", "Owned", "Shipped", "Rewrote", "Scaled", "Automated"]
OBJECTS = ["the payments API", "an internal billing service", "the public partner API", "a search backend",
           "the order pipeline", "an event ingestion service", "the customer portal backend", "a reporting job"]
RESULTS = ["cutting p99 latency by {n}%", "serving {n}k requests per second", "reducing incidents by {n}%",
           "saving {n} engineer-hours a month", "with {n}% test coverage", "for {n} million users"]
FILLER = ["worked closely with product and design", "mentored two junior engineers", "wrote the runbooks",
          "joined the on-call rotation", "reviewed pull requests daily", "presented the design at the guild",
          "documented the architecture decisions", "improved the deployment process"]
TRAPS = ["Wrote JavaScript and TypeScript front ends.", "Let's go through the backlog every Monday.",
         "Took a rest week after the launch.", "Handled the Java-adjacent tooling for the JavaScript team.",
         "Spoke at a conference about going remote.", "Played a key role in the redesign of the office."]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Wonka", "Tyrell"]
TITLES = ["Backend Engineer", "Software Engineer", "Senior Software Engineer", "API Engineer", "Platform Engineer"]
FIRST = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia", "Edsger"]
LAST = ["Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Perlman"]


def resume(rng: random.Random, keywords: list[str]) -> str:
    def some(count: int) -> list[str]:
        return rng.sample(keywords, min(count, len(keywords)))

    lines = [f"# {rng.choice(FIRST)} {rng.choice(LAST)}", "",
             f"{rng.choice(TITLES)} · {rng.choice(COMPANIES).lower()}@example.com · +1 555 {rng.randrange(10**7):07d}",
             "", "## Summary", "",
             f"{rng.choice(TITLES)} with {rng.randint(1, 15)} years of experience building APIs with "
             f"{', '.join(some(3))}. {rng.choice(FILLER).capitalize()}.", "", "## Experience", ""]
    year = 2025
    for _ in range(rng.randint(2, 4)):
        start = year - rng.randint(1, 4)
        lines += [f"### {rng.choice(TITLES)}, {rng.choice(COMPANIES)} ({start}–{year})", ""]
        for _ in range(rng.randint(4, 7)):
            used = some(rng.randint(0, 3))
            bullet = f"- {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            if used:
                bullet += f" in {' and '.join(used)}"
            bullet += f", {rng.choice(RESULTS).format(n=rng.randint(2, 90))}; {rng.choice(FILLER)}."
            lines.append(bullet)
        if rng.random() < 0.5:
            lines.append(f"- {rng.choice(TRAPS)}")
        lines.append("")
        year = start
    lines += ["## Projects", ""]
    for _ in range(rng.randint(1, 3)):
        lines.append(f"- An open-source {rng.choice(['CLI', 'library', 'proxy', 'SDK'])} using "
                     f"{' and '.join(some(2))}; {rng.choice(FILLER)}.")
    lines += ["", "## Skills", "", ", ".join(some(rng.randint(8, 16))), "", "## Education", "",
              f"B.Sc. Computer Science, University of {rng.choice(COMPANIES)}, {year - 4}", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keywords", type=Path, help="one keyword a line (apigap kb export --keywords)")
    parser.add_argument("--first", type=int, default=0, help="write resumes from this number on")
    args = parser.parse_args()
    keywords = FALLBACK_KEYWORDS
    if args.keywords:
        keywords = sorted({line.strip() for line in args.keywords.read_text().splitlines() if line.strip()})
    for index in range(args.first, args.count):
        rng = random.Random(f"{args.seed}:{index}")  # a string seed is hashed the same in every process
        folder = args.out_dir / f"{index // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"resume-{index:06d}.md").write_text(resume(rng, keywords))


if __name__ == "__main__":
    main()
