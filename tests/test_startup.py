"""A one-file run (what a pre-commit user waits for) imports only what it uses.

The start-up figure itself is printed by bench/startup.py; these tests
guard the modules a run on one Markdown file must not import, and that the
lazily validated option tables give what pydantic would."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import pytest
from scrapelint.config import GateSettings, Settings, load_settings
from scrapelint.lazymodel import Field, LazyModel

ARTICLE = """---
title: "Ferry returns to the island"
source: https://example.org/2025/03/14/ferry
date: 2025-03-14
word_count: 9
---

The ferry is back today after a winter in dock.
"""

# what a one-file run needs none of: optional extras, and libraries only some
# documents or options need (FM003 imports jsonschema to explain an invalid
# document; pydantic validates options that are set)
NOT_IMPORTED = ("pydantic", "jsonschema", "ftfy", "dateparser", "pyarrow", "dask", "datasketch",
                "jinja2", "markdown_it", "tqdm", "multiprocessing", "concurrent.futures", "pathspec",
                "importlib.metadata", "importlib.resources", "tempfile", "email", "zipfile", "shutil", "hashlib",
                "html",  # html: the HTML5 entity table, for a page with an entity only (TX003)
                "fastjsonschema", "decimal",  # FM003's check runs kept code (scrapelint.analysis.schemacheck)
                "traceback")  # for a rule that failed only (scrapelint.guard.failure_trace)


def _modules_of_a_run(folder, *args: str) -> set[str]:
    code = ("import sys, json\n"
            "from scrapelint.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    # the entry points cached by a first run (scrapelint.entrypoints)
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(folder / "cache")}
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", code, *args], cwd=folder, capture_output=True, text=True,
                              env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [("--format", "json", "--output", "report.json", "--jobs", "1"), ()])
def test_one_file_run_imports_only_what_it_uses(tmp_path, args):
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    modules = _modules_of_a_run(tmp_path, "check", "article.md", *args)
    assert "scrapelint.rules.dates" in modules  # the rules did run
    loaded = sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_IMPORTED))
    assert loaded == []


def test_options_that_are_set_are_validated_by_pydantic(tmp_path):
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "scrapelint.toml").write_text('fail-on = "error"\n[rules.WC001]\ntolerance = 0.5\n')
    modules = _modules_of_a_run(tmp_path, "check", "article.md")
    assert "pydantic" in modules
    (tmp_path / "scrapelint.toml").write_text("[rules.WC001]\ntolerance = -1\n")
    proc = subprocess.run([sys.executable, "-m", "scrapelint", "check", "article.md"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "invalid value for `rules.WC001.tolerance`" in proc.stderr


def test_default_settings_equal_validated_defaults():
    assert Settings.model_construct() == Settings.model_validate({})
    assert load_settings({}, "(defaults)") == Settings.model_validate({})
    assert Settings.model_construct().model_fields_set == set()


def test_settings_validated_with_a_nested_table():
    settings = load_settings({"gate": {"max-share": {"NV": 5}}, "max-file-size": "1KB"}, "x.toml")
    assert isinstance(settings.gate, GateSettings) and settings.gate.max_share == {"NV": 5.0}
    assert settings.max_file_size == 1024 and settings.model_fields_set == {"gate", "max_file_size"}
    copied = settings.model_copy(update={"include": ["*.jsonl"]})
    assert copied.include == ["*.jsonl"] and settings.include == ["*.md", "*.markdown"]


class _Options(LazyModel):
    model_config = dict(extra="forbid", populate_by_name=True, frozen=True)

    min_run: int = Field(4, ge=2, alias="min-run", description="Fewest letters.")
    words: list[str] = Field(default_factory=list)
    plain: float = 0.5


def test_lazy_model_validates_like_pydantic():
    import pydantic

    assert _Options.model_construct() == _Options.model_validate({})
    opts = _Options.model_validate({"min-run": 6, "words": ["a"]})
    assert (opts.min_run, opts.words, opts.plain) == (6, ["a"], 0.5)
    with pytest.raises(pydantic.ValidationError):
        _Options.model_validate({"min-run": 1})
    with pytest.raises(pydantic.ValidationError):
        _Options.model_validate({"unknown": 1})
    with pytest.raises(TypeError):
        opts.min_run = 3
    assert _Options.model_fields["min_run"].alias == "min-run"
    assert _Options.model_json_schema(by_alias=True)["properties"]["min-run"]["minimum"] == 2


def test_a_plugin_may_declare_options_with_pydantic_itself():
    import pydantic

    from scrapelint.rule import RuleOptions

    class Options(RuleOptions):
        words: list[str] = pydantic.Field(default_factory=list, alias="extra-words")

        @pydantic.field_validator("words")
        @classmethod
        def _lower(cls, value: list[str]) -> list[str]:
            return [w.lower() for w in value]

    assert Options.from_config({}) == Options.model_validate({}) and Options.from_config({}).words == []
    assert Options.from_config({"extra-words": ["Ferry"]}).words == ["ferry"]


def _package(folder, name: str, entry_points: str, age: float = 60) -> None:
    """An installed package's metadata, its entry_points.txt `age` seconds old."""
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(entry_points)
    old = time.time() - age
    os.utime(info / "entry_points.txt", (old, old))


