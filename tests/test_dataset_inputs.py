"""Dataset shards in every form: the same records give the same findings
as plain JSONL, gzip, bzip2, xz and zstd JSONL (by suffix or by content),
Parquet with a timestamp date column, and JSONL on stdin."""

from __future__ import annotations

import bz2
import datetime
import gzip
import io
import json
import lzma
import sys

import pytest

from conftest import CORPUS, ROOT, SHARED, needs_shared, run

# invented records, each with something to find
RECORDS = [
    {"id": "ferry", "url": "https://example.org/2025/03/14/ferry-returns", "title": "Ferry returns",
     "date": "2025-03-14", "word_count": 9, "text": "The harbour ferry is back in service this morning."},
    {"id": "count", "url": "https://example.org/2025/03/15/bridge", "title": "Bridge opens",
     "date": "2025-03-15", "word_count": 400, "text": "The new bridge over the river opened to walkers on Saturday."},
    {"id": "stale", "url": "https://example.org/2025/01/02/market-hall", "title": "Market hall reopens",
     "date": "2019-06-28", "word_count": 12,
     "text": "LEEDS, Jan 2 (Wire) - The market hall reopened on Thursday after a two-year repair of its roof."},
    {"id": "promo", "url": "https://example.org/2025/03/16/tram", "title": "Tram line extended",
     "date": "2025-03-16", "word_count": 14,
     "text": "The tram line now reaches the airport.\n\nSign up for our newsletter to get the latest news."},
]


def _findings(capsys, *args, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code, out, err = run(capsys, "check", *args, "--format", "json")
    assert "Traceback" not in err, err
    report = json.loads(out)
    return code, sorted((f["record"] or "", f["code"], f["message"]) for f in report["findings"]), report["summary"]


def _jsonl() -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in RECORDS)


def test_every_shard_form_gives_the_same_findings(folder, capsys, monkeypatch):
    zstandard = pytest.importorskip("zstandard")
    data = _jsonl()
    (folder / "d.jsonl").write_bytes(data)
    (folder / "d.jsonl.gz").write_bytes(gzip.compress(data))
    (folder / "d.jsonl.bz2").write_bytes(bz2.compress(data))
    (folder / "d.jsonl.xz").write_bytes(lzma.compress(data))
    (folder / "d.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    (folder / "shard-00001").write_bytes(gzip.compress(data))  # no suffix: recognised by its first bytes
    (folder / "misnamed.jsonl").write_bytes(zstandard.ZstdCompressor().compress(data))

    code, expected, summary = _findings(capsys, "d.jsonl")
    assert code == 1 and summary["documents"] == len(RECORDS)
    codes = {(rec, c) for rec, c, _ in expected}
    assert {("count", "WC001"), ("promo", "NV001")} <= codes
    assert any(rec == "stale" and c.startswith("DT") for rec, c in codes)
    for name in ("d.jsonl.gz", "d.jsonl.bz2", "d.jsonl.xz", "d.jsonl.zst", "shard-00001", "misnamed.jsonl"):
        assert _findings(capsys, name)[1] == expected, name
    for args, payload in ((["--stdin-filename", "x.jsonl"], data), (["--stdin-format", "jsonl"], data),
                          ([], data), (["--stdin-filename", "x.jsonl.gz"], gzip.compress(data))):
        assert _findings(capsys, "-", *args, stdin=payload, monkeypatch=monkeypatch)[1] == expected, args


def test_parquet_with_a_timestamp_date_column_gives_the_same_findings(folder, capsys):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    (folder / "d.jsonl").write_bytes(_jsonl())
    _, expected, _ = _findings(capsys, "d.jsonl")
    rows = [{**r, "date": datetime.datetime.fromisoformat(r["date"])} for r in RECORDS]
    table = pa.Table.from_pylist(rows)
    assert pa.types.is_timestamp(table.schema.field("date").type)
    pq.write_table(table, folder / "d.parquet")
    code, got, _ = _findings(capsys, "d.parquet")
    assert got == expected and code == 1
    assert not [f for f in got if f[1] == "FM003"]


def test_a_truncated_compressed_shard_is_a_finding_after_the_records_it_holds(folder, capsys):
    data = b"".join(json.dumps({**RECORDS[1], "id": f"r{i}"}).encode() + b"\n" for i in range(300))
    (folder / "cut.jsonl.gz").write_bytes(gzip.compress(data)[:-200])
    code, got, summary = _findings(capsys, "cut.jsonl.gz")
    assert code == 1
    assert [f for f in got if f[1] == "FM005"] and "breaks off" in [f for f in got if f[1] == "FM005"][0][2]
    assert sum(1 for f in got if f[1] == "WC001") > 200


def test_a_folder_of_datasets_only_is_not_a_silent_pass(folder, capsys):
    (folder / "ds").mkdir()
    (folder / "ds" / "crawl.jsonl").write_bytes(_jsonl())
    code, out, err = run(capsys, "check", "ds")
    assert code == 2 and "All checks passed" not in out
    assert "crawl.jsonl" in err and "--extend-include" in err
    code, out, err = run(capsys, "check", "ds", "--extend-include", "*.jsonl", "--format", "json")
    assert code == 1 and json.loads(out)["summary"]["documents"] == len(RECORDS)


def test_zero_documents_exits_2(folder, capsys):
    (folder / "empty").mkdir()
    code, out, err = run(capsys, "check", "empty")
    assert code == 2 and "no documents checked" in err
    (folder / "blank.jsonl").write_text("\n\n")
    code, out, err = run(capsys, "check", "blank.jsonl")
    assert code == 2 and "no documents checked" in err


def test_native_toml_and_yaml_dates_are_dates(folder, capsys):
    (folder / "hugo.md").write_text('+++\ntitle = "Ferry returns"\ndate = 2025-05-20\n+++\n\nThe ferry is back.\n')
    (folder / "stamp.md").write_text('+++\ntitle = "Ferry returns"\ndate = 2025-05-20T08:30:00Z\n+++\n\nThe ferry is back.\n')
    code, out, _ = run(capsys, "check", "hugo.md", "stamp.md", "--select", "FM003")
    assert code == 0, out


@pytest.mark.slow
@needs_shared
def test_corpus_jsonl_gives_the_rule_codes_of_the_markdown_corpus():
    """../shared/corpus.jsonl holds the corpus's documents as records: each
    record gets the rule codes its Markdown file gets (FM001/FM004, about a
    front matter's form, cannot occur in a record)."""
    import subprocess

    result = subprocess.run([sys.executable, str(ROOT / "bench" / "dataset_parity.py"), "--corpus", str(CORPUS),
                             "--jsonl", str(SHARED / "corpus.jsonl")], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
