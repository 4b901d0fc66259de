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


class BodyModel(NamedTuple):
    blocks: list[Block]
    block_of_line: list[int]  # body line -> index into blocks, -1 for a line outside any leaf (blank)
    prose_lines: list[str]  # the body lines with code, markup, targets and definitions blanked


class _Positions:
    """Byte offsets of the parser -> (body line, character column)."""

    def __init__(self, body: str, raw_lines: list[str]) -> None:
        self.ascii = body.isascii()
        self.raw_lines = raw_lines
        if self.ascii:
            self.starts = list(accumulate((len(x) + 1 for x in raw_lines), initial=0))
            self.encoded = None
        else:
            self.encoded = [x.encode("utf-8", "surrogatepass") for x in raw_lines]
            self.starts = list(accumulate((len(x) + 1 for x in self.encoded), initial=0))

    def line(self, offset: int) -> int:
        return min(bisect_right(self.starts, offset) - 1, len(self.raw_lines) - 1)

    def at(self, offset: int) -> tuple[int, int]:
        i = self.line(offset)
        col = offset - self.starts[i]
        if self.encoded is not None and col:
            col = len(self.encoded[i][:col].decode("utf-8", "ignore"))
        return i, col

    def end_line(self, end: int) -> int:
        """Body line of the last character before byte offset `end`."""
        return self.line(max(end - 1, 0))


def _mask(masks: dict[int, list[tuple[int, int]]], pos: _Positions, start: int, end: int) -> None:
    """Blank the bytes [start, end) in the prose view (all lines they span)."""
    if end <= start:
        return
    a_line, a_col = pos.at(start)
    b_line, b_col = pos.at(end)
    if b_line == a_line:
        masks.setdefault(a_line, []).append((a_col, b_col))
        return
    masks.setdefault(a_line, []).append((a_col, 1 << 30))
    for i in range(a_line + 1, b_line):
        masks.setdefault(i, []).append((0, 1 << 30))
    if b_col:
        masks.setdefault(b_line, []).append((0, b_col))


def _events(body: str):
    import pyromark

    try:
        return pyromark.events_with_range(body, options=_options())
    except (UnicodeEncodeError, ValueError):  # lone surrogates from a JSON record
        return pyromark.events_with_range(body.encode("utf-8", "replace").decode("utf-8"), options=_options())


