"""Case-blind literal search that answers as `re.IGNORECASE` does, without
compiling a regex for each word searched: a pattern built from a page's text
is new in every document, so each one went through `re`'s Python compiler
and filled `re`'s cache and ours (`scrapelint.regexcache`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

# The characters a case-blind regex reads as an ASCII letter that
# `str.lower` does not turn into that one letter ("ı" and "İ" read as "i",
# "ſ" as "s"): a gate that compares lower-cased text must send a text
# holding one to the regex itself (scrapelint.analysis.openings, the date
# gates; tests/test_openings.py and tests/test_dates_gates.py check every
# code point).
CASE_ODD = "ıİſ"


@lru_cache(maxsize=1)
def _variants() -> tuple[re.Pattern, dict[int, str]]:
    """The lower-case letters `re.IGNORECASE` holds equal to another one
    ("ſ" and "s", "ς" and "σ", "ı" and "i"; `re`'s own table), each mapped
    to the first of its class, and a pattern finding any letter so mapped."""
    from re import _casefix  # the table `re` compiles case-blind patterns with; only read

    first = {cp: chr(min(cp, *others)) for cp, others in _casefix._EXTRA_CASES.items()}
    mapped = {cp: c for cp, c in first.items() if chr(cp) != c}
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(mapped)) + "]"), mapped


def lower(text: str) -> str:
    """`text.lower()`, but "İ" to "i" (not "i" and a combining dot) as
    `re.IGNORECASE` reads it: the only letter whose lower case is two
    characters, so the length stays."""
    return (text.replace("\u0130", "i") if "\u0130" in text else text).lower()


def fold(text: str) -> str:
    """`text` with every character replaced by the one that stands for all
    the characters `re.IGNORECASE` holds equal to it: its simple lower case
    (`str.lower` of one character, but "İ" to "i"), one letter of each of
    `re`'s extra classes.  Same length as `text`, so offsets carry over."""
    lowered = lower(text)
    if not lowered.isascii():
        others, mapped = _variants()
        if others.search(lowered):
            lowered = lowered.translate(mapped)
    return lowered


def confusable(letters: str) -> str:
    """The lower-case characters a case-blind regex reads as one of
    `letters` (lower-case) that `str.lower` never turns into it: "ı" and
    "ſ" for "i" and "s", "ς" for "σ", "i" for "ı" (`re`'s extra case
    classes).  A gate that looks for `letters` in lower-cased text must
    test a text holding one of them again, folded.  (`CASE_ODD` is what
    reads as an ASCII letter.)"""
    from re import _casefix

    present = set(letters)
    return "".join(chr(c) for c, others in _casefix._EXTRA_CASES.items() if not present.isdisjoint(map(chr, others)))


def occurrences(word: str, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every place where `re.search(re.escape(word), text,
    re.IGNORECASE)` could match, overlapping ones included."""
    folded = fold(text)
    target = fold(word)
    if not target:
        return
    at = folded.find(target)
    while at >= 0:
        yield at, at + len(target)
        at = folded.find(target, at + 1)


def is_word_char(text: str, i: int) -> bool:
    """Whether `text[i]` exists and is what `\\w` matches (a letter, a digit, "_")."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def at_boundary(text: str, i: int) -> bool:
    """Whether `\\b` matches at offset `i` of `text`."""
    return is_word_char(text, i - 1) != is_word_char(text, i)
