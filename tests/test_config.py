"""Configuration discovery, validation and its effect on the run."""

from __future__ import annotations

import json

import pytest

from scrapelint.cli import main
from scrapelint.config import ConfigError, find_config_file, load_config, settings_json_schema

BAD_COUNT = "---\ntitle: t\nword_count: 50\n---\n\nfive words in this body\n"


def report(capsys, *args):
    code = main(["check", *args, "--format", "json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_closest_config_wins(tree):
    (tree / "pyproject.toml").write_text("[tool.scrapelint]\nignore = ['WC']\n")
    sub = tree / "sub"
    sub.mkdir()
    (sub / "scrapelint.toml").write_text("select = ['WC']\n")
    assert find_config_file(sub / "a.md") == (sub / "scrapelint.toml").resolve()
    assert find_config_file(tree / "a.md") == (tree / "pyproject.toml").resolve()


def test_pyproject_without_table_is_skipped(tree):
    (tree / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config_file(tree) is None or find_config_file(tree).parent != tree


def test_each_path_uses_its_closest_config(tree, capsys):
    (tree / "a").mkdir()
    (tree / "b").mkdir()
    (tree / "a" / "scrapelint.toml").write_text("ignore = ['WC001']\n")
    (tree / "a" / "x.md").write_text(BAD_COUNT)
    (tree / "b" / "x.md").write_text(BAD_COUNT)
    code, rep, _ = report(capsys, "a", "b")
    assert [f["path"] for f in rep["findings"]] == ["b/x.md"]


def test_per_file_ignores_and_severity_override(tree, capsys):
    (tree / "scrapelint.toml").write_text(
        "[per-file-ignores]\n'drafts/*.md' = ['word-count-mismatch']\n[severity]\nWC001 = 'error'\n")
    (tree / "drafts").mkdir()
    (tree / "drafts" / "x.md").write_text(BAD_COUNT)
    (tree / "x.md").write_text(BAD_COUNT)
    code, rep, _ = report(capsys, ".")
    assert [(f["path"], f["severity"]) for f in rep["findings"]] == [("x.md", "error")]


def test_rule_options_change_behaviour(tree, capsys):
    (tree / "scrapelint.toml").write_text("[rules.word-count-mismatch]\ntolerance = 10.0\n")
    (tree / "x.md").write_text(BAD_COUNT)
    assert report(capsys, "x.md")[0] == 0


def test_explicit_config_file(tree, capsys):
    (tree / "strict.toml").write_text("ignore = ['WC']\n")
    (tree / "x.md").write_text(BAD_COUNT)
    assert report(capsys, "x.md", "--config", "strict.toml")[0] == 0


def test_fields_mapping_is_validated(tree):
    (tree / "scrapelint.toml").write_text("[fields]\nheadline = 'title'\n")
    with pytest.raises(ConfigError, match="unknown field 'headline'"):
        load_config(tree / "scrapelint.toml")


def test_broken_toml_is_a_config_error(tree):
    (tree / "scrapelint.toml").write_text("select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(tree / "scrapelint.toml")


def test_custom_front_matter_schema(tree, capsys):
    (tree / "schema.json").write_text(json.dumps({"type": "object", "required": ["lang"]}))
    (tree / "scrapelint.toml").write_text("schema = 'schema.json'\nselect = ['FM003']\n")
    (tree / "x.md").write_text("---\ntitle: t\n---\nbody\n")
    code, rep, _ = report(capsys, "x.md")
    assert code == 1 and "required key `lang` is missing" in rep["findings"][0]["message"]


def test_exclude_and_gitignore(tree, capsys):
    (tree / ".gitignore").write_text("ignored/\n")
    (tree / "scrapelint.toml").write_text("exclude = ['skip-*.md']\n")
    for name in ("ignored/x.md", "skip-me.md", "keep.md"):
        (tree / name).parent.mkdir(exist_ok=True)
        (tree / name).write_text(BAD_COUNT)
    _, rep, _ = report(capsys, ".")
    assert [f["path"] for f in rep["findings"]] == ["keep.md"]


def test_config_schema_file_is_current():
    from scrapelint.schemas import load

    assert load("config.schema.json") == settings_json_schema(), \
        "run: python -c 'from scrapelint.config import write_config_schema; write_config_schema()'"
