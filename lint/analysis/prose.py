"""The prose view of the body as one text: `Document.prose_lines` (code,
HTML markup, link targets and reference definitions blanked, columns
kept) joined with newlines, and where each line starts.  Rules that scan
prose with a regex (the TX family) find their matches here by body line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from scrapelint.analysis.phrases import line_starts


def prose_text(doc) -> tuple[str, list[int]]:
    """The prose view (`Document.prose_lines`: code, HTML markup, link
    targets and reference definitions blanked, columns kept) joined with
    newlines, and the offset of each line's start.  Once per document."""
    def compute(d):
        joined = "\n".join(d.prose_lines)
        return joined, line_starts(joined)

    return doc.shared("prose-text", compute)


def matches_by_line(pattern: re.Pattern, doc) -> Iterator[tuple[int, int, re.Match]]:
    """(body line, column, match) for every match in the prose view.  The
    raw body is scanned first, so a document with no candidate never pays
    for the Markdown parse."""
    if not pattern.search(doc.body):
        return
    text, starts = prose_text(doc)
    for m in pattern.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        yield i, m.start() - starts[i], m


def first_match_by_line(pattern: re.Pattern, doc) -> Iterator[tuple[int, int, re.Match]]:
    """Like `matches_by_line`, the first match of each line only: the next
    search starts at the next line, so a line holding a million matches
    costs one.  For patterns that never match a newline."""
    if not pattern.search(doc.body):
        return
    text, starts = prose_text(doc)
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        i = bisect_right(starts, m.start()) - 1
        yield i, m.start() - starts[i], m
        pos = starts[i + 1] if i + 1 < len(starts) else len(text)