def test_entry_points_are_cached_until_a_package_changes(tmp_path, monkeypatch):
    from scrapelint import entrypoints

    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.syspath_prepend(str(site))
    _package(site, "first_plugin", "[scrapelint]\nfirst = first_plugin.rules:Hooks [extra]\n")

    def names():
        return sorted((ep.name, ep.value) for ep in entrypoints.entry_points("scrapelint")
                      if ep.name in ("first", "second"))

    assert names() == [("first", "first_plugin.rules:Hooks [extra]")]
    assert entrypoints._read(entrypoints._cache_name(), entrypoints._state(), "scrapelint") is not None
    cached = [ep for ep in entrypoints.entry_points("scrapelint") if ep.name == "first"]
    assert isinstance(cached[0], entrypoints.CachedEntryPoint)
    _package(site, "second_plugin", "[scrapelint]\nsecond = second_plugin\n")  # installed since
    assert names() == [("first", "first_plugin.rules:Hooks [extra]"), ("second", "second_plugin")]
    _package(site, "third_plugin", "[scrapelint]\nthird = third_plugin\n", age=0)  # just now: not trusted
    assert entrypoints._state() is None


def test_a_cached_entry_point_loads_what_it_names():
    from scrapelint.entrypoints import CachedEntryPoint

    assert CachedEntryPoint("x", "scrapelint.plugin:PluginSpec.scrapelint_rules", "g").load().__name__ == "scrapelint_rules"
    assert CachedEntryPoint("x", "scrapelint.rules.counts", "g").load().__name__ == "scrapelint.rules.counts"


def test_a_literal_phrase_needs_the_literal_its_regex_needs():
    # entry_literals reads a literal phrase's key off its words; it must be
    # what parsing the regex the phrase becomes gives (required_literals)
    from importlib import resources

    from scrapelint.analysis.phrases import DATA_PACKAGE, entry_literals, load_entries, parse_entries, required_literals

    invented = parse_entries("Tap to share\nad\nC++ tips\nread more...\nHow-to: fix it\n©\nre:\\bfoo(bar|baz)\n")
    lists = [p.name for p in resources.files(DATA_PACKAGE).joinpath("data").iterdir()
             if p.name.endswith(".txt") and p.name != "README.txt"]
    entries = [*invented, *(e for name in lists for e in load_entries(name))]
    assert len(entries) > 100 and any(e.pattern != e.text for e in entries)
    for entry in entries:
        assert entry_literals(entry) == required_literals(entry.pattern), entry


def test_regex_requirements_kept_between_runs_are_what_parsing_gives(tmp_path, monkeypatch):
    from scrapelint import usercache
    from scrapelint.analysis.phrases import _RegexMemo, required_literals, weak_requirement

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    patterns = [r"\bsign(?:ed)? up (?:for|to) our newsletter", r"(?:photo|image): \w+", r"\d+ min read",
                r"\(c\) \d{4}", r"[@©] ?\w+"]

    def ask(memo):
        return ([memo.get("literals", p, lambda p=p: required_literals(p)) for p in patterns],
                [memo.get("weak 1", p, lambda p=p: weak_requirement(p, True)) for p in patterns])

    parsed = ([required_literals(p) for p in patterns], [weak_requirement(p, True) for p in patterns])
    first = _RegexMemo()
    assert ask(first) == parsed
    first.save()
    second = _RegexMemo()
    assert second.name == first.name and len(second.known) == 2 * len(patterns)
    assert ask(second) == parsed and not second.added
    usercache.write(second.name, {f"literals\0{patterns[0]}": [1, 2], f"weak 1\0{patterns[1]}": "x",
                                  f"literals\0{patterns[2]}": "digit"})  # not what it wrote: parsed again
    assert ask(_RegexMemo()) == parsed