def parse_blocks(body: str, lines: list[str]) -> BodyModel:
    """Parse `body` (whose lines without their endings are `lines`)."""
    n = len(lines)
    if n == 0:
        return BodyModel([], [], [])
    raw_lines = body.split("\n")
    pos = _Positions(body, raw_lines)
    blocks: list[Block] = []
    masks: dict[int, list[tuple[int, int]]] = {}

    list_depth = quote_depth = 0
    footnote = 0
    groups: list[int] = []  # ids of the open lists/tables, innermost last
    next_group = 0
    items: list[int] = []  # open list items
    next_item = 0
    item_fresh = False  # the current item has no block yet
    leaf: Block | None = None
    leaf_bytes = [0, 0]  # byte range of the open leaf (implicit paragraphs grow it)
    implicit = False  # the open leaf is the text of a tight list item
    parts: list[str] = []
    inline_stack: list[tuple[str, int, str, int]] = []  # (kind, byte start, target, len(parts) at start)
    link_depth = 0
    link_text_start = 0

    def open_leaf(kind: str, start: int, end: int, **kw) -> Block:
        nonlocal leaf, item_fresh, parts
        a = pos.line(start)
        b = pos.end_line(end)
        blk = Block(kind, a, max(a, b), list_depth=list_depth, quote_depth=quote_depth,
                    item=items[-1] if items else None, group=groups[-1] if groups else None,
                    first_in_item=item_fresh and bool(items), footnote=footnote > 0, **kw)
        item_fresh = False
        leaf = blk
        leaf_bytes[0], leaf_bytes[1] = start, end
        parts = []
        return blk

    def close_leaf() -> None:
        nonlocal leaf, implicit
        if leaf is None:
            return
        text = "".join(parts)
        if "\n" in text:
            text = text.replace("\n", " ")
        leaf.text = text.strip()
        if implicit:
            leaf.end = max(leaf.start, pos.end_line(leaf_bytes[1]))
        blocks.append(leaf)
        leaf = None
        implicit = False

    for event, rng in _events(body):
        start = rng["start"]
        end = rng["end"]
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            if event == "Rule":
                close_leaf()
                open_leaf("hr", start, end)
                close_leaf()
            elif leaf is not None:
                parts.append(" ")
            continue
        (key, value), = event.items()
        if key == "Text" or key == "Code" or key == "InlineHtml" or key == "FootnoteReference" \
                or key == "TaskListMarker" or key == "SoftBreak" or key == "HardBreak":
            if leaf is None:
                # text straight inside a tight list item: an implicit paragraph
                open_leaf("paragraph", start, end)
                implicit = True
            elif implicit:
                leaf_bytes[1] = end
            if key == "Text":
                if leaf.kind == "code":
                    continue
                parts.append(value)
                if link_depth:
                    leaf.link_chars += len(value)
            elif key == "Code":
                a_line, a_col = pos.at(start)
                b_line, b_col = pos.at(end)
                leaf.code.append(Inline("code", a_line, a_col, b_line, b_col, value))
                _mask(masks, pos, start, end)
                parts.append(" ")
            elif key == "InlineHtml":
                a_line, a_col = pos.at(start)
                b_line, b_col = pos.at(end)
                leaf.html.append(Inline("html", a_line, a_col, b_line, b_col, value))
                _mask(masks, pos, start, end)
            elif key in ("SoftBreak", "HardBreak"):
                parts.append(" ")
            continue
        if key == "Html":
            if leaf is not None and leaf.kind != "html":  # inline HTML reported as Html
                a_line, a_col = pos.at(start)
                b_line, b_col = pos.at(end)
                leaf.html.append(Inline("html", a_line, a_col, b_line, b_col, value))
            _mask(masks, pos, start, end)
            continue
        if key == "Start":
            tag = value if type(value) is str else next(iter(value))
            if tag == "Paragraph":
                close_leaf()
                open_leaf("paragraph", start, end)
            elif tag == "Heading":
                close_leaf()
                level = value["Heading"]["level"]
                open_leaf("heading", start, end, level=int(level[1:]) if isinstance(level, str) else int(level))
            elif tag == "TableHead" or tag == "TableRow":
                close_leaf()
                open_leaf("table_row", start, end, table_head=tag == "TableHead")
            elif tag == "TableCell":
                if parts and leaf is not None:
                    parts.append(" | ")
            elif tag == "CodeBlock":
                close_leaf()
                kind = value["CodeBlock"]
                info = kind.get("Fenced", "") if isinstance(kind, dict) else ""
                open_leaf("code", start, end, info=info or "")
                _mask(masks, pos, start, end)
            elif tag == "HtmlBlock":
                close_leaf()
                open_leaf("html", start, end)
            elif tag in ("Link", "Image"):
                if leaf is None:
                    open_leaf("paragraph", start, end)
                    implicit = True
                elif implicit:
                    leaf_bytes[1] = max(leaf_bytes[1], end)
                target = value[tag].get("dest_url", "") if isinstance(value, dict) else ""
                inline_stack.append((tag.lower(), start, target, len(parts)))
                if tag == "Link":
                    link_depth += 1
            elif tag in ("Emphasis", "Strong", "Strikethrough"):
                if leaf is None:
                    open_leaf("paragraph", start, end)
                    implicit = True
                inline_stack.append((tag.lower(), start, "", len(parts)))
            elif tag == "List":
                close_leaf()
                list_depth += 1
                groups.append(next_group)
                next_group += 1
            elif tag == "Table":
                close_leaf()
                groups.append(next_group)
                next_group += 1
            elif tag == "Item":
                close_leaf()
                items.append(next_item)
                next_item += 1
                item_fresh = True
            elif tag == "BlockQuote":
                close_leaf()
                quote_depth += 1
            elif tag == "FootnoteDefinition":
                close_leaf()
                footnote += 1
            continue
        # key == "End"
        tag = value if type(value) is str else next(iter(value))
        if tag in ("Paragraph", "Heading", "TableHead", "TableRow", "CodeBlock", "HtmlBlock"):
            close_leaf()
        elif tag in ("Link", "Image", "Emphasis", "Strong", "Strikethrough"):
            if not inline_stack or leaf is None:
                continue
            kind, s, target, at = inline_stack.pop()
            text = "".join(parts[at:]).strip()
            a_line, a_col = pos.at(s)
            b_line, b_col = pos.at(end)
            part = Inline(kind, a_line, a_col, b_line, b_col, text, target)
            if kind == "link":
                link_depth -= 1
                leaf.links.append(part)
                _mask_link_syntax(masks, pos, s, end)
            elif kind == "image":
                leaf.images.append(part)
                _mask_link_syntax(masks, pos, s, end)
            else:
                leaf.emphasis.append(part)
            if implicit:
                leaf_bytes[1] = max(leaf_bytes[1], end)
        elif tag == "List":
            close_leaf()
            list_depth -= 1
            groups.pop()
        elif tag == "Table":
            close_leaf()
            groups.pop()
        elif tag == "Item":
            close_leaf()
            items.pop()
            item_fresh = False
        elif tag == "BlockQuote":
            close_leaf()
            quote_depth -= 1
        elif tag == "FootnoteDefinition":
            close_leaf()
            footnote -= 1
    close_leaf()

    blocks.sort(key=lambda b: (b.start, b.end))
    block_of_line = [-1] * n
    for k, blk in enumerate(blocks):
        for i in range(blk.start, min(blk.end, n - 1) + 1):
            if block_of_line[i] == -1:
                block_of_line[i] = k
    # pulldown-cmark reports no event for a link reference definition: a run
    # of uncovered lines that opens like one is one (syntax, not text).
    # Other uncovered lines are a table's delimiter row or an empty quote
    # or list marker.
    extra = []
    i = 0
    while i < n:
        if block_of_line[i] == -1 and _REFDEF_RE.match(lines[i]):
            j = i
            while j + 1 < n and block_of_line[j + 1] == -1 and lines[j + 1].strip() \
                    and not _TABLE_RULE_RE.match(lines[j + 1]):
                j += 1
            extra.append(Block("refdef", i, j))
            for k in range(i, j + 1):
                masks.setdefault(k, []).append((0, 1 << 30))
            i = j
        i += 1
    if extra:
        blocks = sorted(blocks + extra, key=lambda b: (b.start, b.end))
        block_of_line = [-1] * n
        for k, blk in enumerate(blocks):
            for i in range(blk.start, min(blk.end, n - 1) + 1):
                if block_of_line[i] == -1:
                    block_of_line[i] = k
    for blk in blocks:
        if blk.kind == "html":
            for j in range(blk.start, min(blk.end, n - 1) + 1):
                masks.setdefault(j, []).append((0, 1 << 30))

    prose_lines = list(lines)
    for i, spans in masks.items():
        if i < n:
            prose_lines[i] = _blank(prose_lines[i], spans)
    return BodyModel(blocks, block_of_line, prose_lines)


