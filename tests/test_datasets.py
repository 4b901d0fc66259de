"""Dataset inputs: JSONL (streamed, chunked over workers) and Parquet."""

from __future__ import annotations

import json

import pytest

from scrapelint.cli import main

RECORD = {"id": "r1", "url": "https://example.org/2025/03/14/ferry", "title": "Ferry returns",
          "date": "2025-03-14", "word_count": 5, "text": "The ferry is back today."}


def report(capsys, *args):
    code = main(["check", *args, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_jsonl_records_and_a_broken_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    lines = [json.dumps(RECORD), json.dumps({**RECORD, "id": "r2", "word_count": 500}), '{"id": "r3", "text": "cut in ha',
             "", json.dumps([1, 2]), json.dumps({**RECORD, "id": "r6", "word_count": 50})]
    (tmp_path / "data.jsonl").write_text("\n".join(lines) + "\n")
    code, rep, err = report(capsys, "data.jsonl")
    assert code == 1 and "Traceback" not in err
    got = [(f["code"], f["line"], f["record"]) for f in rep["findings"]]
    assert got == [("WC001", 2, "r2"), ("FM005", 3, "#3"), ("FM005", 5, "#5"), ("WC001", 6, "r6")]
    assert rep["summary"]["documents"] == 5


def test_jsonl_field_mapping(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scrapelint.toml").write_text("[fields]\nbody = 'article'\nword_count = 'n_words'\n")
    rec = {"id": "a", "title": "T", "article": "one two three", "n_words": 30}
    (tmp_path / "d.jsonl").write_text(json.dumps(rec) + "\n")
    code, rep, _ = report(capsys, "d.jsonl")
    assert [(f["code"], f["record"]) for f in rep["findings"]] == [("WC001", "a")]
    assert "n_words 30 but the body has 3 words" in rep["findings"][0]["message"]


def test_large_jsonl_is_split_over_workers_deterministically(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with open(tmp_path / "big.jsonl", "w") as f:
        for i in range(1500):
            f.write(json.dumps({**RECORD, "id": f"r{i}", "word_count": 5 if i % 7 else 99}) + "\n")
    _, one, _ = report(capsys, "big.jsonl", "--jobs", "1")
    _, two, _ = report(capsys, "big.jsonl", "--jobs", "2")
    assert one == two
    assert one["summary"]["findings"] == len(range(0, 1500, 7))


def test_datasets_are_picked_up_when_included(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.jsonl").write_text(json.dumps({**RECORD, "word_count": 99}) + "\n")
    assert report(capsys, ".")[1]["summary"]["documents"] == 0
    (tmp_path / "scrapelint.toml").write_text("extend-include = ['*.jsonl']\n")
    assert report(capsys, ".")[1]["summary"]["findings"] == 1


def test_parquet(tmp_path, monkeypatch, capsys):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    monkeypatch.chdir(tmp_path)
    rows = [RECORD, {**RECORD, "id": "r2", "word_count": 77}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "d.parquet")
    code, rep, _ = report(capsys, "d.parquet")
    assert code == 1 and [(f["code"], f["record"]) for f in rep["findings"]] == [("WC001", "r2")]
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    code, rep, err = report(capsys, "broken.parquet")
    assert [f["code"] for f in rep["findings"]] == ["FM005"] and "Traceback" not in err
