"""DS004 site furniture: learned from a crawl's own pages of one site."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import CORPUS, SHARED
from scrapelint.cli import main
from site_crawl import PAGES, SITE, build


def report(capsys, *args) -> list[dict]:
    code = main(["check", *args, "--format", "json"])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    return json.loads(captured.out)["findings"]


def covered(f: dict) -> set[int]:
    return set(range(f["line"], (f["end_line"] or f["line"]) + 1))


def test_every_shared_block_and_no_article_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    truth = build(tmp_path / "crawl")
    found = [f for f in report(capsys, "crawl", "--select", "DS004", "--jobs", "1") if f["code"] == "DS004"]
    by_file: dict[str, set[int]] = {}
    for f in found:
        by_file.setdefault(f["path"].split("/")[-1], set()).update(covered(f))
    assert sorted(by_file) == sorted(truth)
    for name, lines in truth.items():
        assert by_file[name] >= lines["furniture"], name  # every shared block
        assert not by_file[name] & lines["article"], name  # no article line
    header = next(f for f in found if f["path"].endswith("story-00.md"))
    assert header["message"] == f"site furniture: these 4 lines recur in {PAGES} of {PAGES} documents of {SITE}"
    assert any(f"recur in {PAGES // 2} of {PAGES}" in f["message"] for f in found)  # a related-links box


def test_same_findings_with_two_workers_and_thresholds(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    build(tmp_path / "crawl")
    one = report(capsys, "crawl", "--select", "DS004", "--jobs", "1")
    two = report(capsys, "crawl", "--select", "DS004", "--jobs", "2")
    assert one == two
    (tmp_path / "scrapelint.toml").write_text("[rules.DS004]\nmin-documents = 13\n")
    fewer = report(capsys, "crawl", "--select", "DS004", "--jobs", "1")
    assert fewer and not any(f"recur in {PAGES // 2} of" in f["message"] for f in fewer)  # the boxes drop out


def test_too_few_pages_of_a_site_learn_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    build(tmp_path / "all")
    (tmp_path / "few").mkdir()
    for name in sorted((tmp_path / "all").iterdir())[:4]:
        shutil.copy(name, tmp_path / "few")
    assert report(capsys, "few", "--select", "DS004") == []


def test_learned_lines_are_furniture_for_nv(tmp_path, monkeypatch, capsys):
    """The footer's sentence reads as prose on one page; learned from the
    site it is never taken for the article's text."""
    from scrapelint.analysis import furniture
    from scrapelint.readers.markdown import parse_markdown

    from conftest import make_linter

    monkeypatch.chdir(tmp_path)
    truth = build(tmp_path / "crawl")
    rule = make_linter(["DS004"]).rules[0]
    state = rule.new_state()
    for path in sorted((tmp_path / "crawl").iterdir()):
        doc = parse_markdown(path.read_bytes(), path.name)
        state = rule.add(state, rule.collect(doc)[0], None)
    rule.knowledge = rule.conclude(state)
    doc = parse_markdown((tmp_path / "crawl" / "story-03.md").read_bytes(), "story-03.md")
    rule.prepare(doc)
    assert {doc.file_line(i) for i in doc.site_furniture} == truth["story-03.md"]["furniture"]
    fu = furniture.of(doc)
    for u in fu.units:
        if u.start in doc.site_furniture:
            assert u.cls == "bad" and "site" in u.evidence


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_mixed_into_the_corpus_the_other_sites_do_not_change(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CORPUS, "mixed", ignore=shutil.ignore_patterns("*.jsonl", "*.json", "README.md"))
    alone = report(capsys, "mixed", "--extend-select", "DS")
    build(tmp_path / "mixed" / "gazette")
    mixed = report(capsys, "mixed", "--extend-select", "DS")
    others = [f for f in mixed if "/gazette/" not in f["path"]]
    assert others == alone
    assert any(f["code"] == "DS004" and "/gazette/" in f["path"] for f in mixed)
