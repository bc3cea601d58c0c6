#!/usr/bin/env python3
"""bench/run.sh's measurements (docs/performance.md, "End to end"), printed as Markdown:

 (a) one resume, whole process: `apigap check FILE --min-score 0`, median wall time of 51 runs, peak RSS;
 (b) throughput of `apigap batch DIR --jobs J` against `rg -c -i -w -F -f keywords.txt -j J DIR` on the same
     files in the same run, J = 1 and 2: wall and CPU seconds (medians), resumes/s, MB/s of input, and each
     tool's start-up (the same command on one file) with its share of the run;
 (c) peak RSS of `apigap batch --jobs 2` at N resumes and at 10N.

The corpus is generated (bench/generate_corpus.py, Markdown) or, with --corpus, the resumes of the paths given,
copied under distinct names (extension kept) until there are N of them. Unless --fixed, the corpus then grows
until ripgrep's start-up (building its matcher for every keyword, about 0.2 s) is under 5% of its runs.
PDF and DOCX files are left out of (b): their bytes are not their text (ripgrep would count matches in
compressed streams), so apigap is timed on them alone.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WALKED = {".txt", ".md", ".markdown", ".json", ".yaml", ".yml", ".html", ".htm", ".tex", ".pdf", ".docx"}
CONTAINERS = {"pdf", "docx"}  # formats whose bytes are not their text
RG = ["rg", "-c", "-i", "-w", "-F", "-f"]
RG_NAME = "rg -c -i -w -F -f keywords.txt"
TARGET_SHARE = 0.03  # grow the corpus until start-up is this share of a run: under 5% with room for noise
CONTAINER_FILES = 60  # the PDF and DOCX files are copied until there are this many


class Run:
    """One process: wall and CPU seconds, and its stderr. With `rss`, it runs under GNU time for its peak RSS in
    KiB (the largest of it and its children): Python's own would count, as a child forked from Python starts with
    Python's pages."""

    def __init__(self, args: list[str], rss: bool = False):
        with tempfile.NamedTemporaryFile() as err, tempfile.NamedTemporaryFile() as peak:
            if rss:
                args = ["/usr/bin/time", "-f", "%M", "-o", peak.name, *args]
            start = time.perf_counter()
            process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(process.pid, 0)
            self.wall = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            self.stderr = Path(err.name).read_text(errors="replace")
            self.rss = int(Path(peak.name).read_text().split()[-1]) if rss else 0
        self.exit = process.returncode
        self.cpu = usage.ru_utime + usage.ru_stime


def runs(args: list[str], repeat: int, rss: bool = False) -> list[Run]:
    return [Run(args, rss) for _ in range(repeat)]


