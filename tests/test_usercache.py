"""The user cache removes its own files that no run has read or written for
30 days, when a run writes one, and never anything else."""

from __future__ import annotations

import os
import time

import pytest

from scrapelint import usercache

OLD = time.time() - usercache.UNUSED_FOR - 24 * 3600


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "_swept", False)
    path = tmp_path / "scrapelint"
    path.mkdir()
    return path


def _make(folder, name: str, age: float = OLD) -> None:
    (folder / name).write_bytes(b"{}")
    os.utime(folder / name, (age, age))


def test_a_write_removes_our_files_unused_for_30_days(folder):
    for name in ("entry-points-0a1b2c3d.json", "stopwords-0a1b2c3d.marshal", "regex-3-0a1b2c3d.marshal",
                 "schema-0a1b2c3d.marshal.4242.tmp"):
        _make(folder, name)
    _make(folder, "phrase-literals-0a1b2c3d.json", age=time.time() - 3600)  # used an hour ago
    for name in ("notes.txt", "my-data.json", "backup-0a1b2c3d.json.bak", "Entry-Points-0a1b2c3d.json"):
        _make(folder, name)  # not named as we name files: never ours to remove
    (folder / "old-0a1b2c3d.json").mkdir()
    os.utime(folder / "old-0a1b2c3d.json", (OLD, OLD))
    usercache.write("stopwords-ffffffff.marshal", [1])
    assert sorted(p.name for p in folder.iterdir()) == [
        "Entry-Points-0a1b2c3d.json", "backup-0a1b2c3d.json.bak", "my-data.json", "notes.txt",
        "old-0a1b2c3d.json", "phrase-literals-0a1b2c3d.json", "stopwords-ffffffff.marshal"]


def test_a_run_that_only_reads_removes_nothing_and_keeps_what_it_read(folder):
    _make(folder, "entry-points-0a1b2c3d.json")
    _make(folder, "stopwords-0a1b2c3d.marshal")
    assert usercache.read("entry-points-0a1b2c3d.json") == {}
    assert usercache.read("missing-0a1b2c3d.json") is None
    assert sorted(p.name for p in folder.iterdir()) == ["entry-points-0a1b2c3d.json", "stopwords-0a1b2c3d.marshal"]
    assert (folder / "entry-points-0a1b2c3d.json").stat().st_mtime > time.time() - 60  # read: used now
    assert (folder / "stopwords-0a1b2c3d.marshal").stat().st_mtime < time.time() - usercache.UNUSED_FOR
    usercache.write("schema-ffffffff.marshal", [1])  # a later write keeps the file read, removes the other
    assert sorted(p.name for p in folder.iterdir()) == ["entry-points-0a1b2c3d.json", "schema-ffffffff.marshal"]


def test_one_sweep_a_process(folder):
    usercache.write("schema-ffffffff.marshal", [1])
    _make(folder, "stopwords-0a1b2c3d.marshal")
    usercache.write("schema-eeeeeeee.marshal", [2])
    assert (folder / "stopwords-0a1b2c3d.marshal").exists()


def test_a_sweep_looks_at_a_bounded_number_of_entries(folder, monkeypatch):
    monkeypatch.setattr(usercache, "SWEEP_MOST", 10)
    for n in range(30):
        _make(folder, f"stopwords-{n:08x}.marshal")
    usercache.write("schema-ffffffff.marshal", [1])
    assert len(list(folder.iterdir())) == 30 - 10 + 1


def test_a_missing_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "absent"))
    monkeypatch.setattr(usercache, "_swept", False)
    usercache.write("schema-ffffffff.marshal", [1])
    assert usercache.read("schema-ffffffff.marshal") == [1]
