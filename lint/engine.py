"""The engine: one configuration's selected rules, run on one document.

`Linter.lint(doc)` gives a document's findings (suppressions applied,
fingerprints added) and `Linter.collect(doc)` what the dataset rules gather
from it.  A rule that crashes on a document is an error line, never the end
of the run.  The run over many inputs (targets, the process pool, fixes,
the baseline, the summary) is `scrapelint.runner`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from scrapelint.config import Config, ConfigError
from scrapelint.digests import sha256
from scrapelint.document import Document
from scrapelint.findings import Finding, Severity
from scrapelint.guard import BUDGET, BudgetExceeded, failure_trace, internal_error
from scrapelint.plugin import get_plugin_manager
from scrapelint.readers import ReadSettings
from scrapelint.rule import DatasetRule, DocRef, RegistryError, Rule, get_registry
from scrapelint.safeload import Limits
from scrapelint.stats import field_of
from scrapelint import ignore_comments, timings


class RunOptions(NamedTuple):
    """What the command line adds to each configuration (picklable)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    timings: bool = False  # --timings: every worker times its rules and analyses
    context_lines: int = 0  # > 0: each finding carries its lines and this many around them (the HTML report)
    learn: bool = False  # the first pass of a run whose rules learn from it (DS004): collect only
    learned: tuple = ()  # (rule code, what it learned) pairs, for the second pass
    # the real folders a run may read and fix; links out of them are not followed
    roots: tuple[str, ...] = ()
    follow_outside_links: bool = False
    fingerprints: bool = True  # False when neither the format nor a baseline uses them
    # a format whose text for a document the workers of a parallel run write
    # (`Reporter.document_text`), so the main process only copies it
    rendered_format: str | None = None


def _rule_options(cls: type[Rule], values: dict, where: str):
    """A rule's options: the defaults when none are given (no pydantic),
    else validated, a bad value a ConfigError."""
    if not values:
        return cls.Options.from_config(values)
    from pydantic import ValidationError

    try:
        return cls.Options.from_config(values)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"{where}: invalid value for `rules.{cls.code}.{key}`: {err['msg']}") from None


