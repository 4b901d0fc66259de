"""A phrase list's compiled state (its entries' sources, keys, gates and
openings) is kept in the user's cache: what a later run reads back must be
what compiling the list gives, a change to the list or to the code that
compiles it must compile it again, and a broken file must be ignored."""

from __future__ import annotations

import os
import sys

import pytest

from scrapelint.analysis import phrases
from scrapelint.analysis.phrases import PhraseSet

LISTS = [("caption-credits.txt", "any", (), False), ("ui-lines.txt", "line", (), True),
         ("ui-prefixes.txt", "prefix", (), True), ("ui-phrases.txt", "any", (), True),
         ("placeholder-phrases.txt", "any", ("lorem ferry", r"re:\bTODO: \w+"), True)]


def _state(ps: PhraseSet) -> tuple:
    return (ps.mode, ps.flags, ps.ignore_case, ps.sources, ps.keys, ps.gates, ps.openings, ps._tests)


def _kept_files(cache) -> list:
    return sorted((cache / "scrapelint").glob("phrase-list-*.marshal"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def _compiled(monkeypatch, *args) -> PhraseSet:
    """The list compiled from its file, the cache out of reach."""
    with monkeypatch.context() as m:
        m.setenv("XDG_CACHE_HOME", "not/absolute")
        return PhraseSet(*args)


@pytest.mark.parametrize("args", LISTS)
def test_a_kept_list_is_the_compiled_list(cache, monkeypatch, args):
    compiled = _compiled(monkeypatch, *args)
    first = PhraseSet(*args)  # compiles and keeps it
    (kept,) = _kept_files(cache)
    monkeypatch.setattr(phrases, "load_entries", None)  # the second must not read the list
    second = PhraseSet(*args)
    assert _state(first) == _state(second) == _state(compiled)
    assert type(second.gates) is phrases.Gates
    line = "Photo: Lena Park" if args[0] == "caption-credits.txt" else "Advertisement"
    assert second.hits([line], line.lower(), [0, len(line) + 1]).keys() == compiled.hits(
        [line], line.lower(), [0, len(line) + 1]).keys()
    assert kept.exists()


def test_each_input_of_a_list_keys_its_file(cache, monkeypatch):
    base = phrases._kept_as("ui-lines.txt", "line", (), True)
    others = [phrases._kept_as("ui-lines.txt", "prefix", (), True), phrases._kept_as("ui-lines.txt", "line", ("x",), True),
              phrases._kept_as("ui-lines.txt", "line", (), False), phrases._kept_as("ui-phrases.txt", "line", (), True)]
    assert len({base[0], *(o[0] for o in others)}) == 5
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert phrases._kept_as("ui-lines.txt", "line", (), True)[0] != base[0]


def test_a_changed_list_is_compiled_again(cache, tmp_path, monkeypatch):
    package = tmp_path / "site" / "phrase_lists_pkg"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    listed = package / "data" / "ferry.txt"
    listed.write_text("harbour ferry\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(phrases, "DATA_PACKAGE", "phrase_lists_pkg")
    phrases.load_entries.cache_clear()
    try:
        assert PhraseSet("ferry.txt", "any").sources == [phrases.literal_pattern("harbour ferry")]
        listed.write_text("harbour ferry\nre:island \\w+ boat\n", encoding="utf-8")
        os.utime(listed, ns=(listed.stat().st_atime_ns, listed.stat().st_mtime_ns + 10**9))
        phrases.load_entries.cache_clear()
        again = PhraseSet("ferry.txt", "any")
        assert again.sources == [phrases.literal_pattern("harbour ferry"), r"island \w+ boat"]
        assert len(_kept_files(cache)) == 2
    finally:
        phrases.load_entries.cache_clear()


def test_a_changed_compiling_module_compiles_again(cache, monkeypatch):
    PhraseSet("ui-lines.txt", "line")
    phrases._code_stats.cache_clear()
    monkeypatch.setattr(phrases, "_MADE_BY", (*phrases._MADE_BY, "pytest"))  # as if another module's code changed
    try:
        PhraseSet("ui-lines.txt", "line")
        assert len(_kept_files(cache)) == 2
    finally:
        phrases._code_stats.cache_clear()


def test_a_broken_or_foreign_file_is_ignored(cache, monkeypatch):
    compiled = _compiled(monkeypatch, "ui-phrases.txt", "any")
    PhraseSet("ui-phrases.txt", "any")
    (kept,) = _kept_files(cache)
    good = kept.read_bytes()
    for broken in (b"not marshal", good[: len(good) // 2]):
        kept.write_bytes(broken)
        assert _state(PhraseSet("ui-phrases.txt", "any")) == _state(compiled)
        assert kept.read_bytes() == good  # written again
    from scrapelint import usercache

    name, made_from = phrases._kept_as("ui-phrases.txt", "any", (), True)
    for foreign in ((["x"], [None], ("not", "gates"), None), ["a list"], (["x"], [], (), None)):
        usercache.write_marshal(name, made_from, foreign)
        assert _state(PhraseSet("ui-phrases.txt", "any")) == _state(compiled)
    usercache.write_marshal(name, made_from + " of another run", (["x"], [None], tuple(compiled.gates), None))
    assert _state(PhraseSet("ui-phrases.txt", "any")) == _state(compiled)
