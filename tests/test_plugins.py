"""The plugin host: entry points, broken plugins, the registry's guarantees."""

from __future__ import annotations

import json
import sys
from importlib.metadata import EntryPoint

import pytest

from conftest import ROOT, lint_text, make_linter, run
from scrapelint import plugin as plugin_mod
from scrapelint import rule as rule_mod
from scrapelint.readers import Reader, ReadSettings, load_markdown, reparse_markdown
from scrapelint.readers.markdown import parse_markdown
from scrapelint.readers.records import record_document
from scrapelint.rule import Registry, RegistryError, Rule


@pytest.fixture
def fresh_host(monkeypatch):
    """A plugin host that re-reads entry points (with extra ones added)."""
    extra: list[EntryPoint] = []
    real = plugin_mod.entry_points

    def fake_entry_points(group):
        return [*real(group=group), *extra]

    monkeypatch.setattr(plugin_mod, "entry_points", fake_entry_points)
    monkeypatch.syspath_prepend(str(ROOT / "examples" / "plugin"))
    plugin_mod.get_plugin_manager.cache_clear()
    monkeypatch.setattr(rule_mod, "_REGISTRY", None)
    yield extra
    plugin_mod.get_plugin_manager.cache_clear()
    rule_mod._REGISTRY = None


def test_example_plugin_adds_a_rule(fresh_host):
    fresh_host.append(EntryPoint("example", "scrapelint_example_plugin", "scrapelint"))
    registry = rule_mod.get_registry()
    assert registry.lookup("EX001").name == "missing-author"
    assert not lint_text("---\ntitle: t\n---\nbody\n")  # opt-in: not in the default set
    findings = lint_text("---\ntitle: t\n---\nbody\n", select=["EX001"])
    assert [(f.code, f.line) for f in findings] == [("EX001", 3)]


def test_broken_plugin_is_reported_and_skipped(fresh_host, capsys):
    fresh_host.append(EntryPoint("broken", "scrapelint_no_such_module_xyz", "scrapelint"))
    registry = rule_mod.get_registry()
    assert registry.lookup("WC001") is not None
    err = capsys.readouterr().err
    assert "plugin 'broken'" in err and "failed to load and is skipped" in err


def test_builtin_families_are_plugins():
    names = {name for name, _ in plugin_mod.get_plugin_manager().list_name_plugin()}
    assert {"frontmatter", "counts", "readers", "reporters"} <= names


def _rule(code, name):
    return type("R" + code, (Rule,), {"code": code, "name": name, "__doc__": "x", "check": lambda self, doc: ()})


def test_registry_refuses_duplicate_codes_and_names():
    with pytest.raises(RegistryError, match="claimed by both"):
        Registry([_rule("AB001", "one"), _rule("AB001", "two")])
    with pytest.raises(RegistryError, match="claimed by both"):
        Registry([_rule("AB001", "one"), _rule("AB002", "one")])
    with pytest.raises(RegistryError, match="invalid code"):
        Registry([_rule("bad", "one")])


def test_selection_by_prefix_name_and_all():
    reg = Registry([_rule("AB001", "one"), _rule("AB002", "two"), _rule("CD001", "three")])
    assert [r.code for r in reg.resolve("AB")] == ["AB001", "AB002"]
    assert [r.code for r in reg.resolve("three")] == ["CD001"]
    assert len(reg.resolve("ALL")) == 3
    assert [r.code for r in reg.select(["AB"], ["CD001"], ["AB002"])] == ["AB001", "CD001"]


class _SuppressedCount(Rule):
    """A document whose findings its own comments silence."""

    code, name = "EX900", "suppressed-findings"

    def check(self, doc):
        return ()


class _PostCheckPlugin:
    """A plugin that reports, after the rules, how many findings a document's comments silenced."""

    @plugin_mod.hookimpl
    def scrapelint_rules(self):
        return [_SuppressedCount]

    @plugin_mod.hookimpl
    def scrapelint_post_check(self, doc, findings, suppressions, rules):
        rule = next((r for r in rules if isinstance(r, _SuppressedCount)), None)
        silenced = [f.code for f in findings if f.suppressed]
        if rule is None or not silenced:
            return []
        used = sorted(word for s in suppressions for word in s.used)
        return [rule.finding(doc, 1, f"{len(silenced)} finding(s) silenced ({', '.join(silenced)}) by {used}")]


def test_a_plugin_checks_after_the_rules_through_the_post_check_hook(fresh_host):
    plugin_mod.get_plugin_manager().register(_PostCheckPlugin(), name="post-check-example")
    text = ("---\ntitle: t\nword_count: 50  # scrapelint: ignore WC001\n---\n\n"
            "four words of body <!-- scrapelint: ignore NV001 -->\n")
    findings = lint_text(text, select=["WC001", "EX900", "SL001", "NV001"], dedent=False)
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("EX900", 1, "1 finding(s) silenced (WC001) by ['WC001']"),
        ("SL001", 6, "unused suppression: no NV001 finding on line 6"),
    ]
    assert not lint_text(text, select=["WC001", "SL001"], dedent=False, ignore=["SL001"])  # not selected: silent
    # a rule that a per-file ignore turns off is not among the post-check's rules
    findings, _ = make_linter(["WC001", "EX900"]).lint(parse_markdown(text.encode(), "a.md"), ignored={"EX900"})
    assert not findings


