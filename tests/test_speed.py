"""Work no output needs is not done: fingerprints, option validators."""

from __future__ import annotations

import json

import pytest
from conftest import lint_text, run
from scrapelint import engine, units
from scrapelint.rule import get_registry

ARTICLE = """---
title: "Ferry returns"
source: https://example.org/2025/03/14/ferry
date: 2025-03-14
word_count: 50
---

The ferry is back today.
"""


@pytest.mark.parametrize("args, wanted", [
    (("--format", "text"), False),
    (("--format", "github"), False),
    (("--format", "json"), True),
    (("--format", "sarif"), True),
    (("--format", "text", "--write-baseline", "base.json"), True),
])
def test_fingerprints_only_for_outputs_that_use_them(folder, capsys, monkeypatch, args, wanted):
    (folder / "a.md").write_text(ARTICLE)
    seen = []
    real = engine.annotate

    def spy(doc, findings, context_lines=0, fingerprints=True):
        real(doc, findings, context_lines, fingerprints)
        seen.append(all("fingerprint" in f.extra for f in findings))

    monkeypatch.setattr(engine, "annotate", spy)
    run(capsys, "check", "a.md", "--jobs", "1", *args)
    assert seen == [wanted]


def test_without_fingerprints_fix_edits_are_still_placed():
    from scrapelint.readers.markdown import parse_markdown

    findings = lint_text(ARTICLE, select=["WC001"])
    for f in findings:
        f.extra.clear()
    engine.annotate(parse_markdown(ARTICLE.encode(), "article.md"), findings, fingerprints=False)
    assert findings and all("edits" in f.extra and "fingerprint" not in f.extra for f in findings)


def test_default_options_equal_validated_defaults():
    # rules given no options get them unvalidated (model_construct): the same values
    for rule in get_registry():
        assert rule.Options.from_config({}) == rule.Options.model_validate({}), rule.code


def test_one_parquet_file_is_spread_over_the_workers(folder, capsys):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    from scrapelint.discovery import Target

    rows = [{"id": f"r{i}", "title": "Ferry returns", "url": "https://example.org/2025/03/14/ferry",
             "date": "2025-03-14", "word_count": 5 if i % 2 else 50, "text": "The ferry is back today."}
            for i in range(2 * units.RECORDS_PER_UNIT + 7)]
    pq.write_table(pa.Table.from_pylist(rows), folder / "shard.parquet")  # one row group
    from scrapelint.config import load_config

    units.init_worker([load_config(None)], engine.RunOptions())  # the main process's readers and settings
    cut = list(units.make_units([Target(folder / "shard.parquet", "shard.parquet", 0)], None))
    assert [u[0] for u in cut] == ["chunk"] * 3 and [u[5][0] for u in cut] == [1, units.RECORDS_PER_UNIT + 1, 2 * units.RECORDS_PER_UNIT + 1]
    _, one, _ = run(capsys, "check", "shard.parquet", "--jobs", "1", "--format", "json")
    _, two, _ = run(capsys, "check", "shard.parquet", "--jobs", "2", "--format", "json")
    assert one == two
    report = json.loads(one)
    assert report["summary"]["documents"] == len(rows)
    assert [f["record"] for f in report["findings"] if f["code"] == "WC001"] == [f"r{i}" for i in range(0, len(rows), 2)]


@pytest.mark.parametrize("line, problem", [
    (b'{"id": "a", "value": NaN, "text": "x"}', None),  # json reads NaN; orjson does not
    (b'{"id": "a", "n": 123456789012345678901234567890, "text": "x"}', None),  # beyond 64 bits
    ('{"id": "a", "text": "x"}'.encode("utf-16"), None),  # json detects UTF-16
    (b'{"id": "a", "text": "\\ud800"}', None),  # a lone surrogate
    (b'{"id": "a", "text": }', "is not valid JSON: Expecting value at column 21"),
])
def test_jsonl_lines_read_as_json_reads_them(line, problem):
    from scrapelint.readers import ReadSettings, read_jsonl_lines

    (doc,) = read_jsonl_lines([(1, line)], "d.jsonl", ReadSettings())
    if problem is None:
        assert doc.unreadable is None and doc.record == "a"
    else:
        assert problem in doc.unreadable


