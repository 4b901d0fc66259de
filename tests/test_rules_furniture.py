"""DS004 site furniture: learned from a crawl's own pages of one site."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import CORPUS, SHARED
from scrapelint.cli import main
from site_crawl import LANGUAGES, PAGES, PROSE_PAGES, PROSE_SITE, SITE, build, build_prose


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


def test_a_learned_unit_is_site_furniture_even_inside_the_article(tmp_path):
    """decide() gives every learned unit the reason `site`, the disclaimer and
    the appeal inside the article's core too, and no article unit."""
    from scrapelint.analysis import furniture
    from scrapelint.readers.markdown import parse_markdown

    from conftest import make_linter

    truth = build_prose(tmp_path / "crawl")
    rule = make_linter(["DS004"]).rules[0]
    state = rule.new_state()
    for path in sorted((tmp_path / "crawl").iterdir()):
        state = rule.add(state, rule.collect(parse_markdown(path.read_bytes(), path.name))[0], None)
    rule.knowledge = rule.conclude(state)
    doc = parse_markdown((tmp_path / "crawl" / "fr-02.md").read_bytes(), "fr-02.md")
    rule.prepare(doc)
    assert min(doc.site_furniture.values()) == LANGUAGES["fr"]  # on every French page ("Culture" on 22)
    fu = furniture.of(doc)
    why = furniture.decide(fu, None, True)
    site = {doc.file_line(i) for k, w in why.items() if w == "site"
            for i in range(fu.units[k].start, fu.units[k].end + 1)}
    assert site == truth["fr-02.md"]["furniture"]
    assert [k for k, w in why.items() if w == "site" and fu.zone(k) == "core"]  # the disclaimer, the appeal
    # without what the site taught, the same page is judged alone: no `site`
    alone = parse_markdown((tmp_path / "crawl" / "fr-02.md").read_bytes(), "fr-02.md")
    assert "site" not in furniture.decide(furniture.of(alone), None, True).values()


def lines_of(findings: list[dict], prefix: str) -> dict[str, set[int]]:
    """File name -> the lines the findings of codes starting with `prefix` cover."""
    out: dict[str, set[int]] = {}
    for f in findings:
        if f["code"].startswith(prefix):
            out.setdefault(f["path"].split("/")[-1], set()).update(covered(f))
    return out


def test_the_site_feeds_nv_the_furniture_a_lone_page_hides(tmp_path, monkeypatch, capsys):
    """The prose crawl's note on the publication, support appeal, author's
    notes and disclaimer read as the article on any one page: NV alone misses
    them, NV fed by DS004's learned lines (NV008) finds every furniture line,
    and neither reports an article line."""
    monkeypatch.chdir(tmp_path)
    truth = build_prose(tmp_path / "crawl")
    assert len(truth) == PROSE_PAGES
    furniture = sum(len(t["furniture"]) for t in truth.values())

    def nv_score(select: str) -> tuple[int, int, list[dict]]:
        findings = report(capsys, "crawl", "--select", select, "--jobs", "1")
        nv = lines_of(findings, "NV")
        found = sum(len(nv.get(n, set()) & t["furniture"]) for n, t in truth.items())
        wrong = sum(len(nv.get(n, set()) & t["article"]) for n, t in truth.items())
        return found, wrong, findings

    alone, alone_wrong, _ = nv_score("NV")
    fed, fed_wrong, findings = nv_score("NV,DS004")
    assert alone_wrong == 0 and fed_wrong == 0
    assert alone < 0.8 * furniture  # a lone page gives much of it away, not all
    assert fed == furniture
    # one finding per fact: DS004 leaves to NV008 what it reports
    assert not [f for f in findings if f["code"] == "DS004"]
    disclaimer = next(f for f in findings if f["code"] == "NV008" and f["path"].endswith("en-00.md")
                      and "inside the article" in f["message"])
    assert disclaimer["message"] == (f"this block recurs on 16 pages of {PROSE_SITE} in this run, inside the article: "
                                     "the site's furniture, not this page's text")


def test_ds004_alone_reports_what_nv008_and_nv005_take_from_it(tmp_path, monkeypatch, capsys):
    """Without NV, DS004 reports every learned block; with NV008 and NV005
    (the tail after an end-of-article marker), they report it and DS004 what
    is left: here nothing, and with NV008 alone the tail."""
    monkeypatch.chdir(tmp_path)
    truth = build_prose(tmp_path / "crawl")
    alone = lines_of(report(capsys, "crawl", "--select", "DS004", "--jobs", "1"), "DS004")
    both = report(capsys, "crawl", "--select", "NV005,NV008,DS004", "--jobs", "1")
    assert not [f for f in both if f["code"] == "DS004"]
    nv = lines_of(both, "NV")
    without_nv005 = report(capsys, "crawl", "--select", "NV008,DS004", "--jobs", "1")
    left = lines_of(without_nv005, "DS004")
    nv008 = lines_of(without_nv005, "NV008")
    assert left and all("after the end of the article" not in f["message"] for f in without_nv005
                        if f["code"] == "NV008")
    for name, t in truth.items():
        text = t["furniture"] | t["article"]  # DS004's runs of blocks span the blank lines between them
        assert alone[name] & text == t["furniture"] == nv[name] & text, name
        assert not (left.get(name, set()) & nv008[name])


def test_the_feed_is_the_same_with_two_workers_and_on_dask(tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    monkeypatch.chdir(tmp_path)
    build_prose(tmp_path / "crawl")
    one = report(capsys, "crawl", "--select", "NV,DS004", "--jobs", "1")
    assert any(f["code"] == "NV008" for f in one)
    assert one == report(capsys, "crawl", "--select", "NV,DS004", "--jobs", "2")
    assert one == report(capsys, "crawl", "--select", "NV,DS004", "--engine", "dask", "--jobs", "2")


def test_without_ds004_or_on_one_page_nv008_is_silent(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    build_prose(tmp_path / "crawl")
    assert not [f for f in report(capsys, "crawl", "--jobs", "1") if f["code"] == "NV008"]
    assert not [f for f in report(capsys, "crawl/en-00.md", "--extend-select", "DS004") if f["code"] == "NV008"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_mixed_into_the_corpus_the_other_sites_do_not_change(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CORPUS, "mixed", ignore=shutil.ignore_patterns("*.jsonl", "*.json", "README.md"))
    alone = report(capsys, "mixed", "--extend-select", "DS")
    build(tmp_path / "mixed" / "gazette")
    build_prose(tmp_path / "mixed" / "courier")
    mixed = report(capsys, "mixed", "--extend-select", "DS")
    others = [f for f in mixed if "/gazette/" not in f["path"] and "/courier/" not in f["path"]]
    assert others == alone
    # NV008 reports the learned blocks, DS004 leaves them to it
    assert any(f["code"] == "NV008" and "/gazette/" in f["path"] for f in mixed)
    assert any(f["code"] == "NV008" and "/courier/" in f["path"] for f in mixed)
