"""A progress bar on stderr for long runs (tqdm): documents done, rate,
findings so far, and an ETA when the number of documents is known.

Shown only where a person watches: stderr is a terminal, and the run is not
in CI (`CI` set), in pre-commit (`PRE_COMMIT=1`), or `--quiet`.  It appears
after a second (tqdm's `delay`), so short runs never show it, and it is
cleared when the run ends, so the report is all that stays on screen.
"""

from __future__ import annotations

import os
import sys

DELAY = 1.0  # seconds before the bar appears


def wanted(quiet: bool, stream=None) -> bool:
    stream = stream or sys.stderr
    if quiet or os.environ.get("PRE_COMMIT") or os.environ.get("CI", "").lower() not in ("", "0", "false"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _columns(stream) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 0


class NoProgress:
    def guard(self, stream):
        return stream

    def update(self, result) -> None:
        pass

    def close(self) -> None:
        pass


class Progress:
    def __init__(self, total: int | None, stream=None) -> None:
        from tqdm import tqdm

        stream = stream or sys.stderr
        self.findings = 0
        # a terminal that reports no size (a fresh pseudo-terminal) would get a bar 0 columns wide
        sized = _columns(stream) > 0
        self.bar = tqdm(total=total, unit=" docs", desc="scrapelint", file=stream, delay=DELAY, leave=False,
                        dynamic_ncols=sized, ncols=None if sized else 80, nrows=None if sized else 24, smoothing=0.1, postfix="0 findings")

    def guard(self, stream):
        """`stream` (the report), made to write above the bar when it is the
        same terminal, so findings and the bar do not overwrite each other."""
        try:
            shared = stream.isatty()
        except (AttributeError, ValueError):
            shared = False
        return _AboveTheBar(stream, self) if shared else stream

    def update(self, result) -> None:
        if self.bar is None:
            return
        self.findings += len(result.tally)
        if result.documents:
            bar = self.bar
            bar.postfix = f"{self.findings} findings"  # read on the bar's next refresh, not formatted per document
            bar.update(result.documents)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class _AboveTheBar:
    """A text stream whose writes clear the bar first; it is redrawn at its
    next update."""

    def __init__(self, stream, progress: Progress) -> None:
        self.stream = stream
        self.progress = progress

    def write(self, text: str) -> int:
        bar = self.progress.bar
        if bar is not None:
            bar.clear()
        return self.stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def progress_for(targets, stdin, quiet: bool, stream=None) -> Progress | NoProgress:
    if not wanted(quiet, stream):
        return NoProgress()
    return Progress(None if stdin is not None else count_documents(targets), stream)


def count_documents(targets) -> int | None:
    """Documents the run will read, when each file's reader can count them
    cheaply (`Reader.count`: a Markdown file is one, a plain JSONL file one
    per line, a Parquet file its row count; a compressed shard: unknown)."""
    from scrapelint.readers import detect_format
    from scrapelint.units import reader_table

    table = reader_table()
    total = 0
    for target in targets:
        reader = detect_format(target.path, table)
        n = reader.count(target.path) if reader.count is not None else None
        if n is None:
            return None
        total += n
    return total
