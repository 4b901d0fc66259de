"""What the pipeline integrations share: which findings fail a document, and
a finding as plain data for a document's metadata."""

from __future__ import annotations

from typing import Any, Iterable

from scrapelint.findings import Finding, Severity


def as_metadata(finding: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data, with the same keys every time (a
    Parquet writer infers one schema for all the rows)."""
    return {"code": finding.code, "name": finding.name, "severity": str(finding.severity),
            "message": finding.message, "line": finding.line}


def failing(findings: Iterable[Finding], fail_on: Severity) -> list[Finding]:
    """The findings at or above `fail_on`, the most severe first (then by
    code), so that the first names the document's worst problem."""
    return sorted((f for f in findings if f.severity >= fail_on), key=lambda f: (-f.severity, f.code))
