"""The HTML tags of a Markdown body outside code, and which of them open
or close an element never matched on the page (fragments).  Once per
document (`tags(doc)`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A tag: whether it closes, its name, and what stands before `>` (see
# `_attributes`).  Possessive: nothing is read twice, so `<div` and a
# million spaces costs one pass (a lazy `[^<>]*?` before `\s*>` cost a pass
# per space).
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*+)([^<>]*+)>")
# Elements with no end tag, or whose end tag HTML lets the writer leave out.
_NO_END = frozenset("""
area base br col embed hr img input link meta param source track wbr
li dt dd p tr td th thead tbody tfoot option optgroup colgroup caption rp rt
""".split())


class Tag(NamedTuple):
    line: int
    col: int
    text: str
    name: str
    closing: bool
    attrs: str
    in_prose: bool  # inline HTML inside a paragraph, heading or table row


def _attributes(m: re.Match) -> str | None:
    """The attributes of a tag: what stands between its name and `>`,
    without the spaces and `/` that close it; None when the name runs into
    something other than a space, `/>` or `>` (`<a.b>` is no tag)."""
    tail = m.group(3)
    if not tail or tail == "/":
        return ""
    if not tail[0].isspace():
        return None
    rest = tail[1:]
    return tail[0] + (rest[:-1] if rest.endswith("/") else rest).rstrip()


def _tags(doc) -> list[Tag]:
    """Every HTML tag of the body outside code: the inline tags the parser
    found in prose blocks and the tags of HTML blocks, in body order."""
    found = []
    lines = doc.lines
    for blk in doc.blocks:
        if blk.kind == "html":
            for i in range(blk.start, min(blk.end, len(lines) - 1) + 1):
                for m in _TAG_RE.finditer(lines[i]):
                    attrs = _attributes(m)
                    if attrs is not None:
                        found.append(Tag(i, m.start(), m.group(0), m.group(2).lower(), bool(m.group(1)),
                                         attrs, False))
        elif blk.html and blk.is_prose_kind:
            for part in blk.html:
                m = _TAG_RE.match(part.text.strip())
                attrs = _attributes(m) if m else None
                if attrs is not None:
                    found.append(Tag(part.line, part.col, m.group(0), m.group(2).lower(), bool(m.group(1)),
                                     attrs, True))
    return found


def unbalanced(tags: list[Tag]) -> set[int]:
    """Indexes of tags that open an element never closed on the page, or
    close one never opened: fragments, not markup someone wrote."""
    open_: dict[str, list[int]] = {}
    stray: set[int] = set()
    for k, t in enumerate(tags):
        if t.name in _NO_END or t.text.endswith("/>"):
            continue
        if t.closing:
            stack = open_.get(t.name)
            if stack:
                stack.pop()
            else:
                stray.add(k)
        else:
            open_.setdefault(t.name, []).append(k)
    for stack in open_.values():
        stray.update(stack)
    return stray


def tags(doc) -> list[Tag]:
    """The tags of `doc` (`_tags`), once per document."""
    return doc.shared("html-tags", _tags)
