#!/usr/bin/env python3
"""Instructions a document costs, counted by valgrind: a speed figure that a
busy machine does not move.

    python bench/instructions.py [--docs 40] [--python .venv/bin/python]

Lints N documents of ../shared/corpus in one process through the library
API (`Linter.lint_text`, every default rule), under valgrind's cachegrind
(`--cache-sim=no`), once with N documents and once with none, and prints
the difference per document.  Wall and CPU times of the same run drift by
30-50 % on a loaded two-core machine; instruction counts repeat to 0.1 %.
Compare two checkouts by pointing --python at each one's interpreter.

A proxy, not a clock: it tracks work done in Python closely, but native
code counts differently (a change in how pyromark's Rust parser is driven
moved the count far more than the CPU time), so confirm a gain in seconds
on a quiet machine (../shared/bench/bench.py).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import stagebench  # bench/, beside this script

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# run in the child: warm up on five documents, then lint every k-th of the rest
CHILD = """
import gc, sys
from pathlib import Path
from scrapelint import Linter
gc.set_threshold(10_000)  # the command's pace (scrapelint.gctuning): fewer collections, steadier counts
files = sorted(p for p in Path(sys.argv[1]).glob("*.md") if p.name != "README.md")
n = int(sys.argv[2])
linter = Linter()
for p in files[-5:]:
    linter.lint_text(p.read_text(encoding="utf-8"), path=str(p))
step = max(1, (len(files) - 5) // max(n, 1))
for p in files[: len(files) - 5 : step][:n]:
    linter.lint_text(p.read_text(encoding="utf-8"), path=str(p))
print(n)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--python", default=sys.executable)
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("needs valgrind (apt-get install valgrind)")
    if not CORPUS.is_dir():
        sys.exit(f"needs the shared corpus at {CORPUS}")
    # two counts subtracted, each after an uncounted run (a checkout whose
    # sources changed since its bytecode was written would compile in the
    # counted run only), with PYTHONHASHSEED fixed and an empty user cache
    per_document = stagebench.instructions_per_document([a.python, "-c", CHILD, str(CORPUS)], [str(a.docs)], ["0"])
    print(f"{per_document / 1e6:.2f} M instructions a document "
          f"({a.docs} corpus documents, every default rule, {a.python})")


if __name__ == "__main__":
    main()
