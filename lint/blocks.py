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
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from scrapelint.prose_masks import FULL, Masks

# Tables and strikethrough are what HTML-to-Markdown converters write;
# footnotes and task lists appear in published Markdown.
_OPTIONS = None


def _options():
    global _OPTIONS
    if _OPTIONS is None:
        import pyromark

        o = pyromark.Options
        _OPTIONS = o.ENABLE_TABLES | o.ENABLE_STRIKETHROUGH | o.ENABLE_FOOTNOTES | o.ENABLE_TASKLISTS
    return _OPTIONS


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


@dataclass(slots=True)
class Block:
    """A leaf block: the unit a reader sees as one piece of the page."""

    kind: str  # one of LEAF_KINDS
    start: int  # first body line (0-based)
    end: int  # last body line (0-based, inclusive)
    text: str = ""  # what a reader reads: link text kept, code, markup and targets left out
    level: int = 0  # a heading's level
    info: str = ""  # a fenced code block's info string
    list_depth: int = 0  # how many lists it is nested in
    quote_depth: int = 0  # how many block quotes it is nested in
    item: int | None = None  # index of the list item it belongs to (items of one list share `group`)
    group: int | None = None  # id of the list or table it belongs to
    first_in_item: bool = False  # the first block of its list item
    footnote: bool = False  # inside a footnote definition
    table_head: bool = False  # a table's header row
    links: list[Inline] = field(default_factory=list)
    images: list[Inline] = field(default_factory=list)
    code: list[Inline] = field(default_factory=list)  # code spans
    emphasis: list[Inline] = field(default_factory=list)  # emphasis, strong, strikethrough
    html: list[Inline] = field(default_factory=list)  # inline HTML tags
    link_chars: int = 0  # characters of `text` that are link text

    @property
    def is_prose_kind(self) -> bool:
        """Paragraphs, headings and table rows carry text; code, HTML,
        definitions and rules do not."""
        return self.kind in ("paragraph", "heading", "table_row")

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

    __slots__ = ("blocks", "block_of_line", "lines_read", "_lines", "_masks", "_prose", "_unread")

    def __init__(self, blocks: list[Block], block_of_line: list[int], lines: list[str], masks: "Masks | None",
                 unread: int = 0) -> None:
        self.blocks = blocks
        # body line -> index into blocks, -1 outside any leaf (blank, or past `lines_read`)
        self.block_of_line = block_of_line + [-1] * unread
        self.lines_read = len(lines)  # the body lines parsed (all but those past MAX_LINES)
        self._lines = lines
        self._masks = masks
        self._prose: list[str] | None = None
        self._unread = unread

    @property
    def prose_lines(self) -> list[str]:
        """The body lines with code, markup, link targets and reference
        definitions blanked by spaces."""
        if self._prose is None:
            self._prose = self._masks.apply(self._lines) if self._masks is not None else list(self._lines)
            self._prose += [""] * self._unread  # never parsed: no prose is known there
        return self._prose


class _Positions:
    """Byte offsets of the parser -> (body line, character column).  Events
    come mostly in order, so a cursor on the last line found answers most
    look-ups without a search; only non-ASCII lines are kept encoded."""

    __slots__ = ("raw_lines", "starts", "encoded", "last", "cur")

    def __init__(self, raw_lines: list[str], ascii_body: bool) -> None:
        self.raw_lines = raw_lines
        if ascii_body:
            self.encoded = None
            self.starts = list(accumulate((len(x) + 1 for x in raw_lines), initial=0))
        else:
            self.encoded = [None if x.isascii() else x.encode("utf-8", "surrogatepass") for x in raw_lines]
            self.starts = list(accumulate(((len(x) if e is None else len(e)) + 1
                                           for x, e in zip(raw_lines, self.encoded)), initial=0))
        self.last = len(raw_lines) - 1
        self.cur = 0

    def line(self, offset: int) -> int:
        starts = self.starts
        i = self.cur
        if starts[i] <= offset < starts[i + 1]:
            return i
        i = bisect_right(starts, offset) - 1
        if i > self.last:
            i = self.last
        self.cur = i
        return i

    def at(self, offset: int) -> tuple[int, int]:
        i = self.line(offset)
        col = offset - self.starts[i]
        if col and self.encoded is not None:
            enc = self.encoded[i]
            if enc is not None:
                col = len(enc[:col].decode("utf-8", "ignore"))
        return i, col

    def end_line(self, end: int) -> int:
        """Body line of the last character before byte offset `end`."""
        return self.line(end - 1 if end > 0 else 0)


