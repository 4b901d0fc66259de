"""The run: targets -> documents -> rules -> findings, in one pass, on all cores.

Work is cut into units (a chunk of files, or a chunk of a JSONL file's
lines) and handed to a process pool through a bounded window, so memory
stays flat however large the input, and results come back in input order
whatever `--jobs` is.  A rule that crashes on a document is an error line,
never the end of the run.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from scrapelint.config import Config, ConfigError
from scrapelint.document import Document
from scrapelint.findings import Finding, Severity
from scrapelint.readers import ReadSettings, Reader
from scrapelint.rule import DatasetRule, DocRef, RegistryError, Rule, get_registry
from scrapelint.stats import field_of, profile_of
from scrapelint import suppressions as sup_mod
from scrapelint import timings

FILES_PER_UNIT = 32
RECORDS_PER_UNIT = 256


@dataclass(frozen=True)
class RunOptions:
    """What the command line adds to each configuration (picklable)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    timings: bool = False  # --timings: every worker times its rules and analyses
    context_lines: int = 0  # > 0: each finding carries its lines and this many around them (the HTML report)


@dataclass
class DocResult:
    display: str
    findings: list[Finding]
    fixed: int = 0
    diff: str | None = None
    errors: list[str] = field(default_factory=list)
    documents: int = 1
    # (rule code, value, DocRef) for dataset rules, gathered by the main process
    collected: list[tuple] = field(default_factory=list)
    # --timings: the seconds per label a worker spent since its last report
    timings: dict[str, float] | None = None
    host: str = ""  # the source URL's host, for per-site statistics
    body_lines: int = 0
    # what the run's statistics need of the document (scrapelint.stats.DocProfile)
    profile: tuple | None = None


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

        from pydantic import ValidationError

        self.rules: list[Rule] = []
        for cls in classes:
            try:
                opts = cls.Options.model_validate(rule_options.get(cls.code, {}))
            except ValidationError as exc:
                err = exc.errors()[0]
                key = ".".join(str(p) for p in err["loc"])
                raise ConfigError(f"{where}: invalid value for `rules.{cls.code}.{key}`: {err['msg']}") from None
            rule = cls(opts, severities.get(cls.code))
            setup = getattr(rule, "setup", None)
            if setup is not None:
                setup(config)
            self.rules.append(rule)
        self.unreadable_rules = [r for r in self.rules if r.checks_unreadable]
        self.dataset_rules = [r for r in self.rules if isinstance(r, DatasetRule)]
        self.collected: list[tuple] = []
        self.last_facts: tuple[str, int] = ("", 0)  # (host, body lines) of the document linted last
        self.profile = None  # the last linted document's DocProfile
        self.doc_rules = [r for r in self.rules if not isinstance(r, (sup_mod.UnusedSuppression, DatasetRule))]
        self.unused_rule = next((r for r in self.rules if isinstance(r, sup_mod.UnusedSuppression)), None)
        self.active_codes = {r.code for r in self.rules}
        for rule in self.rules:
            rule.active_codes = frozenset(self.active_codes)
        self.read_settings = ReadSettings(max_file_size=s.max_file_size, field_map=dict(s.fields))

        import pathspec

        self.per_file_ignores = []
        for pattern, selectors in s.per_file_ignores.items():
            try:
                codes = {r.code for sel in selectors for r in registry.resolve(sel)}
            except RegistryError as exc:
                raise ConfigError(f"{where}: `per-file-ignores.{pattern}`: {exc}") from None
            self.per_file_ignores.append((pathspec.GitIgnoreSpec.from_lines([pattern]), codes))

    # -- one document ------------------------------------------------------------

    def ignored_codes(self, path: str) -> set[str]:
        if not self.per_file_ignores:
            return set()
        try:
            rel = Path(path).resolve().relative_to(self.config.root).as_posix()
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
        timer = timings.TIMER
        for rule in rules:
            if ignored and rule.code in ignored:
                continue
            if timer is not None:
                timer.start(timings.rule_label(rule))
            try:
                findings.extend(rule.check(doc))
            except Exception:
                errors.append(f"rule {rule.code} ({rule.name}) failed on {doc.display_name}:\n"
                              + traceback.format_exc(limit=-3))
            finally:
                if timer is not None:
                    timer.stop()
        if self.dataset_rules and not doc.unreadable:
            self._collect(doc, ignored, errors)
        if timer is None:
            return self._finish(doc, findings, errors, ignored)
        with timer.measure("stage: findings (suppressions, sort, fingerprints)"):
            return self._finish(doc, findings, errors, ignored)

    def _finish(self, doc: Document, findings: list[Finding], errors: list[str],
                ignored: set[str] | None) -> tuple[list[Finding], list[str]]:
        if doc.text is not None and "scrapelint:" in doc.text:
            sups = sup_mod.parse(doc.text)
            sup_mod.apply(findings, sups)
            if self.unused_rule is not None and (not ignored or self.unused_rule.code not in ignored):
                findings.extend(self.unused_rule.report(doc, sups, self.registry, self.active_codes))
        findings = [f for f in findings if not f.suppressed]
        findings.sort(key=Finding.sort_key)
        if findings:
            annotate(doc, findings, self.options.context_lines)
            for f in findings:
                if "field" not in f.extra:
                    f.extra["field"] = field_of(doc, f)
        self.last_facts = (doc.host, len(doc.lines))
        self.profile = profile_of(doc, findings)
        return findings, errors


    def _collect(self, doc: Document, ignored: set[str] | None, errors: list[str]) -> None:
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
                              + traceback.format_exc(limit=-3))
                continue
            finally:
                if timer is not None:
                    timer.stop()
            if got is not None:
                value, line = got
                self.collected.append((rule.code, value, DocRef(doc.path, doc.record, doc.record_line if doc.is_record else line)))

    def drain(self) -> list[tuple]:
        """The dataset-rule values gathered since the last call."""
        out, self.collected = self.collected, []
        return out


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


