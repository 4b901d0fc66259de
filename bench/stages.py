#!/usr/bin/env python3
"""Where the time goes, per stage: the table of the issue "Speed" (before/after).

    python bench/stages.py [--docs 5000] [--jsonl-docs 20000] [--cmd scrapelint]

Builds N Markdown files and an M-record JSONL with the shared benchmark's own
generators (../shared/bench/bench.py), runs `scrapelint check --timings
--jobs 1 --format json` on each, and folds the per-rule table into stages:
read + parse, each shared analysis (Document views, `doc.shared` evidence),
each rule family, findings (suppressions, fingerprints), output.  Prints
microseconds per document and the share of each, plus the floor (read +
libyaml + split) of the Markdown files for scale.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = ROOT.parent / "shared" / "bench" / "bench.py"


def load_shared_bench():
    spec = importlib.util.spec_from_file_location("shared_bench", SHARED_BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def stage_of(label: str) -> str:
    """`WC001 word-count-mismatch` -> `rules WC`; views, evidence, stages as they are."""
    if label.startswith(("view: ", "evidence: ", "stage: ")):
        return label
    code = label.split()[0]
    return "rules " + code.rstrip("0123456789")


def timed_run(cmd: list[str]) -> tuple[dict[str, float], float]:
    """Seconds per stage from --timings, and the wall time of the run."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd + ["--timings"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    stages: dict[str, float] = defaultdict(float)
    for line in proc.stderr.splitlines()[1:]:
        label, ms, _share = line.rsplit(None, 2)
        if label != "total":
            stages[stage_of(label)] += float(ms) / 1000
    return stages, wall


def print_table(title: str, stages: dict[str, float], wall: float, docs: int) -> None:
    total = sum(stages.values())
    print(f"\n{title}: {docs} documents, wall {wall:.2f} s, timed {total:.2f} s "
          f"({total / docs * 1e6:.0f} us/doc)")
    print(f"  {'stage':52} {'us/doc':>8} {'share':>7}")
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:52} {seconds / docs * 1e6:8.0f} {seconds / total:7.1%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=5000, help="Markdown documents")
    ap.add_argument("--jsonl-docs", type=int, default=20000, help="JSONL records (0: skip)")
    ap.add_argument("--cmd", default="scrapelint", help="the scrapelint executable")
    ap.add_argument("--work", default="/tmp/scrapelint-stages")
    a = ap.parse_args()
    if not SHARED_BENCH.is_file():
        print(f"needs {SHARED_BENCH}", file=sys.stderr)
        return 2
    bench = load_shared_bench()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    md = work / "md"
    bench.make_markdown(md, a.docs)
    bench.floor(md)  # warm the page cache
    floor = min(bench.floor(md) for _ in range(3))
    print(f"floor (read + libyaml + split): {floor / a.docs * 1e6:.0f} us/doc")
    base = [a.cmd, "check", "--format", "json", "--output", str(work / "out.json"), "--jobs", "1"]
    stages, wall = timed_run(base + [str(md)])
    print_table("Markdown folder", stages, wall, a.docs)
    if a.jsonl_docs:
        jsonl = work / f"docs{a.jsonl_docs}.jsonl"
        if not jsonl.exists():
            bench.make_jsonl(jsonl, a.jsonl_docs)
        stages, wall = timed_run(base + [str(jsonl)])
        print_table("JSONL file", stages, wall, a.jsonl_docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
