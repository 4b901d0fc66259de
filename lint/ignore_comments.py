"""Inline suppression comments: which findings of a document they silence.

In the body of a Markdown file:

    text <!-- scrapelint: ignore NV001 -->       this line
    <!-- scrapelint: ignore NV001, NV004 -->     alone on a line: the next non-blank line
    <!-- scrapelint: ignore -->                  every rule, on that line
    <!-- scrapelint: ignore-file DT001 -->       the whole file

In YAML or TOML front matter the same words follow a `#` comment:

    date: 2019-06-28  # scrapelint: ignore DT001

Rules are named by code or name.  The engine applies them to every
document; SL001 (`scrapelint.suppressions`, through the post-check hook)
reports the ones that silenced nothing, like ruff's unused `noqa` (RUF100).
"""

from __future__ import annotations

import re

from scrapelint.findings import Finding

_DIRECTIVE = re.compile(
    r"(?:<!--|#)\s*scrapelint:\s*(ignore-file|ignore)\b([^>\n]*?)\s*(?:-->|$)", re.IGNORECASE | re.MULTILINE
)


class Suppression:
    __slots__ = ("line", "target", "codes", "used", "raw")

    def __init__(self, line: int, target: int | None, codes: frozenset[str] | None, raw: str = "") -> None:
        self.line = line  # where the comment is
        self.target = target  # the line it silences; None: the whole file
        self.codes = codes  # None: every rule
        self.used: set[str] = set()  # the codes it silenced in this run
        self.raw = raw


def parse(text: str) -> list[Suppression]:
    """Suppression comments of a document's text (file lines, 1-based)."""
    if "scrapelint:" not in text:
        return []
    lines = text.split("\n")
    found: list[Suppression] = []
    for m in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        words = [w for w in re.split(r"[\s,]+", m.group(2).strip()) if w]
        codes = frozenset(words) if words else None
        if m.group(1).lower() == "ignore-file":
            found.append(Suppression(line, None, codes, raw=m.group(0)))
            continue
        own = lines[line - 1]
        before = own[: own.find(m.group(0))] if m.group(0) in own else ""
        target = line
        if not before.strip() and own.strip() == m.group(0).strip():
            # alone on its line: it speaks of the next non-blank line
            target = next((n for n in range(line + 1, len(lines) + 1) if lines[n - 1].strip()), line)
        found.append(Suppression(line, target, codes, raw=m.group(0)))
    return found


def _matches(sup: Suppression, finding: Finding) -> str | None:
    if sup.codes is None:
        return "*"
    for word in sup.codes:
        if word.upper() == finding.code or word.lower() == finding.name:
            return word
    return None


def apply(findings: list[Finding], suppressions: list[Suppression]) -> None:
    """Mark suppressed findings and record which suppression words were used."""
    for finding in findings:
        for sup in suppressions:
            if sup.target is not None and sup.target != finding.line:
                continue
            word = _matches(sup, finding)
            if word is not None:
                finding.suppressed = True
                sup.used.add(word)