# builds the lists of a run in a cold cache, counting the memo's writes
# (printed last: atexit runs its handlers in reverse order)
_BUILD_LISTS = """
import atexit, multiprocessing, sys
from concurrent.futures import ProcessPoolExecutor
from scrapelint import usercache

writes = []
write_bytes = usercache.write_bytes
usercache.write_bytes = lambda name, data: (writes.append(name), write_bytes(name, data))
atexit.register(lambda: print(sum(name.startswith("phrase-literals-") for name in writes)))


def build():
    from scrapelint.analysis import layout
    from scrapelint.analysis.dates import cues  # noqa: F401 - its keyword gates use the memo

    return len(layout._lists().sets)


if __name__ == "__main__":
    if sys.argv[1] == "pool":  # as a run with --jobs 2: the lists are built in a worker, the dates' gates in both
        from scrapelint.analysis.dates import cues  # noqa: F401

        method = "fork" if sys.platform.startswith("linux") else None
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method)) as pool:
            assert pool.submit(build).result()
    else:
        build()
"""


def _build_lists(tmp_path, where: str) -> int:
    (tmp_path / "build_lists.py").write_text(_BUILD_LISTS, encoding="utf-8")
    proc = subprocess.run([sys.executable, "build_lists.py", where], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.split()[-1])


def test_a_cold_build_writes_the_regex_memo_once(tmp_path):
    # the memo used to be rewritten for every new pattern of a cold run
    assert _build_lists(tmp_path, "here") == 1
    (memo,) = (tmp_path / "cache" / "scrapelint").glob("phrase-literals-*.json")
    kept = json.loads(memo.read_text(encoding="utf-8"))
    assert any(key.startswith("weak 1\0") for key in kept) and any(key.startswith("openings\0") for key in kept)
    assert _build_lists(tmp_path, "here") == 0  # warm: nothing to write
    for kept_file in memo.parent.iterdir():  # cold again (the lists' compiled state too)
        kept_file.unlink()
    # the worker saves what it found (a fork ends without atexit), and its
    # parent, ending last, keeps it
    assert _build_lists(tmp_path, "pool") == 1
    assert json.loads(memo.read_text(encoding="utf-8")) == kept


