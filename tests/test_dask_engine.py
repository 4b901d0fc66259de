"""The Dask engine gives the findings the process pool gives, whatever the workers."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from planted import records, write_jsonl
from scrapelint.cli import main

pytest.importorskip("dask")
pytest.importorskip("distributed")


def report(capsys, *args) -> list[tuple]:
    code = main(["check", *args, "--format", "json"])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    return [(f["code"], f["path"], f["line"], f["record"], f["message"]) for f in json.loads(captured.out)["findings"]]


@pytest.fixture
def crawl(tmp_path, monkeypatch):
    """Markdown files, a JSONL file, a gzipped JSONL shard and a Parquet file,
    with duplicates across them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "crawl").mkdir()
    write_jsonl(tmp_path / "crawl" / "a.jsonl")
    with gzip.open(tmp_path / "crawl" / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        for r in records()[::-1]:
            f.write(json.dumps({**r, "id": r["id"] + "-gz"}) + "\n")
        f.write("{not json\n")
    for r in records()[:3]:
        (tmp_path / "crawl" / f"{r['id']}.md").write_text(f"---\ntitle: {r['title']}\nsource: {r['url']}\n---\n\n{r['text']}")
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{**r, "id": r["id"] + "-pq"} for r in records()]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "crawl" / "c.parquet", row_group_size=2)
    return tmp_path / "crawl"


def test_dask_equals_jobs_on_every_input_kind(crawl, capsys):
    args = ["crawl", "--extend-select", "DS", "--extend-include", "*.jsonl.gz,*.parquet,*.jsonl"]
    one = report(capsys, *args, "--jobs", "1")
    two = report(capsys, *args, "--jobs", "2")
    on_dask = report(capsys, *args, "--engine", "dask", "--jobs", "2")
    assert one == two == on_dask
    codes = {code for code, *_ in one}
    assert {"DS001", "DS002", "DS003", "FM005"} <= codes  # the broken gzipped line is FM005 on both engines


def test_findings_dataframe_and_writers(crawl, tmp_path):
    from scrapelint.dask import DaskLint

    lint = DaskLint.from_paths([str(crawl / "a.jsonl"), str(crawl / "c.parquet")], extend_select=["DS"])
    frame = lint.findings().compute()
    assert {"DS001", "DS002", "DS003"} <= set(frame["code"])
    assert set(frame.columns) >= {"code", "path", "record", "line", "message", "fingerprint"}
    assert lint.write(str(tmp_path / "out.jsonl")) == len(frame)
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert sum(1 for line in lines if '"code"' in line) >= len(frame)
    assert lint.write(str(tmp_path / "out.sarif")) == len(frame)
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    assert len(sarif["runs"][0]["results"]) == len(frame)
    assert lint.write(str(tmp_path / "out.parquet")) == len(frame)


def test_core_never_imports_dask(tmp_path):
    import subprocess
    import sys

    write_jsonl(tmp_path / "a.jsonl")
    code = ("import sys; from scrapelint.cli import main; main(['check', %r, '--extend-select', 'DS', '--jobs', '1', "
            "'--quiet', '--exit-zero']); print('dask' in sys.modules or 'distributed' in sys.modules)") % str(tmp_path / "a.jsonl")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


corpus_jsonl = SHARED / "corpus.jsonl"


@pytest.mark.skipif(not corpus_jsonl.is_file(), reason="../shared/corpus.jsonl is not present")
def test_corpus_jsonl_same_findings_with_jobs_1_jobs_2_and_dask(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(corpus_jsonl, "corpus.jsonl")
    one = report(capsys, "corpus.jsonl", "--extend-select", "DS", "--jobs", "1")
    two = report(capsys, "corpus.jsonl", "--extend-select", "DS", "--jobs", "2")
    on_dask = report(capsys, "corpus.jsonl", "--extend-select", "DS", "--engine", "dask", "--jobs", "2")
    assert one == two == on_dask
    assert len(one) > 100


@pytest.mark.parametrize("args", [["--scheduler", "tcp://127.0.0.1:1"], ["--engine", "dask", "--fix"],
                                  ["--engine", "dask", "-"]])
def test_dask_usage_errors(tmp_path, monkeypatch, capsys, args):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "a.jsonl")
    assert main(["check", *args, "a.jsonl"]) == 2
    assert "scrapelint: error:" in capsys.readouterr().err


