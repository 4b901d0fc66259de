"""--timings: a table of where the time went, per rule and shared analysis."""

from __future__ import annotations

import io

import pytest

from conftest import run
from scrapelint import timings

ARTICLE = """---
title: "Ferry returns"
source: https://example.org/2025/03/14/ferry
date: 2025-03-14
word_count: 50
---

HARBOURTOWN, March 14 - The ferry is back today after a winter in the yard.
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timings_table_names_rules_analyses_and_stages(folder, capsys, jobs):
    for i in range(80):  # more than two units, so --jobs 2 uses worker processes
        (folder / f"doc{i:03d}.md").write_text(ARTICLE)
    _, plain, _ = run(capsys, "check", ".", "--format", "json", "--jobs", jobs)
    code, out, err = run(capsys, "check", ".", "--format", "json", "--jobs", jobs, "--timings")
    assert code == 1 and out == plain  # the report is the same; the table goes to stderr
    lines = err.splitlines()
    assert lines[0].split() == ["Rule", "or", "analysis", "Time", "(ms)", "Relative"]
    labels = {line.rsplit(None, 2)[0] for line in lines[1:]}
    # rules run in the workers: their lines prove the workers' totals came back
    assert {"WC001 word-count-mismatch", "DT001 date-url-mismatch", "evidence: layout",
            "stage: read + parse", "stage: output (reporter)", "total"} <= labels
    assert lines[-1].endswith("100.0%")


def test_no_table_without_the_flag(folder, capsys):
    (folder / "a.md").write_text(ARTICLE)
    _, _, err = run(capsys, "check", "a.md")
    assert "Rule or analysis" not in err and timings.TIMER is None


def test_nested_time_counts_once(monkeypatch):
    clock = iter([0.0, 1.0, 4.0, 10.0])  # outer starts, inner starts, inner stops, outer stops
    monkeypatch.setattr(timings, "perf_counter", lambda: next(clock))
    timer = timings.Timer()
    with timer.measure("rule"):
        with timer.measure("view: layout"):
            pass
    assert timer.totals == {"rule": 7.0, "view: layout": 3.0}
    timer.merge({"rule": 1.0, "other": 2.0})
    assert timer.drain() == {"rule": 8.0, "view: layout": 3.0, "other": 2.0} and timer.totals == {}


def test_table_sorts_costliest_first():
    stream = io.StringIO()
    timings.print_table({"A001 cheap": 0.001, "view: layout": 0.003}, stream)
    lines = stream.getvalue().splitlines()
    assert [line.split()[0] for line in lines[1:]] == ["view:", "A001", "total"]
    assert lines[1].endswith("75.0%") and lines[2].endswith("25.0%")
