#!/usr/bin/env python3
"""What the Markdown block model costs: `parse_blocks` alone, per document.

    python bench/parse_cost.py [--rounds 5] [--profile] [--digest] [PATH ...]

Reads every Markdown file under PATH (default: ../shared/corpus and the
shared seed) the way `scrapelint check` does, then times `parse_blocks` on
the bodies (best of --rounds, microseconds per document), and pyromark's
event production alone on the same bodies, so the Python walk is the
difference, and the model with its prose view (which rules that read prose
build on first use).  --profile prints the cProfile table of one round.  --digest
prints a hash of every model's full content (blocks with all their fields,
the block of each line, the prose view): a speed change must not move it.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import sys
import time
from pathlib import Path

from scrapelint.blocks import _events, parse_blocks
from scrapelint.readers import ReadSettings, load_markdown

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_PATHS = [SHARED / "corpus", SHARED / "seeds" / "reuters-2025-02-10.md"]


def bodies(paths: list[Path]) -> list[tuple[str, list[str]]]:
    settings = ReadSettings()
    out = []
    for root in paths:
        files = sorted(root.rglob("*.md")) if root.is_dir() else [root]
        for f in files:
            doc = load_markdown(f, str(f), settings)
            if doc.body is not None:
                out.append((doc.body, doc.lines))
    return out


def best_of(rounds: int, fn) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def digest(docs: list[tuple[str, list[str]]]) -> str:
    h = hashlib.sha256()
    for body, lines in docs:
        model = parse_blocks(body, lines)
        for blk in model.blocks:
            h.update(repr([getattr(blk, name) for name in blk.__slots__]).encode())
        h.update(repr((model.block_of_line, model.lines_read, model.prose_lines)).encode())
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--profile", action="store_true", help="print the cProfile table of one round")
    ap.add_argument("--digest", action="store_true", help="print a hash of every model's content")
    a = ap.parse_args()
    missing = [p for p in a.paths if not p.exists()]
    if missing:
        print(f"not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    docs = bodies(a.paths)
    if not docs:
        print("no Markdown bodies found", file=sys.stderr)
        return 2

    def walk():
        for body, lines in docs:
            parse_blocks(body, lines)

    def walk_and_prose():
        for body, lines in docs:
            parse_blocks(body, lines).prose_lines

    def events_only():
        for body, _ in docs:
            for _ in _events(body):
                pass

    walk()  # pyromark's import and first-call costs stay out of the figures
    n = len(docs)
    total = best_of(a.rounds, walk) / n * 1e6
    with_prose = best_of(a.rounds, walk_and_prose) / n * 1e6
    events = best_of(a.rounds, events_only) / n * 1e6
    print(f"{n} bodies, best of {a.rounds} rounds")
    print(f"parse_blocks     {total:8.1f} us/doc")
    print(f"pyromark events  {events:8.1f} us/doc")
    print(f"Python walk      {total - events:8.1f} us/doc")
    print(f"+ prose view     {with_prose:8.1f} us/doc  (parse_blocks and its prose_lines)")
    if a.digest:
        print(f"model digest     {digest(docs)}")
    if a.profile:
        prof = cProfile.Profile()
        prof.runcall(walk)
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
