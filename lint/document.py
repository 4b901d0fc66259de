"""The Document every rule reads: metadata, body, exact line numbers, and
lazily computed views shared by all rules.

A view (lines, words, links, headings, URL parts, Markdown blocks) is
computed at most once per document, on first use, and only if some enabled
rule asks for it; `shared` keeps the rules' shared analyses (the article
layout, the date evidence) the same way.  Rules never re-read the file or re-parse the
body.
"""

from __future__ import annotations

import re
from typing import Any, Callable, NamedTuple, TypeVar
from urllib.parse import SplitResult, urlsplit

from scrapelint import timings
from scrapelint.timings import view

T = TypeVar("T")

# Canonical field -> keys tried, in order, when the configuration names none.
DEFAULT_FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "source": ("source", "url", "link", "source_url", "canonical_url"),
    "date": ("date", "published", "published_at", "date_published", "pubdate"),
    "description": ("description", "summary", "excerpt"),
    "word_count": ("word_count", "wordcount", "words"),
    "author": ("author", "authors", "byline"),
    "body": ("text", "body", "content", "markdown"),
}


class KeyInfo(NamedTuple):
    """Where a top-level front-matter key stands in the file."""

    line: int  # 1-based file line of the key
    column: int  # 1-based column of the key
    value_start: int | None = None  # offsets into Document.text of the value
    value_end: int | None = None  # as written (quotes included), when on one line


class Link(NamedTuple):
    line: int  # 1-based file line
    column: int  # 1-based column of the opening bracket
    end_column: int  # 1-based column just past the closing parenthesis
    text: str
    target: str
    image: bool


class Heading(NamedTuple):
    line: int  # 1-based file line
    level: int
    text: str


_LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\s]*(?:\([^()]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?)\)")
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class Document:
    """One scraped article: a Markdown file or a dataset record.

    `text` is the whole decoded file with its newlines as they were (BOM
    removed, `bom` remembers it), so fixes can edit it byte for byte.  For
    dataset records `text` is None and nothing is fixable.
    """

    def __init__(
        self,
        path: str,
        *,
        text: str | None = None,
        meta: dict[str, Any] | None = None,
        body: str = "",
        body_start_line: int = 1,
        meta_format: str | None = None,
        keys: dict[str, KeyInfo] | None = None,
        fm_end_line: int = 0,
        record: str | None = None,
        record_line: int | None = None,
        field_map: dict[str, str] | None = None,
        aliases: dict[str, tuple[str, ...]] | None = None,
        bom: bool = False,
        unreadable: str | None = None,
        unreadable_line: int | None = None,
        fm_error: tuple[str, int, int] | None = None,
        duplicate_keys: list[tuple[str, int, int]] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.meta = meta if meta is not None else {}
        self.body = body
        self.body_start_line = body_start_line
        self.meta_format = meta_format  # "yaml", "toml", "json" or None (no front matter)
        self.keys = keys or {}
        self.fm_end_line = fm_end_line  # file line of the closing delimiter (0: none)
        self.record = record
        self.record_line = record_line
        self.field_map = field_map or {}
        # canonical field -> keys tried when `field_map` names none (a dataset layout's)
        self.aliases = aliases or DEFAULT_FIELD_ALIASES
        self.record_layout: str | None = None  # for records: datatrove, dolma or plain
        self.body_key: str | None = None  # for records: the key the body was read from
        self.bom = bom
        self.unreadable = unreadable  # why the input could not be read at all
        self.unreadable_line = unreadable_line
        self.fm_error = fm_error  # (message, line, column) of a front-matter syntax error
        self.duplicate_keys = duplicate_keys or []  # (key, line, first line)

    # 0-based body line -> how many documents of the run's site repeat it, for
    # the lines a rule that learned from the run's other pages knows to be the
    # site's furniture (DS004); the NV rules take them as evidence.  Replaced
    # per document, never changed in place.
    site_furniture: dict[int, int] = {}

    # -- identity -----------------------------------------------------------

    @property
    def is_record(self) -> bool:
        return self.record is not None

    @property
    def display_name(self) -> str:
        return f"{self.path}[{self.record}]" if self.record is not None else self.path

    # -- metadata -----------------------------------------------------------

    def field_key(self, field: str) -> str | None:
        """The metadata key that holds a canonical field (title, source, date...)."""
        configured = self.field_map.get(field)
        if configured is not None:
            return configured if configured in self.meta else None
        for key in self.aliases.get(field, (field,)):
            if key in self.meta:
                return key
        return None

    def field(self, field: str) -> Any:
        key = self.field_key(field)
        return None if key is None else self.meta[key]

    def key_line(self, key: str | None) -> int | None:
        """File line of a metadata key; for records, the record's line."""
        if key is None:
            return self.record_line if self.is_record else None
        info = self.keys.get(key)
        if info is not None:
            return info.line
        return self.record_line if self.is_record else None

    def value_span(self, key: str) -> tuple[int, int] | None:
        """(start, end) offsets of a key's value as written, if on one line."""
        info = self.keys.get(key)
        if info is None or info.value_start is None or self.text is None:
            return None
        return info.value_start, info.value_end

    def key_span(self, key: str | None) -> tuple[int | None, int | None, int | None]:
        """(line, column, end column) of a key's value, for a finding that
        points at it; the end column only when the value is on its line."""
        line = self.key_line(key)
        info = self.keys.get(key) if key is not None else None
        if info is None:
            return line, None, None
        span = self.value_span(key)
        if span is None:
            return line, info.column, None
        line_start = self.text.rfind("\n", 0, span[0]) + 1
        return line, info.column, span[1] - line_start + 1

    # -- body views ----------------------------------------------------------

    @view
    def lines(self) -> list[str]:
        """Body lines without their line endings (CR of CRLF removed)."""
        lines = self.body.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if "\r" in self.body:
            lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
        return lines

    def file_line(self, index: int) -> int:
        """File line of body line `index` (0-based); for a record, its body
        line (a finding is reported at the record's line, and keeps this one)."""
        return self.body_start_line + index

    def body_index(self, file_line: int) -> int:
        return file_line - self.body_start_line

    @view
    def words(self) -> list[str]:
        """Whitespace tokens of the body (the word count's definition)."""
        return self.body.split()

    @view
    def word_count(self) -> int:
        return len(self.words)

    @view
    def code_lines(self) -> frozenset[int]:
        """0-based body lines inside fenced code blocks (fences included)."""
        if "```" not in self.body and "~~~" not in self.body:
            return frozenset()
        inside: set[int] = set()
        fence: str | None = None
        for i, line in enumerate(self.lines):
            m = _FENCE_RE.match(line)
            if fence is None:
                if m:
                    fence = m.group(1)
                    inside.add(i)
            else:
                inside.add(i)
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                    fence = None
        return frozenset(inside)

    @view
    def links(self) -> list[Link]:
        """Inline Markdown links and images, line-exact (a compiled regex, not
        a full parse: markdown-it costs ~1.7 ms a document, 25x the floor)."""
        found = []
        code = self.code_lines
        for i, line in enumerate(self.lines):
            if "](" not in line or i in code:
                continue
            for m in _LINK_RE.finditer(line):
                target = m.group(3)
                found.append(Link(self.file_line(i), m.start() + 1, m.end() + 1, m.group(2), target, m.group(1) == "!"))
        return found

    @view
    def headings(self) -> list[Heading]:
        """ATX (`# x`) and setext (`x` over `===`) headings outside code."""
        found = []
        code = self.code_lines
        lines = self.lines
        for i, line in enumerate(lines):
            if i in code or not line:
                continue
            if line.lstrip().startswith("#"):
                m = _ATX_RE.match(line)
                if m:
                    found.append(Heading(self.file_line(i), len(m.group(1)), (m.group(2) or "").strip()))
                    continue
            if i + 1 < len(lines) and line.strip() and (lines[i + 1][:1] in "=-") and lines[i + 1]:
                m = _SETEXT_RE.match(lines[i + 1])
                if m and not line.lstrip().startswith(("-", "*", "+", ">")):
                    found.append(Heading(self.file_line(i), 1 if m.group(1)[0] == "=" else 2, line.strip()))
        return found

    # -- the body as Markdown (scrapelint.blocks) ------------------------------

    @view
    def body_model(self):
        """The body parsed once as CommonMark: leaf blocks, the block of each
        line and the prose view (see `scrapelint.blocks`)."""
        from scrapelint.blocks import parse_blocks

        return parse_blocks(self.body, self.lines)

    @property
    def blocks(self):
        """Leaf blocks (paragraph, heading, table row, code, HTML block,
        reference definition, thematic break) in body order, 0-based lines."""
        return self.body_model.blocks

    def block_at(self, index: int):
        """The leaf block holding body line `index`, or None (a blank line)."""
        k = self.body_model.block_of_line[index]
        return None if k < 0 else self.body_model.blocks[k]

    @property
    def prose_lines(self) -> list[str]:
        """Body lines as a reader reads them: code, HTML markup, link targets
        and reference definitions blanked with spaces (columns kept)."""
        return self.body_model.prose_lines

    @view
    def markdown_tokens(self) -> list:
        """The body parsed by markdown-it-py (CommonMark).  Costly: ask only
        when a cheap check has shown the structure matters.  Token `.map`
        holds 0-based body lines."""
        from markdown_it import MarkdownIt

        return MarkdownIt("commonmark").parse(self.body)

    # -- URL -----------------------------------------------------------------

    @view
    def url(self) -> SplitResult | None:
        """The source URL, split; None when absent or not a string."""
        value = self.field("source")
        if not isinstance(value, str) or not value.strip():
            return None
        try:
            return urlsplit(value.strip())
        except ValueError:
            return None

    @view
    def host(self) -> str:
        """The source URL's host, lower-case, without `www.`."""
        url = self.url
        host = (url.hostname or "") if url else ""
        return host[4:] if host.startswith("www.") else host

    # -- shared evidence of a rule family ---------------------------------------

    def shared(self, key: str, compute: Callable[["Document"], T]) -> T:
        """What several rules of a family derive from this document (the
        dates of the body, the site a title names), computed once by the
        first rule that asks; `key` names it, e.g. "dates"."""
        views = self.__dict__.setdefault("_shared", {})
        try:
            return views[key]
        except KeyError:
            pass
        timer = timings.TIMER
        if timer is None:
            value = views[key] = compute(self)
            return value
        with timer.measure(f"evidence: {key}"):
            value = views[key] = compute(self)
        return value
