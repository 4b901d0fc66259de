#!/usr/bin/env python3
"""What the date evidence costs on its own: `dates.evidence` and the DT
rules, per document, with the views other stages own computed beforehand.

    python bench/dates_cost.py [--rounds 7] [--baseline REV] [--profile] [--digest]
                               [--instructions [--docs 60]] [PATH ...]

Reads every Markdown file under PATH (default: ../shared/corpus and the
shared seed) the way `scrapelint check` does, builds the views the dates
code reads but does not own (the block model and prose view, the layout and
furniture it rests on), then times the dates stage alone: the reader view
of the body, the evidence (`_gather`) and the DT verdict and rules, best of
--rounds, microseconds per document, and counts the dateparser calls.
--baseline REV also loads `lint/analysis/dates/*` and `rules/dates.py` as
they were at git revision REV and times both in alternating rounds of this
one process (separate runs on this busy machine drift more than a change
moves them).  --digest prints a hash of every document's evidence and DT
findings: a speed change must not move it.  --profile prints the cProfile
table of one round.  --instructions counts instead, with valgrind, the
instructions one pass of the dates stage costs per document (every k-th of
--docs documents), for each version: a figure a busy machine does not move
(see bench/instructions.py).
"""

from __future__ import annotations

import hashlib
import sys
import types
from pathlib import Path

import stagebench  # bench/, beside this script
from scrapelint.analysis import layout

# the dates code, in import order, as (module name, file)
MODULES = [("scrapelint.analysis.dates.find", "lint/analysis/dates/find.py"),
           ("scrapelint.analysis.dates.gates", "lint/analysis/dates/gates.py"),
           ("scrapelint.analysis.dates.sources", "lint/analysis/dates/sources.py"),
           ("scrapelint.analysis.dates.cues", "lint/analysis/dates/cues.py"),
           ("scrapelint.analysis.dates.evidence", "lint/analysis/dates/evidence.py"),
           ("scrapelint.rules.dates", "rules/dates.py")]
OWN_KEYS = ("reader-lines", "dates", "dates-verdict")  # the doc.shared entries the dates code computes


def documents(paths: list[Path], limit: int | None = None) -> list:
    """The documents (every k-th of them, at most `limit`), with the views
    the dates code reads but others own already built."""
    docs = stagebench.markdown_documents(paths, limit)
    for doc in docs:
        doc.blocks, doc.prose_lines, doc.url, doc.field("title")
        layout.of(doc)
    return docs


def version_at(rev: str) -> dict[str, types.ModuleType]:
    """The dates modules as they were at git revision `rev`, importing each
    other (the rest of the package as it is now)."""
    package = types.ModuleType("dates_at_" + "".join(c if c.isalnum() else "_" for c in rev))
    sys.modules[package.__name__] = package
    out = {}
    for name, path in MODULES:
        source = stagebench.source_at(rev, path)
        if source is None:
            if name.endswith(".gates"):
                continue  # not there yet at `rev`
            sys.exit(f"{path} is not in {rev}")
        for other, _ in MODULES:
            short = other.rsplit(".", 1)[1]
            source = source.replace(f"from {other} import", f"from {package.__name__}_{short} import")
            source = source.replace(f"from scrapelint.analysis.dates import {short}\n",
                                    f"from {package.__name__} import {short}\n")
        module = types.ModuleType(f"{package.__name__}_{name.rsplit('.', 1)[1]}")
        sys.modules[module.__name__] = module  # dataclasses and the imports above look it up
        exec(compile(source, f"{rev}:{path}", "exec"), module.__dict__)
        setattr(package, name.rsplit(".", 1)[1], module)
        out[name] = module
    return out


def version_now() -> dict[str, types.ModuleType]:
    import importlib
    return {name: importlib.import_module(name) for name, _ in MODULES}


def rules_of(mods) -> list:
    return [cls() for cls in mods["scrapelint.rules.dates"].scrapelint_rules()]


def forget(doc) -> None:
    shared = doc.__dict__.get("_shared", {})
    for key in OWN_KEYS:
        shared.pop(key, None)


def stage(mods, docs):
    """One pass of the dates stage over every document: its findings."""
    rules = rules_of(mods)

    def run():
        out = []
        for doc in docs:
            forget(doc)
            for rule in rules:
                out.extend(rule.check(doc))
        return out

    return run


def digest(mods, docs) -> str:
    h = hashlib.sha256()
    gather = mods["scrapelint.analysis.dates.evidence"].of
    rules = rules_of(mods)
    for doc in docs:
        forget(doc)
        h.update(repr(gather(doc)).encode())
        for rule in rules:
            h.update(repr([(f.code, f.line, f.message) for f in rule.check(doc)]).encode())
    return h.hexdigest()


def main() -> int:
    ap = stagebench.arguments(__doc__, stage="the dates code", digest="every document's evidence and findings",
                              rounds=7)
    stagebench.add_count_options(ap)
    a = ap.parse_args()
    if not stagebench.all_present(a.paths):
        return 2
    if a.instructions:
        stagebench.print_pass_instructions(__file__, "the dates stage", a)
        return 0
    docs = stagebench.documents_or_none(documents(a.paths, a.docs if a.passes is not None else None))
    if docs is None:
        return 2
    versions = {"now": version_now()}
    if a.baseline:
        versions = {a.baseline: version_at(a.baseline), **versions}
    if a.passes is not None:
        run = stage(versions[a.version], docs)
        for _ in range(a.passes):
            run()
        print(len(docs))
        return 0
    runs = {name: stage(mods, docs) for name, mods in versions.items()}
    parsers = {name: mods["scrapelint.analysis.dates.cues"]._dateparser_parse for name, mods in versions.items()}
    calls = {}
    for name, run in runs.items():  # imports, first calls and dateparser's start-up stay out of the figures
        run()
        parsers[name].cache_clear()
        run()  # the calls one pass makes from a cold cache
        info = parsers[name].cache_info()
        calls[name] = (info.hits + info.misses, info.misses)
        parsers[name].cache_clear()
    best = stagebench.best_times(runs, a.rounds)
    n = len(docs)
    print(f"{n} documents, best of {a.rounds} rounds")
    print(f"{'':28}" + "".join(f"{name:>14}" for name in runs))
    print(f"{'dates stage, us/doc':28}" + "".join(f"{best[name] / n * 1e6:14.1f}" for name in runs))
    print(f"{'dateparser calls (misses)':28}" + "".join(f"{'%d (%d)' % calls[name]:>14}" for name in runs))
    if a.digest:
        for name, mods in versions.items():
            print(f"evidence digest {name}: {digest(mods, docs)}")
    if a.profile:
        stagebench.print_profile(runs["now"], 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
