"""Units of work and what a worker process does with one.

A unit is a chunk of files, or a chunk of a dataset file's records, named
with the reader that reads it; `make_units` cuts the run's targets into
units, `process_unit` lints one in whichever process holds it (the run's
pool, the main process at `--jobs 1`, a Dask worker), and `iter_results`
hands units to a process pool through a bounded window, results coming back
in input order.  The readers are found here too: only through the plugin
hook (`scrapelint_readers`), never by name.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, NamedTuple

from scrapelint import timings
from scrapelint.config import Config
from scrapelint.document import Document
from scrapelint.engine import Linter, RunOptions
from scrapelint.findings import Finding
from scrapelint.readers import Reader, ReadSettings
from scrapelint.results import DocResult
from scrapelint.rule import DatasetRule
from scrapelint.stats import profile_of

FILES_PER_UNIT = 32
RECORDS_PER_UNIT = 64


# -- units of work --------------------------------------------------------------

_LINTERS: list[Linter] = []
_READERS: dict[str, Reader] = {}  # by suffix
READERS_BY_KEY: dict[tuple, Reader] = {}  # by Reader.key, for the units that name their reader
DATASET_RULES: dict[str, DatasetRule] = {}
_RENDER: list[Callable] = []  # in a pool worker: the report's Reporter.document_text, if it has one


def init_worker(configs: list[Config], options: RunOptions) -> None:
    if options.timings and timings.TIMER is None:  # a spawned worker
        timings.enable()
    _LINTERS[:] = [Linter(c, options) for c in configs]
    DATASET_RULES.clear()
    DATASET_RULES.update(dataset_rules_of(_LINTERS))
    _READERS.clear()
    _READERS.update(reader_table())
    READERS_BY_KEY.clear()
    READERS_BY_KEY.update({reader.key: reader for reader in registered_readers()})


def registered_readers() -> list[Reader]:
    """The readers the plugins register (`scrapelint_readers`), the first
    registered first: where two claim a suffix or a name, the later wins."""
    from scrapelint.plugin import get_plugin_manager

    return [reader for batch in reversed(get_plugin_manager().hook.scrapelint_readers()) for reader in batch or ()]


def reader_table() -> dict[str, Reader]:
    """The registered readers by suffix."""
    return {suffix.lower(): reader for reader in registered_readers() for suffix in reader.suffixes}


def readers_by_name() -> dict[str, Reader]:
    """The registered readers by name (what `--stdin-format` gives)."""
    return {reader.name: reader for reader in registered_readers()}


def reader_for(path: Path) -> Reader:
    from scrapelint.readers import detect_format

    return detect_format(path, _READERS)


class FixOutcome(NamedTuple):
    text: str  # the text with the fixes applied
    doc: Document  # the document as last linted
    findings: list[Finding]  # the findings on it
    fixed: int  # fixes applied
    errors: list[str]


def fix_document(linter: Linter, doc: Document, findings: list[Finding], ignored: set[str] | None,
                 reparse: Callable[[str, Document, ReadSettings], Document]) -> FixOutcome:
    """The fix loop: apply the findings' fixes (safe ones, and unsafe ones
    with `unsafe_fixes`), read the new text again with the document's
    reader (`reparse`), lint it, repeat while fixes unlock others (at most
    10 rounds)."""
    from scrapelint.fixes import apply_edits, select_edits

    text = doc.text or ""
    fixed = 0
    errors: list[str] = []
    for _ in range(10):
        accepted, edits = select_edits(findings, linter.options.unsafe_fixes)
        if not edits:
            break
        new_text = apply_edits(text, edits)
        if new_text == text:
            break
        fixed += len(accepted)
        text = new_text
        doc = reparse(text, doc, linter.read_settings)
        findings, more = linter.lint(doc, ignored)
        errors += more
    return FixOutcome(text, doc, findings, fixed, errors)


def _lint_file(linter: Linter, reader: Reader, path: Path, display: str, ignored: set[str]) -> list[DocResult]:
    """The results of a file's documents, as its reader reads them; with
    --fix or --diff, fixed when the reader can read an edited text again
    (`Reader.fixes`)."""
    fixing = (linter.options.fix or linter.options.diff) and reader.fixes
    results = []
    try:
        for doc in _timed_iter(READ_LABEL, iter(reader.read(path, display, linter.read_settings))):
            if fixing and doc.text is not None:
                result, doc = _fix_file(linter, reader, path, display, doc, ignored)
                results.append(_done(result, linter, doc, ignored))
            else:
                results.append(_lint_one(linter, doc, display, ignored))
    except OSError as exc:
        doc = Document(display, unreadable=f"cannot read: {exc.strerror or exc}")
        results.append(_lint_one(linter, doc, display, ignored))
    return results


def _fix_file(linter: Linter, reader: Reader, path: Path, display: str, doc: Document,
              ignored: set[str]) -> tuple[DocResult, Document]:
    """A file's result after the fix loop (its diff with --diff, the file
    rewritten with --fix) and the document as last linted, for the dataset rules."""
    from scrapelint.fixes import unified_diff, write_atomic

    findings, errors = linter.lint(doc, ignored)
    options = linter.options
    original = doc.text
    first_findings = findings
    text, doc, findings, fixed, more = fix_document(linter, doc, findings, ignored, reader.reparse)
    errors += more
    if text == original:
        return DocResult(display, findings, errors=errors), doc
    if options.diff:
        return DocResult(display, findings, fixed, diff=unified_diff(display, original, text), errors=errors), doc
    try:
        write_atomic(path, text, doc.bom, options.roots, options.follow_outside_links)
    except OSError as exc:
        errors.append(f"{display}: could not write the fixes: {exc}")
        return DocResult(display, first_findings, errors=errors), doc  # the file is as it was
    return DocResult(display, findings, fixed, errors=errors), doc


def _done(result: DocResult, linter: Linter, doc: Document, ignored: set[str] | None) -> DocResult:
    """A document's result, with what the dataset rules gathered from it
    and what the statistics need of it (its DocProfile)."""
    result.profile = profile_of(doc, result.findings)
    if linter.dataset_rules:
        result.collected, errors = linter.collect(doc, ignored)
        result.errors.extend(errors)
    return result


def _lint_one(linter: Linter, doc: Document, display: str, ignored: set[str] | None) -> DocResult:
    findings, errors = linter.lint(doc, ignored)
    return _done(DocResult(display, findings, errors=errors), linter, doc, ignored)


READ_LABEL = "stage: read + parse"


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


def process_unit(unit: tuple, render: Callable | None = None) -> list[DocResult]:
    """The unit's results; with `render` (a `Reporter.document_text`), each
    result with findings also carries its report text."""
    results = _process_unit(unit)
    timer = timings.TIMER
    if render is not None:
        if timer is not None:
            timer.start("stage: output (reporter)")
        for result in results:
            if result.tally:
                result.rendered = render(result)
        if timer is not None:
            timer.stop()
    if timer is not None and results:
        results[-1].timings = timer.drain()
    return results


def process_unit_in_pool(unit: tuple) -> list[DocResult]:
    """`process_unit` in a pool worker, which also writes the report text
    of a format that can (see `init_rendering`)."""
    return process_unit(unit, _RENDER[0] if _RENDER else None)


def _process_unit(unit: tuple) -> list[DocResult]:
    kind = unit[0]
    results: list[DocResult] = []
    if kind == "files":
        for path_str, display, key in unit[1]:
            linter = _LINTERS[key]
            path = Path(path_str)
            ignored = linter.ignored_codes(path_str)
            results.extend(_lint_file(linter, reader_for(path), path, display, ignored))
    elif kind == "chunk":  # a part of a dataset, cut by its reader in the main process
        _, reader_key, display, key, path_str, chunk = unit
        linter = _LINTERS[key]
        ignored = linter.ignored_codes(path_str)
        docs = READERS_BY_KEY[reader_key].read_chunk(chunk, display, linter.read_settings)
        for doc in _timed_iter(READ_LABEL, iter(docs)):
            results.append(_lint_one(linter, doc, display, ignored))
    elif kind == "unreadable":  # a dataset stream that broke off, a special file, a broken link
        _, display, key, line, message = unit
        linter = _LINTERS[key]
        doc = Document(display, unreadable=message, unreadable_line=line)
        results.append(_lint_one(linter, doc, display, None))
    elif kind == "stdin":  # a document given whole
        _, data, display, key, reader_key = unit
        linter = _LINTERS[key]
        settings = linter.read_settings
        ignored = linter.ignored_codes(display)
        if len(data) > settings.max_file_size:
            from scrapelint.safeload import size_limit_message

            docs = iter([Document(display, unreadable=size_limit_message(None, settings.max_file_size))])
        else:
            docs = _timed_iter(READ_LABEL, iter(READERS_BY_KEY[reader_key].parse(data, display, settings)))
        for doc in docs:
            results.append(_lint_one(linter, doc, display, ignored))
    if DATASET_RULES and results:
        fold_unit(results, DATASET_RULES)
    return results


def dataset_rules_of(linters: list[Linter]) -> dict[str, DatasetRule]:
    """One instance of each dataset rule (the first configuration's) to fold,
    merge and finish the values every configuration's rules collected."""
    rules: dict[str, DatasetRule] = {}
    for linter in linters:
        for rule in linter.dataset_rules:
            rules.setdefault(rule.code, rule)
    return rules


def fold_unit(results: list[DocResult], rules: dict[str, DatasetRule]) -> None:
    """Fold the values a unit's documents collected into one partial state
    per rule, carried by the unit's last result."""
    partial: dict = {}
    for result in results:
        for code, value, ref in result.collected:
            rule = rules[code]
            state = partial[code] if code in partial else rule.new_state()
            partial[code] = rule.add(state, value, ref)
        result.collected = []
    results[-1].collected = partial


def make_units(targets: Iterable, stdin: tuple | None) -> Iterator[tuple]:
    """Cut the targets into units of work; a dataset whose reader cuts it
    into chunks (`Reader.chunks`: JSONL, Parquet) is streamed a chunk at a
    time, so a single large dataset is spread over every core.  `stdin` is
    (bytes, name, config key, reader key) for a document given whole, or
    (a binary stream, ...) for a reader that cuts it."""
    if stdin is not None:
        payload, display, key, reader_key = stdin
        if isinstance(payload, bytes):
            yield ("stdin", *stdin)
        else:
            yield from chunk_units(READERS_BY_KEY[reader_key], payload, display, key, display)
    batch: list[tuple[str, str, int]] = []
    for target in targets:
        if target.problem is not None:  # a special file, a broken link: reported, never opened
            if batch:
                yield ("files", batch)
                batch = []
            yield ("unreadable", target.display, target.config_key, None, target.problem)
            continue
        reader = reader_for(target.path)
        if reader.chunks is not None:
            if batch:
                yield ("files", batch)
                batch = []
            yield from chunk_units(reader, target.path, target.display, target.config_key, str(target.path))
            continue
        batch.append((str(target.path), target.display, target.config_key))
        if len(batch) >= FILES_PER_UNIT:
            yield ("files", batch)
            batch = []
    if batch:
        yield ("files", batch)


def chunk_units(reader: Reader, source: Path | BinaryIO, display: str, key: int, path_str: str) -> Iterator[tuple]:
    """A dataset's chunks as its reader cuts them; what it cannot read on
    becomes an unreadable unit, at the line it names."""
    from scrapelint.readers import Broken

    for chunk in reader.chunks(source, _LINTERS[key].read_settings, RECORDS_PER_UNIT):
        if isinstance(chunk, Broken):
            yield ("unreadable", display, key, chunk.line, chunk.message)
        else:
            yield ("chunk", reader.key, display, key, path_str, chunk)


def iter_results(units: Iterator[tuple], configs: list[Config], options: RunOptions, jobs: int) -> Iterator[DocResult]:
    """Process every unit; the results come in input order."""
    init_worker(configs, options)
    if timings.TIMER is not None:
        units = _timed_iter("stage: cut the input into units (main process)", units)
    if jobs <= 1:
        for unit in units:
            yield from process_unit(unit)
        return
    first = []
    for unit in units:  # a run of one or two units is not worth a pool
        first.append(unit)
        if len(first) > 2:
            break
    if len(first) <= 2:
        for unit in first:
            yield from process_unit(unit)
        return

    import multiprocessing  # here, not at import: a one-file run never starts a pool
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from itertools import chain

    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    window = jobs * 4
    from scrapelint.workers import stop_pool

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_pool_worker,
                               initargs=(os.getpid(), configs, options))
    try:
        pending: deque = deque()
        for unit in chain(first, units):
            pending.append(pool.submit(process_unit_in_pool, unit))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:  # SIGTERM, Ctrl-C, an error, a consumer that stopped reading
        stop_pool(pool)
        raise
    pool.shutdown()


def _init_pool_worker(parent_pid: int, configs: list[Config], options: RunOptions) -> None:
    from scrapelint.gctuning import collect_less_often
    from scrapelint.workers import watch_parent

    watch_parent(parent_pid)
    collect_less_often()  # a spawned worker does not inherit the command's setting
    init_worker(configs, options)
    init_rendering(options)


def init_rendering(options: RunOptions) -> None:
    """Make `process_unit_in_pool` write the report text of `options.rendered_format`."""
    _RENDER.clear()
    if options.rendered_format is not None:
        from scrapelint.reporters import reporter_class

        _RENDER.append(reporter_class(options.rendered_format).document_text)