class Linter:
    """The selected, configured rules of one configuration."""

    def __init__(self, config: Config, options: RunOptions = RunOptions()) -> None:
        self.config = config
        self.options = options
        s = config.settings
        registry = self.registry = get_registry()
        where = config.describe()
        try:
            select = list(options.select) if options.select is not None else s.select
            classes = registry.select(select, [*s.extend_select, *options.extend_select], [*s.ignore, *options.ignore])
        except RegistryError as exc:
            raise ConfigError(f"{where}: {exc}") from None

        rule_options: dict[str, dict] = {}
        for key, values in s.rules.items():
            rule = registry.lookup(key)
            if rule is None:
                raise ConfigError(f"{where}: `rules.{key}`: unknown rule; `scrapelint rules` lists them")
            rule_options[rule.code] = {**rule_options.get(rule.code, {}), **values}
        severities: dict[str, Severity] = {}
        for key, value in s.severity.items():
            rule = registry.lookup(key)
            if rule is None:
                raise ConfigError(f"{where}: `severity.{key}`: unknown rule; `scrapelint rules` lists them")
            severities[rule.code] = Severity.parse(value)

        self.rules: list[Rule] = []
        for cls in classes:
            rule = cls(_rule_options(cls, rule_options.get(cls.code, {}), where), severities.get(cls.code))
            rule.setup(config)
            self.rules.append(rule)
        self.unreadable_rules = [r for r in self.rules if r.checks_unreadable]
        self.dataset_rules = [r for r in self.rules if isinstance(r, DatasetRule) and not r.learns]
        self.doc_rules = [r for r in self.rules if not isinstance(r, DatasetRule) or r.learns]
        # whether plugins check after a document's rules (SL001); never in the learning pass
        self.post_checks = bool(get_plugin_manager().hook.scrapelint_post_check.get_hookimpls()) and not options.learn
        learned = dict(options.learned)
        self.learning_rules = [r for r in self.rules if isinstance(r, DatasetRule) and r.learns]
        for rule in self.learning_rules:
            rule.knowledge = learned.get(rule.code)
        if options.learn:  # the first pass: the learning rules collect, nothing reports
            self.dataset_rules, self.doc_rules, self.unreadable_rules = self.learning_rules, [], []
        self.active_codes = {r.code for r in self.rules}
        for rule in self.rules:
            rule.active_codes = frozenset(self.active_codes)
        self.time_budget = s.time_budget
        self.read_settings = ReadSettings(max_file_size=s.max_file_size, field_map=dict(s.fields),
                                          limits=Limits(s.max_yaml_nodes, s.max_nesting_depth))

        self.per_file_ignores = []
        for pattern, selectors in s.per_file_ignores.items():
            import pathspec  # only when there are per-file ignores: a one-file run does not pay for it

            try:
                codes = {r.code for sel in selectors for r in registry.resolve(sel)}
            except RegistryError as exc:
                raise ConfigError(f"{where}: `per-file-ignores.{pattern}`: {exc}") from None
            self.per_file_ignores.append((pathspec.GitIgnoreSpec.from_lines([pattern]), codes))

    # -- one document ------------------------------------------------------------

    def ignored_codes(self, path: str) -> set[str]:
        if not self.per_file_ignores:
            return set()
        # the path as given (a link is matched by its own name, not its
        # target's), through the real folders the configuration root names
        absolute = os.path.abspath(path)
        real = os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))
        try:
            rel = Path(real).relative_to(self.config.root).as_posix()
        except ValueError:
            rel = path
        out: set[str] = set()
        for spec, codes in self.per_file_ignores:
            if spec.match_file(rel):
                out |= codes
        return out

    def lint(self, doc: Document, ignored: set[str] | None = None) -> tuple[list[Finding], list[str]]:
        """Findings of every selected rule on one document, suppressions applied."""
        rules = self.unreadable_rules if doc.unreadable else self.doc_rules
        findings: list[Finding] = []
        errors: list[str] = []
        if self.learning_rules and not doc.unreadable and not self.options.learn:
            self._prepare(doc, errors)
        failed: list[Finding] = []  # SL002: never suppressed
        timer = timings.TIMER
        rule = None
        BUDGET.start(self.time_budget)
        try:
            for rule in rules:
                if ignored and rule.code in ignored:
                    continue
                if timer is not None:
                    timer.start(timings.rule_label(rule))
                try:
                    findings.extend(rule.check(doc))
                except Exception as exc:
                    failed.append(internal_error(doc, rule, f"raised {type(exc).__name__}: {exc}"))
                finally:
                    if timer is not None:
                        timer.stop()
        except BudgetExceeded:
            failed.append(internal_error(doc, rule, f"ran past the time budget of {self.time_budget:g} s of CPU "
                                         "on this document (raise `time-budget` for very large documents)"))
        finally:
            BUDGET.stop()
        if timer is None:
            return self._finish(doc, findings, failed, errors, ignored)
        with timer.measure("stage: findings (suppressions, sort, fingerprints)"):
            return self._finish(doc, findings, failed, errors, ignored)

    def _finish(self, doc: Document, findings: list[Finding], failed: list[Finding], errors: list[str],
                ignored: set[str] | None) -> tuple[list[Finding], list[str]]:
        suppressions = []
        if doc.text is not None and "scrapelint:" in doc.text:
            suppressions = ignore_comments.parse(doc.text)
            ignore_comments.apply(findings, suppressions)
        if self.post_checks:
            rules = [r for r in self.rules if r.code not in ignored] if ignored else self.rules
            post_check = get_plugin_manager().hook.scrapelint_post_check
            for more in post_check(doc=doc, findings=findings, suppressions=suppressions, rules=rules):
                findings.extend(more)
        findings = [f for f in findings if not f.suppressed]
        findings.extend(failed)
        findings.sort(key=Finding.sort_key)
        if findings:
            annotate(doc, findings, self.options.context_lines, self.options.fingerprints)
            for f in findings:
                if "field" not in f.extra:
                    f.extra["field"] = field_of(doc, f)
        return findings, errors


    def _prepare(self, doc: Document, errors: list[str]) -> None:
        """What the learning rules know, marked on the document for every rule."""
        for rule in self.learning_rules:
            try:
                rule.prepare(doc)
            except Exception:
                errors.append(f"rule {rule.code} ({rule.name}) failed on {doc.display_name}:\n"
                              + failure_trace())

    def collect(self, doc: Document, ignored: set[str] | None = None) -> tuple[list[tuple], list[str]]:
        """What each dataset rule gathers from one document: (rule code, value,
        DocRef) triples for the end of the run.  Kept apart from `lint`, so a
        long-lived linter holds nothing between documents."""
        collected: list[tuple] = []
        errors: list[str] = []
        if not self.dataset_rules or doc.unreadable:
            return collected, errors
        timer = timings.TIMER
        for rule in self.dataset_rules:
            if ignored and rule.code in ignored:
                continue
            if timer is not None:
                timer.start(timings.rule_label(rule))
            try:
                got = rule.collect(doc)
            except Exception:
                errors.append(f"rule {rule.code} ({rule.name}) failed on {doc.display_name}:\n"
                              + failure_trace())
                continue
            finally:
                if timer is not None:
                    timer.stop()
            if got is not None:
                value, line = got
                collected.append((rule.code, value, DocRef(doc.path, doc.record, doc.record_line if doc.is_record else line)))
        return collected, errors


