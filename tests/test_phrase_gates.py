"""Phrase-list entries without a required literal are gated by a weaker
requirement (a rare symbol, a digit); the gate must never skip a line the
entry matches."""

from __future__ import annotations

import re

import pytest

from scrapelint.analysis.phrases import DIGIT, load_entries, phrase_set, weak_requirement

LISTS = [("bio-phrases.txt", "any", True), ("caption-credits.txt", "any", False), ("datelines.txt", "line", True),
         ("end-markers.txt", "prefix", True), ("end-sections.txt", "prefix", True),
         ("placeholder-phrases.txt", "any", True), ("ui-lines.txt", "line", True), ("ui-outside.txt", "any", True),
         ("ui-phrases.txt", "any", True), ("ui-prefixes.txt", "prefix", True)]


def test_what_an_entry_still_requires():
    assert weak_requirement(r"(?:copyright|©|ⓒ|\(c\))\s*\d{4}") == ("copyright", "©", "ⓒ", "(c)")
    assert weak_requirement(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b") == ("@",)
    assert weak_requirement(r"(?:\d{1,2}\.\d{1,2}\.|\d{4})") == DIGIT
    # month names are rarer than digits: the better gate wins
    assert weak_requirement(r"(?:\d{1,2}\s+(?:jan|feb)|(?:jan|feb)\s+\d{1,2})") == ("jan", "feb", "jan", "feb")
    assert weak_requirement(r"[A-Z]+Ä?") is None  # nothing a match must hold
    # a case-blind part of a case-sensitive list is not gated on the text as written
    assert weak_requirement(r"(?i:photo)", ignore_case=False) is None
    assert weak_requirement(r"Photo", ignore_case=True) == ("photo",)


def _lines() -> list[str]:
    """Invented lines, and every example the data lists give."""
    lines = ["© Harbour Gazette 2024", "Copyright 2023 by the Harbour Desk", "(c) 2021 Ferry Weekly",
             "Posted 14.03.2024", "Aktualisiert am 3. März 2022, 09:41 Uhr", "Write to ana.rivera@example.org",
             "Updated ٣ May 2024", "Photo: ©Lena Park", "plain words only", "", "12", "--- 2024-01-02 ---"]
    for name, _mode, _case in LISTS:
        lines += [e.example for e in load_entries(name) if e.example]
    return lines


@pytest.mark.parametrize("name,mode,ignore_case", LISTS)
def test_the_gate_never_skips_a_line_the_entry_matches(name, mode, ignore_case):
    ps = phrase_set(name, mode, ignore_case=ignore_case)
    lines = _lines()
    joined = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    todo = ps.candidates(lines, joined.lower(), starts, keyless_max=max(map(len, lines)))
    for k in [k for k, keys in enumerate(ps.keys) if keys is None]:
        test = ps._test(k)
        matched = {i for i, line in enumerate(lines) if test(line)}
        assert matched <= set(todo[k]), (ps.sources[k], [lines[i] for i in matched - set(todo[k])])


def test_gated_entries_are_tried_on_fewer_lines():
    ps = phrase_set("datelines.txt", "line")
    (k,) = ps.gates.digit
    lines = ["Menu", "Posted 14.03.2024", "Contact us"]
    todo = ps.candidates(lines, "\n".join(lines).lower(), [0, 5, 23, 34])
    assert list(todo[k]) == [1]
    assert re.fullmatch(r"\d+", "٣")  # a digit of another script is a digit to the gate too
