"""Fuzz: 10,000 generated documents through the real reader and every rule.

No document may make a rule raise or time out (an SL002 finding), every
finding must point inside the file, and no message may quote its input
without bound.  Marked `slow` (about a minute or two); CI runs it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_linter
from scrapelint.readers.markdown import parse_markdown

pytestmark = pytest.mark.slow

LINTER = make_linter(["ALL"])
ATOMS = ["---", "+++", "{", "}", "title: ", "date: ", "source: ", "word_count: ", "author: ", "&a ", "*a", "<<: ",
         "[", "]", "(", ")", "![", "](", "http://", "https://example.test/2025/02/10/x", "2019-02-30", "10 Feb 2025",
         "# ", "## ", "* ", "- ", "1. ", "> ", "| ", "```", "~~~", "<div>", "</p>", "&nbsp;", "Ã©", "â€™", "\t", " ",
         "\n", "\r\n", "\r", "\x00", "\x1b[31m", "\u2028", "\ufeff", "Photo: ", "Reuters", "Read more", "Subscribe",
         "LONDON, Feb 10 (Reuters) - ", "<!-- scrapelint: ignore -->", "# scrapelint: ignore DT001", "'", '"', ":",
         "9" * 30, "word ", "Word. ", "*" * 8, "_" * 8, "-" * 8, "=" * 8, "é", "中文", "🙂"]

documents = st.lists(st.one_of(st.sampled_from(ATOMS), st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=10_000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents)
def test_no_document_breaks_a_rule(text):
    data = text.encode("utf-8", "surrogatepass")
    doc = parse_markdown(data, "fuzz.md")
    findings, errors = LINTER.lint(doc)
    assert not errors, errors
    internal = [f.message for f in findings if f.code == "SL002"]
    assert not internal, internal
    lines = text.count("\n") + 1
    for f in findings:
        assert f.line is None or 1 <= f.line <= lines, (f.code, f.line, lines)
        assert len(f.message) <= 1000
