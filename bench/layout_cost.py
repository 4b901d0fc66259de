#!/usr/bin/env python3
"""What the article layout and the NV rules cost on their own, per document.

    python bench/layout_cost.py [--rounds 7] [--profile] [--digest]
                                [--instructions [--docs 60] [--python PY]] [PATH ...]

Reads every Markdown file under PATH (default: ../shared/corpus and the
shared seed) the way `scrapelint check` does, builds the views the layout
reads but does not own (the block model, the furniture analysis and its
decisions), then times the stage alone: `layout.analyse` (the phrase lists,
the captions, the end of the article) and the checks of the NV rules of
`rules/boilerplate.py` and `rules/furniture.py` (NV001-NV004, NV008), best of
--rounds, microseconds per document.  --digest prints a hash of every
layout and every NV finding: a speed change must not move it.  --profile
prints the cProfile table of one round.  --instructions counts instead,
with valgrind, the instructions one pass of the stage costs per document
(every k-th of --docs documents): a figure a busy machine does not move (see
bench/instructions.py).  --python runs that count with another checkout's
interpreter (its own scrapelint), e.g. the session-start main's, to compare.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import stagebench  # bench/, beside this script
from scrapelint.analysis import furniture, layout

OWN_KEYS = ("layout", "lowered-lines")  # the doc.shared entries the stage computes


def documents(paths: list[Path], limit: int | None = None) -> list:
    """The documents (every k-th of them, at most `limit`), with the views
    the layout reads but others own already built."""
    docs = stagebench.markdown_documents(paths, limit)
    for doc in docs:
        doc.blocks, doc.prose_lines, doc.code_lines, doc.host
        furniture.of(doc)
        layout.decisions(doc)  # the furniture decision (it reads the layout's end: computed here once)
    return docs


def nv_rules() -> list:
    from scrapelint.rules import boilerplate
    from scrapelint.rules import furniture as furniture_rules

    return [cls() for cls in boilerplate.scrapelint_rules()] + [furniture_rules.SiteRecurringBlock()]


def forget(doc) -> None:
    shared = doc.__dict__.get("_shared", {})
    for key in OWN_KEYS:
        shared.pop(key, None)


def stage(docs):
    """One pass of the stage over every document: its findings."""
    rules = nv_rules()

    def run():
        out = []
        for doc in docs:
            forget(doc)
            layout.of(doc)
            for rule in rules:
                out.extend(rule.check(doc))
        return out

    return run


def digest(docs) -> str:
    h = hashlib.sha256()
    rules = nv_rules()
    for doc in docs:
        forget(doc)
        lay = layout.of(doc)
        h.update(repr((sorted(lay.captions), lay.end, lay.start, lay.last, lay.end_marker,
                       sorted(lay.phrases.items()))).encode())
        for rule in rules:
            h.update(repr([(f.code, f.line, f.end_line, f.severity, f.message) for f in rule.check(doc)]).encode())
    return h.hexdigest()


def instructions(a, python: str) -> float:
    """Instructions per document of one pass of the stage: valgrind's count
    of a process running two passes less one running one."""
    counts = []
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"  # set and dict orders, and so the work, repeat from run to run
    child = [python, __file__, "--docs", str(a.docs), *map(str, a.paths), "--passes"]
    # once without valgrind: a module edited since its bytecode was written is
    # compiled again by the first child only, and that moved the count by millions
    subprocess.run([*child, "0"], capture_output=True, env=env, check=True)
    for passes in (1, 2):
        # an empty user cache each time: what an earlier run left there (the
        # phrase lists' parsed regexes) would change the work
        with tempfile.TemporaryDirectory(prefix="scrapelint-layout-cost-") as cache:
            env["XDG_CACHE_HOME"] = cache
            count, printed = stagebench.valgrind_count([*child, str(passes)], env)
        counts.append(count)
    return (counts[1] - counts[0]) / int(printed)  # the child prints how many documents it read


def main() -> int:
    ap = stagebench.arguments(__doc__, stage="the layout", digest="every layout and NV finding", rounds=7)
    ap.add_argument("--instructions", action="store_true", help="count instructions with valgrind instead of timing")
    ap.add_argument("--docs", type=int, default=60, help="documents --instructions reads (every k-th)")
    ap.add_argument("--python", default=sys.executable, help="the interpreter --instructions runs")
    ap.add_argument("--passes", type=int, help=argparse.SUPPRESS)  # in valgrind's child
    a = ap.parse_args()
    if a.baseline:
        sys.exit("--baseline is not supported here: compare with --instructions --python OTHER_CHECKOUT/.venv/bin/python")
    if not stagebench.all_present(a.paths):
        return 2
    if a.instructions:
        if shutil.which("valgrind") is None:
            sys.exit("needs valgrind (apt-get install valgrind)")
        print(f"{instructions(a, a.python) / 1e6:.3f} M instructions per document, one pass of the layout "
              f"and the NV rules ({a.docs} documents, {a.python})")
        return 0
    docs = stagebench.documents_or_none(documents(a.paths, a.docs if a.passes is not None else None))
    if docs is None:
        return 2
    run = stage(docs)
    run()  # lists, matchers and compiled entries are built once, outside the figures
    if a.passes is not None:
        import gc
        # the command's pace (scrapelint.gctuning), and the documents read set
        # aside: a run holds one document at a time, and a full collection over
        # all of them, once more in one child than in the other, moved the count
        gc.set_threshold(10_000)
        gc.freeze()
        for _ in range(a.passes):
            run()
        print(len(docs))
        return 0
    if a.rounds:
        best = stagebench.best_times({"now": run}, a.rounds)
        print(f"{len(docs)} documents, best of {a.rounds} rounds: {best['now'] / len(docs) * 1e6:.1f} us/doc "
              "(layout.analyse + NV rules)")
    if a.digest:
        print(f"layout digest: {digest(docs)}")
    if a.profile:
        stagebench.print_profile(run, 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
