#!/usr/bin/env python3
"""What the furniture analysis costs: `furniture.analyse` and `decide` alone, per document.

    python bench/furniture_cost.py [--rounds 10] [--baseline REV] [--profile] [--digest]
                                   [--instructions [--docs 60]] [PATH ...]

Reads every Markdown file under PATH (default: ../shared/corpus and the
shared seed) the way `scrapelint check` does and builds each body's block
model first, then times the furniture stage on it (best of --rounds,
microseconds per document): `analyse` (units, stop words, classes, core) and
`decide` (which units are furniture).  --baseline REV also loads
`lint/analysis/{text,stopwords,furniture}.py` as they were at git revision
REV and times both in alternating rounds in this one process (figures from
separate runs on a busy machine drift more than a change moves them).
--digest prints a hash of every unit with all its fields and of every
decision, per version: a speed change must not move it.  --profile prints
the cProfile table of one round of the current version.  --instructions
counts instead, with valgrind, the instructions one pass of the stage costs
per document (every k-th of --docs documents), for each version: a figure a
busy machine does not move (see bench/instructions.py).
"""

from __future__ import annotations

import hashlib
import importlib
import sys
import types
from functools import partial
from pathlib import Path

import scrapelint.analysis
import stagebench  # bench/, beside this script

MODULES = ("text", "stopwords", "furniture")  # in import order: each may import the ones before


def documents(paths: list[Path], limit: int | None = None) -> list:
    """The documents (every k-th of them, at most `limit`), their block
    models built."""
    docs = stagebench.markdown_documents(paths, limit)
    for doc in docs:
        doc.prose_lines, doc.host  # the block model and the views are not the stage's cost
    return docs


def current() -> types.ModuleType:
    return importlib.import_module("scrapelint.analysis.furniture")


def furniture_at(rev: str) -> types.ModuleType:
    """`furniture.py` as it was at git revision `rev`, importing `text.py` and
    `stopwords.py` as they were there too (the rest of the package as it is now)."""
    package = scrapelint.analysis
    loaded: dict[str, types.ModuleType] = {}
    for name in MODULES:
        path = f"lint/analysis/{name}.py"
        source = stagebench.source_at(rev, path)
        if source is None:
            sys.exit(f"{path} is not in {rev}")
        module = types.ModuleType(f"scrapelint.analysis.{name}")
        saved = {n: (sys.modules.get(f"scrapelint.analysis.{n}"), getattr(package, n, None)) for n in loaded}
        try:  # `from scrapelint.analysis import stopwords` finds the old one while this runs
            for n, old in loaded.items():
                sys.modules[f"scrapelint.analysis.{n}"] = old
                setattr(package, n, old)
            sys.modules[module.__name__ + "_at_rev"] = module  # dataclasses look their module up
            module.__dict__["__name__"] = module.__name__ + "_at_rev"
            exec(compile(source, f"{rev}:{path}", "exec"), module.__dict__)
        finally:
            for n, (mod, attr) in saved.items():
                sys.modules[f"scrapelint.analysis.{n}"] = mod
                setattr(package, n, attr)
        loaded[name] = module
    return loaded["furniture"]


def run(furniture: types.ModuleType, docs: list) -> list:
    out = []
    for doc in docs:
        fu = furniture.analyse(doc)
        out.append((fu, furniture.decide(fu, None, bool(doc.host))))
    return out


def digest(furniture: types.ModuleType, docs: list) -> str:
    h = hashlib.sha256()
    for doc, (fu, decided) in zip(docs, run(furniture, docs)):
        for u in fu.units:
            h.update(repr([getattr(u, name) for name in u.__slots__]).encode())
        # with a page tail too (an end marker three quarters down the body)
        tail = furniture.decide(fu, len(doc.lines) * 3 // 4, bool(doc.host))
        h.update(repr((fu.unit_of_line, fu.language, fu.reference, fu.core, decided, tail)).encode())
    return h.hexdigest()


def count_passes(furniture: types.ModuleType, docs: list, passes: int) -> None:
    """In the process valgrind counts: a pass that loads the word lists and
    caches, then `passes` more, and the number of documents."""
    import gc

    run(furniture, docs)
    # the command's collector pace (scrapelint.gctuning), and the documents
    # read kept out of its scans: fewer collections, steadier counts
    gc.set_threshold(10_000)
    gc.freeze()
    for _ in range(passes):
        run(furniture, docs)
    print(len(docs))


def main() -> int:
    ap = stagebench.arguments(__doc__, stage="the stage", digest="every unit and decision")
    stagebench.add_count_options(ap)
    a = ap.parse_args()
    if not stagebench.all_present(a.paths):
        return 2
    if a.instructions:
        stagebench.print_pass_instructions(__file__, "the furniture stage", a)
        return 0
    docs = stagebench.documents_or_none(documents(a.paths, a.docs if a.passes is not None else None))
    if docs is None:
        return 2
    versions = {"now": current()}
    if a.baseline:
        versions = {a.baseline: furniture_at(a.baseline), **versions}
    if a.passes is not None:
        count_passes(versions[a.version], docs, a.passes)
        return 0
    for furniture in versions.values():
        run(furniture, docs)  # word lists and caches are loaded once, outside the figures
    best = stagebench.best_times({name: partial(run, furniture, docs) for name, furniture in versions.items()}, a.rounds)
    if a.rounds:
        print(f"{len(docs)} bodies, best of {a.rounds} rounds, us/doc (analyse + decide)")
        for name in versions:
            print(f"{name:>14} {best[name] / len(docs) * 1e6:10.1f}")
    if a.digest:
        for name, furniture in versions.items():
            print(f"furniture digest {name}: {digest(furniture, docs)}")
    if a.profile:
        stagebench.print_profile(partial(run, versions["now"], docs), 20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
