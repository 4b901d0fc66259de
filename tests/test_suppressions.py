"""Inline suppressions and SL001 (unused suppression)."""

from __future__ import annotations

from conftest import codes_at, lint_text

BAD = """---
title: t
word_count: 50{comment}
---

five words in this body
{body_comment}
"""


def test_front_matter_comment_silences_its_line():
    findings = lint_text(BAD.format(comment="  # scrapelint: ignore WC001", body_comment=""), select=["WC", "SL"])
    assert findings == []


def test_name_works_as_well_as_code():
    findings = lint_text(BAD.format(comment="  # scrapelint: ignore word-count-mismatch", body_comment=""), select=["WC", "SL"])
    assert findings == []


def test_ignore_file():
    findings = lint_text(BAD.format(comment="", body_comment="<!-- scrapelint: ignore-file WC001 -->"), select=["WC", "SL"])
    assert findings == []


def test_comment_alone_on_a_line_speaks_of_the_next_line():
    text = "---\ntitle: t\n---\n\n<!-- scrapelint: ignore WC001 -->\n\nSome body text.\n"
    findings = lint_text(text, select=["WC", "SL"])
    assert codes_at(findings) == [("SL001", 5)]
    assert "no WC001 finding on line 7" in findings[0].message


def test_unused_and_unknown_suppressions_are_reported():
    findings = lint_text(BAD.format(comment="  # scrapelint: ignore FM004, XX123", body_comment=""), select=["WC", "FM", "SL"])
    assert codes_at(findings) == [("SL001", 3), ("SL001", 3), ("WC001", 3)]
    messages = sorted(f.message for f in findings if f.code == "SL001")
    assert "unknown rule 'XX123'" in messages[0] and "no FM004 finding on line 3" in messages[1]


def test_sl001_can_be_ignored():
    findings = lint_text(BAD.format(comment="  # scrapelint: ignore FM004", body_comment=""), select=["WC"])
    assert codes_at(findings) == [("WC001", 3)]
