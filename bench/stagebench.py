"""What the one-stage benchmarks share (bench/parse_cost.py,
bench/furniture_cost.py, bench/dates_cost.py, bench/layout_cost.py): the
documents they read by default, their command line (paths, rounds, a
baseline revision timed in alternating rounds, a profile, a digest that a
speed change must not move) and their instruction counts (valgrind, one
child process counted against another)."""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
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


def counting_env() -> dict[str, str]:
    """The environment a counted child runs in: set and dict orders, and so
    the work, repeat from run to run; bytecode is written (a module edited
    since its bytecode was compiled is compiled again by the first run only)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
    return env


@lru_cache(maxsize=None)
def count_instructions(cmd: tuple[str, ...]) -> tuple[int, str]:
    """`valgrind_count` of `cmd` in a `counting_env`, after one uncounted run
    (which compiles what the counted one would), with an empty user cache
    each time: what an earlier run left there (the phrase lists' parsed
    regexes, the stop-word table) would change the work.  Once a command."""
    env = counting_env()
    subprocess.run(cmd, capture_output=True, env=env, check=True)
    with tempfile.TemporaryDirectory(prefix="scrapelint-count-") as cache:
        return valgrind_count(list(cmd), {**env, "XDG_CACHE_HOME": cache})


def instructions_per_document(child: list[str], more: list[str], less: list[str]) -> float:
    """Instructions per document of what `child + more` does beyond
    `child + less` (e.g. two passes over the documents against one, or a
    stage against reading alone): two valgrind counts, subtracted.  The
    child prints how many documents it read, last."""
    high, printed = count_instructions((*child, *more))
    low, _ = count_instructions((*child, *less))
    return (high - low) / int(printed.split()[-1])


def pass_instructions(child: list[str]) -> float:
    """Instructions per document of one pass of a stage, for a child that
    takes `--passes N` (see `add_count_options`): two passes less one."""
    return instructions_per_document(child, ["--passes", "2"], ["--passes", "1"])


def add_count_options(ap: argparse.ArgumentParser, versions: bool = True) -> None:
    """--instructions, --docs, and the child's hidden --passes (and
    --version, the version it runs: "now" or the --baseline revision)."""
    ap.add_argument("--instructions", action="store_true", help="count instructions with valgrind instead of timing")
    ap.add_argument("--docs", type=int, default=60, help="documents --instructions reads (every k-th)")
    ap.add_argument("--passes", type=int, help=argparse.SUPPRESS)  # in valgrind's child: passes over the documents
    if versions:
        ap.add_argument("--version", help=argparse.SUPPRESS)


def print_pass_instructions(script: str, stage: str, a: argparse.Namespace) -> None:
    """The instructions per document one pass of `stage` costs, for the
    --baseline version and now, each counted in `script`'s child."""
    need_valgrind()
    print(f"M instructions per document, one pass of {stage} ({a.docs} documents)")
    for name in ([a.baseline] if a.baseline else []) + ["now"]:
        child = [sys.executable, script, "--version", name, "--docs", str(a.docs), *map(str, a.paths)]
        if a.baseline:
            child += ["--baseline", a.baseline]
        print(f"{name:>14} {pass_instructions(child) / 1e6:10.3f}")


def need_valgrind() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")


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
