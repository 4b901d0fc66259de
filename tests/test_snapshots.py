"""Snapshots of what a user reads: the text report and the `--diff` output
of `scrapelint check examples/`, compared whole.  A deliberate change of a
message or of the layout is recorded with `pytest tests/test_snapshots.py
--update-cases` and reviewed in the diff of tests/snapshots/."""

from __future__ import annotations

import pytest

from conftest import ROOT, run

SNAPSHOTS = ROOT / "tests" / "snapshots"


@pytest.mark.parametrize("name, args", [
    ("examples-text.txt", ["check", "examples", "--no-color", "--jobs", "1"]),
    ("examples-diff.txt", ["check", "examples", "--diff", "--no-color", "--jobs", "1"]),
])
def test_examples_output(name, args, capsys, monkeypatch, request, recorded_today):
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, *args)
    got = f"exit {code}\n{out}"
    path = SNAPSHOTS / name
    if request.config.getoption("--update-cases"):
        path.write_text(got, encoding="utf-8")
        return
    assert got == path.read_text(encoding="utf-8"), f"{name} changed (pytest tests/test_snapshots.py --update-cases records it)"
