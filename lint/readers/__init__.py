"""Readers turn an input file into Documents.  Built in: Markdown (`.md`,
`.markdown`), JSONL (`.jsonl`, `.ndjson`) and Parquet (`.parquet`, needs
pyarrow).  A plugin adds a format by returning a `Reader` from the
`scrapelint_readers` hook.

A reader never raises for bad input: what cannot be read becomes a
Document with `unreadable` set, which the FM005 rule reports, and the run goes
on with the next record or file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from scrapelint.document import DEFAULT_FIELD_ALIASES, Document
from scrapelint.plugin import hookimpl


@dataclass(frozen=True)
class ReadSettings:
    max_file_size: int = 10 * 1024 * 1024
    field_map: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path, str, ReadSettings], Iterator[Document]]


def load_markdown(path: Path, display: str, settings: ReadSettings) -> Document:
    """One Markdown file; too large or unreadable files become findings."""
    from scrapelint.readers.markdown import parse_markdown

    try:
        size = path.stat().st_size
        if size > settings.max_file_size:
            return Document(
                display,
                unreadable=f"file is {size / 1048576:.1f} MiB, over the max-file-size limit of "
                f"{settings.max_file_size / 1048576:.1f} MiB (raise `max-file-size` to lint it)",
            )
        return parse_markdown(path.read_bytes(), display, settings.field_map)
    except OSError as exc:
        return Document(display, unreadable=f"cannot read: {exc.strerror or exc}")


def read_markdown(path: Path, display: str, settings: ReadSettings) -> Iterator[Document]:
    yield load_markdown(path, display, settings)


def _body_key(record: dict, field_map: dict[str, str]) -> str | None:
    configured = field_map.get("body")
    if configured:
        return configured if configured in record else None
    for key in DEFAULT_FIELD_ALIASES["body"]:
        if key in record:
            return key
    return None


def record_document(record: object, display: str, line: int | None, index: int, settings: ReadSettings) -> Document:
    """A dataset record (a JSON object / Parquet row) as a Document."""
    if not isinstance(record, dict):
        return Document(display, record=f"#{index}", record_line=line,
                        unreadable=f"record {index} is a JSON {type(record).__name__}, not an object",
                        unreadable_line=line)
    rid = record.get("id")
    rid = str(rid) if isinstance(rid, (str, int)) and str(rid) else f"#{index}"
    body_key = _body_key(record, settings.field_map)
    body = record.get(body_key) if body_key else None
    meta = {k: v for k, v in record.items() if k != body_key}
    return Document(
        display,
        meta=meta,
        body=body if isinstance(body, str) else "",
        meta_format="record",
        record=rid,
        record_line=line,
        field_map=settings.field_map,
    )


def read_jsonl_lines(lines: Iterable[tuple[int, bytes]], display: str, settings: ReadSettings) -> Iterator[Document]:
    """Documents of (line number, raw line) pairs; a broken line is one
    unreadable record, and the next line is read as usual."""
    for n, raw in lines:
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except UnicodeDecodeError as exc:
            yield Document(display, record=f"#{n}", record_line=n, unreadable_line=n,
                           unreadable=f"line {n} is not valid UTF-8: {exc.reason}")
            continue
        except json.JSONDecodeError as exc:
            yield Document(display, record=f"#{n}", record_line=n, unreadable_line=n,
                           unreadable=f"line {n} is not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield record_document(record, display, n, n, settings)


def read_jsonl(path: Path, display: str, settings: ReadSettings) -> Iterator[Document]:
    """One Document per line, streamed: memory stays flat however large."""
    with path.open("rb") as f:
        yield from read_jsonl_lines(enumerate(f, 1), display, settings)


def read_parquet(path: Path, display: str, settings: ReadSettings) -> Iterator[Document]:
    """Rows streamed batch by batch with pyarrow (an optional dependency)."""
    try:
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        yield Document(display, unreadable="reading Parquet needs pyarrow: pip install 'scrapelint[parquet]'")
        return
    try:
        parquet = pq.ParquetFile(path)
        index = 0
        for batch in parquet.iter_batches(batch_size=1024):
            for row in batch.to_pylist():
                index += 1
                yield record_document(row, display, None, index, settings)
    except Exception as exc:  # pyarrow raises many types for a broken file
        yield Document(display, unreadable=f"not a readable Parquet file: {exc}")


BUILTIN_READERS = (
    Reader("markdown", (".md", ".markdown"), read_markdown),
    Reader("jsonl", (".jsonl", ".ndjson"), read_jsonl),
    Reader("parquet", (".parquet",), read_parquet),
)


@hookimpl
def scrapelint_readers() -> list[Reader]:
    return list(BUILTIN_READERS)
