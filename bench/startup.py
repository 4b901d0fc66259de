#!/usr/bin/env python3
"""One file's wall time: what a pre-commit user waits for (issue 14, Done-when 3).

    python bench/startup.py [FILE] [--runs 10] [--cmd scrapelint]
    python bench/startup.py [FILE] --instructions [--cmd scrapelint]

Times `scrapelint check FILE --format json --output X --jobs 1` (as
../shared/bench/bench.py does) and the plain `scrapelint check FILE`, each
`--runs` times after one warm-up run, and prints the median and the fastest
wall time of each; then the imports that cost the most in one run
(`python -X importtime`, by their own time; the plugins, which the
entry points load through importlib, are not in its list).  FILE defaults to the first
article of ../shared/corpus, else an invented one.

`PYTHONDONTWRITEBYTECODE` is unset for the runs: with it, every run compiles
the package from source.  The warm-up run fills the user's caches
(`scrapelint.usercache`: entry points, compiled regexes, phrase-list
literals), as any earlier run of the command on the machine would have.
On a shared machine, read the fastest run as well as the median.

`--instructions` prints, instead of times, the instructions valgrind's
cachegrind counts in the JSON run (deterministic where wall time drifts
2x on a busy machine): with a warm user cache (a cache folder of its own,
filled by two runs first) and with an empty one.  `PYTHONHASHSEED` is
fixed for these runs: set and dict orders change what some steps cost.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
INVENTED = """---
title: "Harbour ferry returns after winter repairs"
source: https://example.org/2025/03/14/harbour-ferry
date: 2025-03-14
word_count: 24
---

The harbour ferry is back in service today after four months of repairs to
its hull and engines, the operator said on Friday morning.
"""


def timed(cmd: list[str], runs: int, env: dict) -> list[float]:
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        walls.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return walls


def top_imports(cmd: list[str], env: dict, count: int) -> list[tuple[int, int, str]]:
    """(own µs, cumulative µs, module) of the costliest imports of one run."""
    script = shutil.which(cmd[0]) or cmd[0]
    python = Path(script).with_name("python")
    if not python.exists():
        python = Path(sys.executable)
    command = [str(python), "-X", "importtime", "-m", "scrapelint", *cmd[1:]]
    # `python -m` sees another sys.path than the command: a first run fills its caches
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            own, cumulative, name = line.removeprefix("import time:").split("|")
            rows.append((int(own), int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:count]


def instructions(cmd: list[str], env: dict, work: str) -> tuple[int, int]:
    """Instructions of one run of `cmd` with a warm user cache, and with an empty one."""
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    counted = []
    for warm in (True, False):
        cache = tempfile.mkdtemp(dir=work)
        run_env = {**env, "XDG_CACHE_HOME": cache, "PYTHONHASHSEED": "0"}
        for _ in range(2 if warm else 0):
            subprocess.run(cmd, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                               *cmd], env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        refs = [line for line in proc.stderr.splitlines() if "I   refs" in line or "I refs" in line]
        if not refs:
            sys.exit(f"valgrind gave no count: {proc.stderr[-2000:]}")
        counted.append(int(refs[-1].split()[-1].replace(",", "")))
    return counted[0], counted[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", help="a Markdown article (default: the first of ../shared/corpus)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cmd", default="scrapelint", help="the scrapelint executable")
    ap.add_argument("--imports", type=int, default=12, help="how many of the costliest imports to list")
    ap.add_argument("--instructions", action="store_true",
                    help="count the JSON run's instructions (valgrind), warm and cold user cache, instead of timing")
    a = ap.parse_args()

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as work:
        if a.file:
            one = Path(a.file)
        elif CORPUS.is_dir() and any(CORPUS.glob("*.md")):
            one = sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")[0]
        else:
            one = Path(work) / "article.md"
            one.write_text(INVENTED, encoding="utf-8")
        out = str(Path(work) / "report.json")
        cases = [("check FILE --format json --output X --jobs 1",
                  [a.cmd, "check", str(one), "--format", "json", "--output", out, "--jobs", "1"]),
                 ("check FILE", [a.cmd, "check", str(one)])]
        if a.instructions:
            warm, cold = instructions(cases[0][1], env, work)
            print(f"one file: {one} ({one.stat().st_size} bytes)")
            print(f"{cases[0][0]}: {warm / 1e6:,.1f} M instructions (warm user cache), {cold / 1e6:,.1f} M (empty)")
            return
        print(f"one file: {one} ({one.stat().st_size} bytes), {a.runs} runs each, {os.cpu_count()} cores")
        print(f"{'command':48} {'median s':>9} {'fastest s':>9}")
        for label, cmd in cases:
            walls = timed(cmd, a.runs, env)
            print(f"{label:48} {statistics.median(walls):9.3f} {min(walls):9.3f}")
        print(f"\ncostliest imports of one run (-X importtime), ms: own, with what they import")
        for own, cumulative, name in top_imports(cases[0][1], env, a.imports):
            print(f"{own / 1000:8.1f} {cumulative / 1000:8.1f}  {name}")


if __name__ == "__main__":
    main()