# A third-party reader package, installed the way pip installs one (a module and
# its entry point on the path), so the Dask workers, started afresh, load it too.
READER_PLUGIN = '''
import json

from scrapelint.plugin import hookimpl
from scrapelint.readers import Reader
from scrapelint.readers.records import record_document


def read_array(path, display, settings):
    """A crawler's records written as one JSON array."""
    for index, record in enumerate(json.loads(path.read_text(encoding="utf-8")), 1):
        yield record_document(record, display, None, index, settings)


def array_chunks(source, settings, size):
    records = json.loads(source.read_text(encoding="utf-8"))
    for first in range(0, len(records), size):
        yield first + 1, records[first:first + size]


def read_array_chunk(chunk, display, settings):
    first, records = chunk
    for index, record in enumerate(records, first):
        yield record_document(record, display, None, index, settings)


@hookimpl
def scrapelint_readers():
    # `.ndjson` files of one JSON array (a crawler's own), read whole; `.articles` files, cut into chunks
    return [Reader("ndjson-array", (".ndjson",), read_array),
            Reader("articles", (".articles",), read_array, chunks=array_chunks, read_chunk=read_array_chunk)]
'''


@pytest.fixture
def reader_plugin(tmp_path, monkeypatch):
    from scrapelint import plugin, rule

    site = tmp_path / "site"
    (site / "crawl_array_reader-1.0.dist-info").mkdir(parents=True)
    (site / "crawl_array_reader.py").write_text(READER_PLUGIN, encoding="utf-8")
    (site / "crawl_array_reader-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: crawl-array-reader\nVersion: 1.0\n", encoding="utf-8")
    (site / "crawl_array_reader-1.0.dist-info" / "entry_points.txt").write_text(
        "[scrapelint]\narray-reader = crawl_array_reader\n", encoding="utf-8")
    # after the installed packages: registered after the built-in readers, so its `.ndjson` reader wins
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    plugin.get_plugin_manager.cache_clear()
    monkeypatch.setattr(rule, "_REGISTRY", None)
    yield
    sys.modules.pop("crawl_array_reader", None)
    plugin.get_plugin_manager.cache_clear()
    rule._REGISTRY = None


def test_both_engines_read_each_file_with_the_reader_the_hook_gives_it(reader_plugin, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    rows = records()
    Path("array.ndjson").write_text(json.dumps(rows, indent=1), encoding="utf-8")  # the plugin's, not JSONL
    Path("feed.articles").write_text(json.dumps([{**r, "id": r["id"] + "-a"} for r in rows]), encoding="utf-8")
    # the built-in JSONL reader's by their first bytes: gzip under a plain suffix, and no suffix at all
    Path("shard.jsonl").write_bytes(gzip.compress("".join(json.dumps({**r, "id": r["id"] + "-z"}) + "\n"
                                                           for r in rows).encode()))
    write_jsonl(Path("shard-0001"))
    Path("more").mkdir()
    # found by the walk, reported and never opened (opening a FIFO would block): no reader at all
    Path("more", "gone.md").symlink_to("moved-away.md")
    os.mkfifo("more/pipe.md")
    Path("festival.md").write_text(f"---\ntitle: {rows[0]['title']}\n---\n\n{rows[0]['text']}", encoding="utf-8")
    args = ["array.ndjson", "feed.articles", "shard.jsonl", "shard-0001", "more", "festival.md",
            "--extend-select", "DS"]
    one = report(capsys, *args, "--jobs", "1")
    assert one == report(capsys, *args, "--jobs", "2") == report(capsys, *args, "--engine", "dask", "--jobs", "2")
    # every file read by a reader that understands it; the dangling link reported as the runner reports it
    assert [path for code, path, *_ in one if code == "FM005"] == ["more/gone.md", "more/pipe.md"]
    records_of = {(path, record) for _, path, _, record, _ in one}
    assert {("array.ndjson", "festival"), ("feed.articles", "festival-a"), ("shard.jsonl", "festival-z"),
            ("shard-0001", "festival")} <= records_of
