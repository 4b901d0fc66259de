"""The run outside the CLI: `scrapelint.runner.Run`, and a linter that
keeps nothing between documents."""

from __future__ import annotations

import pytest

from conftest import make_linter
from scrapelint.engine import RunOptions
from scrapelint.readers.markdown import parse_markdown
from scrapelint.runner import Run, UsageError

BODY = " ".join(f"word{i}" for i in range(40))


def article(source: str) -> str:
    return f"---\ntitle: T\nsource: {source}\n---\n\n{BODY}\n"


def test_a_linter_with_dataset_rules_holds_nothing_between_documents():
    linter = make_linter(["DS"])
    before = dict(vars(linter))
    for n in range(50):
        doc = parse_markdown(article(f"https://example.org/{n}").encode(), f"{n}.md")
        assert linter.lint(doc) == ([], [])
        collected, errors = linter.collect(doc)
        assert [code for code, _, _ in collected] == ["DS001", "DS002"] and not errors
    assert {k: len(v) for k, v in vars(linter).items() if isinstance(v, list)} == \
           {k: len(v) for k, v in before.items() if isinstance(v, list)}


def test_run_yields_results_in_order_then_the_dataset_result(tmp_path):
    for name in ("b.md", "a.md", "c.md"):
        (tmp_path / name).write_text(article("https://example.org/same"))
    run = Run([str(tmp_path)], RunOptions(select=("DS002",)), jobs=1)
    results = list(run.results())
    assert [r.display.rsplit("/", 1)[-1] for r in results] == ["a.md", "b.md", "c.md", "(dataset)"]
    assert [f.code for f in results[-1].findings] == ["DS002", "DS002"]
    assert run.summary.documents == 3 and run.summary.files == 3
    assert run.failing(run.fail_on) == 2 and not run.errors


def test_run_drops_what_the_baseline_knows(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: T\nword_count: 999\n---\n\n" + BODY + "\n")
    first = Run([str(tmp_path)], RunOptions(select=("WC001",)), jobs=1, record_baseline=True)
    assert [f.code for r in first.results() for f in r.findings] == ["WC001"]
    first.write_baseline(str(tmp_path / "baseline.json"))
    again = Run([str(tmp_path)], RunOptions(select=("WC001",)), jobs=1, baseline_file=str(tmp_path / "baseline.json"))
    assert [f for r in again.results() for f in r.findings] == []
    assert again.summary.baselined == 1


def test_a_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        Run([str(tmp_path / "nothing")])
