"""Readers turn an input file into Documents.  Built in: Markdown (`.md`,
`.markdown`), JSONL (`.jsonl`, `.ndjson`, plain or gzip, bzip2, xz, zstd
compressed) and Parquet (`.parquet`, needs pyarrow).  A plugin adds a format
by returning a `Reader` from the `scrapelint_readers` hook.

The format is the suffix's (a compression suffix set aside); a file whose
name says nothing is recognised by its first bytes (`detect_format`).

A reader never raises for bad input: what cannot be read becomes a
Document with `unreadable` set, which the FM005 rule reports, and the run goes
on with the next record or file.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping, NamedTuple

from scrapelint.document import Document
from scrapelint.plugin import hookimpl
from scrapelint.readers import compression
from scrapelint.readers.records import record_document
from scrapelint.safeload import DEFAULT_MAX_FILE_SIZE, InputLimit, Limits, Unreadable, iter_lines, loads_json, open_regular, read_bounded


class FrozenMap(dict):
    """A dict nothing can change, for a default every `ReadSettings()`
    shares.  Unlike a `MappingProxyType` it pickles (to a worker, a Dask
    task), as itself."""

    __slots__ = ()

    def _read_only(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(f"{type(self).__name__} is read-only")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> tuple:
        return type(self), (dict(self),)  # pickle's default would fill it by __setitem__


class ReadSettings(NamedTuple):
    max_file_size: int = 10 * 1024 * 1024
    field_map: Mapping[str, str] = FrozenMap()  # read-only: the default is shared
    limits: Limits = Limits()


class Broken(NamedTuple):
    """What a reader's `chunks` yields for a dataset it cannot read on (a
    file that does not open, a stream that breaks off at `line`): one
    unreadable document, and the file ends there."""

    line: int | None
    message: str


class Reader(NamedTuple):
    """An input format.  `read(path, display, settings)` yields a file's
    documents (never raising for bad input).  What else a reader can do, the
    run asks of it, never of its name:

    - `parse(data, display, settings)`: the documents of bytes given whole
      (stdin, `-`).
    - `reparse(text, doc, settings)`: the document again from its edited
      text.  Only a reader that has it supports `--fix` and `--diff`: each
      of its documents is a whole file (`doc.text`) that fixes rewrite.
    - `count(path)`: how many documents a file holds, when that is cheap
      to know (None: unknown), for the progress bar's total.
    - `chunks(source, settings, size)` with `read_chunk(chunk, display,
      settings)`: a dataset spread over every core.  `chunks` cuts a file
      (a Path, or stdin's binary stream) into picklable chunks of about
      `size` records in the main process, or yields a `Broken`;
      `read_chunk` reads one chunk's documents in a worker.
    """

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path, str, ReadSettings], Iterator[Document]]
    parse: Callable[[bytes, str, ReadSettings], Iterator[Document]] | None = None
    reparse: Callable[[str, Document, ReadSettings], Document] | None = None
    chunks: Callable[[Path | BinaryIO, ReadSettings, int], Iterator[Any]] | None = None
    read_chunk: Callable[[Any, str, ReadSettings], Iterator[Document]] | None = None
    count: Callable[[Path], int | None] | None = None

    @property
    def fixes(self) -> bool:
        return self.reparse is not None

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        """What names this reader in a unit of work sent to a worker."""
        return self.name, self.suffixes


def load_markdown(path: Path, display: str, settings: ReadSettings) -> Document:
    """One Markdown file; special, too large or unreadable files become findings."""
    from scrapelint.readers.markdown import parse_markdown

    try:
        data = read_bounded(path, settings.max_file_size)
    except Unreadable as exc:
        return Document(display, unreadable=str(exc))
    return parse_markdown(data, display, settings.field_map, settings.limits)


def read_markdown(path: Path, display: str, settings: ReadSettings) -> Iterator[Document]:
    yield load_markdown(path, display, settings)


def parse_markdown_bytes(data: bytes, display: str, settings: ReadSettings) -> Iterator[Document]:
    from scrapelint.readers.markdown import parse_markdown

    yield parse_markdown(data, display, settings.field_map, settings.limits)


def reparse_markdown(text: str, doc: Document, settings: ReadSettings) -> Document:
    from scrapelint.readers.markdown import parse_markdown_text

    return parse_markdown_text(text, doc.path, settings.field_map, bom=doc.bom, limits=settings.limits)


def read_jsonl_lines(lines: Iterable[tuple[int, bytes | None]], display: str, settings: ReadSettings) -> Iterator[Document]:
    """Documents of (line number, raw line) pairs; a broken line is one
    unreadable record, and the next line is read as usual.  A line given
    as None was over the size limit and not read."""
    for n, raw in lines:
        if raw is None:
            yield Document(display, record=f"#{n}", record_line=n, unreadable_line=n,
                           unreadable=f"line {n}: a record over the max-file-size limit of "
                           f"{settings.max_file_size / 1048576:.1f} MiB (raise `max-file-size` to read it)")
            continue
        if not raw.strip():
            continue
        try:
            record = loads_json(raw, settings.limits.max_nesting_depth)
        except UnicodeDecodeError as exc:
            yield Document(display, record=f"#{n}", record_line=n, unreadable_line=n,
                           unreadable=f"line {n} is not valid UTF-8: {exc.reason}")
            continue
        except json.JSONDecodeError as exc:
            yield Document(display, record=f"#{n}", record_line=n, unreadable_line=n,
                           unreadable=f"line {n} is not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        except InputLimit as exc:
            yield Document(display, record=f"#{n}", record_line=n, unreadable_line=n, unreadable=f"line {n}: {exc}")
            continue
        yield record_document(record, display, n, n, settings)


def jsonl_lines(stream: BinaryIO, max_line: int = DEFAULT_MAX_FILE_SIZE) -> Iterator[tuple[int, bytes | None]]:
    """(line number, raw line) of a JSONL stream, decompressed on the fly;
    a line over `max_line` bytes is given as None, unread (a compressed
    shard may hold a gigabyte without a newline); a stream that breaks off
    raises DecompressionError naming the line."""
    n = 0
    errors = compression.read_errors()
    try:
        for n, raw in iter_lines(compression.open_stream(stream), max_line):
            yield n, raw
    except errors as exc:
        raise compression.DecompressionError(
            f"the compressed stream breaks off in line {n + 1}: {exc or type(exc).__name__}") from None


def read_jsonl(path: Path, display: str, settings: ReadSettings) -> Iterator[Document]:
    """One Document per line, streamed: memory stays flat however large."""
    try:
        stream = open_regular(path)
    except Unreadable as exc:
        yield Document(display, unreadable=str(exc))
        return
    with stream:
        try:
            yield from read_jsonl_lines(jsonl_lines(stream, settings.max_file_size), display, settings)
        except compression.DecompressionError as exc:
            yield Document(display, unreadable=str(exc))


COUNT_LINES_UP_TO = 4 << 30  # larger plain JSONL files are not counted first (ETA unknown)


def count_lines(path: Path) -> int | None:
    """A plain JSONL file's lines (counted at a few GB/s); None for a
    compressed or very large one."""
    try:
        if compression.sniff(compression.read_head(path)) or path.stat().st_size > COUNT_LINES_UP_TO:
            return None
        n = 0
        last = b"\n"
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                n += chunk.count(b"\n")
                last = chunk[-1:]
        return n + (last != b"\n")
    except OSError:
        return None


def jsonl_chunks(source: Path | BinaryIO, settings: ReadSettings, size: int) -> Iterator[list | Broken]:
    """Lists of (line number, raw line) of a JSONL file or stream, `size`
    records each, decompressed as read (a line over the size limit is given
    as None, and reported); a file that does not open, or a stream that
    breaks off, ends with a Broken."""
    if not isinstance(source, Path):
        yield from _line_chunks(source, settings, size)
        return
    try:
        stream = open_regular(source)
    except Unreadable as exc:
        yield Broken(None, str(exc))
        return
    except OSError as exc:
        yield Broken(None, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from _line_chunks(stream, settings, size)


def _line_chunks(stream: BinaryIO, settings: ReadSettings, size: int) -> Iterator[list | Broken]:
    chunk: list[tuple[int, bytes | None]] = []
    n = 0
    try:
        for n, raw in jsonl_lines(stream, settings.max_file_size):
            if raw is None or raw.strip():
                chunk.append((n, raw))
            if len(chunk) >= size:
                yield chunk
                chunk = []
    except (compression.DecompressionError, OSError) as exc:
        if chunk:
            yield chunk
        yield Broken(n + 1, str(exc) if isinstance(exc, compression.DecompressionError)
                     else f"cannot read: {exc.strerror or exc}")
        return
    if chunk:
        yield chunk


PARQUET_NEEDS_PYARROW = "reading Parquet needs pyarrow: pip install 'scrapelint[parquet]'"


def parquet_batches(path: Path, batch_size: int = 1024) -> Iterator[list[dict]]:
    """The rows of a Parquet file, batch by batch, plain days of timestamp
    columns as dates.  Raises what pyarrow raises for a broken file (and
    ModuleNotFoundError without pyarrow)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    stamps = [f.name for f in parquet.schema_arrow if pa.types.is_timestamp(f.type)]
    for batch in parquet.iter_batches(batch_size=batch_size):
        rows = batch.to_pylist()
        for row in rows:
            for name in stamps:
                row[name] = _day_if_midnight(row[name])
        yield rows


def read_parquet(path: Path, display: str, settings: ReadSettings) -> Iterator[Document]:
    """Rows streamed batch by batch with pyarrow (an optional dependency)."""
    try:
        import pyarrow  # noqa: F401
    except ModuleNotFoundError:
        yield Document(display, unreadable=PARQUET_NEEDS_PYARROW)
        return
    try:
        index = 0
        for rows in parquet_batches(path):
            for row in rows:
                index += 1
                yield record_document(row, display, None, index, settings)
    except Exception as exc:  # pyarrow raises many types for a broken file
        yield Document(display, unreadable=f"not a readable Parquet file: {exc}")


def parquet_chunks(source: Path | BinaryIO, settings: ReadSettings, size: int) -> Iterator[tuple | Broken]:
    """(index of the first row, rows) of a Parquet file, `size` rows each,
    decoded here.  Not a row group per chunk: a shard is often one row
    group, and a chunk must stay small for memory to stay flat."""
    try:
        import pyarrow  # noqa: F401
    except ModuleNotFoundError:
        yield Broken(None, PARQUET_NEEDS_PYARROW)
        return
    index = 1
    try:
        for rows in parquet_batches(source, size):
            yield index, rows
            index += len(rows)
    except Exception as exc:  # pyarrow raises many types for a broken file
        yield Broken(None, f"not a readable Parquet file: {exc}")


def count_rows(path: Path) -> int:
    """A Parquet file's rows; one (the unreadable document FM005 reports) if it does not read."""
    try:
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # pyarrow raises many types for a broken file
        return 1


def _one(path: Path) -> int:
    return 1


def read_parquet_chunk(chunk: tuple, display: str, settings: ReadSettings) -> Iterator[Document]:
    first, rows = chunk
    for index, row in enumerate(rows, first):
        yield record_document(row, display, None, index, settings)


def _day_if_midnight(value):
    """A timestamp column often holds plain days (midnight, UTC or naive):
    read them as the date they stand for, as JSONL's "2025-01-02" is."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0, 0) \
            and (value.tzinfo is None or value.utcoffset() == datetime.timedelta(0)):
        return value.date()
    return value


MARKDOWN_READER = Reader("markdown", (".md", ".markdown"), read_markdown, parse=parse_markdown_bytes,
                         reparse=reparse_markdown, count=_one)
JSONL_READER = Reader("jsonl", (".jsonl", ".ndjson"), read_jsonl, chunks=jsonl_chunks, read_chunk=read_jsonl_lines,
                      count=count_lines)
PARQUET_READER = Reader("parquet", (".parquet",), read_parquet, chunks=parquet_chunks, read_chunk=read_parquet_chunk,
                        count=count_rows)
BUILTIN_READERS = (MARKDOWN_READER, JSONL_READER, PARQUET_READER)


def looks_like_jsonl(head: bytes) -> bool:
    """A first line that is a whole JSON object (JSON front matter opens
    with `{` alone on its line, so a Markdown file never looks like this)."""
    first = head.split(b"\n", 1)[0].strip()
    if not (first.startswith(b"{") and first.endswith(b"}")):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def detect_format(path: Path, table: dict[str, Reader]) -> Reader:
    """The reader for a file: by suffix (`.jsonl.gz` is JSONL), else by its
    first bytes (compressed or `PAR1`: a dataset; a JSON object on the first
    line: JSONL), else Markdown."""
    name = compression.strip_suffix(path.name).lower()
    if name.endswith((".md", ".markdown")):
        return table[".md"]
    for suffix, reader in sorted(table.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return reader
    head = compression.read_head(path)
    if head.startswith(compression.PARQUET_MAGIC) and ".parquet" in table:
        return table[".parquet"]
    if compression.sniff(head) is not None:
        return table[".jsonl"]
    if head.lstrip().startswith(b"{"):
        try:
            with path.open("rb") as f:
                if looks_like_jsonl(f.readline(1 << 20)):
                    return table[".jsonl"]
        except OSError:
            pass
    return table[".md"]


STDIN_FORMATS = ("markdown", "jsonl")


def stdin_source(stream: BinaryIO, name: str | None, fmt: str | None) -> tuple[str, BinaryIO]:
    """What `-` holds: the name of its format ("jsonl" or "markdown"), and
    the stream, nothing read from it yet.  The format is `fmt`
    (--stdin-format), else the --stdin-filename's suffix (`x.jsonl`,
    `x.jsonl.gz`), else the first bytes (compressed, or a JSON object on the
    first line: JSONL)."""
    if fmt is None and name:
        base = compression.strip_suffix(name).lower()
        if base.endswith((".jsonl", ".ndjson")):
            fmt = "jsonl"
        elif base.endswith((".md", ".markdown")):
            fmt = "markdown"
    stream = compression.peeking(stream)
    if fmt is None:
        head = stream.peek(1 << 16)
        fmt = "jsonl" if compression.sniff(head) or looks_like_jsonl(head) else "markdown"
    return fmt, stream


@hookimpl
def scrapelint_readers() -> list[Reader]:
    return list(BUILTIN_READERS)
