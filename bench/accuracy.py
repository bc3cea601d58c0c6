#!/usr/bin/env python3
"""Accuracy on the development set, overall and per resume format.

Runs the development set's own scorer (score.py, beside its manifest.yaml)
on the whole set and on the resumes of each format, and prints one table
(docs/accuracy.md). The set is not in this repository: materialise it first
(its README.md says how).

Usage: bench/accuracy.py APIGAP DEVSET_DIR CACHE_DIR
       e.g. bench/accuracy.py build/release/src/apigap ../shared/devset ../devset-cache
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml


def score(apigap: str, scorer: Path, manifest: Path, cache: str) -> dict:
    result = subprocess.run([sys.executable, str(scorer), apigap, "--manifest", str(manifest), "--cache", cache,
                             "--json"], capture_output=True, text=True, check=False)
    for line in reversed(result.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    sys.exit(f"score.py gave no figures:\n{result.stdout}{result.stderr}")


def main() -> int:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    apigap, devset, cache = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    manifest = yaml.safe_load((devset / "manifest.yaml").read_text(encoding="utf-8"))
    items = manifest["items"]
    formats = sorted({item["format"] for item in items if item["id"].startswith("d-r")})
    rows = [("all", score(apigap, devset / "score.py", devset / "manifest.yaml", cache))]
    with tempfile.TemporaryDirectory() as folder:
        for fmt in formats:
            subset = dict(manifest, items=[item for item in items if item["format"] == fmt])
            path = Path(folder) / f"{fmt}.yaml"
            path.write_text(yaml.safe_dump(subset, allow_unicode=True), encoding="utf-8")
            rows.append((fmt, score(apigap, devset / "score.py", path, cache)))
    print("| resumes | n | technical F1 | soft F1 | level exact |")
    print("|---|---|---|---|---|")
    for name, figures in rows:
        print(f"| {name} | {figures['resumes']} | {figures['resume_tech_f1']:.3f} | {figures['resume_soft_f1']:.3f} | "
              f"{figures['resume_level_exact']} |")
    all_figures = rows[0][1]
    print(f"\npostings: required-skill F1 {all_figures['posting_required_f1']:.3f}, "
          f"level {all_figures['posting_level_exact']}/{all_figures.get('postings', 30)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