def test_cached_regexes_are_the_patterns_re_compiles(tmp_path):
    # the command keeps each regex's generated code (scrapelint.regexcache):
    # every kept one must be the very Pattern `re` compiles (Pattern
    # equality compares the code), and a run reading them reports the same
    import marshal
    import re

    import _sre

    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    reports = []
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-m", "scrapelint", "check", "article.md", "--format", "json"],
                              cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode in (0, 1), proc.stderr
        reports.append(json.loads(proc.stdout)["findings"])
    assert reports[0] == reports[1]
    (kept,) = (tmp_path / "cache" / "scrapelint").glob("regex-*.marshal")
    _generation, entries = marshal.loads(kept.read_bytes())
    assert len(entries) > 50
    for (pattern, flags), (_used, entry) in entries.items():
        final_flags, code, groups, groupindex, indexgroup = marshal.loads(entry)
        cached = _sre.compile(pattern, final_flags, list(code), groups, groupindex, indexgroup)
        assert cached == re._compiler.compile(pattern, flags), pattern
    kept.write_bytes(b"not marshal")  # unreadable: ignored, and written anew
    proc = subprocess.run([sys.executable, "-m", "scrapelint", "check", "article.md", "--format", "json"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert json.loads(proc.stdout)["findings"] == reports[0] and kept.read_bytes() != b"not marshal"


def test_the_regex_cache_falls_back_to_re(monkeypatch):
    import marshal

    from scrapelint import regexcache

    # as installed, in this test only: `re` itself stays as it is
    monkeypatch.setattr(regexcache, "_state", {"original": re._compile, "added": False})
    monkeypatch.setattr(regexcache, "_known", {})
    monkeypatch.setattr(regexcache, "_built", {})
    with pytest.raises(re.error):
        regexcache._compile("(unclosed", 0)  # re's own error, from re itself
    assert regexcache._compile(b"bytes?", 0).pattern == b"bytes?"
    assert regexcache._compile("x+", re.IGNORECASE) == re._compiler.compile("x+", re.IGNORECASE)
    assert regexcache._known and regexcache._state["added"]
    regexcache._known[("y+", 0)] = (0, marshal.dumps((0, (1, 2, 3), 0, {}, ())))  # not code this Python made
    assert regexcache._compile("y+", 0) == re._compiler.compile("y+", 0)


@pytest.fixture
def regexcache(monkeypatch, tmp_path):
    """scrapelint.regexcache as a fresh process has it, its file under tmp_path
    (installed in no `re`: the tests call its `_compile` and `_save`)."""
    from scrapelint import regexcache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regexcache, "_state", {"original": re._compile, "added": False, "full": False, "generation": 0})
    monkeypatch.setattr(regexcache, "_known", {})
    monkeypatch.setattr(regexcache, "_built", {})
    return regexcache


def test_a_full_regex_cache_keeps_what_the_run_used(regexcache, monkeypatch):
    import marshal

    from scrapelint import usercache

    monkeypatch.setattr(regexcache, "MAX_KEPT", 3)
    for word in ("ferry", "harbour", "island"):  # a document's words, as a rule might compile them
        regexcache._compile(word + r"\w", re.IGNORECASE)
    regexcache._save()
    regexcache._built.clear()  # the next run
    assert regexcache._compile("island\\w", re.IGNORECASE).pattern == "island\\w"
    assert regexcache._compile("quay\\w", re.IGNORECASE) == re._compiler.compile("quay\\w", re.IGNORECASE)
    regexcache._save()  # full: keeps what this run used
    _generation, kept = marshal.loads(usercache.read_bytes(regexcache._file_name()))
    assert set(kept) == {("island\\w", re.IGNORECASE)}


def test_a_pattern_no_recent_run_used_leaves_the_regex_cache(regexcache):
    # a pattern that differs in every process (tokenize's, a document's
    # words) must not stay in the file for good
    import marshal

    from scrapelint import usercache

    every_run = ("ferry\\w+", 0)
    for run in range(regexcache.KEEP_GENERATIONS + 2):
        regexcache._built.clear()  # a new run: it uses the common pattern and meets one of its own
        regexcache._compile(*every_run)
        regexcache._compile(f"quay{run}\\w", 0)
        regexcache._save()
    generation, kept = marshal.loads(usercache.read_bytes(regexcache._file_name()))
    assert generation == regexcache.KEEP_GENERATIONS + 2
    assert every_run in kept and kept[every_run][0] == generation
    own = sorted(int(pattern[4:-2]) for pattern, _ in kept if pattern.startswith("quay"))
    assert own == list(range(2, regexcache.KEEP_GENERATIONS + 2))  # the last KEEP_GENERATIONS runs'


def test_a_rule_built_directly_reads_its_default_options():
    # the options are declared lazily (no pydantic at start-up); built with no
    # arguments they are still the defaults, not the field declarations
    from scrapelint.rules.boilerplate import LinkDenseLine

    assert LinkDenseLine().options.threshold == 0.5
    assert LinkDenseLine.Options(threshold=0.6).threshold == 0.6


def test_the_stop_word_table_kept_between_runs_is_the_one_the_lists_give(tmp_path, monkeypatch):
    from scrapelint.analysis import stopwords

    monkeypatch.setenv("XDG_CACHE_HOME", "not/absolute")  # no cache: built from the lists
    stopwords.table.cache_clear()
    built = stopwords.table()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for _ in range(2):  # written by the first, read by the second
        stopwords.table.cache_clear()
        assert stopwords.table() == built
    (kept,) = (tmp_path / "scrapelint").glob("stopwords-*.marshal")
    kept.write_bytes(b"not marshal")  # unreadable: built again
    stopwords.table.cache_clear()
    assert stopwords.table() == built and kept.read_bytes() != b"not marshal"
    stopwords.table.cache_clear()
    assert len(built) > 5000 and "the" in built and "und" in built
