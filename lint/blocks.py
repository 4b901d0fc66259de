"""The body read as Markdown: one CommonMark parse with source positions.

`parse_blocks(body, lines)` turns the body into its leaf blocks (paragraph,
heading, table row, fenced or indented code, HTML block, link reference
definition, thematic break), each with its body-line span, the containers it
sits in (list item, block quote), the text a reader reads and its inline
parts (links, images, code spans, emphasis, inline HTML).  It also builds the
prose view: every body line with code, HTML markup, link targets and
reference definitions blanked out, so rules that read prose keep exact
columns and never see syntax.

The parser is pulldown-cmark (through pyromark): about 0.3 ms for a 9 KB
article, with a byte range for every event, against 2.4-3.6 ms for the full
markdown-it-py parse (measured on the shared corpus; see docs/decisions.md).
Line and column numbers here are 0-based body lines and 0-based character
columns; `Document.file_line` turns a body line into a file line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import partial
from itertools import accumulate, repeat
from operator import add, attrgetter
from typing import NamedTuple

from scrapelint.prose_masks import prose_view


class Inline(NamedTuple):
    """An inline part of a block, at its place in the body."""

    kind: str  # "link", "image", "code", "html", "emphasis", "strong", "strikethrough"
    line: int  # 0-based body line where it starts
    col: int  # 0-based column where it starts
    end_line: int
    end_col: int  # column just past its end
    text: str  # a link's or image's text, a code span's content, the emphasised text
    target: str = ""  # a link's or image's destination


_REFDEF_RE = re.compile(r" {0,3}\[(?:[^\]\\]|\\.)+\]:")
_TABLE_RULE_RE = re.compile(r" {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")

LEAF_KINDS = ("paragraph", "heading", "table_row", "code", "html", "refdef", "hr")
PROSE_KINDS = frozenset(("paragraph", "heading", "table_row"))  # the leaves that carry text


class Block:
    """A leaf block: the unit a reader sees as one piece of the page."""

    __slots__ = ("kind", "start", "end", "text", "level", "info", "list_depth", "quote_depth", "item", "group",
                 "first_in_item", "footnote", "table_head", "links", "images", "code", "emphasis", "html", "link_chars")

    kind: str  # one of LEAF_KINDS
    start: int  # first body line (0-based)
    end: int  # last body line (0-based, inclusive)
    text: str  # what a reader reads: link text kept, code, markup and targets left out
    level: int  # a heading's level
    info: str  # a fenced code block's info string
    list_depth: int  # how many lists it is nested in
    quote_depth: int  # how many block quotes it is nested in
    item: int | None  # index of the list item it belongs to (items of one list share `group`)
    group: int | None  # id of the list or table it belongs to
    first_in_item: bool  # the first block of its list item
    footnote: bool  # inside a footnote definition
    table_head: bool  # a table's header row
    links: list[Inline]
    images: list[Inline]
    code: list[Inline]  # code spans
    emphasis: list[Inline]  # emphasis, strong, strikethrough
    html: list[Inline]  # inline HTML tags
    link_chars: int  # characters of `text` that are link text

    # A plain class, not a dataclass: the generated __init__ filled the five
    # lists through default factories and took twice as long (a body has
    # dozens of blocks), and a dataclass compiles its methods at import.
    def __init__(self, kind: str, start: int, end: int, list_depth: int = 0, quote_depth: int = 0,
                 item: int | None = None, group: int | None = None, first_in_item: bool = False,
                 footnote: bool = False) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = ""
        self.level = 0
        self.info = ""
        self.list_depth = list_depth
        self.quote_depth = quote_depth
        self.item = item
        self.group = group
        self.first_in_item = first_in_item
        self.footnote = footnote
        self.table_head = False
        self.links = []
        self.images = []
        self.code = []
        self.emphasis = []
        self.html = []
        self.link_chars = 0

    @property
    def is_prose_kind(self) -> bool:
        """Paragraphs, headings and table rows carry text; code, HTML,
        definitions and rules do not."""
        return self.kind in PROSE_KINDS

    @property
    def link_density(self) -> float:
        n = len(self.text)
        return min(1.0, self.link_chars / n) if n else (1.0 if self.links else 0.0)

    @property
    def lines(self) -> range:
        return range(self.start, self.end + 1)


class BodyModel:
    """The leaf blocks of a body, the block of each line, and the prose view
    (built on first use: only the rules that read prose pay for it)."""

    __slots__ = ("blocks", "block_of_line", "lines_read", "_lines", "_raw_lines", "_masked", "_prose", "_unread")

    def __init__(self, blocks: list[Block], block_of_line: list[int], lines: list[str], raw_lines: list[str],
                 masked: list[Inline], unread: int = 0) -> None:
        self.blocks = blocks
        # body line -> index into blocks, -1 outside any leaf (blank, or past `lines_read`)
        self.block_of_line = block_of_line + [-1] * unread if unread else block_of_line
        self.lines_read = len(lines)  # the body lines parsed (all but those past MAX_LINES)
        self._lines = lines
        self._raw_lines = raw_lines
        self._masked = masked  # the inline parts and code blocks to blank, in the walk's order
        self._prose: list[str] | None = None
        self._unread = unread

    @property
    def prose_lines(self) -> list[str]:
        """The body lines with code, markup, link targets and reference
        definitions blanked by spaces."""
        if self._prose is None:
            self._prose = prose_view(self._lines, self._raw_lines, self.blocks, self._masked)
            self._prose += [""] * self._unread  # never parsed: no prose is known there
        return self._prose


class _Positions:
    """Byte offsets of the parser -> (body line, character column), by a
    bisect on the byte offsets where lines start.  A non-ASCII body is also
    kept encoded, line by line: on its non-ASCII lines a column counts
    characters, not bytes."""

    __slots__ = ("starts", "raw_lines", "encoded")

    def __init__(self, body: str, raw_lines: list[str]) -> None:
        self.raw_lines = raw_lines
        # UTF-8 never puts a newline byte inside a character, so the encoded
        # body splits into the same lines.
        self.encoded = None if body.isascii() else body.encode("utf-8", "surrogatepass").split(b"\n")
        lengths = map(len, raw_lines if self.encoded is None else self.encoded)
        self.starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
        # The last start is one past the body's end, and the parser's offsets
        # never pass the end: a bisect always lands on a line.

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column) of `start`, then of `end`: most spans lie on one line."""
        starts = self.starts
        a = bisect_right(starts, start) - 1
        b = a if end < starts[a + 1] else bisect_right(starts, end) - 1
        a_col = start - starts[a]
        b_col = end - starts[b]
        encoded = self.encoded
        if encoded is not None:  # on a non-ASCII line, count characters
            raw_lines = self.raw_lines
            if a_col and len(encoded[a]) != len(raw_lines[a]):
                a_col = len(encoded[a][:a_col].decode("utf-8", "ignore"))
            if b_col and len(encoded[b]) != len(raw_lines[b]):
                b_col = len(encoded[b][:b_col].decode("utf-8", "ignore"))
        return a, a_col, b, b_col


