"""Output formats.  A reporter streams: `start()`, then `document(result)`
once per document in input order, then `finish(summary)`.  Nothing is
held in memory but counters, so a report on millions of records stays flat.

Built in: text, json, sarif, github, html.  A plugin adds a format by returning
`{"name": ReporterClass}` from the `scrapelint_reporters` hook.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from scrapelint.findings import Finding, Severity
from scrapelint.plugin import hookimpl
from scrapelint.stats import RunStats

if TYPE_CHECKING:
    from scrapelint.engine import DocResult
    from scrapelint.rule import Rule


@dataclass
class ReportContext:
    rules: list[type["Rule"]]  # every enabled rule, for SARIF's rule table
    repo_root: Path | None = None  # SARIF URIs are relative to it
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    fix_mode: str | None = None  # "fix", "diff" or None
    max_examples: int | None = None  # text: dataset-record findings shown per rule (None: all)


@dataclass
class Summary:
    files: int = 0
    documents: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    documents_by_rule: Counter = field(default_factory=Counter)  # documents with at least one finding of a rule
    fixable_by_rule: Counter = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    documents_with_findings: int = 0
    fixed: int = 0
    errors: int = 0
    baselined: int = 0  # findings dropped because the baseline knows them
    stats: RunStats = field(default_factory=RunStats)  # per rule, domain and field (scrapelint.stats)
    gate: list = field(default_factory=list)  # scrapelint.gate.CapResult of each --max-share cap, once evaluated

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def fixable(self) -> int:
        return sum(self.fixable_by_rule.values())

    def add(self, result: "DocResult") -> None:
        self.stats.add(result)
        self.documents += result.documents
        self.fixed += result.fixed
        self.errors += len(result.errors)
        if result.findings:  # a dataset-wide result speaks of several documents
            self.documents_with_findings += len({(f.path, f.record) for f in result.findings}) if not result.documents else 1
        if result.documents:
            self.documents_by_rule.update({f.code for f in result.findings})
        else:  # a dataset-wide result: one finding per document concerned
            self.documents_by_rule.update(f.code for f in result.findings)
        for f in result.findings:
            self.by_severity[f.severity] += 1
            self.by_rule[f.code] += 1
            self.names[f.code] = f.name
            if f.fix is not None:
                self.fixable_by_rule[f.code] += 1


class Reporter:
    context_lines = 0  # > 0: the engine attaches each finding's lines and this many either side

    def __init__(self, stream: IO[str], context: ReportContext) -> None:
        self.stream = stream
        self.context = context

    def start(self) -> None:
        pass

    def document(self, result: "DocResult") -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def fix_to_dict(finding: Finding) -> dict | None:
    if finding.fix is None:
        return None
    return {
        "message": finding.fix.message,
        "safe": finding.fix.safe,
        "edits": finding.extra.get("edits", []),
    }


@hookimpl
def scrapelint_reporters():
    from scrapelint.reporters.github import GithubReporter
    from scrapelint.reporters.html import HtmlReporter
    from scrapelint.reporters.json import JsonReporter
    from scrapelint.reporters.jsonl import JsonlReporter
    from scrapelint.reporters.sarif import SarifReporter
    from scrapelint.reporters.text import TextReporter

    return {"text": TextReporter, "json": JsonReporter, "jsonl": JsonlReporter, "sarif": SarifReporter,
            "github": GithubReporter, "html": HtmlReporter}


__all__ = ["Reporter", "ReportContext", "Summary", "Severity", "plural", "fix_to_dict"]