def annotate(doc: Document, findings: list[Finding], context_lines: int = 0) -> None:
    """Add what reporters need and cannot compute without the document.

    A fingerprint: a line-independent identity for each finding (rule, file,
    record and the text of its line, not its number), so it survives edits
    elsewhere in the file; SARIF's partialFingerprints and baselines use it.
    The line and column of each fix edit, for JSON and SARIF.  With
    `context_lines`, the finding's lines and that many around them."""
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
        f.extra["fingerprint"] = hashlib.sha256(f"{base}\0{n}".encode()).hexdigest()[:32]


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


# -- units of work --------------------------------------------------------------

_LINTERS: list[Linter] = []
_READERS: dict[str, Reader] = {}


def _init_worker(configs: list[Config], options: RunOptions) -> None:
    if options.timings and timings.TIMER is None:  # a spawned worker
        timings.enable()
    _LINTERS[:] = [Linter(c, options) for c in configs]
    _READERS.clear()
    _READERS.update(reader_table())


def reader_table() -> dict[str, Reader]:
    from scrapelint.plugin import get_plugin_manager

    table: dict[str, Reader] = {}
    for batch in reversed(get_plugin_manager().hook.scrapelint_readers()):
        for reader in batch or ():
            for suffix in reader.suffixes:
                table[suffix.lower()] = reader
    return table


def reader_for(path: Path) -> Reader:
    from scrapelint.readers import detect_format

    return detect_format(path, _READERS)


def _lint_markdown_file(linter: Linter, path: Path, display: str, ignored: set[str]) -> DocResult:
    from scrapelint.fixes import apply_edits, select_edits, unified_diff, write_atomic
    from scrapelint.readers import load_markdown
    from scrapelint.readers.markdown import parse_markdown_text

    doc = _timed(READ_LABEL, load_markdown, path, display, linter.read_settings)
    findings, errors = linter.lint(doc, ignored)
    options = linter.options
    if not (options.fix or options.diff) or doc.text is None:
        return DocResult(display, findings, errors=errors)
    original = text = doc.text
    first_findings = findings
    fixed = 0
    for _ in range(10):  # fixes may unlock others; stop when stable
        accepted, edits = select_edits(findings, options.unsafe_fixes)
        if not edits:
            break
        new_text = apply_edits(text, edits)
        if new_text == text:
            break
        fixed += len(accepted)
        text = new_text
        doc = parse_markdown_text(text, display, linter.read_settings.field_map, bom=doc.bom)
        linter.drain()  # the values of the text as it was are stale
        findings, more = linter.lint(doc, ignored)
        errors += more
    if text == original:
        return DocResult(display, findings, errors=errors)
    if options.diff:
        return DocResult(display, findings, fixed, diff=unified_diff(display, original, text), errors=errors)
    try:
        write_atomic(path, text, doc.bom)
    except OSError as exc:
        errors.append(f"{display}: could not write the fixes: {exc}")
        return DocResult(display, first_findings, errors=errors)  # the file is as it was
    return DocResult(display, findings, fixed, errors=errors)