_OPTIONS = None


def _events(body: str):
    global _OPTIONS
    import pyromark

    if _OPTIONS is None:
        o = pyromark.Options
        # Tables and strikethrough are what HTML-to-Markdown converters
        # write; footnotes and task lists appear in published Markdown.
        _OPTIONS = o.ENABLE_TABLES | o.ENABLE_STRIKETHROUGH | o.ENABLE_FOOTNOTES | o.ENABLE_TASKLISTS
    # Text comes unmerged (split at escapes and entities): pyromark's
    # merging and its Markdown object each cost more than they save.
    try:
        return pyromark.events_with_range(body, options=_OPTIONS)
    except (UnicodeEncodeError, ValueError):  # lone surrogates from a JSON record
        return pyromark.events_with_range(body.encode("utf-8", "replace").decode("utf-8"), options=_OPTIONS)


_START = attrgetter("start")
# Inline(*fields) without the Python-level __new__ of a NamedTuple
_inline = partial(tuple.__new__, Inline)
_INLINE_KINDS = {"Link": "link", "Image": "image", "Emphasis": "emphasis", "Strong": "strong",
                 "Strikethrough": "strikethrough"}


def _walk(events, pos: _Positions, masked: list[Inline]) -> list[Block]:
    """The parser's event stream -> leaf blocks in body order; what the
    prose view blanks (links, images, code spans, inline HTML and code
    blocks) is added to `masked`.  One loop on local state, dispatching
    on the most frequent events first: a document brings about 250 events,
    and per-event method calls and attribute look-ups were most of the cost."""
    starts = pos.starts
    span = pos.span
    blocks: list[Block] = []
    texts: list[list[str]] = []  # each block's text parts, joined once at the end
    leaf: Block | None = None
    parts: list[str] = []
    leaf_end = 0  # byte end of the open leaf (an implicit paragraph grows it)
    implicit = False  # the open leaf is the text straight inside a tight list item
    list_depth = quote_depth = footnote = 0
    groups: list[int] = []  # ids of the open lists and tables, innermost last
    items: list[int] = []  # open list items
    group = item = None  # the innermost of each
    in_footnote = False
    next_id = 0
    item_fresh = False  # the innermost item has no block yet
    inline_stack: list[tuple[str, int, str, int]] = []  # (kind, byte start, target, len(parts))
    link_depth = 0

    def close() -> None:  # called only on an open leaf: the calls are most of its cost
        nonlocal leaf, implicit
        if implicit:  # its end is known only now
            end = bisect_right(starts, leaf_end - 1 if leaf_end > 0 else 0) - 1
            leaf.end = end if end > leaf.start else leaf.start
            implicit = False
        leaf = None

    def open_leaf(kind: str, start: int, end: int) -> Block:
        nonlocal leaf, parts, leaf_end, item_fresh
        if leaf is not None:
            close()
        a = bisect_right(starts, start) - 1
        # the line of the block's last byte (never before its first): mostly its first line
        b = a if end <= starts[a + 1] else bisect_right(starts, end - 1) - 1
        # item_fresh is set only while an item is open
        leaf = Block(kind, a, b, list_depth, quote_depth, item, group, item_fresh, in_footnote)
        item_fresh = False
        leaf_end = end
        parts = []
        blocks.append(leaf)
        texts.append(parts)
        return leaf

    # An event is a one-key dict ({"Start": tag}, {"End": tag}, {"Text": s},
    # ...) or a bare string (SoftBreak, HardBreak, Rule, none of which holds
    # "Start", "End" or "Text").  `in` tests on the key are several times
    # cheaper than unpacking `event.items()`; frequent events come first.
    for event, rng in events:
        if "Start" in event:
            tag = event["Start"]
            if tag.__class__ is not str:  # a tag with attributes: {"Link": {...}}
                attrs = tag
                tag = next(iter(attrs))
                attrs = attrs[tag]
            if tag == "Paragraph":
                open_leaf("paragraph", rng["start"], rng["end"])
            elif tag in _INLINE_KINDS:
                kind = _INLINE_KINDS[tag]
                start = rng["start"]
                end = rng["end"]
                if leaf is None:
                    open_leaf("paragraph", start, end)
                    implicit = True
                elif implicit and end > leaf_end:
                    leaf_end = end
                if kind == "link" or kind == "image":
                    inline_stack.append((kind, start, attrs.get("dest_url") or "", len(parts)))
                    if kind == "link":
                        link_depth += 1
                else:
                    inline_stack.append((kind, start, "", len(parts)))
            elif tag == "Item":
                if leaf is not None:
                    close()
                item = next_id
                items.append(item)
                next_id += 1
                item_fresh = True
            elif tag == "TableCell":
                if parts and leaf is not None:
                    parts.append(" | ")
            elif tag == "Heading":
                level = attrs["level"]  # "H2"
                level = int(level[1:]) if isinstance(level, str) else int(level)
                open_leaf("heading", rng["start"], rng["end"]).level = level
            elif tag == "List" or tag == "Table":
                if leaf is not None:
                    close()
                if tag == "List":
                    list_depth += 1
                group = next_id
                groups.append(group)
                next_id += 1
            elif tag == "TableRow" or tag == "TableHead":
                open_leaf("table_row", rng["start"], rng["end"]).table_head = tag == "TableHead"
            elif tag == "CodeBlock":
                start = rng["start"]
                end = rng["end"]
                open_leaf("code", start, end).info = (attrs.get("Fenced") if isinstance(attrs, dict) else "") or ""
                if end > start:
                    masked.append(_inline(("code_block", *span(start, end), "", "")))
            elif tag == "HtmlBlock":
                open_leaf("html", rng["start"], rng["end"])
            elif tag == "BlockQuote":
                if leaf is not None:
                    close()
                quote_depth += 1
            elif tag == "FootnoteDefinition":
                if leaf is not None:
                    close()
                footnote += 1
                in_footnote = True
        elif "End" in event:
            tag = event["End"]
            if tag.__class__ is not str:  # {"Heading": "H1"}, {"List": True}
                tag = next(iter(tag))
            if tag == "Paragraph":
                if implicit:
                    close()
                else:
                    leaf = None
            elif tag in _INLINE_KINDS:
                if not inline_stack or leaf is None:
                    continue
                kind, start, target, first_part = inline_stack.pop()
                end = rng["end"]
                where = span(start, end)
                part = _inline((kind, *where, "".join(parts[first_part:]).strip(), target))
                if kind == "link":
                    link_depth -= 1
                    leaf.links.append(part)
                    masked.append(part)
                elif kind == "image":
                    leaf.images.append(part)
                    masked.append(part)
                else:
                    leaf.emphasis.append(part)
                if implicit and end > leaf_end:
                    leaf_end = end
            elif tag != "TableCell":  # a cell's row is the leaf
                if leaf is not None:
                    close()
                if tag == "Item":
                    items.pop()
                    item = items[-1] if items else None
                    item_fresh = False
                elif tag == "List" or tag == "Table":
                    if tag == "List":
                        list_depth -= 1
                    groups.pop()
                    group = groups[-1] if groups else None
                elif tag == "BlockQuote":
                    quote_depth -= 1
                elif tag == "FootnoteDefinition":
                    footnote -= 1
                    in_footnote = footnote > 0
        elif "Text" in event:
            if leaf is None:
                open_leaf("paragraph", rng["start"], rng["end"])
                implicit = True
            elif implicit:
                leaf_end = rng["end"]
            if leaf.kind != "code":
                text = event["Text"]
                parts.append(text)
                if link_depth:
                    leaf.link_chars += len(text)
        elif event.__class__ is str:
            if event == "Rule":
                open_leaf("hr", rng["start"], rng["end"])
                close()
            elif leaf is not None:
                parts.append(" ")
        else:
            (key, value), = event.items()
            start = rng["start"]
            end = rng["end"]
            if key == "Html":  # an HTML block's lines are blanked whole
                if leaf is None or leaf.kind != "html":
                    part = _inline(("html", *span(start, end), value, ""))
                    masked.append(part)
                    if leaf is not None:  # inline HTML the parser reports as Html
                        leaf.html.append(part)
                continue
            # Code, InlineHtml, FootnoteReference, TaskListMarker
            if leaf is None:
                open_leaf("paragraph", start, end)
                implicit = True
            elif implicit:
                leaf_end = end
            if key == "Code" or key == "InlineHtml":
                where = span(start, end)
                if key == "Code":
                    part = _inline(("code", *where, value, ""))
                    leaf.code.append(part)
                    parts.append(" ")
                else:
                    part = _inline(("html", *where, value, ""))
                    leaf.html.append(part)
                masked.append(part)
    close()
    for blk, text in zip(blocks, map(str.strip, map("".join, texts))):
        blk.text = text
    return blocks


