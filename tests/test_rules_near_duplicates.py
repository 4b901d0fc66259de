"""DS003 near duplicates, and DS001-DS003 together on a record set with planted duplicates."""

from __future__ import annotations

import json

import pytest

from planted import FESTIVAL, FESTIVAL_MIRROR, FERRY, write_jsonl
from scrapelint.cli import main


def findings(capsys, *args):
    main(["check", *args, "--format", "json"])
    return [(f["code"], f["record"], f["message"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_planted_duplicates_get_ds001_ds002_ds003_each_naming_both(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "news.jsonl")
    got = findings(capsys, "news.jsonl", "--select", "FM001", "--extend-select", "DS", "--jobs", "1")
    ds = [(code, record, message) for code, record, message in got if code.startswith("DS")]
    assert [(code, record) for code, record, _ in ds] == [
        ("DS001", "festival-feed"), ("DS002", "festival-feed"), ("DS003", "festival-mirror")]
    assert ds[0][2] == "same body as news.jsonl record festival (line 1)"
    assert ds[1][2] == "same source URL as news.jsonl record festival (line 1)"
    near = ds[2][2]
    assert near.startswith("near duplicate of news.jsonl record festival (line 1) (estimated similarity 0.")
    assert "news.jsonl record festival-feed (line 3)" in near
    assert 0.8 <= float(near.split("similarity ")[1][:4]) < 1.0


def test_without_ds001_exact_copies_are_near_duplicates_too(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "news.jsonl")
    got = findings(capsys, "news.jsonl", "--select", "DS003", "--jobs", "1")
    assert [record for _, record, _ in got] == ["festival-feed", "festival-mirror"]
    assert "(estimated similarity 1.00)" in got[0][2]


def article(body: str) -> str:
    return f"---\ntitle: T\n---\n\n{body}"


def test_markdown_files_are_named_by_path_and_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(article(FESTIVAL))
    (tmp_path / "b.md").write_text(article(FERRY))
    (tmp_path / "c.md").write_text(article(FESTIVAL_MIRROR))
    got = findings(capsys, ".", "--select", "DS003")
    assert [(code, message.split(" (estimated")[0]) for code, _, message in got] == [
        ("DS003", "near duplicate of a.md:5")]


def test_threshold_option(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    half = FESTIVAL.split("\n")
    (tmp_path / "a.md").write_text(article(FESTIVAL))
    (tmp_path / "b.md").write_text(article("\n".join(half[:7]) + "\n" + FERRY))  # about a third shared
    assert findings(capsys, ".", "--select", "DS003") == []
    (tmp_path / "scrapelint.toml").write_text("[rules.DS003]\nthreshold = 0.2\n")
    got = findings(capsys, ".", "--select", "DS003")
    assert [message.split(" (estimated")[0] for _, _, message in got] == ["near duplicate of a.md:5"]


def test_short_bodies_are_not_compared(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for name in "ab":
        (tmp_path / f"{name}.md").write_text(article("Subscribe to keep reading this story. " * 3))
    assert findings(capsys, ".", "--select", "DS003") == []


@pytest.mark.parametrize("bad", ["threshold = 0", "threshold = 1.5", "num-perm = 4", "shingle-words = 0"])
def test_bad_options_are_configuration_errors(tmp_path, monkeypatch, capsys, bad):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(article(FESTIVAL))
    (tmp_path / "scrapelint.toml").write_text(f"[rules.DS003]\n{bad}\n")
    assert main(["check", ".", "--select", "DS003"]) == 2
    assert "rules.DS003" in capsys.readouterr().err


def test_without_datasketch_selecting_ds003_names_the_extra(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(article(FESTIVAL))
    monkeypatch.setitem(__import__("sys").modules, "datasketch", None)  # import fails as when not installed
    assert main(["check", ".", "--select", "DS003"]) == 2
    assert "pip install 'scrapelint[dedup]'" in capsys.readouterr().err
