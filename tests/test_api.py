"""The Python API (`scrapelint.lint_text` and friends) gives what the
command line gives, and a long-lived Linter keeps nothing."""

from __future__ import annotations

import json

import pytest

import scrapelint
from conftest import CORPUS, SEED, SHARED, needs_shared, run

ARTICLE = """---
title: Harbour ferry returns after winter repairs | Coastline Gazette
source: https://www.coastline-gazette.example/2024/03/05/ferry-returns/
date: 2024-03-05
word_count: 5
---

The harbour ferry returned to service on Tuesday after three months of winter
repairs, the port authority said, with a new timetable that adds an early
crossing for commuters and a late one on weekends.
"""


def key(f) -> tuple:
    return (f.code, f.line, f.column, f.message)


def cli_findings(capsys, *args: str) -> list[tuple]:
    code, out, err = run(capsys, "check", *args, "--format", "json", "--exit-zero")
    assert code == 0, err
    return [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(out)["findings"]]


def test_lint_text_gives_the_findings_of_the_cli(tmp_path, capsys):
    (tmp_path / "a.md").write_text(ARTICLE)
    got = [key(f) for f in scrapelint.lint_text(ARTICLE)]
    assert {c for c, *_ in got} >= {"TI001", "WC001"}
    assert got == cli_findings(capsys, str(tmp_path / "a.md"))


@needs_shared
def test_lint_text_on_the_seed_matches_the_cli(capsys):
    got = [key(f) for f in scrapelint.lint_text(SEED.read_text(encoding="utf-8"))]
    assert got and got == cli_findings(capsys, str(SEED))


@needs_shared
def test_lint_record_matches_the_cli_on_a_corpus_record(tmp_path, capsys):
    lines = (SHARED / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    line = next(raw for raw in lines[:50] if len(json.loads(raw).get("text", "")) > 2000)
    (tmp_path / "one.jsonl").write_text(line + "\n")
    got = [(f.code, f.line, f.message) for f in scrapelint.lint_record(json.loads(line))]
    # a record has no file line of its own: the CLI gives its line in the JSONL file
    expected = [(code, None, message) for code, line, _, message in cli_findings(capsys, str(tmp_path / "one.jsonl"))]
    assert got and got == expected


def test_lint_record_reads_the_body_from_the_fields_given():
    record = {"id": "r1", "url": "https://news.example/2024/05/01/x", "word_count": 5, "content": "Words " * 40}
    found = scrapelint.lint_record(record, fields={"body": "content"}, select=["WC001"])
    assert [(f.code, f.record, f.message) for f in found] == \
           [("WC001", "r1", "word_count 5 but the body has 40 words (35 fewer stated than counted, 88%)")]


def test_select_ignore_and_config_mapping():
    assert {f.code for f in scrapelint.lint_text(ARTICLE, select=["WC"])} == {"WC001"}
    assert "TI001" not in {f.code for f in scrapelint.lint_text(ARTICLE, ignore=["TI001"])}
    relaxed = scrapelint.lint_text(ARTICLE, select=["WC001"], config={"rules": {"WC001": {"tolerance": 100}}})
    assert relaxed == []
    with pytest.raises(scrapelint.ConfigError, match="WC001"):
        scrapelint.lint_text(ARTICLE, config={"rules": {"WC001": {"tolerance": "lots"}}})
    with pytest.raises(TypeError):
        scrapelint.lint_text(ARTICLE, select="WC")


def test_fix_text_applies_the_safe_fixes():
    fixed, left = scrapelint.fix_text(ARTICLE, select=["TI001", "WC001"])
    assert "title: Harbour ferry returns after winter repairs\n" in fixed
    assert "word_count: 35\n" in fixed
    assert left == []
    assert scrapelint.fix_text(fixed, select=["TI001", "WC001"]) == (fixed, [])


def test_lint_paths_yields_each_document_in_order(tmp_path):
    (tmp_path / "b.md").write_text(ARTICLE)
    (tmp_path / "a.md").write_text(ARTICLE.replace("word_count: 5", "word_count: 35"))
    results = list(scrapelint.lint_paths([tmp_path], jobs=1, select=["WC"]))
    assert [(r.display.rsplit("/", 1)[-1], [f.code for f in r.findings]) for r in results] == \
           [("a.md", []), ("b.md", ["WC001"])]


def test_list_rules_lists_every_rule():
    rules = scrapelint.list_rules()
    assert [r.code for r in rules] == sorted(r.code for r in rules)
    wc = next(r for r in rules if r.code == "WC001")
    assert (wc.name, wc.family, wc.fixable) == ("word-count-mismatch", "WC", True)


def test_a_linter_is_reused_and_keeps_nothing():
    linter = scrapelint.Linter(select=["ALL"])
    first = [key(f) for f in linter.lint_text(ARTICLE)]
    sizes = {k: len(v) for k, v in vars(linter._engine).items() if isinstance(v, (list, dict, set))}
    for _ in range(20):
        assert [key(f) for f in linter.lint_text(ARTICLE)] == first
    assert {k: len(v) for k, v in vars(linter._engine).items() if isinstance(v, (list, dict, set))} == sizes