def _done(result: DocResult, linter: Linter) -> DocResult:
    """A document's result, with what the dataset rules gathered from it
    and the facts about it that statistics need (its site, its length)."""
    result.profile, linter.profile = linter.profile, None
    if linter.dataset_rules:
        result.collected = linter.drain()
    result.host, result.body_lines = linter.last_facts
    return result


READ_LABEL = "stage: read + parse"


def _timed(label: str, function: Callable, *args):
    timer = timings.TIMER
    if timer is None:
        return function(*args)
    with timer.measure(label):
        return function(*args)


def _timed_iter(label: str, items: Iterator[Document]) -> Iterator[Document]:
    """`items` with the time of producing each one counted to `label`."""
    timer = timings.TIMER
    if timer is None:
        yield from items
        return
    while True:
        timer.start(label)
        try:
            item = next(items, None)
        finally:
            timer.stop()
        if item is None:
            return
        yield item


def process_unit(unit: tuple) -> list[DocResult]:
    results = _process_unit(unit)
    if timings.TIMER is not None and results:
        results[-1].timings = timings.TIMER.drain()
    return results


def _process_unit(unit: tuple) -> list[DocResult]:
    kind = unit[0]
    results: list[DocResult] = []
    if kind == "files":
        for path_str, display, key in unit[1]:
            linter = _LINTERS[key]
            path = Path(path_str)
            ignored = linter.ignored_codes(path_str)
            reader = reader_for(path)
            if reader.name == "markdown":
                results.append(_done(_lint_markdown_file(linter, path, display, ignored), linter))
                continue
            try:
                for doc in _timed_iter(READ_LABEL, iter(reader.read(path, display, linter.read_settings))):
                    findings, errors = linter.lint(doc, ignored)
                    results.append(_done(DocResult(display, findings, errors=errors), linter))
            except OSError as exc:
                doc = Document(display, unreadable=f"cannot read: {exc.strerror or exc}")
                findings, errors = linter.lint(doc, ignored)
                results.append(_done(DocResult(display, findings, errors=errors), linter))
    elif kind == "records":
        from scrapelint.readers import read_jsonl_lines

        _, display, key, path_str, lines = unit
        linter = _LINTERS[key]
        ignored = linter.ignored_codes(path_str)
        for doc in _timed_iter(READ_LABEL, iter(read_jsonl_lines(lines, display, linter.read_settings))):
            findings, errors = linter.lint(doc, ignored)
            results.append(_done(DocResult(display, findings, errors=errors), linter))
    elif kind == "unreadable":  # a dataset stream that broke off
        _, display, key, line, message = unit
        linter = _LINTERS[key]
        doc = Document(display, unreadable=message, unreadable_line=line)
        findings, errors = linter.lint(doc)
        results.append(_done(DocResult(display, findings, errors=errors), linter))
    elif kind == "stdin":
        from scrapelint.readers.markdown import parse_markdown

        _, data, display, key = unit
        linter = _LINTERS[key]
        doc = _timed(READ_LABEL, parse_markdown, data, display, linter.read_settings.field_map)
        findings, errors = linter.lint(doc, linter.ignored_codes(display))
        results.append(_done(DocResult(display, findings, errors=errors), linter))
    return results


