"""What the one-stage benchmarks share (bench/parse_cost.py,
bench/furniture_cost.py, bench/dates_cost.py): the documents they read by
default and their command line (paths, rounds, a baseline revision timed in
alternating rounds, a profile, a digest that a speed change must not move)."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_PATHS = [SHARED / "corpus", SHARED / "seeds" / "reuters-2025-02-10.md"]


def valgrind_count(cmd: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    """The instructions valgrind's cachegrind counts for running `cmd`, and
    what it printed; exits with valgrind's output when the run fails."""
    proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *cmd],
                          capture_output=True, text=True, env=env)
    m = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if proc.returncode != 0 or m is None:
        sys.exit(f"valgrind run failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return int(m.group(1).replace(",", "")), proc.stdout


def arguments(description: str, *, stage: str, digest: str, rounds: int = 10) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    ap.add_argument("--rounds", type=int, default=rounds)
    ap.add_argument("--baseline", metavar="REV", help=f"also time {stage} as it was at this git revision")
    ap.add_argument("--profile", action="store_true", help="print the cProfile table of one round")
    ap.add_argument("--digest", action="store_true", help=f"print a hash of {digest}")
    return ap


def all_present(paths: list[Path]) -> bool:
    """Whether every path exists; names the missing ones on stderr."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"not found: {', '.join(map(str, missing))}", file=sys.stderr)
    return not missing


def markdown_documents(paths: list[Path], limit: int | None = None) -> list:
    """The Markdown documents with a body under `paths` (every k-th of
    them, at most `limit`), read as the command reads them."""
    from scrapelint.readers import ReadSettings, load_markdown

    settings = ReadSettings()
    files = [f for root in paths for f in (sorted(root.rglob("*.md")) if root.is_dir() else [root])]
    if limit:
        files = files[:: max(1, len(files) // limit)][:limit]
    docs = (load_markdown(f, str(f), settings) for f in files)
    return [doc for doc in docs if doc.body is not None]


def source_at(rev: str, path: str) -> str | None:
    """The text of `path` at git revision `rev`, or None when it is not there."""
    shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, text=True)
    return shown.stdout if shown.returncode == 0 else None


def documents_or_none(docs: list):
    """The documents, or None after saying there are none (exit 2)."""
    if not docs:
        print("no Markdown bodies found", file=sys.stderr)
        return None
    return docs


def best_times(runs: dict[Any, Callable[[], object]], rounds: int) -> dict[Any, float]:
    """The fastest of `rounds` timings of each callable, taken in turn, so
    every version sees the same machine."""
    best: dict[Any, float] = {}
    for _ in range(rounds):
        for key, run in runs.items():
            t0 = time.perf_counter()
            run()
            best[key] = min(best.get(key, float("inf")), time.perf_counter() - t0)
    return best


def print_profile(run: Callable[[], object], lines: int) -> None:
    prof = cProfile.Profile()
    prof.runcall(run)
    pstats.Stats(prof).sort_stats("tottime").print_stats(lines)