def say(message: str) -> None:
    """Progress on standard error: a run takes minutes."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def median(values) -> float:
    return statistics.median(list(values))


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def place(folder: Path, index: int, name: str) -> Path:
    """The path of the `index`th file of a corpus: folders of 1,000 files, as bench/generate_corpus.py writes."""
    sub = folder / f"{index // 1000:03d}"
    sub.mkdir(parents=True, exist_ok=True)
    return sub / f"{index:07d}-{name}"


def replicate(sources: list[tuple[Path, bytes]], folder: Path, count: int) -> int:
    """Copies `sources` round after round into `folder` until it holds `count` files (whole rounds); the total."""
    rounds = math.ceil(count / len(sources))
    index = 0
    for _ in range(rounds):
        for path, data in sources:
            place(folder, index, path.name).write_bytes(data)
            index += 1
    return index


def link_copies(files: list[Path], folder: Path, times: int) -> None:
    """Hard-links `files` `times` over into `folder`: that many more paths, the same bytes."""
    for copy in range(times):
        for index, path in enumerate(files):
            target = folder / f"{copy:02d}" / f"{index // 1000:03d}" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)


def read_sources(apigap: str, paths: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """The resumes `apigap batch` reads from `paths`, with their formats, and why any others are left out."""
    done = subprocess.run([apigap, "-q", "batch", *paths, "--jobs", "2"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"apigap batch {' '.join(paths)} failed:\n{done.stderr.decode(errors='replace')}")
    read, left_out = [], []
    for line in done.stdout.decode().splitlines():
        entry = json.loads(line)
        path = Path(entry["path"])
        if "error" in entry:
            left_out.append(f"{path}: unreadable ({entry['error']})")
        elif path.suffix.lower() not in WALKED:
            left_out.append(f"{path}: a folder walk would not read a `{path.suffix}` file")
        elif path.suffix.lower() in (".yaml", ".yml") and entry["format"] != "rendercv":
            left_out.append(f"{path}: a folder walk reads a YAML file only when RenderCV's `cv:` opens it")
        else:
            read.append((path, entry["format"]))
    return read, left_out


class Corpus:
    """The folder (b) measures, the folder of PDF and DOCX copies, and what (a) reads."""

    def __init__(self, args, apigap: str, work: Path, keywords: Path):
        self.folder = work / "corpus"
        self.containers = work / "containers"
        self.notes: list[str] = []
        self.one_resume: list[tuple[str, Path]] = []
        self.generated = not args.corpus
        self.keywords = keywords
        self.sources: list[tuple[Path, bytes]] = []
        self.container_count = 0
        self.container_sources = 0
        if self.generated:
            self.count = self.generate(args.n)
            self.one_resume = [("markdown", files_under(self.folder)[0])]
            return
        read, left_out = read_sources(apigap, args.corpus)
        self.notes += [f"left out: {reason}" for reason in left_out]
        seen = set()
        for path, format_name in read:
            if format_name not in seen:
                seen.add(format_name)
                self.one_resume.append((format_name, path))
        self.sources = [(path, path.read_bytes()) for path, format_name in read if format_name not in CONTAINERS]
        containers = [(path, path.read_bytes()) for path, format_name in read if format_name in CONTAINERS]
        if not self.sources:
            sys.exit("no resume left to compare with ripgrep: every one is a PDF or DOCX file, or unreadable")
        self.count = replicate(self.sources, self.folder, args.n)
        if containers:
            self.container_count = replicate(containers, self.containers, CONTAINER_FILES)
            self.container_sources = len(containers)

    def generate(self, count: int, first: int = 0) -> int:
        subprocess.run([sys.executable, str(Path(__file__).with_name("generate_corpus.py")), str(count),
                        str(self.folder), "--seed", "1", "--keywords", str(self.keywords), "--first", str(first)],
                       check=True)
        return count

    def grow(self, count: int) -> None:
        if self.generated:
            self.count = self.generate(count, self.count)
        else:
            self.count = replicate(self.sources, self.folder, count)

    def size(self, folder: Path) -> int:
        return sum(path.stat().st_size for path in files_under(folder))

    def description(self) -> str:
        if self.generated:
            return "generated by `bench/generate_corpus.py COUNT DIR --seed 1` (Markdown)"
        return f"{len(self.sources)} resumes ({', '.join(sorted({p.suffix for p, _ in self.sources}))}) copied round " \
               f"after round, {self.count // len(self.sources):,} copies of each"


def batch(apigap: str, path: Path, jobs: int) -> list[str]:
    return [apigap, "batch", str(path), "--jobs", str(jobs)]


def ripgrep(keywords: Path, path: Path, jobs: int) -> list[str]:
    return [*RG, str(keywords), "-j", str(jobs), str(path)]


def checked(run: Run, expected: int) -> Run:
    """`run`, after checking that apigap's summary says it read `expected` resumes, all of them."""
    summary = re.search(r"batch: (\d+) files?, (\d+) ok", run.stderr)
    if not summary or int(summary.group(1)) != expected or int(summary.group(2)) != expected:
        sys.exit(f"apigap batch did not read the {expected} resumes: {run.stderr.strip()}")
    return run


