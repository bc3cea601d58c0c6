#!/usr/bin/env python3
"""Precision and recall of `apigap scan` on hand-labelled resumes.

For each resume in tests/eval/resumes/, expected.json lists the skills a
careful reader finds evidence for: a list of skill ids, or a mapping of each
skill id to the exact rating its evidence earns (docs/scoring.md). A skill
counts as found when the scan rates it 1 or more. Prints per-skill and
overall precision and recall, and exits 1 when overall precision or recall
falls below the floor given, or when a resume with ratings is rated otherwise.

Usage: evaluate.py APIGAP_BINARY [--min-precision P] [--min-recall R]
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-recall", type=float, default=0.0)
    args = parser.parse_args()

    expected = {k: v for k, v in json.loads((HERE / "expected.json").read_text()).items() if not k.startswith("_")}
    wrong_ratings = 0
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if name in os.environ:
            env[name] = os.environ[name]
    tp, fp, fn = Counter(), Counter(), Counter()
    for name, labels in sorted(expected.items()):
        truth = set(labels)
        result = subprocess.run([args.binary, "scan", str(HERE / "resumes" / name), "--format", "json"],
                                capture_output=True, env=env, timeout=60)
        if result.returncode != 0:
            print(f"{name}: apigap exited {result.returncode}: {result.stderr.decode().strip()}")
            return 1
        ratings = {s["id"]: s["rating"] for s in json.loads(result.stdout)["profile"]["skills"] if s["rating"] >= 1}
        found = set(ratings)
        if isinstance(labels, dict):
            for skill in sorted(found | truth):
                if ratings.get(skill, 0) != labels.get(skill, 0):
                    wrong_ratings += 1
                    print(f"{name}: {skill} rated {ratings.get(skill, 0)}, expected {labels.get(skill, 0)}")
        for skill in found & truth:
            tp[skill] += 1
        for skill in found - truth:
            fp[skill] += 1
            print(f"{name}: false positive {skill}")
        for skill in truth - found:
            fn[skill] += 1
            print(f"{name}: missed {skill}")

    print(f"{'skill':<18} {'precision':>9} {'recall':>7}")
    for skill in sorted(set(tp) | set(fp) | set(fn)):
        found = tp[skill] + fp[skill]
        real = tp[skill] + fn[skill]
        precision = tp[skill] / found if found else 1.0
        recall = tp[skill] / real if real else 1.0
        print(f"{skill:<18} {precision:>9.2f} {recall:>7.2f}")
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = total_tp / (total_tp + total_fp) if total_tp + total_fp else 1.0
    recall = total_tp / (total_tp + total_fn) if total_tp + total_fn else 1.0
    print(f"{'overall':<18} {precision:>9.2f} {recall:>7.2f}")
    if precision < args.min_precision or recall < args.min_recall:
        print(f"below the floor: precision {args.min_precision}, recall {args.min_recall}")
        return 1
    if wrong_ratings:
        print(f"{wrong_ratings} ratings differ from expected.json")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
