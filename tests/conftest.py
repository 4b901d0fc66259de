"""Shared test helpers.

`lint_text` lints a Markdown string through the real engine (reader,
selection, suppressions) and returns its findings; `SHARED` is ../shared,
and `needs_shared` skips a test cleanly when it is absent.
"""

from __future__ import annotations

import datetime
import os
import textwrap
from pathlib import Path

import pytest

from scrapelint.config import Config, Settings
from scrapelint.engine import Linter, RunOptions
from scrapelint.readers.markdown import parse_markdown

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("SCRAPELINT_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "reuters-2025-02-10.md"
CORPUS = SHARED / "corpus"

def pytest_addoption(parser):
    parser.addoption("--update-cases", action="store_true",
                     help="rewrite tests/rule_cases/*.yml and tests/snapshots/ from what scrapelint reports now")


needs_shared = pytest.mark.skipif(not SEED.is_file(), reason="../shared is not present")

# The day the rule cases and snapshots were recorded on: DT004 names today
# in its message ("after today (...)"), so they read the same on any day.
RECORDED_TODAY = datetime.date(2026, 11, 27)


@pytest.fixture
def recorded_today(monkeypatch):
    """`today` is RECORDED_TODAY for the date rules, in this process."""
    from scrapelint.analysis.dates import evidence
    from scrapelint.rules import dates

    monkeypatch.setattr(evidence, "today", lambda: RECORDED_TODAY)
    monkeypatch.setattr(dates, "today", lambda: RECORDED_TODAY)
    return RECORDED_TODAY


def make_linter(select: list[str] | None = None, **settings) -> Linter:
    config = Config(Settings.model_validate(settings), None, ROOT)
    return Linter(config, RunOptions(select=tuple(select) if select is not None else None))


def lint_text(text: str, select: list[str] | None = None, path: str = "article.md", dedent: bool = True, **settings):
    """Findings of the selected rules (default: the default set) on a Markdown text."""
    if dedent:
        text = textwrap.dedent(text).lstrip("\n")
    linter = make_linter(select, **settings)
    doc = parse_markdown(text.encode("utf-8"), path)
    findings, errors = linter.lint(doc)
    assert not errors, errors
    return findings


def codes_at(findings) -> list[tuple[str, int]]:
    """(code, line) pairs, sorted: the usual thing to assert on."""
    return sorted((f.code, f.line) for f in findings)


def run(capsys, *args: str) -> tuple[int, str, str]:
    """The CLI in this process: (exit code, stdout, stderr)."""
    from scrapelint.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
