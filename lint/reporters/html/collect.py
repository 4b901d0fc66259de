"""What the HTML report gathers while the run streams past it, beyond the
run's statistics (scrapelint.stats): the histograms of its charts and a few
examples per rule.  Memory stays flat whatever the number of findings.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scrapelint.findings import Finding

if TYPE_CHECKING:
    from scrapelint.results import DocResult

BOILERPLATE_FAMILY = "NV"  # navigation and boilerplate leaked into the body


@dataclass
class Histogram:
    """Counts of values in bins: bin i holds edges[i] <= value < edges[i + 1]."""

    edges: tuple[float, ...]
    labels: tuple[str, ...]
    counts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        assert len(self.labels) == len(self.edges) - 1
        self.counts = [0] * len(self.labels)

    def add(self, value: float) -> None:
        i = bisect_right(self.edges, value) - 1
        self.counts[min(max(i, 0), len(self.counts) - 1)] += 1

    @property
    def total(self) -> int:
        return sum(self.counts)


def date_days_histogram() -> Histogram:
    """Log-spaced bins (about x3 each): a day off and ten years off both show."""
    inf = float("inf")
    return Histogram((0, 3, 10, 30, 100, 365, 1000, 3650, inf),
                     ("≤2 d", "3–9 d", "10–29 d", "1–3 mo", "3–12 mo", "1–3 y", "3–10 y", "≥10 y"))


def word_count_histogram() -> Histogram:
    """Signed: below zero the front matter states fewer words than the body has."""
    inf = float("inf")
    return Histogram((-inf, -50, -25, -10, 10, 25, 50, 100, 200, inf),
                     ("≤ −50", "−50…−25", "−25…−10", "±10", "10…25", "25…50", "50…100", "100…200", "≥ 200"))


def boilerplate_histogram() -> Histogram:
    return Histogram(tuple(range(0, 101, 10)) + (float("inf"),),
                     tuple(f"{lo}–{lo + 10}%" for lo in range(0, 100, 10)) + ("100%",))


def finding_span(f: Finding) -> tuple[int, int] | None:
    """The finding's lines: file lines, or body lines for a dataset record."""
    if f.record is not None:
        return f.extra.get("body_span")
    return (f.line, f.end_line or f.line) if f.line else None


def boilerplate_share(findings: list[Finding], body_lines: int) -> float | None:
    """The share of a document's body lines inside a boilerplate finding, or
    None when no line is flagged.  Overlapping findings count a line once."""
    covered: set[int] = set()
    for f in findings:
        if f.family == BOILERPLATE_FAMILY:
            span = finding_span(f)
            if span:
                covered.update(range(span[0], span[1] + 1))
    if not covered or body_lines <= 0:
        return None
    return min(1.0, len(covered) / body_lines)


class ReportData:
    """Everything the page shows beyond the run's Summary."""

    def __init__(self, examples_per_rule: int) -> None:
        self.examples_per_rule = examples_per_rule
        self.examples: dict[str, list[tuple[int, Finding]]] = {}  # (input order, finding), distinct documents
        self._spare: dict[str, list[tuple[int, Finding]]] = {}  # more from the same documents
        self._example_docs: dict[str, set] = {}
        self._seen = 0
        self.date_days = date_days_histogram()
        self.word_count_error = word_count_histogram()
        self.boilerplate = boilerplate_histogram()
        self.documents_without_boilerplate = 0

    def add(self, result: "DocResult") -> None:
        if result.documents:
            self._add_document(result)
        else:  # a dataset-wide result (DS rules): findings on several documents
            for f in result.findings:
                self._add_example(f)
        for f in result.findings:
            if f.data:
                if "days" in f.data and f.data["days"] is not None:
                    self.date_days.add(f.data["days"])
                if f.data.get("error_percent") is not None:
                    self.word_count_error.add(f.data["error_percent"])

    def _add_document(self, result: "DocResult") -> None:
        for f in result.findings:
            self._add_example(f)
        share = boilerplate_share(result.findings, result.profile.body_lines if result.profile else 0)
        if share is None:
            self.documents_without_boilerplate += 1
        else:
            self.boilerplate.add(100 * share)

    def _add_example(self, f: Finding) -> None:
        """Keep the first examples from distinct documents, and a few more
        from documents already shown to fill the page when the rule fired in
        few documents."""
        self._seen += 1
        kept = self.examples.setdefault(f.code, [])
        if len(kept) >= self.examples_per_rule:
            return
        docs = self._example_docs.setdefault(f.code, set())
        where = (f.path, f.record)
        if where not in docs:
            docs.add(where)
            kept.append((self._seen, f))
            return
        spare = self._spare.setdefault(f.code, [])
        if len(spare) < self.examples_per_rule:
            spare.append((self._seen, f))

    def examples_of(self, code: str) -> list[Finding]:
        """The examples of a rule, in input order."""
        kept = self.examples.get(code, [])
        fill = self._spare.get(code, [])[: self.examples_per_rule - len(kept)]
        return [f for _, f in sorted(kept + fill, key=lambda pair: pair[0])]
