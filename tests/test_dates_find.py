"""The digit scan that starts every date look-up, written for speed, finds
the same digit runs as its plain form."""

from __future__ import annotations

import random
import re

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
