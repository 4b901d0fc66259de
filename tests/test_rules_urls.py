"""UR: the source URL is valid, free of tracking parameters, and canonical."""

from __future__ import annotations

import pytest

from conftest import codes_at, lint_text
from scrapelint.findings import Severity
from scrapelint.fixes import apply_edits
from scrapelint.readers.markdown import parse_markdown


def doc_with(source_line: str) -> str:
    return f"---\ntitle: \"Ferry returns\"\n{source_line}\n---\n\nThe ferry is back today.\n"


def ur(text: str, select=("UR",), **settings):
    return lint_text(text, select=list(select), dedent=False, **settings)


@pytest.mark.parametrize("value, why", [
    ("/world/europe/story", "relative"),
    ("'#top'", "fragment"),
    ("//example.com/story", "protocol-relative"),
    ("ftp://example.com/story", "'ftp'"),
    ("http://localhost:8000/story", "local host"),
    ("http://127.0.0.1/story", "IP address"),
    ("http://192.168.1.10/story", "IP address"),
    ("http://intranet/story", "not a public domain"),
    ('"https://example.com/a story"', "whitespace"),
    ("https://", "no host"),
    ("42", "not a URL"),
])
def test_invalid_sources(value, why):
    found = ur(doc_with(f"source: {value}"), select=("UR001",))
    assert codes_at(found) == [("UR001", 3)], found
    assert why in found[0].message


@pytest.mark.parametrize("value", [
    "https://www.example.com/2025/03/14/story",
    "http://example.co.uk/a?b=1#c",
    "https://sub.example.org:8443/x",
    "https://xn--bcher-kva.example/x",
])
def test_valid_sources(value):
    assert ur(doc_with(f"source: {value}"), select=("UR001",)) == []


def fix_of(text: str):
    found = [f for f in ur(text, select=("UR002",))]
    assert len(found) == 1 and found[0].fix is not None, found
    return found[0], apply_edits(text, list(found[0].fix.edits))


@pytest.mark.parametrize("before, after", [
    ("source: https://ex.com/a?utm_source=x&utm_medium=y", "source: https://ex.com/a"),
    ("source: https://ex.com/a?id=7&utm_source=x&page=2#top", "source: https://ex.com/a?id=7&page=2#top"),
    ("source: https://ex.com/a?fbclid=abc", "source: https://ex.com/a"),
    ('source: "https://ex.com/a?gclid=1&q=ferry"', 'source: "https://ex.com/a?q=ferry"'),
    ("source: 'https://ex.com/a?q=1&mc_cid=2&mc_eid=3'", "source: 'https://ex.com/a?q=1'"),
    ("source: https://ex.com/a?UTM_Campaign=x#frag", "source: https://ex.com/a#frag"),
])
def test_tracking_parameters_dropped(before, after):
    finding, out = fix_of(doc_with(before))
    assert finding.line == 3
    assert out == doc_with(after)
    assert ur(out, select=("UR002",)) == []


def test_the_edit_touches_only_the_query():
    text = doc_with("source: https://ex.com/a?id=7&utm_source=x")
    finding, _ = fix_of(text)
    (edit,) = finding.fix.edits
    assert text[edit.start:edit.end] == "?id=7&utm_source=x" and edit.replacement == "?id=7"


def test_escaped_value_is_rewritten_whole_and_stays_equal():
    text = doc_with('source: "https://ex.com/\\u0061?utm_source=x"')
    _, out = fix_of(text)
    assert parse_markdown(out.encode(), "a.md").meta["source"] == "https://ex.com/a"


def test_extra_parameters_option_and_lookalikes():
    text = doc_with("source: https://ex.com/a?ref=home&utmost=1&id=2")
    assert ur(text, select=("UR002",)) == []  # `utmost` is not `utm_`, `ref` is ambiguous
    found = ur(text, select=("UR002",), rules={"UR002": {"extra-parameters": ["ref"]}})
    assert codes_at(found) == [("UR002", 3)] and "ref" in found[0].message


@pytest.mark.parametrize("value, kind", [
    ("https://www.example.com/amp/2025/story.html", "AMP"),
    ("https://www.example.com/2025/story.amp.html", "AMP"),
    ("https://example-com.cdn.ampproject.org/c/s/example.com/story", "AMP"),
    ("https://www.example.com/story?output=amp", "AMP"),
    ("https://m.example.com/story", "mobile"),
    ("https://www.example.com/print/story", "print"),
    ("https://www.example.com/story?print=1", "print"),
    ("https://www.example.com/feed/", "feed"),
])
def test_variants_are_notes(value, kind):
    found = ur(doc_with(f"source: {value}"), select=("UR003",))
    assert codes_at(found) == [("UR003", 3)] and kind in found[0].message
    assert found[0].severity == Severity.NOTE


@pytest.mark.parametrize("value", [
    "https://www.example.com/2025/03/14/ampere-record",
    "https://www.example.com/blueprint/story",
    "https://www.example.com/feedback",
    "https://mobile-news.example.com/x",
    "https://www.example.com/story?page=2",
])
def test_not_variants(value):
    assert ur(doc_with(f"source: {value}"), select=("UR003",)) == []


def test_rule_pages_have_the_four_sections():
    from scrapelint.rules import urls

    for rule in urls.scrapelint_rules():
        doc = rule.documentation()
        for section in ("What it checks", "Why it matters", "Example", "Fix"):
            assert section in doc, (rule.code, section)
