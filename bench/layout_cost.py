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

import hashlib
import sys
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


def main() -> int:
    ap = stagebench.arguments(__doc__, stage="the layout", digest="every layout and NV finding", rounds=7)
    stagebench.add_count_options(ap, versions=False)
    ap.add_argument("--python", default=sys.executable, help="the interpreter --instructions runs")
    a = ap.parse_args()
    if a.baseline:
        sys.exit("--baseline is not supported here: compare with --instructions --python OTHER_CHECKOUT/.venv/bin/python")
    if not stagebench.all_present(a.paths):
        return 2
    if a.instructions:
        stagebench.need_valgrind()
        child = [a.python, __file__, "--docs", str(a.docs), *map(str, a.paths)]
        print(f"{stagebench.pass_instructions(child) / 1e6:.3f} M instructions per document, one pass of the layout "
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
