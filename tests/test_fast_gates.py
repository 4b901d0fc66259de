"""Cheap pre-tests in front of a rule's regex must never skip what the regex finds."""

from __future__ import annotations

import re

from scrapelint.readers.markdown import parse_markdown_text
from scrapelint.rules import hygiene
from scrapelint.rules.boilerplate import _MANGLED_TARGET_RE


def _doc(body: str):
    return parse_markdown_text("---\ntitle: Harbour\n---\n\n" + body, "gate.md")


def test_every_invisible_character_fails_the_visibility_pre_test():
    invisible = [chr(c) for c in range(0x110000) if hygiene._INVISIBLE_RE.match(chr(c))]
    assert len(invisible) > 50
    for c in invisible:
        assert not hygiene._all_visible(_doc(f"The harbour{c} authority met.\n")), hex(ord(c))
    assert hygiene._all_visible(_doc("The harbour authority met on Sunday.\n"))


def test_the_mojibake_pre_test_holds_every_first_character_of_the_hint():
    firsts = {chr(c) for c in range(0x100) if re.match(f"[{hygiene._MOJIBAKE_LEADS}]", chr(c))}
    pattern_firsts = {chr(c) for c in range(0x3000)
                      if any(hygiene._MOJIBAKE_HINT_RE.match(chr(c) + chr(d)) for d in (0x80, 0xA9, 0x2122))}
    assert pattern_firsts <= firsts


def test_a_target_the_mangled_pre_test_lets_pass_cannot_match():
    whitespace = [chr(c) for c in range(0x110000) if re.match(r"\s", chr(c))]
    # the pre-test skips targets without "<", ">" or " " that are printable: no other space is printable
    assert [c for c in whitespace if c.isprintable()] == [" "]
    assert _MANGLED_TARGET_RE.search("https://example.org/a\u00a0b")
    assert not "https://example.org/a\u00a0b".isprintable()


def test_slices_of_the_body_lowered_once_are_each_line_lowered():
    from scrapelint.analysis.phrases import lowered_join, lowered_lines

    # final sigma, a letter whose lower case is longer (İ), CRLF endings, an empty line
    body = "ΟΔΟΣ ΠΑΡΟΔΟΣ\r\nİstanbul Harbour\n\nΣ\nThe END of İt\n"
    doc = _doc(body)
    lowered, starts = lowered_lines(doc)
    lines = doc.lines
    assert lowered == lowered_join(lines)
    for i, line in enumerate(lines):
        assert lowered[starts[i]:starts[i + 1] - 1] == lowered_join([line])
    subset = [0, 3, 4]
    assert "\n".join(lowered[starts[i]:starts[i + 1] - 1] for i in subset) == lowered_join([lines[i] for i in subset])


def test_every_whitespace_character_but_the_space_is_unprintable():
    from scrapelint.rules.urls import url_problem

    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]
    for c in spaces:
        assert url_problem(f"https://example.org/a{c}b") == "contains whitespace", hex(ord(c))
    assert url_problem("https://example.org/a-b") is None
