"""The prose view: the body lines with what a reader does not read (code,
HTML markup, link syntax and targets, reference definitions) blanked with
spaces, so that columns stay exact.

It is built when a rule first reads it, from what the parser's walk
(`scrapelint.blocks`) records: the inline parts to blank (links, images,
code spans, inline HTML) and the code blocks, each with its start and end,
in one list, and the blocks that are blanked whole (HTML blocks and
reference definitions)."""

from __future__ import annotations

from collections import defaultdict

FULL = 1 << 30  # a mask to the end of the line


def prose_view(lines: list[str], raw_lines: list[str], blocks: list, masked: list) -> list[str]:
    """`lines` with the HTML blocks and reference definitions of `blocks`
    blanked whole, and the `masked` parts (kind, line, column, end line, end
    column, ...): code spans, code blocks and inline HTML entirely, links
    and images but for their text (`raw_lines[i]` is line i with its line
    ending: the link syntax is looked for there)."""
    spans: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    n = len(lines)
    for kind, a_line, a_col, b_line, b_col, _, _ in masked:
        if kind == "link" or kind == "image":
            # the opening `[` (or `![`) and everything from the closing `](`
            # or `][` on; an autolink (`<https://...>`) is all syntax
            line = raw_lines[b_line]
            if a_line == b_line and line[a_col:a_col + 1] == "<":
                spans[a_line].append((a_col, b_col))
                continue
            lo = a_col if a_line == b_line else 0
            close = line.rfind("]", lo, b_col - 1)
            while close != -1 and line[close + 1] not in "([":
                close = line.rfind("]", lo, close)
            spans[a_line].append((a_col, a_col + (1 if kind == "link" else 2)))
            if close != -1:
                spans[b_line].append((close, b_col))
        elif a_line == b_line:
            spans[a_line].append((a_col, b_col))
        else:
            spans[a_line].append((a_col, FULL))
            for i in range(a_line + 1, b_line):
                spans[i].append((0, FULL))
            if b_col:
                spans[b_line].append((0, b_col))
    for blk in blocks:
        kind = blk.kind
        if kind == "html" or kind == "refdef":
            for j in range(blk.start, min(blk.end, n - 1) + 1):
                spans[j].append((0, FULL))
    out = list(lines)
    for i, ranges in spans.items():
        if i < n:
            out[i] = blank(out[i], ranges)
    return out


def blank(line: str, spans: list[tuple[int, int]]) -> str:
    """`line` with the column ranges `spans` replaced by spaces."""
    if len(spans) == 1:  # most masked lines have one range
        a, b = spans[0]
        if b > len(line):
            b = len(line)
        return line[:a] + " " * (b - a) + line[b:] if a < b else line
    if len(spans) == 2:  # a link's two ranges, `[` and `](target)`, in order
        (a, b), (c, d) = spans
        if 0 <= a < b <= c < d <= len(line):
            return line[:a] + " " * (b - a) + line[b:c] + " " * (d - c) + line[d:]
    out = []
    pos = 0
    n = len(line)
    for a, b in sorted(spans):
        if a < pos:
            a = pos
        if b > n:
            b = n
        if b <= a:
            continue
        out += (line[pos:a], " " * (b - a))
        pos = b
    out.append(line[pos:])
    return "".join(out)