def _model(blocks: list[Block], lines: list[str], raw_lines: list[str], masked: list[Inline], unread: int,
           refdefs: bool) -> BodyModel:
    """The model of the walked blocks; `unread` body lines follow those
    parsed; `refdefs`: the body may hold link reference definitions."""
    n = len(lines)
    # pulldown-cmark reports no event for a link reference definition: a
    # run of uncovered lines that opens like one is one (syntax, not
    # text).  Other uncovered lines are blank, a table's delimiter row or
    # an empty quote or list marker.
    added = False
    if refdefs:
        covered = bytearray(n)
        for blk in blocks:
            start, end = blk.start, blk.end
            if start == end and start < n:  # most blocks hold one line
                covered[start] = 1
            else:
                covered[start:end + 1] = b"\x01" * (end + 1 - start)
        del covered[n:]
        i = covered.find(0)
        while i != -1:
            if "]:" in lines[i] and _REFDEF_RE.match(lines[i]):
                j = i
                while j + 1 < n and not covered[j + 1] and lines[j + 1].strip() and not _TABLE_RULE_RE.match(lines[j + 1]):
                    j += 1
                blocks.append(Block("refdef", i, j))
                added = True
                i = j
            i = covered.find(0, i + 1)
    starts = list(map(_START, blocks))
    if added or starts != sorted(starts):
        blocks.sort(key=lambda b: (b.start, b.end))
    # A block ends at most on the body's last raw line, one past `lines`
    # when the body ends with a newline: the extra entry is cut at the end.
    block_of_line = [-1] * (n + 1)
    for k in range(len(blocks) - 1, -1, -1):  # backwards: the first block of a line wins
        blk = blocks[k]
        start, end = blk.start, blk.end
        if start == end:  # most blocks hold one line
            block_of_line[start] = k
        else:
            block_of_line[start:end + 1] = [k] * (end + 1 - start)
    del block_of_line[n:]
    return BodyModel(blocks, block_of_line, lines, raw_lines, masked, unread)


