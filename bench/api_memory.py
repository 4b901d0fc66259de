"""Memory of a long-lived library user: RSS growth over many `lint_text` calls.

    python bench/api_memory.py [--calls 100000] [--select ALL]

Lints one invented article with every rule selected (the dataset rules
included, which used to keep a value per document), through one
`scrapelint.Linter` and through the one-off `scrapelint.lint_text`, and
prints the resident set size after a warm-up and at the end.  Flat means
the growth stays a small constant however many calls are made.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time

import scrapelint

ARTICLE = """---
title: Harbour ferry returns after winter repairs | Coastline Gazette
source: https://www.coastline-gazette.example/2024/03/05/ferry-returns/
date: 2024-03-05
word_count: 60
---

The harbour ferry returned to service on Tuesday after three months of winter
repairs, the port authority said, with a new timetable that adds an early
crossing for commuters and a late one on weekends.

Reporting by A. Writer; Editing by B. Editor

[Subscribe](https://www.coastline-gazette.example/newsletter) to our newsletter
"""


def rss_mib() -> float:
    """The current resident set size, from /proc (Linux), else the peak."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * resource.getpagesize() / 1048576
    except OSError:  # pragma: no cover - not Linux
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# The rules keep bounded caches (functools.lru_cache, 4096 entries at most):
# they fill during the warm-up, and any growth after it is a leak.
WARMUP = 5000


def measure(label: str, lint, calls: int, warmup: int) -> float:
    for n in range(warmup):
        lint(ARTICLE.replace("ferry", f"ferry{n}"))
    gc.collect()
    start, began = rss_mib(), time.perf_counter()
    checkpoints = {calls * k // 4 for k in (1, 2, 3)}
    marks = []
    for n in range(calls):
        lint(ARTICLE.replace("ferry", f"ferry{warmup + n}"))  # a distinct document each time, as in a scrape
        if n + 1 in checkpoints:
            marks.append(f"{rss_mib():.1f}")
    gc.collect()
    end = rss_mib()
    print(f"{label}: {calls} calls after {warmup} warm-up calls, in {time.perf_counter() - began:.0f} s; "
          f"RSS {start:.1f} -> {' -> '.join(marks)} -> {end:.1f} MiB "
          f"(growth {end - start:+.1f} MiB, {(end - start) * 1048576 / calls:.1f} bytes a call)")
    return end - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--select", default="ALL")
    parser.add_argument("--one-off", type=int, default=1000, help="calls of the one-off scrapelint.lint_text (slower)")
    args = parser.parse_args()
    select = args.select.split(",")
    linter = scrapelint.Linter(select=select)
    measure(f"Linter(select={select}).lint_text", linter.lint_text, args.calls, WARMUP)
    if args.one_off:
        measure(f"scrapelint.lint_text(select={select})", lambda text: scrapelint.lint_text(text, select=select),
                args.one_off, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
