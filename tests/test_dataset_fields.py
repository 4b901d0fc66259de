"""Dataset fields: layouts recognised by their keys, dotted paths, no
silent pass when a body or a configured field is not found, optional
metadata in records, and the field coverage of the summary."""

from __future__ import annotations

import json

from conftest import run

BODY = ("LEEDS, Jan 2 (Wire) - The market hall reopened on Thursday after a two-year repair of its roof. "
        "Traders returned to their stalls before dawn, and the first customers came soon after.")


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))


def check_json(capsys, *args):
    code, out, err = run(capsys, "check", *args, "--format", "json")
    assert "Traceback" not in err
    return code, json.loads(out) if out.strip() else None, err


def test_fineweb_crawl_date_is_not_a_publication_date_but_a_crawler_date_is(folder, capsys):
    fineweb = {"text": BODY, "id": "<urn:uuid:5e1f>", "metadata": {
        "url": "https://news.example.org/2025/01/02/market-hall", "date": "2024-12-11T04:12:55Z",
        "dump": "CC-MAIN-2024-51", "file_path": "s3://bucket/crawl/warc.gz", "language": "en"}}
    crawler = {"text": BODY, "id": "c1", "url": "https://news.example.org/2025/01/02/market-hall", "date": "2019-06-28"}
    write_jsonl(folder / "fineweb.jsonl", [fineweb])
    write_jsonl(folder / "crawler.jsonl", [crawler])
    code, rep, _ = check_json(capsys, "fineweb.jsonl", "crawler.jsonl")
    by_path = {}
    for f in rep["findings"]:
        by_path.setdefault(f["path"], []).append(f["code"])
    assert not [c for c in by_path.get("fineweb.jsonl", []) if c.startswith("DT")]
    assert [c for c in by_path["crawler.jsonl"] if c.startswith("DT")]
    assert rep["summary"]["statistics"]["layouts"] == {"datatrove": 1, "plain": 1}
    # the URL under metadata.url is the source: the domain table knows it
    assert rep["summary"]["statistics"]["domains"][0]["domain"] == "news.example.org"


def test_flat_fineweb_and_dolma_layouts(folder, capsys):
    flat = {"text": BODY, "id": "f1", "dump": "CC-MAIN-2024-51", "url": "https://example.org/2025/01/02/hall",
            "date": "2024-12-11T04:12:55Z", "file_path": "s3://x", "language": "en", "token_count": 40}
    dolma = {"id": "d1", "text": BODY, "source": "common-crawl", "added": "2024-05-01T00:00:00Z",
             "created": "2019-06-28T00:00:00Z", "metadata": {"url": "https://example.org/2025/01/02/hall"}}
    write_jsonl(folder / "d.jsonl", [flat, dolma])
    code, rep, _ = check_json(capsys, "d.jsonl")
    codes = [f["code"] for f in rep["findings"]]
    assert not [c for c in codes if c.startswith(("DT", "UR", "FM"))], codes
    fields = rep["summary"]["statistics"]["fields"]
    assert fields["source"]["present"] == 1.0 and fields["date"]["absent"] == 1.0
    assert rep["summary"]["statistics"]["layouts"] == {"datatrove": 1, "dolma": 1}


def test_a_dotted_field_path_reaches_into_nested_records(folder, capsys):
    (folder / "scrapelint.toml").write_text('[fields]\nsource = "meta.page.url"\nword_count = "meta.n_words"\n')
    record = {"id": "n1", "text": "one two three four", "meta": {"n_words": 40, "page": {"url": "notaurl"}}}
    write_jsonl(folder / "d.jsonl", [record])
    code, rep, _ = check_json(capsys, "d.jsonl")
    got = {(f["code"], f["field"]) for f in rep["findings"]}
    assert ("WC001", "meta.n_words") in got and ("UR001", "meta.page.url") in got


def test_a_body_under_an_unknown_key_is_a_usage_error_naming_the_keys(folder, capsys):
    write_jsonl(folder / "crawl.jsonl", [{"id": "a", "url": "https://example.org/a", "page_text": BODY}])
    code, _, err = check_json(capsys, "crawl.jsonl")
    assert code == 2
    assert "crawl.jsonl" in err and "page_text" in err and "`body`" in err and "[tool.scrapelint.fields]" in err
    (folder / "scrapelint.toml").write_text('[fields]\nbody = "page_text"\n')
    code, rep, _ = check_json(capsys, "crawl.jsonl")
    assert code == 0 and rep["summary"]["documents"] == 1


def test_a_configured_field_path_that_matches_nothing_is_a_usage_error(folder, capsys):
    (folder / "scrapelint.toml").write_text('[fields]\nsource = "metadata.url"\n')
    write_jsonl(folder / "crawl.jsonl", [{"id": "a", "link": "https://example.org/a", "text": BODY}])
    code, _, err = check_json(capsys, "crawl.jsonl")
    assert code == 2 and "`fields.source = 'metadata.url'` matches nothing" in err and "link" in err


def test_records_need_no_title_but_a_user_schema_can_require_it(folder, capsys):
    write_jsonl(folder / "d.jsonl", [{"id": "a", "text": BODY, "title": None}, {"id": "b", "text": BODY, "title": 7}])
    code, rep, _ = check_json(capsys, "d.jsonl", "--select", "FM")
    assert [(f["record"], f["code"], f["field"]) for f in rep["findings"]] == [("b", "FM003", "title")]
    title = rep["summary"]["statistics"]["fields"]["title"]
    assert (title["null"], title["invalid"], title["present"]) == (0.5, 0.5, 0.0)
    schema = {"type": "object", "required": ["title", "lang"], "properties": {"title": {"type": "string"}}}
    (folder / "s.json").write_text(json.dumps(schema))
    (folder / "scrapelint.toml").write_text('schema = "s.json"\n')
    code, rep, _ = check_json(capsys, "d.jsonl", "--select", "FM")
    assert sum(1 for f in rep["findings"] if "required key `lang` is missing" in f["message"]) == 2


def test_markdown_articles_still_need_a_title(folder, capsys):
    (folder / "a.md").write_text("---\nsource: https://example.org/a\n---\n\nText.\n")
    code, rep, _ = check_json(capsys, "a.md", "--select", "FM003")
    assert [f["message"] for f in rep["findings"]] == ["required key `title` is missing"]
