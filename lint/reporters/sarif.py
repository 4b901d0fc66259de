"""SARIF 2.1.0, for GitHub code scanning and any SARIF viewer.

What GitHub and the OASIS schema ask for, as ruff's emitter does it:
repo-relative `uri`s with `uriBaseId` `%SRCROOT%`; every enabled rule in
`tool.driver.rules` with descriptions and help; `level` on each result and
`properties.problem.severity` on each rule (never `security-severity`);
a line-independent fingerprint of our own under `partialFingerprints`
(GitHub computes `primaryLocationLineHash` itself); fixes as
`fixes[].artifactChanges[].replacements`.  Messages end with a period
(SARIF2001).  Streamed: results are written as documents are checked.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from scrapelint import __version__
from scrapelint.findings import Severity
from scrapelint.reporters import Reporter, Summary
from scrapelint.reporters.json import encode

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/scrapelint/"
FINGERPRINT_KEY = "scrapelint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}
_PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "recommendation"}


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def pascal(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[-_]", name))


def find_repo_root(start: Path) -> Path:
    """The enclosing git work tree, else the working directory."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return start


def rule_descriptor(rule) -> dict:
    doc = rule.documentation()
    return {
        "id": rule.code,
        "name": pascal(rule.name),
        "shortDescription": {"text": sentence(rule.summary())},
        "fullDescription": {"text": sentence(" ".join(doc.split("\n\n", 1)[-1].split()) if "\n\n" in doc else rule.summary())},
        "help": {"text": sentence(doc), "markdown": sentence(doc)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "tags": [rule.family(), rule.name],
            "problem.severity": _PROBLEM_SEVERITY[rule.severity],
        },
    }


class SarifReporter(Reporter):
    def start(self) -> None:
        self.root = self.context.repo_root or find_repo_root(Path.cwd())
        self.rules = sorted({r.code: r for r in self.context.rules}.values(), key=lambda r: r.code)
        self.index = {r.code: i for i, r in enumerate(self.rules)}
        self._uris: dict[str, str] = {}
        self._first = True
        head = {"$schema": SCHEMA_URI, "version": "2.1.0"}
        self.stream.write(json.dumps(head)[:-1] + ', "runs": [{"results": [')

    def uri(self, path: str) -> str:
        cached = self._uris.get(path)
        if cached is None:
            if path == "-":
                cached = "stdin"
            else:
                # the path as reported (a link by its own name, never its target's)
                absolute = os.path.abspath(path)
                real_dir = os.path.realpath(os.path.dirname(absolute))
                rel = os.path.relpath(os.path.join(real_dir, os.path.basename(absolute)), self.root)
                cached = quote(Path(rel).as_posix(), safe="/-._~")
            self._uris[path] = cached
        return cached

    def _region(self, f) -> dict:
        region = {"startLine": f.line}
        if f.column:
            region["startColumn"] = f.column
        if f.end_line and f.end_line >= f.line:
            region["endLine"] = f.end_line
        if f.end_column and f.column and (f.end_line or f.line) >= f.line:
            if (f.end_line or f.line) > f.line or f.end_column > f.column:
                region["endColumn"] = f.end_column
        return region

    def document(self, result) -> None:
        if not result.findings:
            return
        results = []
        for f in result.findings:
            location = {"artifactLocation": {"uri": self.uri(f.path), "uriBaseId": "%SRCROOT%"}}
            if f.line:
                location["region"] = self._region(f)
            res = {
                "ruleId": f.code,
                "ruleIndex": self.index[f.code],
                "level": _LEVEL[f.severity],
                "message": {"text": sentence(f.message)},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {FINGERPRINT_KEY: f.extra.get("fingerprint", "")},
            }
            if f.record is not None:
                res["properties"] = {"record": f.record}
            if f.fix is not None and f.extra.get("edits"):
                res["fixes"] = [{
                    "description": {"text": sentence(f.fix.message)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": self.uri(f.path), "uriBaseId": "%SRCROOT%"},
                        "replacements": [{
                            "deletedRegion": {"startLine": e["start"]["line"], "startColumn": e["start"]["column"],
                                              "endLine": e["end"]["line"], "endColumn": e["end"]["column"]},
                            "insertedContent": {"text": e["content"]},
                        } for e in f.extra["edits"]],
                    }],
                }]
            results.append(res)
        # one encoder call per document (its set-up costs more than a result)
        self.stream.write(("\n" if self._first else ",\n") + encode(results)[1:-1])
        self._first = False

    def finish(self, summary: Summary) -> None:
        tail = {
            "tool": {"driver": {
                "name": "scrapelint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(r) for r in self.rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": self.root.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
        }
        self.stream.write("\n], " + json.dumps(tail, ensure_ascii=False)[1:-1] + "}]}\n")
