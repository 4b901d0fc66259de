"""What a run produces: one result per document, and the summary of them all.

Plain data shared by the runner (which makes them) and the reporters (which
print them), so neither has to import the other.
"""

from __future__ import annotations

from collections import Counter

from scrapelint.findings import Finding, Severity
from scrapelint.stats import RunStats


# Written out rather than made by @dataclass, which compiles methods from
# source at import: start-up time of every one-file run (scrapelint.findings).
class DocResult:
    """One document's findings and what the run's accounting needs of it.

    A parallel run's main process needs little of a worker's findings: the
    accounting reads each finding's code, name, severity and whether it has
    a fix (`tally`), and a format whose text depends on the document alone
    (`Reporter.document_text`) has its text written by the worker
    (`rendered`).  So a result crosses processes with its findings pickled
    into one bytes object, unpickled only if something reads `findings`:
    most of what the main process spent per document went to unpickling
    them."""

    __slots__ = ("display", "_findings", "_packed", "_tally", "rendered", "fixed", "diff", "errors", "documents",
                 "collected", "timings", "profile")

    def __init__(self, display: str, findings: list[Finding], fixed: int = 0, diff: str | None = None,
                 errors: list[str] | None = None, documents: int = 1) -> None:
        self.display = display
        self._findings: list[Finding] | None = findings
        self._packed: bytes | None = None  # the findings, pickled, until something reads them
        self._tally: tuple | None = None
        self.rendered: str | None = None  # the report's text for it, from Reporter.document_text, if a worker wrote it
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

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            import pickle

            self._findings = pickle.loads(self._packed)
            self._packed = None
        return self._findings

    @findings.setter
    def findings(self, findings: list[Finding]) -> None:
        # what was derived from the old findings no longer holds (a baseline drops some)
        self._findings, self._packed, self._tally, self.rendered = findings, None, None, None

    @property
    def tally(self) -> tuple[tuple[str, str, Severity, bool], ...]:
        """(code, name, severity, has a fix) of each finding, in order."""
        if self._tally is None:
            self._tally = tuple((f.code, f.name, f.severity, f.fix is not None) for f in self.findings)
        return self._tally

    def __reduce__(self) -> tuple:
        packed = self._packed
        if packed is None and self._findings:
            import pickle

            packed = pickle.dumps(self._findings, protocol=pickle.HIGHEST_PROTOCOL)
        return (_unpickle_result, (self.display, packed, self.tally, self.rendered, self.fixed, self.diff, self.errors,
                                   self.documents, self.collected, self.timings, self.profile))


def _unpickle_result(display, packed, tally, rendered, fixed, diff, errors, documents, collected, timings, profile):
    result = DocResult(display, [] if packed is None else None, fixed, diff, errors, documents)
    result._packed, result._tally, result.rendered = packed, tally, rendered
    result.collected, result.timings, result.profile = collected, timings, profile
    return result


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
        tally = result.tally
        if tally:  # a dataset-wide result speaks of several documents
            self.documents_with_findings += len({(f.path, f.record) for f in result.findings}) if not result.documents else 1
        for code, _name, severity, fixable in tally:
            self.by_severity[severity] += 1
            if fixable:
                self.fixable_by_rule[code] += 1