def test_a_finding_crosses_to_the_main_process_whole():
    """Workers send findings pickled by their arguments (Finding.__reduce__):
    every field, the fix and the reporters' extras arrive as they were."""
    import pickle

    from scrapelint.findings import Edit, Finding, Fix, Severity

    sent = Finding("DT001", "date-mismatch", Severity.ERROR, "date 2019 on a 2025 story", "a.md", 3, 7, 3, 17,
                   Fix("use the URL's date", (Edit(10, 20, "2025-01-02"),), safe=False), record="r9",
                   suppressed=True, extra={"fingerprint": "f" * 32, "field": "date"}, data={"days": 2000})
    received = pickle.loads(pickle.dumps([sent, sent], protocol=pickle.HIGHEST_PROTOCOL))
    assert received == [sent, sent]
    assert all(getattr(received[0], name) == getattr(sent, name) for name in Finding.__slots__)
    assert received[0].severity is Severity.ERROR and received[0].extra is not sent.extra
    assert Finding("X001", "x", Severity.NOTE, "m", "p").extra == pickle.loads(pickle.dumps(
        Finding("X001", "x", Severity.NOTE, "m", "p"))).extra == {}


def test_a_result_crosses_with_its_findings_packed_and_its_text_written():
    """A pool worker writes the report's text of a format that can
    (JsonReporter.document_text); the main process reads the tally and copies the
    text, and unpickles the findings only if something asks for them.
    Dropping findings (a baseline does) drops what was derived from them."""
    import pickle

    from scrapelint.findings import Finding, Severity
    from scrapelint.reporters.json import JsonReporter
    from scrapelint.results import DocResult

    finding = Finding("WC001", "word-count-mismatch", Severity.WARNING, "m", "a.md", 2, 1, extra={"fingerprint": "f"})
    sent = DocResult("a.md", [finding])
    sent.rendered = JsonReporter.document_text(sent)
    received = pickle.loads(pickle.dumps(sent))
    assert received._findings is None and received._packed  # not unpickled yet
    assert received.tally == (("WC001", "word-count-mismatch", Severity.WARNING, False),)
    assert received.rendered == sent.rendered and '"code":"WC001"' in received.rendered
    assert received.findings == [finding] and received._packed is None
    received.findings = []
    assert received.tally == () and received.rendered is None
    empty = pickle.loads(pickle.dumps(DocResult("b.md", [])))
    assert empty.findings == [] and empty.tally == ()


def test_pool_workers_write_the_report_text_of_formats_that_can(folder):
    (folder / "a.md").write_text(ARTICLE.replace("word_count: 50", "word_count: 500"))
    linter_options = engine.RunOptions(rendered_format="json")
    from scrapelint.config import load_config

    units.init_worker([load_config(None)], linter_options)
    units.init_rendering(linter_options)
    try:
        [result] = units.process_unit_in_pool(("files", [(str(folder / "a.md"), "a.md", 0)]))
        assert result.tally and result.rendered is not None and '"WC001"' in result.rendered
        units.init_rendering(engine.RunOptions())
        [result] = units.process_unit_in_pool(("files", [(str(folder / "a.md"), "a.md", 0)]))
        assert result.tally and result.rendered is None
    finally:
        units.init_rendering(engine.RunOptions())


def test_only_a_static_document_text_is_written_by_the_workers():
    from scrapelint.cli import _writes_per_document
    from scrapelint.reporters import Reporter
    from scrapelint.reporters.html import HtmlReporter
    from scrapelint.reporters.json import JsonReporter
    from scrapelint.reporters.jsonl import JsonlReporter
    from scrapelint.reporters.sarif import SarifReporter

    class OwnMethod(Reporter):  # a plugin's method of the same name, on the instance
        def document_text(self, result):
            return ""

    assert _writes_per_document(JsonReporter) and _writes_per_document(JsonlReporter)
    assert not any(map(_writes_per_document, (Reporter, SarifReporter, HtmlReporter, OwnMethod)))
