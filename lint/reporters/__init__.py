"""Output formats.  A reporter streams: `start()`, then `document(result)`
once per document in input order, then `finish(summary)`.  Nothing is
held in memory but counters, so a report on millions of records stays flat.

Built in: text, json, sarif, github, html.  A plugin adds a format by returning
`{"name": ReporterClass}` from the `scrapelint_reporters` hook.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from scrapelint.findings import Finding, Severity
from scrapelint.plugin import hookimpl
from scrapelint.results import DocResult, Summary

if TYPE_CHECKING:
    from scrapelint.rule import Rule


class ReportContext(NamedTuple):
    rules: list[type["Rule"]]  # every enabled rule, for SARIF's rule table
    repo_root: Path | None = None  # SARIF URIs are relative to it
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    fix_mode: str | None = None  # "fix", "diff" or None
    max_examples: int | None = None  # text: dataset-record findings shown per rule (None: all)


class Reporter:
    context_lines = 0  # > 0: the engine attaches each finding's lines and this many either side
    # Whether the format prints each finding's fingerprint; when neither it
    # nor a baseline needs them, the workers do not compute them.
    uses_fingerprints = True
    # A format whose text for a document depends on that document alone sets
    # `document_text` to a static method of the result giving that text; a parallel run's
    # workers then call it, and `document` writes `result.rendered` when set.
    document_text = None

    def __init__(self, stream: IO[str], context: ReportContext) -> None:
        self.stream = stream
        self.context = context

    def start(self) -> None:
        pass

    def text_of(self, result: DocResult) -> str:
        """`document_text(result)`, or what a worker already wrote of it."""
        return result.rendered if result.rendered is not None else self.document_text(result)

    def document(self, result: DocResult) -> None:
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
    # as import paths: a run imports only the format it writes (the HTML
    # report's module alone cost a one-file run more than its JSON output)
    return {"text": "scrapelint.reporters.text:TextReporter", "json": "scrapelint.reporters.json:JsonReporter",
            "jsonl": "scrapelint.reporters.jsonl:JsonlReporter", "sarif": "scrapelint.reporters.sarif:SarifReporter",
            "github": "scrapelint.reporters.github:GithubReporter", "html": "scrapelint.reporters.html:HtmlReporter"}


def reporter_class(name: str) -> type[Reporter] | None:
    """The reporter registered for the format `name`, imported now if it was
    registered as a `module:Class` path; None when no plugin has the format."""
    found = formats().get(name)
    if isinstance(found, str):
        import importlib

        module, _, attribute = found.partition(":")
        found = getattr(importlib.import_module(module), attribute)
    return found


def formats() -> dict[str, type[Reporter] | str]:
    """Every format the plugins register: a reporter class or its
    `module:Class` path."""
    from scrapelint.plugin import get_plugin_manager

    registered: dict = {}
    for batch in get_plugin_manager().hook.scrapelint_reporters():
        registered.update(batch or {})
    return registered


__all__ = ["Reporter", "ReportContext", "Summary", "Severity", "plural", "fix_to_dict", "reporter_class", "formats"]
