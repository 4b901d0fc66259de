"""`--timings`: where a run's time goes, per rule and per shared analysis.

ESLint's `TIMING=1` is the model: after the run, a table of the time spent in
each rule, each shared analysis (a Document view such as the Markdown blocks,
a family's `doc.shared` evidence, such as the layout) and each stage around them (reading and
parsing, findings, output), with its share of the total.

Times are exclusive: an analysis that a rule triggers by asking for it first
is counted to the analysis, not to the rule, so a rule's line is what
switching that rule off saves once the analysis is paid anyway.  With
`--jobs N` each worker times its own documents and sends its totals back
with its results; the table sums them (CPU seconds of every process, not
wall time).  Off by default: then nothing here runs but one `is None` test
per rule and per view.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from functools import cached_property
from time import perf_counter
from typing import IO, Iterator


class Timer:
    """Exclusive seconds per label, with a stack for nested measurements."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self._stack: list[list] = []  # [label, start, seconds spent in nested measurements]

    def start(self, label: str) -> None:
        self._stack.append([label, perf_counter(), 0.0])

    def stop(self) -> None:
        label, started, nested = self._stack.pop()
        elapsed = perf_counter() - started
        self.totals[label] = self.totals.get(label, 0.0) + elapsed - nested
        if self._stack:
            self._stack[-1][2] += elapsed

    @contextmanager
    def measure(self, label: str) -> Iterator[None]:
        self.start(label)
        try:
            yield
        finally:
            self.stop()

    def drain(self) -> dict[str, float]:
        """The totals so far, reset (what a worker sends back with a unit)."""
        out, self.totals = self.totals, {}
        return out

    def merge(self, totals: dict[str, float]) -> None:
        for label, seconds in totals.items():
            self.totals[label] = self.totals.get(label, 0.0) + seconds


# The run's timer when --timings is on, else None (set in every process).
TIMER: Timer | None = None


def enable() -> Timer:
    global TIMER
    TIMER = Timer()
    return TIMER


def disable() -> None:
    global TIMER
    TIMER = None


class view(cached_property):
    """A `cached_property` of Document whose one computation is timed as
    `view: NAME` under --timings (a cached value is read past it)."""

    def __get__(self, instance, owner=None):
        if TIMER is None or instance is None:
            return super().__get__(instance, owner)
        TIMER.start(f"view: {self.attrname}")
        try:
            return super().__get__(instance, owner)
        finally:
            TIMER.stop()


def rule_label(rule) -> str:
    return f"{rule.code} {rule.name}"


def print_table(totals: dict[str, float], stream: IO[str] | None = None) -> None:
    """The table: one line per rule, analysis or stage, costliest first."""
    stream = stream or sys.stderr
    total = sum(totals.values()) or 1e-12
    rows = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max([len("Rule or analysis"), *(len(label) for label, _ in rows)])
    print(f"{'Rule or analysis':<{width}}  {'Time (ms)':>10}  {'Relative':>8}", file=stream)
    for label, seconds in rows:
        print(f"{label:<{width}}  {seconds * 1000:>10.1f}  {seconds / total:>8.1%}", file=stream)
    print(f"{'total':<{width}}  {total * 1000:>10.1f}  {1:>8.1%}", file=stream)
