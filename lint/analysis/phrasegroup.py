"""The gate of the phrase lists: which lines each entry is tried on, for one
list (`PhraseSet.candidates`) or for several matched over the same lines in
one pass (`PhraseGroup`, what the article layout runs on every page)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from itertools import accumulate, compress
from typing import Iterable, Iterator, NamedTuple, Sequence

from scrapelint.analysis.caseblind import confusable, fold

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
        # what a line the lower-cased join misreads holds, lower-cased: a letter a case-blind
        # regex reads as one of the literals' ("ſ" as "s"), or the dot "İ" lower-cases with
        self.misread = confusable("".join(gates)) + "\u0307"

    def candidates(self, lines: list[str], joined_lower: str, starts: list[int],
                   keyless_max: int = KEYLESS_MAX) -> list[dict[int, Iterable[int]]]:
        """For each list, entry -> the lines of `lines` it is tried on (whose
        lower-cased join with "\n" is `joined_lower`, see `lowered_join`, its
        line offsets `starts`): those holding one of its required literals;
        an entry without one, or with a key too short to gate a long line, is
        tried only on lines up to `keyless_max` characters."""
        todos: list[dict[int, Iterable[int]]] = [{} for _ in self.sets]
        self._add_found(joined_lower, starts, None, lines, todos, keyless_max)
        if any(map(joined_lower.__contains__, self.misread)):
            self._misread_lines(lines, todos, keyless_max)
        if self.digit_gated or self.ungated:
            short_lines = list(compress(range(len(lines)), map(keyless_max.__ge__, map(len, lines))))
            for pos, k in self.ungated:
                todos[pos][k] = short_lines
            if self.digit_gated:
                with_digit = list(compress(short_lines, map(ANY_DIGIT, map(lines.__getitem__, short_lines))))
                for pos, k in self.digit_gated:
                    todos[pos][k] = with_digit
        return todos

    def _add_found(self, text: str, starts: list[int], rows: list[int] | None, lines: list[str],
                   todos: list[dict[int, Iterable[int]]], keyless_max: int) -> None:
        """Each list's entries -> the lines holding a literal they require,
        found in `text`: `lines` (or the lines `rows` of them) joined, the
        offsets of their starts `starts`."""
        for end, owners in self.matcher.ends(text):
            i = bisect_right(starts, end) - 1
            if rows is not None:
                i = rows[i]
            for pos, entries, short, written in owners:
                if (short and len(lines[i]) > keyless_max) or (written is not None and written not in lines[i]):
                    continue
                todo = todos[pos]
                for k in entries:
                    todo.setdefault(k, set()).add(i)

    @cached_property
    def odd_literals(self) -> list[tuple[str, int, tuple[int, ...], bool, str | None]]:
        """The literals folding changes ("ı" in one), folded, with each owner:
        `_misread_lines` looks for them line by line.  Found when a page
        first needs them, not when a run starts."""
        return [(fold(literal), *owner) for literal, owners in zip(self.matcher.literals, self.matcher.values)
                if not literal.isascii() and fold(literal) != literal for owner in owners]

    def _misread_lines(self, lines: list[str], todos: list[dict[int, Iterable[int]]], keyless_max: int) -> None:
        """The gates found again on the lines the lower-cased join misreads
        (see `misread`), this time in the lines folded, as a case-blind regex
        reads them (`caseblind.fold`): in the join, "ſ" is not "s", and a
        line holding "İ" is cut back to its length (see `lowered_join`)."""
        rows = [i for i, lowered in enumerate(map(str.lower, lines)) if any(c in lowered for c in self.misread)]
        folded = [fold(lines[i]) for i in rows]
        self._add_found("\n".join(folded), list(accumulate(map((1).__add__, map(len, folded)), initial=0)), rows,
                        lines, todos, keyless_max)
        for literal, pos, entries, short, written in self.odd_literals:
            for i, text in zip(rows, folded):
                if (short and len(lines[i]) > keyless_max) or (written not in lines[i] if written else literal not in text):
                    continue
                for k in entries:
                    todos[pos].setdefault(k, set()).add(i)
