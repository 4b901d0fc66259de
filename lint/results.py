"""What a run produces: one result per document, and the summary of them all.

Plain data shared by the runner (which makes them) and the reporters (which
print them), so neither has to import the other.
"""

from __future__ import annotations

from collections import Counter

from scrapelint.findings import Finding
from scrapelint.stats import RunStats


# Written out rather than made by @dataclass, which compiles methods from
# source at import: start-up time of every one-file run (scrapelint.findings).
class DocResult:
    __slots__ = ("display", "findings", "fixed", "diff", "errors", "documents", "collected", "timings", "profile")

    def __init__(self, display: str, findings: list[Finding], fixed: int = 0, diff: str | None = None,
                 errors: list[str] | None = None, documents: int = 1) -> None:
        self.display = display
        self.findings = findings
        self.fixed = fixed
        self.diff = diff
        self.errors = [] if errors is None else errors
        self.documents = documents
        # dataset rules' values: (rule code, value, DocRef) for one document, then
        # folded into {rule code: partial state} for a unit of work (see DatasetRule)
        self.collected: list[tuple] | dict = []
        # --timings: the seconds per label a worker spent since its last report
        self.timings: dict[str, float] | None = None
        # what the run's statistics need of the document (scrapelint.stats.DocProfile)
        self.profile: tuple | None = None


class Summary:
    def __init__(self, files: int = 0) -> None:
        self.files = files
        self.by_severity: Counter = Counter()
        self.fixable_by_rule: Counter = Counter()
        self.documents_with_findings = 0
        self.fixed = 0
        self.errors = 0
        self.baselined = 0  # findings dropped because the baseline knows them
        self.stats = RunStats()  # per rule, domain and field (scrapelint.stats)
        self.gate: list = []  # scrapelint.gate.CapResult of each --max-share cap, once evaluated

    # The run's statistics count the documents and, per rule, the findings,
    # the documents with at least one finding of the rule and its name.
    @property
    def documents(self) -> int:
        return self.stats.documents

    @property
    def by_rule(self) -> Counter:
        return self.stats.findings

    @property
    def documents_by_rule(self) -> Counter:
        return self.stats.rule_documents

    @property
    def names(self) -> dict[str, str]:
        return self.stats.names

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def fixable(self) -> int:
        return sum(self.fixable_by_rule.values())

    def add(self, result: DocResult) -> None:
        self.stats.add(result)
        self.fixed += result.fixed
        self.errors += len(result.errors)
        if result.findings:  # a dataset-wide result speaks of several documents
            self.documents_with_findings += len({(f.path, f.record) for f in result.findings}) if not result.documents else 1
        for f in result.findings:
            self.by_severity[f.severity] += 1
            if f.fix is not None:
                self.fixable_by_rule[f.code] += 1
