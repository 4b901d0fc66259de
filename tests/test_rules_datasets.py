"""DS: duplicates across the documents of one run."""

from __future__ import annotations

import json

from scrapelint.cli import main

BODY = " ".join(f"word{i}" for i in range(40))


def article(source: str, body: str = BODY) -> str:
    return f"---\ntitle: T\nsource: {source}\n---\n\n{body}\n"


def findings(capsys, *args):
    main(["check", *args, "--select", "DS001,DS002", "--format", "json"])
    return [(f["code"], f["path"], f["line"], f["record"], f["message"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_duplicate_body_and_source_across_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(article("https://www.example.org/story/"))
    (tmp_path / "b.md").write_text(article("http://example.org/story?utm_source=feed#top", BODY.upper()))
    (tmp_path / "c.md").write_text(article("https://example.org/other", "Something else entirely " * 10))
    got = findings(capsys, ".")
    assert got == [
        ("DS002", "b.md", 3, None, "same source URL as a.md:3"),
        ("DS001", "b.md", 6, None, "same body as a.md:6"),
    ]


def test_duplicates_in_jsonl_name_the_first_record(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    recs = [{"id": "r1", "url": "https://example.org/a", "title": "T", "text": BODY},
            {"id": "r2", "url": "https://example.org/b", "title": "T", "text": "short"},
            {"id": "r3", "url": "https://example.org/c", "title": "T", "text": BODY},
            {"id": "r4", "url": "https://example.org/d", "title": "T", "text": BODY}]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    got = findings(capsys, "d.jsonl", "--jobs", "1")
    assert [(c, line, rec) for c, _, line, rec, _ in got] == [("DS001", 3, "r3"), ("DS001", 4, "r4")]
    assert got[0][4] == "same body as d.jsonl record r1 (line 1) (and 1 more)"


def test_short_bodies_and_distinct_documents_are_quiet(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(article("https://example.org/a", "Access denied"))
    (tmp_path / "b.md").write_text(article("https://example.org/b", "Access denied"))
    assert findings(capsys, ".") == []


def test_same_result_with_several_workers(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for i in range(100):
        (tmp_path / f"d{i:03d}.md").write_text(article(f"https://example.org/{i % 10}", BODY if i % 2 else f"{BODY} {i}"))
    one = findings(capsys, ".", "--jobs", "1")
    two = findings(capsys, ".", "--jobs", "2")
    assert one == two and len(one) == 49 + 90