def _events(body: str):
    import pyromark

    try:
        return pyromark.events_with_range(body, options=_options())
    except (UnicodeEncodeError, ValueError):  # lone surrogates from a JSON record
        return pyromark.events_with_range(body.encode("utf-8", "replace").decode("utf-8"), options=_options())


_LEAF_STARTS = {"Paragraph": "paragraph", "TableHead": "table_row", "TableRow": "table_row"}
_LEAF_ENDS = frozenset(("Paragraph", "Heading", "TableHead", "TableRow", "CodeBlock", "HtmlBlock"))
_INLINE_KINDS = {"Link": "link", "Image": "image", "Emphasis": "emphasis", "Strong": "strong",
                 "Strikethrough": "strikethrough"}


class _Builder:
    """Turns the parser's event stream into leaf blocks and prose masks."""

    def __init__(self, body: str, lines: list[str]) -> None:
        self.lines = lines
        self.raw_lines = body.split("\n")
        self.pos = _Positions(self.raw_lines, body.isascii())
        self.masks = Masks()
        self.blocks: list[Block] = []
        self.list_depth = self.quote_depth = self.footnote = 0
        self.groups: list[int] = []  # ids of the open lists and tables, innermost last
        self.items: list[int] = []  # open list items
        self.next_id = 0
        self.item_fresh = False  # the innermost item has no block yet
        self.leaf: Block | None = None
        self.leaf_end = 0  # byte end of the open leaf (an implicit paragraph grows it)
        self.implicit = False  # the open leaf is the text straight inside a tight list item
        self.parts: list[str] = []
        self.inline_stack: list[tuple[str, int, str, int]] = []  # (kind, byte start, target, len(parts))
        self.link_depth = 0

    # -- leaves ------------------------------------------------------------

    def open_leaf(self, kind: str, start: int, end: int) -> Block:
        self.close_leaf()
        pos = self.pos
        a = pos.line(start)
        b = pos.end_line(end)
        items = self.items
        blk = Block(kind, a, b if b > a else a, list_depth=self.list_depth, quote_depth=self.quote_depth,
                    item=items[-1] if items else None, group=self.groups[-1] if self.groups else None,
                    first_in_item=self.item_fresh and bool(items), footnote=self.footnote > 0)
        self.item_fresh = False
        self.leaf = blk
        self.leaf_end = end
        self.parts = []
        return blk

    def open_implicit(self, start: int, end: int) -> Block:
        blk = self.open_leaf("paragraph", start, end)
        self.implicit = True
        return blk

    def close_leaf(self) -> None:
        leaf = self.leaf
        if leaf is None:
            return
        text = "".join(self.parts)
        leaf.text = text.strip()
        if self.implicit:
            end = self.pos.end_line(self.leaf_end)
            leaf.end = end if end > leaf.start else leaf.start
            self.implicit = False
        self.blocks.append(leaf)
        self.leaf = None

    def inline(self, kind: str, start: int, end: int, text: str, target: str = "") -> Inline:
        a_line, a_col = self.pos.at(start)
        b_line, b_col = self.pos.at(end)
        return Inline(kind, a_line, a_col, b_line, b_col, text, target)

    # -- the event stream ----------------------------------------------------

    def feed(self, events) -> None:
        for event, rng in events:
            if type(event) is str:  # SoftBreak, HardBreak, Rule
                if event == "Rule":
                    self.open_leaf("hr", rng["start"], rng["end"])
                    self.close_leaf()
                elif self.leaf is not None:
                    self.parts.append(" ")
                continue
            text = event.get("Text")
            if text is not None:  # the most frequent event first
                leaf = self.leaf
                if leaf is None:
                    leaf = self.open_implicit(rng["start"], rng["end"])
                elif self.implicit:
                    self.leaf_end = rng["end"]
                if leaf.kind != "code":
                    self.parts.append(text)
                    if self.link_depth:
                        leaf.link_chars += len(text)
                continue
            (key, value), = event.items()
            start = rng["start"]
            end = rng["end"]
            if key == "Start":
                self.start(value, start, end)
            elif key == "End":
                self.end(value, end)
            elif key == "Html":
                leaf = self.leaf
                if leaf is not None and leaf.kind != "html":  # inline HTML the parser reports as Html
                    leaf.html.append(self.inline("html", start, end, value))
                self.mask(start, end)
            else:  # Code, InlineHtml, FootnoteReference, TaskListMarker
                leaf = self.leaf
                if leaf is None:
                    leaf = self.open_implicit(start, end)
                elif self.implicit:
                    self.leaf_end = end
                if key == "Code":
                    part = self.inline("code", start, end, value)
                    leaf.code.append(part)
                    self.masks.add_range(part.line, part.col, part.end_line, part.end_col)
                    self.parts.append(" ")
                elif key == "InlineHtml":
                    part = self.inline("html", start, end, value)
                    leaf.html.append(part)
                    self.masks.add_range(part.line, part.col, part.end_line, part.end_col)
        self.close_leaf()

    def mask(self, start: int, end: int) -> None:
        if end > start:
            a_line, a_col = self.pos.at(start)
            b_line, b_col = self.pos.at(end)
            self.masks.add_range(a_line, a_col, b_line, b_col)

    def start(self, value, start: int, end: int) -> None:
        tag = value if type(value) is str else next(iter(value))
        kind = _INLINE_KINDS.get(tag)
        if kind is not None:
            if self.leaf is None:
                self.open_implicit(start, end)
            elif self.implicit and end > self.leaf_end:
                self.leaf_end = end
            target = value[tag].get("dest_url", "") if kind in ("link", "image") else ""
            self.inline_stack.append((kind, start, target or "", len(self.parts)))
            if kind == "link":
                self.link_depth += 1
            return
        leaf_kind = _LEAF_STARTS.get(tag)
        if leaf_kind is not None:
            self.open_leaf(leaf_kind, start, end).table_head = tag == "TableHead"
        elif tag == "Heading":
            level = value["Heading"]["level"]
            self.open_leaf("heading", start, end).level = int(level[1:]) if isinstance(level, str) else int(level)
        elif tag == "TableCell":
            if self.parts and self.leaf is not None:
                self.parts.append(" | ")
        elif tag == "CodeBlock":
            kind = value["CodeBlock"]
            self.open_leaf("code", start, end).info = (kind.get("Fenced") if isinstance(kind, dict) else "") or ""
            self.mask(start, end)
        elif tag == "HtmlBlock":
            self.open_leaf("html", start, end)
        elif tag == "List" or tag == "Table":
            self.close_leaf()
            if tag == "List":
                self.list_depth += 1
            self.groups.append(self.next_id)
            self.next_id += 1
        elif tag == "Item":
            self.close_leaf()
            self.items.append(self.next_id)
            self.next_id += 1
            self.item_fresh = True
        elif tag == "BlockQuote":
            self.close_leaf()
            self.quote_depth += 1
        elif tag == "FootnoteDefinition":
            self.close_leaf()
            self.footnote += 1

    def end(self, value, end: int) -> None:
        tag = value if type(value) is str else next(iter(value))
        if tag in _LEAF_ENDS:
            self.close_leaf()
            return
        if tag == "TableCell":
            return
        kind = _INLINE_KINDS.get(tag)
        if kind is not None:
            leaf = self.leaf
            if not self.inline_stack or leaf is None:
                return
            kind, s, target, at = self.inline_stack.pop()
            part = self.inline(kind, s, end, "".join(self.parts[at:]).strip(), target)
            if kind == "link":
                self.link_depth -= 1
                leaf.links.append(part)
                self.mask_link_syntax(part)
            elif kind == "image":
                leaf.images.append(part)
                self.mask_link_syntax(part)
            else:
                leaf.emphasis.append(part)
            if self.implicit and end > self.leaf_end:
                self.leaf_end = end
            return
        self.close_leaf()
        if tag == "List" or tag == "Table":
            if tag == "List":
                self.list_depth -= 1
            self.groups.pop()
        elif tag == "Item":
            self.items.pop()
            self.item_fresh = False
        elif tag == "BlockQuote":
            self.quote_depth -= 1
        elif tag == "FootnoteDefinition":
            self.footnote -= 1

    def mask_link_syntax(self, part: Inline) -> None:
        """Blank a link's or image's syntax, keeping its text: the opening `[`
        (or `![`) and everything from the closing `](` or `][` on; an
        autolink (`<https://...>`) is all syntax."""
        a_line, a_col, b_line, b_col = part.line, part.col, part.end_line, part.end_col
        line = self.raw_lines[b_line]
        masks = self.masks
        if a_line == b_line and line[a_col:a_col + 1] == "<":
            masks.add(a_line, a_col, b_col)
            return
        lo = a_col if a_line == b_line else 0
        close = max(line.rfind("](", lo, b_col), line.rfind("][", lo, b_col))
        masks.add(a_line, a_col, a_col + (2 if part.kind == "image" else 1))
        if close != -1:
            masks.add(b_line, close, b_col)

    # -- after the stream ------------------------------------------------------

    def finish(self, unread: int = 0) -> BodyModel:
        """The model; `unread` body lines follow those parsed."""
        n = len(self.lines)
        blocks = self.blocks
        covered = bytearray(n)
        for blk in blocks:
            covered[blk.start:blk.end + 1] = b"\x01" * (blk.end + 1 - blk.start)
        del covered[n:]
        # pulldown-cmark reports no event for a link reference definition: a
        # run of uncovered lines that opens like one is one (syntax, not
        # text).  Other uncovered lines are a table's delimiter row or an empty
        # quote or list marker.
        lines = self.lines
        i = covered.find(0)
        added = False
        while i != -1:
            if _REFDEF_RE.match(lines[i]):
                j = i
                while j + 1 < n and not covered[j + 1] and lines[j + 1].strip() and not _TABLE_RULE_RE.match(lines[j + 1]):
                    j += 1
                blocks.append(Block("refdef", i, j))
                for k in range(i, j + 1):
                    self.masks.add(k, 0, FULL)
                added = True
                i = j
            i = covered.find(0, i + 1)
        if added or any(blocks[k].start < blocks[k - 1].start for k in range(1, len(blocks))):
            blocks.sort(key=lambda b: (b.start, b.end))
        block_of_line = [-1] * n
        for k in range(len(blocks) - 1, -1, -1):  # backwards: the first block of a line wins
            blk = blocks[k]
            end = blk.end if blk.end < n else n - 1
            block_of_line[blk.start:end + 1] = [k] * (end + 1 - blk.start)
            if blk.kind == "html":
                for j in range(blk.start, end + 1):
                    self.masks.add(j, 0, FULL)
        return BodyModel(blocks, block_of_line, lines, self.masks, unread)


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
        return BodyModel([], [], [], None)
    read = min(len(lines), MAX_LINES)
    if len(body) > MAX_CHARS:
        read = min(read, body.count("\n", 0, MAX_CHARS))
    unread = len(lines) - read
    if unread:
        if not read:
            return BodyModel([], [], [], None, unread)
        cut = -1
        for _ in range(read):
            cut = body.index("\n", cut + 1)
        body, lines = body[:cut], lines[:read]
    builder = _Builder(body, lines)
    builder.feed(_events(body))
    return builder.finish(unread)
