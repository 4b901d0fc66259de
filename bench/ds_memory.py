#!/usr/bin/env python3
"""What the dataset rules keep in memory, per document, and for a million.

    python bench/ds_memory.py [--sizes 2000,4000,8000] [--words 600]

Builds invented documents (random words from an invented vocabulary, with
one document in ten a near copy of an earlier one), runs each DS rule's
`collect` on them, folds the values into the rule's partial state as the
workers do, and measures with tracemalloc: the partial state, and the peak
while `finish` decides (for DS003, the LSH index over every signature).
The bytes per document of the largest sample, times a million, is the
figure the rule pages quote.  Also prints the cost of `collect` per document.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scrapelint.document import Document  # noqa: E402
from scrapelint.rule import DocRef, get_registry  # noqa: E402

SYLLABLES = "ka lo mi ne ru sa te vo zi pa do fe gu hi ja".split()


def vocabulary(rng: random.Random, n: int = 20000) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(n)]


def bodies(n: int, words: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    out: list[str] = []
    for i in range(n):
        if out and i % 10 == 9:  # a near copy: an earlier body with a sentence added
            out.append(rng.choice(out) + " " + " ".join(rng.choices(vocab, k=12)) + ".")
        else:
            out.append("\n\n".join(" ".join(rng.choices(vocab, k=15)) + "." for _ in range(words // 15)))
    return out


def document(i: int, body: str) -> Document:
    return Document(f"shard-{i // 1000:04d}.jsonl", meta={"url": f"https://site{i % 50}.example/{i}"},
                    body=body, meta_format="record", record=f"rec{i}", record_line=i % 1000 + 1)


def measure(rule, texts: list[str]) -> tuple[float, int, int, int]:
    """(collect seconds per doc, state bytes, finish peak bytes, findings).
    Documents are made one at a time and dropped, as a worker does."""
    timed = [document(i, t) for i, t in enumerate(texts[:1000])]
    t0 = time.perf_counter()
    for d in timed:
        rule.collect(d)
    per_doc = (time.perf_counter() - t0) / len(timed)
    del timed
    gc.collect()
    tracemalloc.start()
    state = rule.new_state()
    for i, text in enumerate(texts):
        d = document(i, text)
        got = rule.collect(d)
        if got is not None:
            state = rule.add(state, got[0], DocRef(d.path, d.record, got[1]))
    del d
    gc.collect()
    state_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    if rule.learns:  # DS004 concludes what it learned (furniture hashes) for a second pass
        findings = sum(len(furniture) for _, furniture in rule.conclude(state).values())
    else:
        findings = sum(1 for _ in rule.finish(state))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return per_doc, state_bytes, peak, findings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2000,4000,8000", help="sample sizes, comma-separated")
    ap.add_argument("--words", type=int, default=600, help="words per invented document")
    ap.add_argument("--rules", default="DS001,DS002,DS003,DS004", help="dataset rules to measure")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    registry = get_registry()
    print(f"{'rule':6} {'docs':>7} {'collect us/doc':>15} {'state B/doc':>12} {'finish peak B/doc':>18} "
          f"{'findings':>9} {'1M docs (peak)':>15}")
    for code in a.rules.split(","):
        for n in sizes:
            texts = bodies(n, a.words)
            rule = registry.lookup(code)()
            rule.active_codes = frozenset({code})
            per_doc, state, peak, found = measure(rule, texts)
            print(f"{code:6} {n:7d} {per_doc * 1e6:15.0f} {state / n:12.0f} {peak / n:18.0f} {found:9d} "
                  f"{peak / n * 1e6 / 2**30:13.2f} GiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