def make_units(targets: Iterable, stdin: tuple | None) -> Iterator[tuple]:
    """Cut the targets into units of work; JSONL files are streamed in chunks
    of lines so a single large dataset is spread over every core.  `stdin`
    is (bytes, name, config key) for a Markdown document, or (a binary
    stream, name, config key) for JSONL."""
    if stdin is not None:
        if isinstance(stdin[0], bytes):
            yield ("stdin", *stdin)
        else:
            stream, display, key = stdin
            yield from _record_units(lambda: stream, display, key, display)
    batch: list[tuple[str, str, int]] = []
    for target in targets:
        reader = reader_for(target.path)
        if reader.name == "jsonl":
            if batch:
                yield ("files", batch)
                batch = []
            yield from _jsonl_units(target)
            continue
        batch.append((str(target.path), target.display, target.config_key))
        if len(batch) >= FILES_PER_UNIT:
            yield ("files", batch)
            batch = []
    if batch:
        yield ("files", batch)


def _jsonl_units(target) -> Iterator[tuple]:
    try:
        stream = target.path.open("rb")
    except OSError:
        yield ("files", [(str(target.path), target.display, target.config_key)])  # reported as unreadable
        return
    with stream:
        yield from _record_units(lambda: stream, target.display, target.config_key, str(target.path))


def _record_units(open_stream: Callable, display: str, key: int, path_str: str) -> Iterator[tuple]:
    """Chunks of (line number, raw line) of a JSONL stream, decompressed as
    read; a stream that breaks off ends with an unreadable unit at its line."""
    from scrapelint.readers import jsonl_lines
    from scrapelint.readers.compression import DecompressionError

    chunk: list[tuple[int, bytes]] = []
    n = 0
    try:
        for n, raw in jsonl_lines(open_stream()):
            if raw.strip():
                chunk.append((n, raw))
            if len(chunk) >= RECORDS_PER_UNIT:
                yield ("records", display, key, path_str, chunk)
                chunk = []
    except (DecompressionError, OSError) as exc:
        if chunk:
            yield ("records", display, key, path_str, chunk)
        yield ("unreadable", display, key, n + 1, str(exc) if isinstance(exc, DecompressionError)
               else f"cannot read: {exc.strerror or exc}")
        return
    if chunk:
        yield ("records", display, key, path_str, chunk)


def run_units(units: Iterator[tuple], configs: list[Config], options: RunOptions, jobs: int,
              on_result: Callable[[DocResult], None]) -> None:
    """Process every unit, calling `on_result` in input order."""
    _init_worker(configs, options)
    if timings.TIMER is not None:
        units = _timed_iter("stage: cut the input into units (main process)", units)
    if jobs <= 1:
        for unit in units:
            for result in process_unit(unit):
                on_result(result)
        return
    first = []
    for unit in units:  # a run of one or two units is not worth a pool
        first.append(unit)
        if len(first) > 2:
            break
    if len(first) <= 2:
        for unit in first:
            for result in process_unit(unit):
                on_result(result)
        return

    import multiprocessing
    from collections import deque
    from itertools import chain

    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(configs, options)) as pool:
        pending: deque = deque()
        for unit in chain(first, units):
            pending.append(pool.submit(process_unit, unit))
            if len(pending) >= window:
                for result in pending.popleft().result():
                    on_result(result)
        while pending:
            for result in pending.popleft().result():
                on_result(result)


class DatasetCollector:
    """The main process's side of the dataset rules: gathers the values the
    workers collected, in input order, and asks each rule for its findings
    once the run is over."""

    def __init__(self, linters: list[Linter]) -> None:
        self.rules = {}
        for linter in linters:
            for rule in linter.dataset_rules:
                self.rules.setdefault(rule.code, rule)
        self.items: dict[str, list] = {code: [] for code in self.rules}

    def add(self, result: DocResult) -> None:
        for code, value, ref in result.collected:
            self.items[code].append((value, ref))
        result.collected = []

    def finish(self) -> DocResult | None:
        findings: list[Finding] = []
        errors: list[str] = []
        for code, rule in self.rules.items():
            try:
                findings.extend(rule.finish(self.items[code]))
            except Exception:
                errors.append(f"rule {code} ({rule.name}) failed at the end of the run:\n" + traceback.format_exc(limit=-3))
        if not findings and not errors:
            return None
        findings.sort(key=Finding.sort_key)
        for f in findings:
            key = f"{f.code}\0{f.path}\0{f.record or ''}\0{f.message}"
            f.extra["fingerprint"] = hashlib.sha256(key.encode()).hexdigest()[:32]
        return DocResult("(dataset)", findings, errors=errors, documents=0)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1