def _position(text: str, offset: int) -> dict[str, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return {"line": text.count("\n", 0, offset) + 1, "column": offset - line_start + 1, "offset": offset}


def _line_text(doc: Document, line: int) -> str:
    """Text of a file line, from the shared body lines when it is in the body."""
    index = line - doc.body_start_line
    if index >= 0:
        return doc.lines[index] if index < len(doc.lines) else ""
    text = doc.text or ""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def annotate(doc: Document, findings: list[Finding], context_lines: int = 0, fingerprints: bool = True) -> None:
    """Add what reporters need and cannot compute without the document.

    A fingerprint: a line-independent identity for each finding (rule, file,
    record and the text of its line, not its number), so it survives edits
    elsewhere in the file; SARIF's partialFingerprints and baselines use it.
    The line and column of each fix edit, for JSON and SARIF.  With
    `context_lines`, the finding's lines and that many around them.  Without
    `fingerprints` (a text or GitHub report, no baseline) no fingerprint."""
    if context_lines > 0 and not doc.unreadable:
        for f in findings:
            context = source_context(doc, f, context_lines)
            if context is not None:
                f.extra["context"] = context
    if doc.text is not None:
        for f in findings:
            if f.fix is not None:
                f.extra["edits"] = [{"start": _position(doc.text, e.start), "end": _position(doc.text, e.end),
                                     "content": e.replacement} for e in f.fix.edits]
    if not fingerprints:
        return
    seen: dict[str, int] = {}
    contexts: dict[int, str] = {}  # several rules often report the same line
    for f in findings:
        context = ""
        if doc.text is not None and f.line:
            context = contexts.get(f.line)
            if context is None:
                context = contexts[f.line] = " ".join(_line_text(doc, f.line).split())
        elif doc.is_record:
            context = f.message
        base = f"{f.code}\0{f.path}\0{f.record or ''}\0{context}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        f.extra["fingerprint"] = sha256(f"{base}\0{n}".encode()).hexdigest()[:32]


CONTEXT_BLOCK_LINES = 8  # a longer flagged block shows its first and last lines
CONTEXT_LINE_CHARS = 240


def source_context(doc: Document, f: Finding, around: int) -> dict | None:
    """The lines of a finding with `around` lines either side, bounded in
    size: {"lines": [(number, text), ...], "flagged": (first, last),
    "skipped": (after line, count) or None}.  Numbers are file lines, or
    body lines for a dataset record."""
    span = f.extra.get("body_span") if f.record is not None else (f.line, f.end_line or f.line) if f.line else None
    if not span:
        return None
    total = doc.body_start_line + len(doc.lines) - 1
    first = span[0]
    last = min(max(first, span[1] or first), total)
    if first > total:
        return None
    numbers = list(range(max(1, first - around), min(total, last + around) + 1))
    skipped = None
    if last - first + 1 > CONTEXT_BLOCK_LINES:
        cut_from, cut_to = first + CONTEXT_BLOCK_LINES // 2, last - CONTEXT_BLOCK_LINES // 2 + 2  # [from, to) left out
        numbers = [n for n in numbers if not cut_from <= n < cut_to]
        skipped = (cut_from - 1, cut_to - cut_from)
    lines = []
    for n in numbers:
        text = _line_text(doc, n)
        lines.append((n, text if len(text) <= CONTEXT_LINE_CHARS else text[:CONTEXT_LINE_CHARS] + "…"))
    return {"lines": lines, "flagged": (first, last), "skipped": skipped}
