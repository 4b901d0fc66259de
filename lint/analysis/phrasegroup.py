"""Several phrase lists matched in one pass (`PhraseGroup`): what the
article layout runs on every page."""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress
from typing import Iterable

from scrapelint.analysis.phrases import ANY_DIGIT, DIGIT, KEYLESS_MAX, LiteralMatcher, PhraseSet


class PhraseGroup:
    """Several data lists matched over the same lines at once: one pass of
    one Aho-Corasick matcher over the lower-cased text finds, for every
    entry of every list, the lines it is tried on (those holding its
    required literal, and for an entry tried only on short lines, what it
    still requires).  A pass per list, and the short lines lower-cased and
    tested one by one for each list, were most of the layout's cost.  The
    gates are exactly those of each list's own `_candidates`: a
    case-sensitive list's literals are found lower-cased, then looked for
    as written on the line."""

    def __init__(self, sets: tuple[PhraseSet, ...]) -> None:
        self.sets = sets
        # lower-cased literal -> (list, its entries, short lines only, the literal as written or None)
        gates: dict[str, list[tuple[int, tuple[int, ...], bool, str | None]]] = {}
        self.digit_gated: list[tuple[int, int]] = []  # (list, entry) tried on the short lines with a digit
        self.ungated: list[tuple[int, int]] = []  # (list, entry) tried on every short line
        for pos, ps in enumerate(sets):
            def gate(literal: str, entries: tuple[int, ...], short: bool, ps=ps, pos=pos) -> None:
                if ps.ignore_case:  # already lower-cased
                    gates.setdefault(literal, []).append((pos, entries, short, None))
                    return
                # where the text holds it as written, the lower-cased text holds it lower-cased
                # (only a capital sigma lowers by its context, and only "İ" to two characters)
                if "Σ" in literal or len(literal.lower()) != len(literal):
                    raise ValueError(f"{literal!r} of a case-sensitive list does not lower-case letter by letter")
                gates.setdefault(literal.lower(), []).append((pos, entries, short, literal))

            for literal, entries in ps.literals.items():
                gate(literal, entries, False)
            for k in ps.keyless:
                need = ps.weak[k]
                if need is None:
                    self.ungated.append((pos, k))
                elif need == DIGIT:
                    self.digit_gated.append((pos, k))
                else:
                    for literal in need:
                        gate(literal, (k,), True)
            for k in ps.short_keyed:
                for literal in ps.keys[k]:
                    gate(literal, (k,), True)
        self.matcher = LiteralMatcher({literal: tuple(owners) for literal, owners in gates.items()})
        # what `_expanded_lines` tests again: the gates not found in the lower-cased join
        self.recheck = [(literal, *owner) for literal, owners in gates.items() for owner in owners
                        if owner[2] or owner[3] is not None]

    def candidates(self, lines: list[str], joined_lower: str, starts: list[int],
                   keyless_max: int = KEYLESS_MAX) -> list[dict[int, Iterable[int]]]:
        """For each list, what its `_candidates` gives for `lines` (whose
        lower-cased join with "\n" is `joined_lower`, its line offsets
        `starts`)."""
        todos: list[dict[int, Iterable[int]]] = [{} for _ in self.sets]
        for end, owners in self.matcher.ends(joined_lower):
            i = bisect_right(starts, end) - 1
            for pos, entries, short, written in owners:
                if (short and len(lines[i]) > keyless_max) or (written is not None and written not in lines[i]):
                    continue
                todo = todos[pos]
                for k in entries:
                    todo.setdefault(k, set()).add(i)
        if self.recheck and "\u0307" in joined_lower:  # "İ" lower-cases to "i\u0307"
            self._expanded_lines(lines, todos, keyless_max)
        if self.digit_gated or self.ungated:
            short_lines = list(compress(range(len(lines)), map(keyless_max.__ge__, map(len, lines))))
            for pos, k in self.ungated:
                todos[pos][k] = short_lines
            if self.digit_gated:
                with_digit = list(compress(short_lines, map(ANY_DIGIT, map(lines.__getitem__, short_lines))))
                for pos, k in self.digit_gated:
                    todos[pos][k] = with_digit
        return todos

    def _expanded_lines(self, lines: list[str], todos: list[dict[int, Iterable[int]]], keyless_max: int) -> None:
        """The gates a list's `_candidates` tests on a line as written, or on
        the line lower-cased by itself, on the lines holding "İ": in the
        lower-cased join such a line is cut back to its length (see
        `lowered_join`), and a literal near its end may be cut off."""
        for i, line in enumerate(lines):
            if "\u0130" not in line:
                continue
            lowered = line.lower()
            for literal, pos, entries, short, written in self.recheck:
                if (short and len(line) > keyless_max) or (written not in line if written else literal not in lowered):
                    continue
                for k in entries:
                    todos[pos].setdefault(k, set()).add(i)
