"""The digit scan that starts every date look-up, written for speed, finds
the same digit runs as its plain form."""

from __future__ import annotations

import random
import re

from scrapelint.analysis.dates import find
from scrapelint.analysis.dates.find import _DIGITS, find_dates

PLAIN = re.compile(r"(?<![\w/=%&?#:.+,\\-])(?:(?:19|20)\d\d|\d\d?)(?!\d)")


def spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_fast_scan_matches_the_plain_one():
    rng = random.Random(11)
    alphabet = "0123456789٣١٩x /-.:a\n,"  # Arabic-Indic digits are digits too
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert spans(_DIGITS, text) == spans(PLAIN, text), text


def test_what_it_finds_in_a_dateline():
    text = "Posted 12 March 2024, page 1999x, id=2024, 1/2/2020 and 20201"
    assert [text[a:b] for a, b in spans(_DIGITS, text)] == ["12", "2024", "1999", "1"]
    assert [m.text for m in find_dates("Harbour, March 12, 2024 - The ferry")] == ["March 12, 2024"]


def test_the_month_lookahead_lets_through_every_character_a_month_name_starts_with():
    every = "".join(map(chr, range(0x110000)))
    firsts = set(re.findall(rf"(?i:[{find._MONTH_FIRSTS}])", every))
    for name in find.MONTHS:
        assert set(re.findall(re.escape(name[0]), every, re.IGNORECASE)) <= firsts, name


def test_the_date_regex_with_the_lookahead_matches_as_without_it():
    plain_month = rf"(?i:{find._MONTH_ALT})(?:\.|\b)"
    plain = re.compile(find.DATE_RE.pattern.replace(find.MONTH, plain_month), re.IGNORECASE)
    assert plain.pattern != find.DATE_RE.pattern
    rng = random.Random(12)
    pieces = ["Sept", "ſeptember", "MAI", "mär", "déc", "Dec.", "ene", " ", "  ", "de ", "1", "10", "2024", ".",
              ",", "/", "-", "th", "x", "\n", "Oktober", "ago", "İ", "K"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        for pos in range(len(text)):
            a, b = find.DATE_RE.match(text, pos), plain.match(text, pos)
            assert (a and a.group(0)) == (b and b.group(0)), (text, pos)
