"""The README's rule table is generated from the registry and must be current."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def test_readme_rules_table_is_current():
    spec = importlib.util.spec_from_file_location("gen_rules", ROOT / "docs" / "gen_rules.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    text = gen.README.read_text(encoding="utf-8")
    assert gen.render(text) == text, "README rules table is stale: run python docs/gen_rules.py"
    assert gen.RULES.read_text(encoding="utf-8") == gen.pages(), "docs/rules.md is stale: run python docs/gen_rules.py"


def test_readme_quick_start_has_the_ci_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]' && .venv/bin/python -m pytest"
    assert command in readme and command in ci
    assert "scrapelint check examples/" in readme
