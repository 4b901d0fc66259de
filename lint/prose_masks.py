"""The prose view's masks: column ranges of body lines that a reader does
not read (code, HTML markup, link targets, reference definitions), blanked
with spaces so that columns stay exact (`scrapelint.blocks` builds them)."""

from __future__ import annotations

FULL = 1 << 30  # a mask to the end of the line


class Masks:
    """Column ranges to blank in the prose view, per body line."""

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: dict[int, list[tuple[int, int]]] = {}

    def add(self, line: int, a: int, b: int) -> None:
        self.spans.setdefault(line, []).append((a, b))

    def add_range(self, a_line: int, a_col: int, b_line: int, b_col: int) -> None:
        if b_line == a_line:
            self.add(a_line, a_col, b_col)
            return
        self.add(a_line, a_col, FULL)
        for i in range(a_line + 1, b_line):
            self.add(i, 0, FULL)
        if b_col:
            self.add(b_line, 0, b_col)

    def apply(self, lines: list[str]) -> list[str]:
        out = list(lines)
        n = len(out)
        for i, spans in self.spans.items():
            if i < n:
                out[i] = blank(out[i], spans)
        return out


def blank(line: str, spans: list[tuple[int, int]]) -> str:
    """`line` with the column ranges `spans` replaced by spaces."""
    if len(spans) == 1:  # most masked lines have one range
        a, b = spans[0]
        if b > len(line):
            b = len(line)
        return line[:a] + " " * (b - a) + line[b:] if a < b else line
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
