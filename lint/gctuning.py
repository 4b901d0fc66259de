"""The cycle collector's pace for a lint run's own processes.

A run allocates millions of short-lived containers (blocks, spans, match
objects) and makes almost no cyclic garbage: a few objects a document,
freed by reference counting otherwise.  At Python's default pace, a
young-generation collection every 700 net allocations, the collector took
3% of a run's CPU on the shared benchmark's documents (1,300 collections
for 3,000 documents); at one every 10,000 it takes 0.1%, and what waits
for it stays a few thousand objects.

Only the command and its worker processes set it: a library caller's
process keeps its own settings.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000  # net container allocations between two young-generation collections


def collect_less_often() -> None:
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
