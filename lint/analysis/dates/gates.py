"""Case-blind keyword regexes run only on lines that can hold a match.

A case-blind regex made of keyword alternatives (`published|posted|...`,
each behind `\\b`) is slow to search: the regex engine tries every
alternative at every character, about fifty times the cost of lower-casing
the line and testing a few substrings.  `CaseBlindGate` does that test first:
every match holds one of the lower-case strings `weak_requirement` finds in
the pattern (kept between runs in the user's cache), so a line holding none
of them cannot match, and the regex is not run.  The gate only skips lines
the regex would fail on.
"""

from __future__ import annotations

import re
from typing import Iterator

from scrapelint.analysis.caseblind import CASE_ODD  # a line holding one always goes to the regex
from scrapelint.analysis.phrases import kept_weak_requirement


class CaseBlindGate:
    """A case-blind regex (`search`, `finditer`) behind its substring test."""

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(pattern, re.IGNORECASE)
        need = kept_weak_requirement(pattern)
        if not isinstance(need, tuple):
            raise ValueError(f"no string that every match holds: {pattern!r}")
        need = tuple(dict.fromkeys(need))
        # "published" holds "publi": a line with the first has the second
        self.hints = tuple(h for h in need if not any(o != h and o in h for o in need))

    def may_match(self, text: str) -> bool:
        low = text.lower()
        return any(h in low for h in self.hints) or (not text.isascii() and any(c in text for c in CASE_ODD))

    def search(self, text: str) -> re.Match | None:
        return self.regex.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.regex.finditer(text) if self.may_match(text) else iter(())
