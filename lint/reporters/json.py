"""The JSON report, version 1 (documented in docs/output.md).

Streamed: the `findings` array is written as documents are checked, the
`summary` last.
"""

from __future__ import annotations

import json

from scrapelint import __version__
from scrapelint.findings import Severity
from scrapelint.reporters import Reporter, Summary, fix_to_dict

FORMAT_VERSION = 1
# compact, as orjson writes: the two give the same text for what the
# reports encode per document (strings, integers, booleans, None)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_SEVERITY_NAME = {s: str(s) for s in Severity}
STANDARD_FIRST = 50  # values encoded by the standard encoder before orjson takes over (see `Encoder`)


class Encoder:
    """Compact JSON text: the standard encoder's for the first
    `STANDARD_FIRST` values, orjson's after them (the same text).  orjson
    encodes a page's findings 9x faster (0.17 M instructions for five), but
    importing it costs 8-16 M (it imports uuid, platform and dataclasses):
    more than a pre-commit run on a few files spends encoding.  A long run
    pays for it after its first values."""

    def __init__(self) -> None:
        self.encoded = 0  # values encoded so far

    def encode(self, value) -> str:
        """`value` as compact JSON text.  A lone surrogate (from a file read
        with `surrogateescape`) is not UTF-8, which orjson refuses; the
        standard encoder escapes it."""
        self.encoded += 1
        if self.encoded <= STANDARD_FIRST:
            return _ENCODER.encode(value)
        import orjson

        try:
            return orjson.dumps(value).decode()
        except TypeError:  # orjson.JSONEncodeError
            return _ENCODER.encode(value)


# The process's encoder, shared by every report it writes (JSON, JSONL and
# SARIF, and a pool worker's text, `Reporter.document_text`): orjson's import
# is paid once a process, so what the whole process has encoded decides
# when it is worth it.
PROCESS_ENCODER = Encoder()
encode = PROCESS_ENCODER.encode


def finding_to_dict(f) -> dict:
    return {
        "code": f.code,
        "name": f.name,
        "severity": _SEVERITY_NAME[f.severity],
        "message": f.message,
        "path": f.path,
        "record": f.record,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "fix": fix_to_dict(f),
        "fingerprint": f.extra.get("fingerprint"),
        "field": f.extra.get("field"),
    }


def document_text(result) -> str:
    """A document's findings as the report's array items (one encoder call
    per document, not per finding: its set-up cost more than the rule that
    found it)."""
    return encode([finding_to_dict(f) for f in result.findings])[1:-1]


class JsonReporter(Reporter):
    document_text = staticmethod(document_text)

    def start(self) -> None:
        head = {"version": FORMAT_VERSION, "tool": {"name": "scrapelint", "version": __version__}}
        self.stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "findings": [')
        self._first = True

    def document(self, result) -> None:
        if not result.tally:
            return
        self.stream.write(("\n  " if self._first else ",\n  ") + self.text_of(result))
        self._first = False

    def finish(self, summary: Summary) -> None:
        data = {
            "files": summary.files,
            "documents": summary.documents,
            "documents_with_findings": summary.documents_with_findings,
            "findings": summary.total,
            "by_severity": {str(k): v for k, v in sorted(summary.by_severity.items(), reverse=True)},
            "by_rule": {code: {"name": summary.names[code], "count": n, "documents": summary.documents_by_rule[code],
                               "fixable": summary.fixable_by_rule.get(code, 0)}
                        for code, n in sorted(summary.by_rule.items())},
            "fixed": summary.fixed,
            "errors": summary.errors,
            "baselined": summary.baselined,
            "statistics": summary.stats.to_dict(),
            "gate": [cap.to_dict() for cap in summary.gate],
        }
        self.stream.write(("\n" if not self._first else "") + '], "summary": ' + json.dumps(data, ensure_ascii=False) + "}\n")
