"""Every case of the bad-input catalogue (tests/badinputs.py), end to end.

Each case runs the real command in a subprocess, as CI would, with a SARIF
report: the bad input gets its finding (or a clear usage/config error), the
exit code is the one promised, nothing prints a traceback, nothing hangs,
the witness file next to the bad input is still reported, the SARIF file
is valid (against the OASIS schema when ../shared is there), and no message
quotes the input without bound.  The text format is checked too, for the
cases that say what it must show (escaped file names, limit names).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import badinputs
from conftest import SHARED

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def scrapelint(args: list[str], cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "scrapelint", "check", "--jobs", "1", *args], cwd=cwd,
                          capture_output=True, timeout=60, env=env)


def valid_sarif(path) -> dict:
    log = json.loads(path.read_text(encoding="utf-8"))
    if SARIF_SCHEMA.is_file():
        import jsonschema

        jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(log)
    assert log["version"] == "2.1.0" and isinstance(log["runs"][0]["results"], list)
    return log


def test_the_catalogue_is_large_enough():
    assert len(badinputs.CASES) >= 40
    assert len({c.name for c in badinputs.CASES}) == len(badinputs.CASES)


@pytest.mark.parametrize("case", badinputs.CASES, ids=[c.name for c in badinputs.CASES])
def test_bad_input(case, tmp_path):
    why = badinputs.platform_has(case.needs)
    if why:
        pytest.skip(why)
    folder = tmp_path / "work"
    folder.mkdir()
    args = badinputs.build(case, folder)
    report = tmp_path / "report.sarif"
    proc = scrapelint([*args, "--format", "sarif", "--output", str(report)], folder)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert proc.returncode == case.exit, stderr
    if case.code is None and case.exit == 2:  # a usage or configuration error: said, no report
        assert stderr.startswith("scrapelint: error:"), stderr
        assert not report.exists()
        return
    log = valid_sarif(report)
    results = log["runs"][0]["results"]
    by_path: dict[str, list[dict]] = {}
    for r in results:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        by_path.setdefault(uri, []).append(r)
    assert any(uri.endswith(badinputs.WITNESS) and any(r["ruleId"] == "FM001" for r in rs)
               for uri, rs in by_path.items()), f"the witness file was not reported: {sorted(by_path)}"
    rule_ids = {r["ruleId"] for r in results}
    assert "SL002" not in rule_ids, [r["message"]["text"][:300] for r in results if r["ruleId"] == "SL002"]
    if case.code is not None:
        from urllib.parse import unquote

        bad = case.path or args[0]
        mine = [r for uri, rs in by_path.items() if unquote(uri).endswith(bad.lstrip("/")) for r in rs]
        assert case.code in {r["ruleId"] for r in mine}, (case.code, {unquote(u): [r["ruleId"] for r in rs]
                                                                       for u, rs in by_path.items()})
        if case.max_message:
            for r in mine:
                if r["ruleId"] == case.code:
                    assert len(r["message"]["text"]) <= case.max_message
    for r in results:  # no message quotes its input without bound
        assert len(r["message"]["text"]) <= 1001
    raw = report.read_text(encoding="utf-8")
    for text in case.absent:
        assert text not in raw
    if case.text or case.absent:
        text_run = scrapelint(args, folder)
        out = text_run.stdout.decode("utf-8", "replace")
        assert text_run.returncode == case.exit
        for text in case.text:
            assert text in out, out[:2000]
        for text in case.absent:
            assert text not in out
