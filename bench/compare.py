#!/usr/bin/env python3
"""What a rule family costs: the same 1-core run with and without it.

    python bench/compare.py --family DT [--docs 5000]

Replicates the shared corpus to N files (with the shared benchmark's own
generator, ../shared/bench/bench.py), then times `scrapelint check --jobs 1`
with the default rules minus the family, and with all of them, three times
each, and prints the best of each and their ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = ROOT.parent / "shared" / "bench" / "bench.py"


def best_of(cmd: list[str], n: int = 3) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--family", required=True, action="append", help="rule prefix(es) to measure, e.g. DT (repeatable)")
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--work", default="/tmp/scrapelint-compare")
    a = ap.parse_args()
    if not SHARED_BENCH.is_file():
        print(f"needs {SHARED_BENCH}", file=sys.stderr)
        return 2
    spec = importlib.util.spec_from_file_location("shared_bench", SHARED_BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    md = Path(a.work) / "md"
    bench.make_markdown(md, a.docs)
    base = [sys.executable, "-m", "scrapelint", "check", str(md), "--format", "json", "--output", "/dev/null", "--jobs", "1"]
    fams = ",".join(a.family)
    without = best_of(base + ["--ignore", fams])
    with_ = best_of(base)
    print(f"{a.docs} documents, 1 core: without {fams} {without:.3f} s, with {with_:.3f} s, ratio x{with_ / without:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
