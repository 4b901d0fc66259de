"""Compressed dataset shards, recognised by their first bytes.

gzip, bzip2 and xz come with the standard library; zstandard (the
`zstandard` package) is streamed the same way.  The magic bytes decide, not
the suffix: a `.jsonl` that is really gzip is read, and a `shard.gz` is read
as JSONL.  Every stream is decompressed as it is read, so memory stays flat
however large the shard.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
SUFFIXES = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd", ".zstd": "zstd"}
PARQUET_MAGIC = b"PAR1"
HEAD = 8


class DecompressionError(Exception):
    """A compressed stream that cannot be read to its end (truncated, corrupt)."""


def sniff(head: bytes) -> str | None:
    """The compression a stream's first bytes announce, or None."""
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    return None


def strip_suffix(name: str) -> str:
    """`shard.jsonl.gz` -> `shard.jsonl`: the name of what is inside."""
    lower = name.lower()
    for suffix in SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(HEAD)
    except OSError:
        return b""


def decompressing(raw: BinaryIO, kind: str | None) -> BinaryIO:
    """A binary stream of the decompressed bytes of `raw` (itself if `kind` is None)."""
    if kind is None:
        return raw
    if kind == "gzip":
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb")
    if kind == "bzip2":
        import bz2

        return bz2.BZ2File(raw, mode="rb")
    if kind == "xz":
        import lzma

        return lzma.LZMAFile(raw, mode="rb")
    import zstandard

    # read_across_frames: zstd shards are often several frames written one after the other
    reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
    return io.BufferedReader(reader, buffer_size=1 << 16)


def peeking(stream: BinaryIO) -> io.BufferedReader:
    return stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type]


def open_stream(raw: BinaryIO) -> BinaryIO:
    """`raw` decompressed according to its first bytes (it must support peek,
    as files opened with `open(..., "rb")` and `sys.stdin.buffer` do)."""
    raw = peeking(raw)
    return decompressing(raw, sniff(raw.peek(HEAD)[:HEAD]))


def read_errors() -> tuple[type[BaseException], ...]:
    """What the decompressors raise on a truncated or corrupt stream."""
    import lzma
    import zlib

    errors: list[type[BaseException]] = [EOFError, OSError, zlib.error, lzma.LZMAError]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ModuleNotFoundError:  # pragma: no cover - a dependency
        pass
    return tuple(errors)