def _blank(line: str, spans: list[tuple[int, int]]) -> str:
    """`line` with the column ranges `spans` replaced by spaces."""
    out = []
    pos = 0
    for a, b in sorted(spans):
        a = max(a, pos)
        b = min(b, len(line))
        if b <= a:
            continue
        out.append(line[pos:a])
        out.append(" " * (b - a))
        pos = b
    out.append(line[pos:])
    return "".join(out)


def _mask_link_syntax(masks, pos: _Positions, start: int, end: int) -> None:
    """Blank a link's or image's syntax, keeping its text: the opening `[`
    (or `![`) and everything from the closing `](` or `][` on; an autolink
    (`<https://...>`) is all syntax."""
    a_line, a_col = pos.at(start)
    b_line, b_col = pos.at(end)
    line = pos.raw_lines[b_line]
    if a_line == b_line and line[a_col:a_col + 1] == "<":
        masks.setdefault(a_line, []).append((a_col, b_col))
        return
    lo = a_col if a_line == b_line else 0
    close = max(line.rfind("](", lo, b_col), line.rfind("][", lo, b_col))
    opener = 2 if pos.raw_lines[a_line].startswith("![", a_col) else 1
    masks.setdefault(a_line, []).append((a_col, a_col + opener))
    if close != -1:
        masks.setdefault(b_line, []).append((close, b_col))