def _with_headline(settings: ReadSettings) -> ReadSettings:
    return settings._replace(field_map={"title": "headline", **settings.field_map})


def _read_headline_markdown(path, display, settings):
    """Markdown whose title is under a crawler's own key, `headline`."""
    yield load_markdown(path, display, _with_headline(settings))


def _reparse_headline_markdown(text, doc, settings):
    return reparse_markdown(text, doc, _with_headline(settings))


def _read_json_array(path, display, settings):
    """A `.jsonl` file that a crawler wrote as one JSON array of records."""
    for index, record in enumerate(json.loads(path.read_text(encoding="utf-8")), 1):
        yield record_document(record, display, 1, index, settings)


class _ReaderPlugin:
    def __init__(self, *readers: Reader) -> None:
        self.readers = list(readers)

    @plugin_mod.hookimpl
    def scrapelint_readers(self):
        return self.readers


def test_a_plugin_reader_named_like_a_built_in_one_is_the_one_used(fresh_host, folder, capsys):
    plugin_mod.get_plugin_manager().register(_ReaderPlugin(Reader("jsonl", (".jsonl",), _read_json_array)),
                                             name="array-reader")
    records = [{"id": "a", "title": "Ferry returns", "word_count": 50, "text": "The ferry is back today."},
               {"id": "b", "title": "Quay reopens", "text": "The quay opened again on Monday."}]
    (folder / "crawl.jsonl").write_text(json.dumps(records), encoding="utf-8")
    _, out, _ = run(capsys, "check", "crawl.jsonl", "--select", "WC001", "--jobs", "1", "--format", "json")
    report = json.loads(out)
    assert [(f["record"], f["code"]) for f in report["findings"]] == [("a", "WC001")]
    assert report["summary"]["documents"] == 2


def test_only_a_reader_that_reads_a_fixed_text_again_fixes(fresh_host, folder, capsys):
    text = "---\nheadline: Harbour ferry returns | Reuters\nsource: https://www.reuters.com/world/ferry\n---\n\nThe ferry left.\n"
    (folder / "a.md").write_text(text, encoding="utf-8")
    pm = plugin_mod.get_plugin_manager()
    pm.register(_ReaderPlugin(Reader("markdown", (".md",), _read_headline_markdown)), name="headline-reader")
    _, out, _ = run(capsys, "check", "a.md", "--select", "TI001", "--fix", "--jobs", "1")
    assert "TI001" in out  # read by the plugin (the built-in reader knows no `headline`)
    assert (folder / "a.md").read_text(encoding="utf-8") == text  # it cannot read a fixed text: no fix
    pm.unregister(name="headline-reader")
    pm.register(_ReaderPlugin(Reader("markdown", (".md",), _read_headline_markdown, reparse=_reparse_headline_markdown)),
                name="headline-fixer")
    code, _, _ = run(capsys, "check", "a.md", "--select", "TI001", "--fix", "--jobs", "1")
    assert code == 0 and (folder / "a.md").read_text(encoding="utf-8") == text.replace(" | Reuters", "")


def _hook_implementations(pm) -> list:
    return sorted(
        (name, impl.plugin_name, impl.function.__qualname__, impl.wrapper, impl.tryfirst)
        for name, caller in vars(pm.hook).items()
        for impl in caller.get_hookimpls()
    )


def test_the_quick_attribute_test_registers_what_pluggy_registers():
    """The host's test in front of pluggy's lookup skips only attributes
    pluggy itself would not hook: the same implementations, on the built-in
    plugins and on a module holding every kind of attribute."""
    import types

    import pluggy

    odd = types.ModuleType("scrapelint_odd_plugin")
    exec(
        "from scrapelint.plugin import hookimpl\n"
        "import os\n"
        "VALUE = 3\n"
        "class Holder:\n"
        "    @hookimpl\n"
        "    def scrapelint_rules(self):\n"
        "        return []\n"
        "def plain():\n"
        "    return 1\n"
        "@hookimpl(specname='scrapelint_default_config')\n"
        "def defaults():\n"
        "    return {}\n"
        "@hookimpl(tryfirst=True)\n"
        "def scrapelint_readers():\n"
        "    return []\n"
        "scrapelint_reporters = staticmethod(hookimpl(lambda: {}))\n"
        "bound = Holder().scrapelint_rules\n",
        odd.__dict__,
    )

    class ModuleSubclass(types.ModuleType):
        pass

    sub = ModuleSubclass("scrapelint_sub_plugin")
    exec("from scrapelint.plugin import hookimpl\n@hookimpl\ndef scrapelint_rules():\n    return []\n", sub.__dict__)
    builtin = [(name, p) for name, p in plugin_mod.get_plugin_manager().list_name_plugin()]
    assert builtin
    managers = []
    for manager_type in (pluggy.PluginManager, plugin_mod._PluginManager):
        pm = manager_type(plugin_mod.PROJECT)
        pm.add_hookspecs(plugin_mod.PluginSpec)
        for name, p in [*builtin, ("odd", odd), ("sub", sub)]:
            pm.register(p, name=name)
        managers.append(_hook_implementations(pm))
    assert managers[0] == managers[1]
    assert {("scrapelint_default_config", "odd"), ("scrapelint_readers", "odd"), ("bound", "odd"),
            ("scrapelint_reporters", "odd"), ("scrapelint_rules", "sub")} <= {m[:2] for m in managers[1]}
