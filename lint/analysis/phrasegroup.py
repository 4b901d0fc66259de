"""The gate of the phrase lists: which lines each entry is tried on, for one
list (`PhraseSet.candidates`) or for several matched over the same lines in
one pass (`PhraseGroup`, what the article layout runs on every page)."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from typing import Iterable, Iterator, NamedTuple, Sequence

KEYLESS_MAX = 120  # entries without a required literal are tried on lines this short
ANY_DIGIT = re.compile(r"\d").search


class Gates(NamedTuple):
    """What a phrase list's entries require of a line before they are tried
    on it (built by `PhraseSet` from what its entries' patterns require)."""

    ignore_case: bool  # literals are lower-cased (else they are looked for as written)
    literals: list[tuple[str, tuple[int, ...], bool]]  # (literal, entries requiring it, short lines only)
    digit: list[int]  # entries tried on the short lines holding a digit
    ungated: list[int]  # entries tried on every short line


class LiteralMatcher:
    """Every occurrence of any of `literals` in a text, from one pass of
    Rust's aho-corasick (the `ahocorasick-rs` package).  On the corpus it
    beat both what it replaced: a `str.find` per literal (24 literals over a
    page, 130 us against 55) and pyahocorasick's pass (239 literals over a
    page's short lines, ~230 us against ~33).

    It starts as a non-contiguous NFA and becomes a DFA once it has searched
    enough text to repay building one (DFA_CHARS_PER_LITERAL characters
    for each literal): on the layout's 271 literals a DFA searches ~35
    instructions a character faster but costs ~20 M instructions to build,
    a twentieth of a one-file run; the NFA costs ~2 M.  Both report the
    same matches."""

    # about what a DFA's build costs per literal (~75 k instructions) over what it saves per character (~35)
    DFA_CHARS_PER_LITERAL = 2000

    def __init__(self, literals: dict[str, object]) -> None:
        self.values = list(literals.values())
        self.literals = list(literals)
        self.matcher = None
        self.chars_before_dfa = self.DFA_CHARS_PER_LITERAL * len(self.literals)
        if literals:
            self.matcher = self._build("NoncontiguousNFA")

    def _build(self, implementation: str):
        import ahocorasick_rs

        return ahocorasick_rs.AhoCorasick(self.literals, implementation=getattr(ahocorasick_rs.Implementation, implementation))

    def ends(self, text: str) -> Iterator[tuple[int, object]]:
        """(offset of the last character, value) of every occurrence,
        overlapping ones included."""
        if self.matcher is None:
            return
        if self.chars_before_dfa > 0:
            self.chars_before_dfa -= len(text)
            if self.chars_before_dfa <= 0:
                self.matcher = self._build("DFA")
        values = self.values
        for index, _start, end in self.matcher.find_matches_as_indexes(text, overlapping=True):
            yield end - 1, values[index]


class PhraseGroup:
    """Phrase lists matched over the same lines at once: one pass of one
    Aho-Corasick matcher over the lower-cased text finds, for every entry
    of every list, the lines it is tried on (those holding its required
    literal, and for an entry tried only on short lines, what it still
    requires).  A pass per list, and the short lines lower-cased and tested
    one by one for each list, were most of the layout's cost.  A
    case-sensitive list's literals are found lower-cased, then looked for as
    written on the line.  `sets` are the lists (anything with `gates`)."""

    def __init__(self, sets: Sequence) -> None:
        self.sets = tuple(sets)
        # lower-cased literal -> (list, its entries, short lines only, the literal as written or None)
        gates: dict[str, list[tuple[int, tuple[int, ...], bool, str | None]]] = {}
        self.digit_gated: list[tuple[int, int]] = []  # (list, entry) tried on the short lines with a digit
        self.ungated: list[tuple[int, int]] = []  # (list, entry) tried on every short line
        for pos, ps in enumerate(self.sets):
            list_gates: Gates = ps.gates
            for literal, entries, short in list_gates.literals:
                if list_gates.ignore_case:  # already lower-cased
                    gates.setdefault(literal, []).append((pos, entries, short, None))
                    continue
                # where the text holds it as written, the lower-cased text holds it lower-cased
                # (only a capital sigma lowers by its context, and only "İ" to two characters)
                if "Σ" in literal or len(literal.lower()) != len(literal):
                    raise ValueError(f"{literal!r} of a case-sensitive list does not lower-case letter by letter")
                gates.setdefault(literal.lower(), []).append((pos, entries, short, literal))
            self.digit_gated += [(pos, k) for k in list_gates.digit]
            self.ungated += [(pos, k) for k in list_gates.ungated]
        self.matcher = LiteralMatcher({literal: tuple(owners) for literal, owners in gates.items()})
        # what `_expanded_lines` tests again on a line the lower-cased join cuts back
        self.recheck = [(literal, *owner) for literal, owners in gates.items() for owner in owners]

    def candidates(self, lines: list[str], joined_lower: str, starts: list[int],
                   keyless_max: int = KEYLESS_MAX) -> list[dict[int, Iterable[int]]]:
        """For each list, entry -> the lines of `lines` it is tried on (whose
        lower-cased join with "\n" is `joined_lower`, see `lowered_join`, its
        line offsets `starts`): those holding one of its required literals;
        an entry without one, or with a key too short to gate a long line, is
        tried only on lines up to `keyless_max` characters."""
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
        """Every gate tested again on the lines holding "İ", on the line as
        written (a case-sensitive literal) or lower-cased by itself: in the
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
