#!/usr/bin/env python3
"""What the Markdown block model costs: `parse_blocks` alone, per document.

    python bench/parse_cost.py [--rounds 10] [--baseline REV] [--profile] [--digest] [--instructions] [PATH ...]

Reads every Markdown file under PATH (default: ../shared/corpus and the
shared seed) the way `scrapelint check` does, then times `parse_blocks` on
the bodies (best of --rounds, microseconds per document), pyromark's event
production alone on the same bodies, so the Python walk is the difference,
and the model with its prose view (which rules that read prose build on
first use).  --baseline REV also loads `lint/blocks.py` as it was at git
revision REV and times both in alternating rounds in this one process: on a
busy machine, figures from separate runs drift by more than a change moves
them.  --profile prints the cProfile table of one round.  --digest prints a
hash of every model's full content (blocks with all their fields, the block
of each line, the prose view): a speed change must not move it.
--instructions counts instead of timing: the instructions (valgrind's
cachegrind, one core, repeatable on a busy machine) that `parse_blocks`,
pyromark's events alone, and `parse_blocks` with the prose view cost per
document, for this version and the --baseline one, each in its own process.
"""

from __future__ import annotations

import gc
import hashlib
import sys
import types
from pathlib import Path

import scrapelint.blocks
import stagebench  # bench/, beside this script


def bodies(paths: list[Path]) -> list[tuple[str, list[str]]]:
    return [(doc.body, doc.lines) for doc in stagebench.markdown_documents(paths)]


def module_at(rev: str) -> types.ModuleType:
    """`lint/blocks.py` as it was at git revision `rev`, importing
    `lint/prose_masks.py` as it was there too (the rest of the package as it
    is now)."""
    masks = _load_at(rev, "lint/prose_masks.py", f"prose_masks_at_{rev}")
    now = sys.modules["scrapelint.prose_masks"]
    sys.modules["scrapelint.prose_masks"] = masks  # what the old module's import finds
    try:
        return _load_at(rev, "lint/blocks.py", f"blocks_at_{rev}")
    finally:
        sys.modules["scrapelint.prose_masks"] = now


def _load_at(rev: str, path: str, name: str) -> types.ModuleType:
    source = stagebench.source_at(rev, path)
    if source is None:
        sys.exit(f"{path} is not in {rev}")
    module = types.ModuleType(name)
    sys.modules[name] = module  # dataclasses look their module up
    exec(compile(source, f"{rev}:{path}", "exec"), module.__dict__)
    return module


def digest(blocks, docs: list[tuple[str, list[str]]]) -> str:
    h = hashlib.sha256()
    for body, lines in docs:
        model = blocks.parse_blocks(body, lines)
        for blk in model.blocks:
            h.update(repr([getattr(blk, name) for name in blk.__slots__]).encode())
        h.update(repr((model.block_of_line, model.lines_read, model.prose_lines)).encode())
    return h.hexdigest()


def timings(blocks, docs: list[tuple[str, list[str]]]) -> dict[str, callable]:
    parse, events = blocks.parse_blocks, blocks._events

    def walk():
        for body, lines in docs:
            parse(body, lines)

    def walk_and_prose():
        for body, lines in docs:
            parse(body, lines).prose_lines

    def events_only():
        for body, _ in docs:
            for _ in events(body):
                pass

    walk()  # pyromark's import and first-call costs stay out of the figures
    return {"parse_blocks": walk, "pyromark events": events_only, "+ prose view": walk_and_prose}


def count_child(version: str, what: str, paths: list[Path]) -> None:
    """In the process valgrind counts: read the documents, warm the parser
    up, then run `what` ("none", "events", "parse", "prose") on every body."""
    blocks = scrapelint.blocks if version == "now" else module_at(version)
    docs = bodies(paths)
    # the command's collector pace (scrapelint.gctuning), and the documents
    # read kept out of its scans: fewer collections, steadier counts
    gc.set_threshold(10_000)
    gc.freeze()
    for body, lines in docs[:5]:
        blocks.parse_blocks(body, lines).prose_lines
    if what == "events":
        for body, _ in docs:
            for _ in blocks._events(body):
                pass
    elif what != "none":
        for body, lines in docs:
            model = blocks.parse_blocks(body, lines)
            if what == "prose":
                model.prose_lines
    print(len(docs))


def count_instructions(versions: list[str], paths: list[Path], n: int) -> None:
    stagebench.need_valgrind()
    print(f"{n} bodies, k instructions/doc (valgrind)")
    print(f"{'':18}" + "".join(f"{name:>14}" for name in versions))
    for what, label in (("parse", "parse_blocks"), ("events", "pyromark events"), ("prose", "+ prose view")):
        counts = [stagebench.instructions_per_document([sys.executable, __file__, "--count-child", v],
                                                       [what, *map(str, paths)], ["none", *map(str, paths)])
                  for v in versions]
        print(f"{label:18}" + "".join(f"{count / 1e3:14.1f}" for count in counts))


def main() -> int:
    if sys.argv[1:2] == ["--count-child"]:
        count_child(sys.argv[2], sys.argv[3], [Path(p) for p in sys.argv[4:]])
        return 0
    ap = stagebench.arguments(__doc__, stage="lint/blocks.py", digest="every model's content")
    ap.add_argument("--instructions", action="store_true", help="count instructions (valgrind) instead of timing")
    a = ap.parse_args()
    if not stagebench.all_present(a.paths):
        return 2
    docs = stagebench.documents_or_none(bodies(a.paths))
    if docs is None:
        return 2
    if a.instructions:
        count_instructions([a.baseline, "now"] if a.baseline else ["now"], a.paths, len(docs))
        return 0
    versions = {"now": scrapelint.blocks}
    if a.baseline:
        versions = {a.baseline: module_at(a.baseline), **versions}
    runs = {name: timings(blocks, docs) for name, blocks in versions.items()}
    best = stagebench.best_times({(name, what): fn for name, fns in runs.items() for what, fn in fns.items()}, a.rounds)
    n = len(docs)
    print(f"{n} bodies, best of {a.rounds} rounds, us/doc")
    print(f"{'':18}" + "".join(f"{name:>14}" for name in runs))
    for what in ("parse_blocks", "pyromark events"):
        print(f"{what:18}" + "".join(f"{best[name, what] / n * 1e6:14.1f}" for name in runs))
    print(f"{'Python walk':18}" + "".join(
        f"{(best[name, 'parse_blocks'] - best[name, 'pyromark events']) / n * 1e6:14.1f}" for name in runs))
    print(f"{'+ prose view':18}" + "".join(f"{best[name, '+ prose view'] / n * 1e6:14.1f}" for name in runs))
    if a.digest:
        for name, blocks in versions.items():
            print(f"model digest {name}: {digest(blocks, docs)}")
    if a.profile:
        stagebench.print_profile(runs["now"]["parse_blocks"], 15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
