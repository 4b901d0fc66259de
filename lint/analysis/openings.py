"""A phrase entry searched anywhere in a line, tried only where it can start.

`re` has no fast scan for a case-blind pattern: `search` tries the pattern
at every character of the line, and on the layout's candidate lines that
cost ~300 instructions a character.  Most entries open with a literal or a
choice of literals ("(?:tweet|pin|email) this", "sign[- ]?up", a literal
phrase's first word), so a match can only start where one of them stands
in the lower-cased line.  `OpeningSearch` finds those places with
`str.find` and tries the pattern there (`match`), in order: the first match
is the one `search` returns, since `search` tries the same places in the
same order and fails everywhere else.
"""

from __future__ import annotations

import re
from typing import Iterator

from scrapelint.analysis.caseblind import CASE_ODD  # a line holding one is searched whole


_ASCII_HEAD = re.compile(r"[\x00-\x7f]*")


def opening_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of `pattern`
    starts with (zero-width assertions before it aside; a literal is cut at
    its first character outside ASCII), or None when the pattern may start
    otherwise."""
    from re import _parser as sre_parse  # CPython's parser; only read, never changed

    try:
        found = _openings(sre_parse.parse(pattern))
    except Exception:  # a bad entry (a configuration's) fails where it is compiled, as without the gate
        return None
    heads = [_ASCII_HEAD.match(x).group() for x in found or ()]
    if not heads or not all(heads):
        return None
    return tuple(dict.fromkeys(x.lower() for x in heads))


def phrase_openings(phrase: str) -> tuple[str, ...] | None:
    """`opening_literals` of a literal phrase's regex (`phrases.literal_pattern`:
    its words escaped, any whitespace between them), without parsing it:
    the phrase opens with its first word."""
    words = phrase.split()
    head = _ASCII_HEAD.match(words[0]).group() if words else ""
    return (head.lower(),) if head else None


def literal_runs(seq) -> Iterator[tuple[str, str | None, object]]:
    """Walk a parsed regex sequence: for each element that is not a literal
    character, (the run of literal characters before it, its opcode name,
    its argument); zero-width assertions do not break a run; last, the final
    run with None."""
    run: list[str] = []
    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the run goes on across it
        yield "".join(run), name, av
        run = []
    yield "".join(run), None, None


def _openings(seq) -> tuple[str, ...] | None:
    run, name, av = next(literal_runs(seq))
    if run:
        return (run,)  # the literal run before the first other element opens every match
    if name == "SUBPATTERN":
        return _openings(av[3])
    if name == "ATOMIC_GROUP":
        return _openings(av)
    if name == "BRANCH":
        alts = [_openings(alt) for alt in av[1]]
        if any(a is None for a in alts):
            return None
        return tuple(x for a in alts for x in a)
    return None


# what decides `opening_literals`' values: a cache of them is named after this code
COMPUTED_BY = (opening_literals, _openings, literal_runs)


class OpeningSearch:
    """`pattern.search(line)`, trying the pattern only where one of
    `openings` (see `opening_literals`) stands in the lower-cased line."""

    def __init__(self, pattern: re.Pattern, openings: tuple[str, ...]) -> None:
        self.search = pattern.search
        self.match = pattern.match
        self.openings = openings

    def __call__(self, line: str) -> re.Match | None:
        lowered = line.lower()
        if len(lowered) != len(line) or (not line.isascii() and any(c in line for c in CASE_ODD)):
            return self.search(line)  # a letter the case-blind regex reads otherwise than `str.lower`
        starts: set[int] = set()
        for opening in self.openings:
            at = lowered.find(opening)
            while at >= 0:
                starts.add(at)
                at = lowered.find(opening, at + 1)
        for at in sorted(starts):
            m = self.match(line, at)
            if m is not None:
                return m
        return None


def search_in_line(pattern: re.Pattern, openings: tuple[str, ...] | None):
    """What searches `pattern` anywhere in a line: an `OpeningSearch` when
    every match opens with one of `openings`, else the pattern's `search`."""
    return OpeningSearch(pattern, openings) if openings else pattern.search
