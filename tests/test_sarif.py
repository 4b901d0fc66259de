"""SARIF 2.1.0: OASIS schema, GitHub's expectations, Microsoft's SARIF Multitool.

The OASIS schema comes from ../shared (skipped when absent).  The Multitool
check runs when `sarif-multitool` is found: $SARIF_MULTITOOL, or on PATH
(`.ci/run` installs it with npm when npm is there).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import CORPUS, SHARED, needs_shared
from scrapelint.cli import main

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
DEFECTIVE = "---\ntitle: t\nword_count: 50\n---\n\nfive words in this body\n"


def sarif_of(capsys, *args) -> dict:
    main(["check", *args, "--format", "sarif", "--exit-zero"])
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()  # the repository root, as git would mark it
    sub = tmp_path / "articles" / "2025 news"
    sub.mkdir(parents=True)
    (sub / "bad.md").write_text(DEFECTIVE)
    (sub / "clean.md").write_text("---\ntitle: t\nword_count: 3\n---\n\none two three\n")
    (tmp_path / "no-fm.md").write_text("just text\n")
    monkeypatch.chdir(sub)
    return tmp_path


def validate_oasis(log: dict) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft4Validator(schema).validate(log)


def test_uris_are_relative_to_the_repository_root(repo, capsys):
    log = sarif_of(capsys, ".", "../../no-fm.md")
    run = log["runs"][0]
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"])
    assert uris == ["articles/2025%20news/bad.md", "no-fm.md"]
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for r in run["results"])
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_results_and_rules(repo, capsys):
    log = sarif_of(capsys, ".")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "WC001" in ids and "FM001" in ids  # every enabled rule, not only those that fired
    result = run["results"][0]
    assert result["ruleId"] == "WC001" and rules[result["ruleIndex"]]["id"] == "WC001"
    assert result["level"] == "warning"
    assert result["message"]["text"].endswith(".")
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert set(result["partialFingerprints"]) == {"scrapelint/v1"}
    assert "primaryLocationLineHash" not in result["partialFingerprints"]
    wc = rules[result["ruleIndex"]]
    assert wc["properties"]["problem.severity"] == "warning"
    assert "security-severity" not in json.dumps(log)
    assert wc["help"]["text"] and wc["fullDescription"]["text"]
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "5"
    assert replacement["deletedRegion"] == {"startLine": 3, "startColumn": 13, "endLine": 3, "endColumn": 15}


def test_fingerprint_survives_moving_the_line(repo, capsys):
    first = sarif_of(capsys, "bad.md")["runs"][0]["results"][0]["partialFingerprints"]
    (repo / "articles" / "2025 news" / "bad.md").write_text(DEFECTIVE.replace("title: t\n", "title: t\nauthor: x\n"))
    moved = sarif_of(capsys, "bad.md")["runs"][0]["results"][0]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert moved["partialFingerprints"] == first


@needs_shared
def test_valid_against_the_oasis_schema(repo, capsys):
    validate_oasis(sarif_of(capsys, "."))


@needs_shared
def test_corpus_report_is_valid(tmp_path, capsys):
    log = sarif_of(capsys, str(CORPUS))
    validate_oasis(log)
    assert log["runs"][0]["results"]


def multitool() -> str | None:
    return os.environ.get("SARIF_MULTITOOL") or shutil.which("sarif-multitool")


@pytest.mark.skipif(multitool() is None, reason="SARIF Multitool not installed (npm install @microsoft/sarif-multitool)")
def test_sarif_multitool_reports_no_error_and_no_warning(repo, tmp_path, capsys):
    log = sarif_of(capsys, ".", "../../no-fm.md")
    if SHARED.is_dir() and CORPUS.is_dir():
        log["runs"][0]["results"] += sarif_of(capsys, str(CORPUS))["runs"][0]["results"][:200]
    src = tmp_path / "report.sarif"
    src.write_text(json.dumps(log))
    out = tmp_path / "validation.sarif"
    proc = subprocess.run([multitool(), "validate", "--rule-kind", "Gh;Sarif", str(src), "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert out.is_file(), proc.stdout + proc.stderr
    problems = [(r["ruleId"], r.get("level", "warning"), r["message"]) for r in json.loads(out.read_text())["runs"][0]["results"]
                if r.get("level", "warning") in ("error", "warning")]
    assert problems == []