def grow_for_startup(corpus: Corpus, keywords: Path, startup: dict, limit: int) -> None:
    """Grows `corpus` (up to `limit` resumes) until ripgrep's start-up would be TARGET_SHARE of its fastest run."""
    for _ in range(3):
        needed = corpus.count
        for jobs in (1, 2):
            start = startup[(RG_NAME, jobs)]
            fastest = min(r.wall for r in runs(ripgrep(keywords, corpus.folder, jobs), 2))
            per_file = (fastest - start) / corpus.count
            if per_file > 0:
                needed = max(needed, math.ceil(start * (1 / TARGET_SHARE - 1) / per_file))
        needed = min(needed, limit)
        if needed <= corpus.count * 1.05:
            return
        say(f"growing the corpus from {corpus.count:,} to {needed:,} resumes")
        corpus.grow(needed)


def one_resume(apigap: str, corpus: Corpus) -> None:
    """(a)"""
    say("(a) one resume")
    print("\n\n### (a) One resume, whole process: `apigap check FILE --min-score 0`, median of 51 runs\n")
    print("| resume | format | bytes | median ms | peak RSS MiB |")
    print("|---|---|---:|---:|---:|")
    floor = median(r.wall for r in runs(["/bin/true"], 51))
    for format_name, path in corpus.one_resume:
        command = [apigap, "check", str(path), "--min-score", "0"]
        wall, rss = median(r.wall for r in runs(command, 51)), max(r.rss for r in runs(command, 3, rss=True))
        print(f"| {path.name} | {format_name} | {path.stat().st_size:,} | {wall * 1000:.1f} | {rss / 1024:.1f} |")
    print(f"| `/bin/true`, the harness's floor | | | {floor * 1000:.1f} | |")


