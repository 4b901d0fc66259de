"""The Markdown reader: front matter formats, exact lines, bad input."""

from __future__ import annotations

import pickle

import pytest
from scrapelint.readers import ReadSettings
from scrapelint.readers.markdown import parse_markdown


def read(text: str | bytes):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_markdown(data, "a.md")


ARTICLE = """---
title: "A headline"
source: https://example.org/2025/02/10/story
date: 2025-02-10
word_count: 4
---

Body line one.
Second line here.
"""


def test_yaml_keys_lines_and_body_start():
    doc = read(ARTICLE)
    assert doc.meta_format == "yaml"
    assert doc.meta["title"] == "A headline"
    assert doc.meta["date"] == "2025-02-10"  # kept as written, not a datetime.date
    assert {k: v.line for k, v in doc.keys.items()} == {"title": 2, "source": 3, "date": 4, "word_count": 5}
    assert doc.body_start_line == 7
    assert doc.lines == ["", "Body line one.", "Second line here."]
    assert doc.file_line(1) == 8
    assert doc.word_count == 6


def test_value_span_is_the_value_as_written():
    doc = read(ARTICLE)
    start, end = doc.value_span("title")
    assert doc.text[start:end] == '"A headline"'
    start, end = doc.value_span("word_count")
    assert doc.text[start:end] == "4"


def test_crlf_lines_are_exact_and_text_is_untouched():
    doc = read(ARTICLE.replace("\n", "\r\n"))
    assert doc.keys["word_count"].line == 5
    assert doc.body_start_line == 7
    assert doc.lines[1] == "Body line one."
    assert "\r\n" in doc.text
    start, end = doc.value_span("word_count")
    assert doc.text[start:end] == "4"


def test_bom_is_removed_and_remembered():
    doc = parse_markdown(b"\xef\xbb\xbf" + ARTICLE.encode(), "a.md")
    assert doc.bom and doc.meta["title"] == "A headline" and doc.keys["title"].line == 2


def test_toml_front_matter():
    doc = read('+++\ntitle = "T"\nword_count = 3\n\n[extra]\nx = 1\n+++\nOne two three\n')
    assert doc.meta_format == "toml" and doc.meta["word_count"] == 3
    assert doc.keys["word_count"].line == 3 and "x" not in doc.keys
    assert doc.body_start_line == 8


def test_json_front_matter():
    doc = read('{\n  "title": "T",\n  "word_count": 3\n}\nOne two three\n')
    assert doc.meta_format == "json" and doc.meta["title"] == "T"
    assert doc.keys["word_count"].line == 3
    assert doc.body_start_line == 5 and doc.lines == ["One two three"]


def test_no_front_matter():
    doc = read("# Just a heading\n\nText.\n")
    assert doc.meta_format is None and doc.body_start_line == 1 and doc.fm_error is None


def test_invalid_yaml_reports_its_line():
    doc = read('---\ntitle: "ok"\ndate: [2025\nword_count: 3\n---\nbody\n')
    message, line, column = doc.fm_error
    assert "invalid YAML" in message
    assert line in (3, 4)
    assert doc.body_start_line == 6


def test_unclosed_front_matter():
    doc = read("---\ntitle: x\nbody without end\n")
    assert "never closed" in doc.fm_error[0]


def test_front_matter_that_is_a_list():
    doc = read("---\n- a\n- b\n---\nbody\n")
    assert "not a mapping" in doc.fm_error[0]


def test_impossible_date_is_not_a_crash():
    doc = read("---\ntitle: x\ndate: 2019-02-30\n---\nbody\n")
    assert doc.fm_error is None and doc.meta["date"] == "2019-02-30"


def test_duplicate_keys_are_recorded():
    doc = read("---\ntitle: a\ndate: 2025-02-10\ntitle: b\n---\nbody\n")
    assert doc.meta["title"] == "b"
    assert doc.duplicate_keys == [("title", 4, 2)]


def test_latin1_is_unreadable_with_its_line():
    doc = parse_markdown("---\ntitle: Café\n---\n".encode("latin-1"), "a.md")
    assert "not valid UTF-8" in doc.unreadable and "0xE9" in doc.unreadable
    assert doc.unreadable_line == 2


def test_binary_is_unreadable():
    doc = parse_markdown(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.md")
    assert doc.unreadable.startswith("binary file")


def test_links_and_headings_are_line_exact():
    doc = read("---\ntitle: t\n---\n# Head\n\nSee [the report](https://x.org/a) and [](https://x.org/b).\n\n```\n[not](a link)\n```\nSub\n---\n")
    assert [(h.line, h.level, h.text) for h in doc.headings] == [(4, 1, "Head"), (11, 2, "Sub")]
    assert [(lk.line, lk.text, lk.target) for lk in doc.links] == [(6, "the report", "https://x.org/a"), (6, "", "https://x.org/b")]


# -- robustness: no input makes the reader raise ---------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

FRAGMENTS = st.sampled_from(["---\n", "+++\n", "{\n", "}\n", "title: x\n", "date: 2019-02-30\n", "a: [\n", "- b\n",
                             "\r\n", "\ufeff", "\x00", "\xe9", "key: 'v'\n", ": :\n", "&a [*a]\n", "x = 1\n", "\"k\": 1,\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=12), st.binary(max_size=40))
def test_reader_never_raises(parts, tail):
    data = "".join(parts).encode("utf-8", "surrogatepass") + tail
    doc = parse_markdown(data, "fuzz.md")
    if doc.unreadable is None:
        assert isinstance(doc.meta, dict)
        doc.lines, doc.links, doc.headings, doc.word_count  # every view computes


def test_toml_value_span_leaves_the_comment_out():
    doc = parse_markdown(b'+++\ntitle = "T"  # the headline\nword_count = 30 # stale\n+++\none two three\n', "a.md")
    start, end = doc.value_span("word_count")
    assert doc.text[start:end] == "30"
    start, end = doc.value_span("title")
    assert doc.text[start:end] == '"T"'


def test_shared_evidence_is_computed_once_per_document():
    doc = read(ARTICLE)
    calls = []
    assert doc.shared("probe", lambda d: calls.append(d) or len(calls)) == 1
    assert doc.shared("probe", lambda d: calls.append(d) or len(calls)) == 1
    assert calls == [doc]


def test_default_read_settings_pickle_and_stay_read_only():
    # a library caller sends its settings to workers; the default field map
    # is shared by every ReadSettings(), so nothing may change it
    settings = ReadSettings()
    assert pickle.loads(pickle.dumps(settings)) == settings
    with pytest.raises(TypeError):
        settings.field_map["title"] = "headline"
    with pytest.raises(TypeError):
        settings.field_map.update(title="headline")
    assert ReadSettings().field_map == {}
    mapped = settings._replace(field_map={"title": "headline"})
    assert pickle.loads(pickle.dumps(mapped)) == mapped
