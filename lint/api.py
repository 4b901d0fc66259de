"""The Python API: lint scraped articles from inside a pipeline.

After sqlfluff's `sqlfluff.api.simple`: plain functions for one-off use and a
`Linter` for long-lived use (a scraper, a dataset job), which builds its rules
once and keeps nothing between documents.

    >>> import scrapelint
    >>> findings = scrapelint.lint_text("---\\ntitle: Hello | Example News\\n---\\n\\nText.\\n")
    >>> [f.code for f in findings]
    [...]

`config` is a path to a `scrapelint.toml` / `pyproject.toml`, a mapping with
the keys of `[tool.scrapelint]` (`{"select": ["DT"], "rules": {...}}`), or
None for the defaults.  `select` and `ignore` work as on the command line.
A bad configuration raises `ConfigError`, an unknown rule `RegistryError`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, NamedTuple, Sequence, Union

from scrapelint.config import (
    Config,
    ConfigError,
    load_config,
    load_settings,
    plugin_defaults,
)
from scrapelint.document import Document
from scrapelint.engine import Linter as _Engine
from scrapelint.engine import RunOptions
from scrapelint.findings import Finding, Severity
from scrapelint.readers import ReadSettings
from scrapelint.results import DocResult

ConfigLike = Union[str, "os.PathLike[str]", Mapping[str, Any], None]

__all__ = ["Linter", "RuleInfo", "RuleError", "lint_text", "lint_record", "lint_paths", "fix_text", "list_rules"]


class RuleError(RuntimeError):
    """A rule crashed on the document (a bug in the rule: the message has
    its traceback).  The command line reports it and exits 2."""


class RuleInfo(NamedTuple):
    """One rule, as `scrapelint rules` lists it."""

    code: str
    name: str
    family: str
    summary: str
    severity: str
    fixable: bool
    default_enabled: bool


def _config(config: ConfigLike) -> Config:
    if config is None:
        return load_config(None)
    if isinstance(config, Mapping):
        return Config(load_settings(dict(config), "(config mapping)", plugin_defaults()), None, Path.cwd())
    path = Path(config)
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    return load_config(path)


def _options(select: Sequence[str] | None, ignore: Sequence[str], **more: bool) -> RunOptions:
    if isinstance(select, str) or isinstance(ignore, str):
        raise TypeError("select and ignore take a list of codes, prefixes or names, e.g. ['DT', 'TI001']")
    return RunOptions(select=tuple(select) if select is not None else None, ignore=tuple(ignore), **more)


class Linter:
    """Configured rules, built once, to lint many documents.

    Thread-unsafe by design (like a regex match object it is cheap to make
    one per thread); nothing is kept between calls, so memory stays flat
    however many documents it sees."""

    def __init__(self, *, config: ConfigLike = None, select: Sequence[str] | None = None,
                 ignore: Sequence[str] = (), unsafe_fixes: bool = False) -> None:
        self._config = _config(config)
        self._engine = _Engine(self._config, _options(select, ignore, unsafe_fixes=unsafe_fixes))
        self._read = ReadSettings(max_file_size=self._config.settings.max_file_size,
                                  field_map=dict(self._config.settings.fields))

    @property
    def codes(self) -> list[str]:
        """The codes of the enabled rules."""
        return [rule.code for rule in self._engine.rules]

    @property
    def fail_on(self) -> Severity:
        """The lowest severity that fails a document: the configuration's
        `fail-on` (warning by default), as the command line's exit code."""
        return Severity.parse(self._config.settings.fail_on)

    def _findings(self, doc: Document) -> list[Finding]:
        findings, errors = self._engine.lint(doc, self._engine.ignored_codes(doc.path) if doc.path != "-" else None)
        if errors:
            raise RuleError("\n".join(errors))
        return findings

    def lint_text(self, text: str, *, path: str | None = None) -> list[Finding]:
        """The findings on one Markdown document (front matter and body)."""
        from scrapelint.readers.markdown import parse_markdown_text

        return self._findings(parse_markdown_text(text, path or "-", self._read.field_map))

    def lint_record(self, record: Mapping[str, Any], *, path: str | None = None,
                    fields: Mapping[str, str] | None = None) -> list[Finding]:
        """The findings on one dataset record (a JSON object or Parquet row);
        `fields` maps canonical fields to the record's keys ({"body": "text"}),
        on top of the configuration's `fields`."""
        from scrapelint.readers.records import record_document

        settings = self._read if not fields else ReadSettings(self._read.max_file_size, {**self._read.field_map, **fields})
        return self._findings(record_document(dict(record), path or "-", None, 1, settings))

    def fix_text(self, text: str, *, path: str | None = None) -> tuple[str, list[Finding]]:
        """The text with the safe fixes applied (and the unsafe ones if the
        linter was made with `unsafe_fixes=True`), and the findings left."""
        from scrapelint.readers import reparse_markdown
        from scrapelint.readers.markdown import parse_markdown_text
        from scrapelint.units import fix_document

        doc = parse_markdown_text(text, path or "-", self._read.field_map)
        findings = self._findings(doc)
        fixed = fix_document(self._engine, doc, findings, None, reparse_markdown)
        if fixed.errors:
            raise RuleError("\n".join(fixed.errors))
        return fixed.text, fixed.findings


def lint_text(text: str, *, path: str | None = None, config: ConfigLike = None,
              select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> list[Finding]:
    """The findings on a Markdown document given as a string."""
    return Linter(config=config, select=select, ignore=ignore).lint_text(text, path=path)


def lint_record(record: Mapping[str, Any], *, fields: Mapping[str, str] | None = None, path: str | None = None,
                config: ConfigLike = None, select: Sequence[str] | None = None,
                ignore: Sequence[str] = ()) -> list[Finding]:
    """The findings on one dataset record given as a mapping."""
    return Linter(config=config, select=select, ignore=ignore).lint_record(record, path=path, fields=fields)


def fix_text(text: str, *, path: str | None = None, config: ConfigLike = None,
             select: Sequence[str] | None = None, ignore: Sequence[str] = (),
             unsafe_fixes: bool = False) -> tuple[str, list[Finding]]:
    """(the fixed text, the findings left on it)."""
    linter = Linter(config=config, select=select, ignore=ignore, unsafe_fixes=unsafe_fixes)
    return linter.fix_text(text, path=path)


def lint_paths(paths: Iterable[str | os.PathLike[str]], *, jobs: int | None = None, config: ConfigLike = None,
               select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> Iterator[DocResult]:
    """Each document's result (`.display`, `.findings`, `.errors`) for files,
    folders and datasets, in input order, on `jobs` processes (default: all
    cores), as `scrapelint check` reads them; dataset rules (DS) give one
    more result at the end.  `config` None discovers each path's closest
    configuration file, as the command line does."""
    from scrapelint.runner import Run

    if isinstance(config, Mapping):
        raise TypeError("lint_paths takes a configuration file (or None to discover them), not a mapping")
    run = Run([os.fspath(p) for p in paths], _options(select, ignore),
              config_file=os.fspath(config) if config is not None else None, jobs=jobs)
    yield from run.results()


def list_rules() -> list[RuleInfo]:
    """Every known rule (built in and from plugins), by code."""
    from scrapelint.rule import get_registry

    return [RuleInfo(r.code, r.name, r.family(), r.summary(), str(r.severity), r.fixable, r.default_enabled)
            for r in get_registry()]