def throughput(apigap: str, corpus: Corpus, keywords: Path, startup: dict, repeat: int) -> None:
    """(b): both tools with 1 and 2 threads, interleaved, so that a change of load hits both."""
    count, size = corpus.count, corpus.size(corpus.folder)
    print(f"\n### (b) Throughput: {count:,} resumes, {size / 1e6:.1f} MB, median of {repeat} runs\n")
    print("| tool | threads | wall s | CPU s | resumes/s | MB/s | start-up s (one file) | start-up share |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    walls, cpus = {}, {}
    for jobs in (1, 2):
        say(f"(b) {jobs} thread(s)")
        tools = {"apigap batch": batch(apigap, corpus.folder, jobs), RG_NAME: ripgrep(keywords, corpus.folder, jobs)}
        measured = {name: [] for name in tools}
        for _ in range(repeat):
            for name, command in tools.items():
                run = Run(command)
                if name == RG_NAME and run.exit not in (0, 1):
                    sys.exit(f"{name} failed: {run.stderr.strip()}")
                measured[name].append(checked(run, count) if name == "apigap batch" else run)
        for name, done in measured.items():
            wall, cpu = median(r.wall for r in done), median(r.cpu for r in done)
            walls[(name, jobs)], cpus[(name, jobs)] = wall, cpu
            start = startup[(name, jobs)]
            print(f"| {name} | {jobs} | {wall:.2f} | {cpu:.2f} | {count / wall:,.0f} | {size / 1e6 / wall:.1f} | "
                  f"{start:.3f} | {100 * start / wall:.2f}% |")
    ratios = ", ".join(f"{walls[(RG_NAME, j)] / walls[('apigap batch', j)]:.2f}× with {j}" for j in (1, 2))
    by_cpu = ", ".join(f"{cpus[(RG_NAME, j)] / cpus[('apigap batch', j)]:.2f}×" for j in (1, 2))
    print(f"\napigap's throughput over ripgrep's: {ratios} thread(s); by CPU seconds (what a busy machine "
          f"changes least), {by_cpu}.")
    shares = max(startup[key] / walls[key] for key in walls)
    print(f"Largest start-up share: {100 * shares:.1f}% ({'under' if shares < 0.05 else 'NOT under'} 5%).")


def containers(apigap: str, corpus: Corpus, repeat: int) -> None:
    """apigap alone over the PDF and DOCX files."""
    size = corpus.size(corpus.containers)
    print(f"\n### PDF and DOCX: apigap alone, {corpus.container_count} files "
          f"({corpus.container_sources} copied round after round), {size / 1e6:.1f} MB\n")
    print("Not compared with ripgrep: a PDF's or DOCX's bytes are not its text (ripgrep would count matches "
          "in compressed streams), and apigap reads them through poppler (`apigap-pdf`) or libzip.\n")
    print("| tool | threads | wall s | CPU s | files/s | MB/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for jobs in (1, 2):
        say(f"PDF and DOCX, {jobs} thread(s)")
        done = [checked(r, corpus.container_count) for r in runs(batch(apigap, corpus.containers, jobs), repeat)]
        wall, cpu = median(r.wall for r in done), median(r.cpu for r in done)
        print(f"| apigap batch | {jobs} | {wall:.2f} | {cpu:.2f} | {corpus.container_count / wall:,.0f} | "
              f"{size / 1e6 / wall:.1f} |")


def memory(apigap: str, corpus: Corpus, work: Path, base: int) -> None:
    """(c): the first `base` resumes of the corpus, then the same hard-linked ten times over."""
    files = files_under(corpus.folder)[:base]
    link_copies(files, work / "n", 1)
    link_copies(files, work / "10n", 10)
    say("(c) N and 10N")
    low = checked(Run(batch(apigap, work / "n", 2), rss=True), base).rss
    high = checked(Run(batch(apigap, work / "10n", 2), rss=True), 10 * base).rss
    print(f"\n### (c) Peak RSS of `apigap batch DIR --jobs 2`\n\n{base:,} resumes {low / 1024:.1f} MiB, "
          f"{10 * base:,} resumes {high / 1024:.1f} MiB ({(high - low) * 100 / low:+.1f}%); the 10N folder holds "
          f"the N resumes hard-linked ten times over (ten times the paths and reading, the same bytes).")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("apigap")
    parser.add_argument("work", type=Path)
    parser.add_argument("n", type=int, nargs="?", default=20000, help="resumes in the corpus, at least")
    parser.add_argument("--fixed", action="store_true", help="keep the corpus at N resumes")
    parser.add_argument("--corpus", nargs="+", metavar="PATH", help="resume files and folders to copy")
    args = parser.parse_args()
    repeat = int(os.environ.get("REPEAT", "3"))
    apigap, work = args.apigap, args.work
    keywords = work / "keywords.txt"
    keywords.write_bytes(subprocess.run([apigap, "kb", "export", "--keywords"], stdout=subprocess.PIPE,
                                        check=True).stdout)
    load_before = loadavg()
    started = time.perf_counter()
    say("writing the corpus")
    corpus = Corpus(args, apigap, work, keywords)
    one = files_under(corpus.folder)[0]
    startup = {}
    for jobs in (1, 2):
        startup[("apigap batch", jobs)] = median(r.wall for r in runs(batch(apigap, one, jobs), 11))
        startup[(RG_NAME, jobs)] = median(r.wall for r in runs(ripgrep(keywords, one, jobs), 11))
    base = corpus.count  # N, or the resumes copied to N (whole rounds)
    if not args.fixed:
        grow_for_startup(corpus, keywords, startup, 10 * args.n)

    given = args.corpus or []
    if len(given) > 3:
        given = [given[0], "…", given[-1], f"({len(args.corpus)} paths)"]
    print(f"## bench/run.sh: {' '.join(given) if given else 'generated corpus'}\n")
    rg_version = subprocess.run(["rg", "--version"], stdout=subprocess.PIPE, text=True).stdout.splitlines()[0]
    print(f"apigap `{apigap}`, {rg_version}, {os.cpu_count()} cores; load average at the start {load_before}")
    print(f"\nCorpus: {corpus.description()}", end="")
    if corpus.count > base:
        print(f"; grown from {base:,} so that ripgrep's start-up is under 5% of its runs"
              f"{' (or as near as 10N allows)' if corpus.count >= 10 * args.n else ''}.", end="")
    for note in corpus.notes:
        print(f"\n- {note}", end="")
    one_resume(apigap, corpus)
    throughput(apigap, corpus, keywords, startup, repeat)
    if corpus.container_count:
        containers(apigap, corpus, repeat)
    memory(apigap, corpus, work, base)
    print(f"\nLoad average at the end {loadavg()}; the run took {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