# What is read as Markdown: the first MAX_LINES lines, within the first
# MAX_CHARS characters.  Published articles run to a few thousand lines and
# under 200 KB (the longest of 754 real blog posts: 2,875 lines, 173 KB);
# past this a body is a dump or an attack, and every rule that reads
# structure (NV, DT, TI, TX's prose) stops there, so one document's analysis
# costs a bounded time (a line of a megabyte is not read at all).
MAX_LINES = 10_000
MAX_CHARS = 500_000


def parse_blocks(body: str, lines: list[str]) -> BodyModel:
    """Parse `body` (whose lines without their endings are `lines`), up to
    its first MAX_LINES lines, and only whole lines within MAX_CHARS."""
    if not lines:
        return BodyModel([], [], [], [], [])
    read = min(len(lines), MAX_LINES)
    if len(body) > MAX_CHARS:
        read = min(read, body.count("\n", 0, MAX_CHARS))
    unread = len(lines) - read
    if unread:
        if not read:
            return BodyModel([], [], [], [], [], unread)
        cut = -1
        for _ in range(read):
            cut = body.index("\n", cut + 1)
        body, lines = body[:cut], lines[:read]
    if "\r" in body:
        raw_lines = body.split("\n")
    else:  # `lines` are the same but for the empty one after a final newline
        raw_lines = lines + [""] if body.endswith("\n") else lines
    masked: list[Inline] = []
    blocks = _walk(_events(body), _Positions(body, raw_lines), masked)
    # a reference definition's label ends in "]:"
    return _model(blocks, lines, raw_lines, masked, unread, "]:" in body)
