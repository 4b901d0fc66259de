"""A phrase entry tried only where it can start (`OpeningSearch`) must find
what `search` finds."""

from __future__ import annotations

import random
import re

import pytest

from scrapelint.analysis.openings import CASE_ODD, OpeningSearch, opening_literals, phrase_openings, search_in_line
from scrapelint.analysis.phrases import literal_pattern, load_entries

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_every_character_read_as_an_ascii_one_lowers_to_it_or_is_searched_whole():
    read_as_ascii = set(re.findall("[\x00-\x7f]", EVERY_CHARACTER, re.IGNORECASE))
    for c in sorted(read_as_ascii):
        if c.isascii():
            continue
        for x in map(chr, range(128)):
            if re.fullmatch(re.escape(x), c, re.IGNORECASE):
                assert c.lower() == x.lower() or c in CASE_ODD, (x, hex(ord(c)))
    assert "\u212a" in read_as_ascii  # the Kelvin sign, which lowers to "k"


def test_a_lower_case_longer_than_its_letter_is_a_case_odd_one():
    assert [c for c in EVERY_CHARACTER if len(c.lower()) != 1] == ["\u0130"]
    assert "\u0130" in CASE_ODD


@pytest.mark.parametrize("pattern, openings", [
    ("ferry timetable", ("ferry timetable",)),
    (r"(?<!\w)Harbour\s+pass(?!\w)", ("harbour",)),
    (r"\b(?:Dock|quay|PIER)s?\b", ("dock", "quay", "pier")),
    (r"(?:tide (?:table|chart)|moorings)", ("tide ", "moorings")),
    (r"(?-i:Berth) \d+", ("berth",)),
    (r"(?=ferry)ferry(?: boat)?", ("ferry",)),
    (r"Überfahrt", None),  # nothing of ASCII it opens with
    (r"Fährhafen", ("f",)),  # cut at its first letter outside ASCII
    (r"(?:estimated )?crossing", None),  # may open with either
    (r"\d+ knots", None),
    (r"(?:ferry|)dock", None),  # an empty alternative
    (r"[Ff]erry", None),
    (r"ferry|\d", None),
    ("(", None),  # what the parser refuses: no gate, and compiling it fails as before
    ("(" * 2000 + "ferry" + ")" * 2000, None),
    ("ferry{99999999999999}", None),
])
def test_opening_literals(pattern, openings):
    assert opening_literals(pattern) == openings


@pytest.mark.parametrize("phrase", ["ferry timetable", "Fährhafen öffnet", "© Harbour Office", "(c) Quay",
                                    "e-mail the harbour", "Überfahrt buchen", "?", "tide"])
def test_a_literal_phrase_opens_with_its_first_word_as_its_regex_says(phrase):
    assert phrase_openings(phrase) == opening_literals(literal_pattern(phrase))


def test_every_literal_phrase_of_the_lists_opens_as_its_regex_says():
    for name in ("ui-phrases.txt", "ui-outside.txt", "caption-credits.txt", "ui-lines.txt", "end-markers.txt"):
        for entry in load_entries(name):
            if entry.pattern != entry.text:
                assert phrase_openings(entry.text) == opening_literals(entry.pattern), entry.text


# invented lines, with what the lists' entries look for written in every case,
# with letters a case-blind regex reads as ASCII ones, and between other words
LINES = [
    "Sign up for the ferry bulletin", "SIGN-UP NOW: harbour times", "sign up here", "Signup today!",
    "Email this story", "Tweet this", "PIN THIS ARTICLE  ", "Share this article", "share on X",
    "Photo: Harbour Office", "Photos © Ana Pier", "(Photo by the harbour master)", "AP Photo/Jo Quay",
    "REUTERS/Ana Dock", "File Photo", "Leave a comment", "Post a Reply", "Find out more about the tide",
    "More info", "more   info on berths", "Click here to book a berth", "Terms of Service | Quay rules",
    "All rights reserved.", "Follow the harbour on Instagram", "Be the first to comment", "Learn more",
    "ſign up now", "Sıgn up here", "İmages © Harbour", "The ferry leaves at 9.", "5 min read",
    "\u212aeep reading: sign up", "Powered by the harbour", "Sponsored", "photos©", "", "ſ", "ı",
]


def _entries():
    for name, ignore_case in (("ui-phrases.txt", True), ("ui-outside.txt", True), ("caption-credits.txt", False)):
        for entry in load_entries(name):
            yield re.compile(entry.pattern, re.IGNORECASE if ignore_case else 0), entry.example


def _span(m: re.Match | None):
    return m and (m.span(), m.groups())


def test_the_lists_entries_find_what_search_finds_on_invented_lines():
    rng = random.Random(14)
    gated = 0
    for pattern, example in _entries():
        test = search_in_line(pattern, opening_literals(pattern.pattern))
        gated += isinstance(test, OpeningSearch)
        lines = LINES + ([example, example.upper(), "The harbour: " + example + " " + example] if example else [])
        for line in lines:
            assert _span(test(line)) == _span(pattern.search(line)), (pattern.pattern, line)
        for _ in range(20):  # pieces of the lines shuffled together
            line = " ".join(rng.choice(lines)[rng.randrange(3):] for _ in range(3))
            assert _span(test(line)) == _span(pattern.search(line)), (pattern.pattern, line)
    assert gated > 50


def test_the_first_match_is_the_one_search_returns():
    pattern = re.compile(r"(?:sign|signed) ?up(?: now)?", re.IGNORECASE)
    test = OpeningSearch(pattern, opening_literals(pattern.pattern))
    line = "signal: SIGNED UP NOW, then sign up"
    assert test(line).span() == pattern.search(line).span() == (8, 21)
    assert test("no such phrase here") is None
