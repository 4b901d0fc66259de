"""The command line: exit codes, formats, bad inputs, rule pages, config errors."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from conftest import run
from scrapelint.cli import main

GOOD = """---
title: "Ferry returns"
source: https://example.org/2025/03/14/ferry
date: 2025-03-14
word_count: 5
---

The ferry is back today.
"""

BAD_COUNT = GOOD.replace("word_count: 5", "word_count: 50")


def test_clean_file_exits_0(folder, capsys):
    (folder / "a.md").write_text(GOOD)
    code, out, _ = run(capsys, "check", "a.md")
    assert code == 0 and "All checks passed" in out


def test_finding_exits_1_with_path_line_col(folder, capsys):
    (folder / "a.md").write_text(BAD_COUNT)
    code, out, _ = run(capsys, "check", "a.md")
    assert code == 1
    assert "a.md:5:1: WC001 [word-count-mismatch] word_count 50 but the body has 5 words" in out
    assert "Found 1 finding (1 warning)" in out


def test_exit_zero_and_fail_on(folder, capsys):
    (folder / "a.md").write_text(BAD_COUNT)
    assert run(capsys, "check", "a.md", "--exit-zero")[0] == 0
    assert run(capsys, "check", "a.md", "--fail-on", "error")[0] == 0
    assert run(capsys, "check", "a.md", "--fail-on", "note")[0] == 1


def test_bad_inputs_are_findings_not_tracebacks(folder, capsys):
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    (folder / "invalid-yaml.md").write_text('---\ntitle: "unclosed\ndate: 2025-01-01\n---\nbody\n')
    (folder / "no-front-matter.md").write_text("# Title\n\nJust text.\n")
    (folder / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\nbody\n".encode("latin-1"))
    (folder / "crlf.md").write_bytes(BAD_COUNT.replace("\n", "\r\n").encode())
    (folder / "good.md").write_text(GOOD)
    code, out, err = run(capsys, "check", ".", "--format", "json")
    assert code == 1
    assert "Traceback" not in err and err == ""
    report = json.loads(out)
    by_file = {}
    for f in report["findings"]:
        by_file.setdefault(f["path"], []).append((f["code"], f["line"]))
    assert by_file["binary.md"] == [("FM005", 1)]
    assert by_file["invalid-yaml.md"][0][0] == "FM002"
    assert by_file["no-front-matter.md"] == [("FM001", 1)]
    assert by_file["latin1.md"] == [("FM005", 2)]
    assert by_file["crlf.md"] == [("WC001", 5)]
    assert "good.md" not in by_file
    assert report["summary"]["documents"] == 6


def test_large_file_is_reported(folder, capsys):
    (folder / "pyproject.toml").write_text('[tool.scrapelint]\nmax-file-size = "1KB"\n')
    (folder / "big.md").write_text(GOOD + "word " * 1000)
    code, out, _ = run(capsys, "check", "big.md")
    assert code == 1 and "FM005" in out and "max-file-size" in out


def test_json_shape(folder, capsys):
    (folder / "a.md").write_text(BAD_COUNT)
    _, out, _ = run(capsys, "check", "a.md", "--format", "json")
    report = json.loads(out)
    assert report["version"] == 1 and report["tool"]["name"] == "scrapelint"
    f = report["findings"][0]
    assert {k: f[k] for k in ("code", "name", "severity", "path", "line", "column")} == {
        "code": "WC001", "name": "word-count-mismatch", "severity": "warning", "path": "a.md", "line": 5, "column": 1}
    assert f["fix"]["edits"] == [{"start": {"line": 5, "column": 13, "offset": f["fix"]["edits"][0]["start"]["offset"]},
                                  "end": {"line": 5, "column": 15, "offset": f["fix"]["edits"][0]["end"]["offset"]},
                                  "content": "5"}]
    assert report["summary"]["by_rule"] == {"WC001": {"name": "word-count-mismatch", "count": 1, "documents": 1, "fixable": 1}}


def test_github_format(folder, capsys):
    (folder / "a.md").write_text(BAD_COUNT)
    _, out, _ = run(capsys, "check", "a.md", "--format", "github")
    assert out.startswith("::warning file=a.md,line=5,col=1,title=WC001 word-count-mismatch::word_count 50")


def test_statistics(folder, capsys):
    (folder / "a.md").write_text(BAD_COUNT)
    (folder / "b.md").write_text(BAD_COUNT)
    _, out, _ = run(capsys, "check", ".", "--statistics")
    assert "     2  WC001  [*] word-count-mismatch" in out and "in 100.0% of documents" in out
    assert "a.md:5" not in out


def test_select_and_ignore(folder, capsys):
    (folder / "a.md").write_text(BAD_COUNT)
    assert run(capsys, "check", "a.md", "--ignore", "WC")[0] == 0
    assert run(capsys, "check", "a.md", "--select", "FM")[0] == 0
    assert run(capsys, "check", "a.md", "--select", "word-count-mismatch")[0] == 1
    code, _, err = run(capsys, "check", "a.md", "--select", "XX999")
    assert code == 2 and "unknown rule selector 'XX999'" in err


def test_stdin(folder, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD_COUNT.encode())))
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", "piped.md")
    assert code == 1 and out.startswith("piped.md:5:1: WC001")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "text", "github", "html"])
def test_jobs_do_not_change_the_output(folder, capsys, fmt):
    """JSON and JSONL text is written by the workers (Reporter.document_text),
    the others' by the main process: the same bytes either way."""
    for i in range(80):
        (folder / f"doc{i:03d}.md").write_text(BAD_COUNT if i % 3 else GOOD)
    def report(jobs: str) -> str:
        out = run(capsys, "check", ".", "--jobs", jobs, "--format", fmt)[1]
        # the HTML report's header says when it was made, to the minute
        return re.sub(r'<p class="meta">.*</p>', "", out) if fmt == "html" else out

    one, two = report("1"), report("2")
    assert one == two and "WC001" in one


def test_rule_page(capsys):
    code, out, _ = run(capsys, "rule", "WC001")
    assert code == 0 and out.startswith("# WC001 word-count-mismatch")
    for section in ("What it checks", "Why it matters", "Example", "Fix", "tolerance"):
        assert section in out
    code, out, _ = run(capsys, "rule", "word-count-mismatch", "--format", "json")
    assert json.loads(out)["code"] == "WC001"
    assert run(capsys, "rule", "NOPE")[0] == 2


def test_rule_page_names_the_module_and_line_of_the_rule(capsys):
    from scrapelint.rule import get_registry

    for code in ("WC001", "TI002", "SL001"):
        rule = get_registry().lookup(code)
        _, out, _ = run(capsys, "rule", code, "--format", "json")
        source = json.loads(out)["source"]
        assert source["module"] == rule.__module__ and source["class"] == rule.__qualname__
        assert Path(source["path"]).resolve() == Path(sys.modules[rule.__module__].__file__).resolve()
        line = Path(source["path"]).read_text(encoding="utf-8").splitlines()[source["line"] - 1]
        assert line.startswith(f"class {rule.__qualname__}("), line
        _, text, _ = run(capsys, "rule", code)
        assert f"Implemented in: {rule.__module__}.{rule.__qualname__}, line {source['line']} " \
               f"({source['path']}:{source['line']})" in text.splitlines()


def test_every_rule_has_a_documented_page(capsys):
    from scrapelint.rule import DOC_SECTIONS, get_registry

    for rule in get_registry():
        doc = rule.documentation()
        for section in DOC_SECTIONS:
            assert section in doc, f"{rule.code} lacks '{section}'"


def test_rules_table(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert any(line.split()[:3] == ["WC001", "word-count-mismatch", "WC"] for line in out.splitlines())
    data = json.loads(run(capsys, "rules", "--format", "json")[1])
    assert {"code", "name", "family", "severity", "fixable", "plugin"} <= set(data[0])


def test_invalid_config_value_exits_2_naming_the_key(folder, capsys):
    (folder / "pyproject.toml").write_text('[tool.scrapelint]\nfail-on = "sometimes"\n')
    (folder / "a.md").write_text(GOOD)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2 and "pyproject.toml" in err and "fail-on" in err and "'error', 'warning' or 'note'" in err


def test_unknown_config_key_exits_2(folder, capsys):
    (folder / "scrapelint.toml").write_text('selcet = ["WC"]\n')
    (folder / "a.md").write_text(GOOD)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2 and "unknown key `selcet`" in err and "scrapelint.toml" in err


def test_invalid_rule_option_exits_2(folder, capsys):
    (folder / "scrapelint.toml").write_text("[rules.WC001]\ntolerance = -1\n")
    (folder / "a.md").write_text(GOOD)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2 and "rules.WC001.tolerance" in err


def test_missing_path_exits_2(folder, capsys):
    code, _, err = run(capsys, "check", "nope.md")
    assert code == 2 and "nope.md" in err


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "scrapelint" in capsys.readouterr().out


def test_baseline_reports_only_new_findings(folder, capsys):
    (folder / "a.md").write_text(BAD_COUNT)
    code, _, err = run(capsys, "check", ".", "--write-baseline", "base.json")
    assert code == 0 and "recorded 1 findings" in err
    (folder / "a.md").write_text(BAD_COUNT.replace("title:", "author: x\ntitle:"))  # the finding moves a line down
    (folder / "b.md").write_text(BAD_COUNT)
    code, out, _ = run(capsys, "check", ".", "--baseline", "base.json")
    assert code == 1 and "b.md:5:1: WC001" in out and "a.md" not in out and "1 finding in the baseline" in out
    (folder / "broken.json").write_text("[]")
    assert run(capsys, "check", ".", "--baseline", "broken.json")[0] == 2


def test_statistics_give_rates(folder, capsys):
    (folder / "a.md").write_text(BAD_COUNT)
    (folder / "b.md").write_text(GOOD)
    _, out, _ = run(capsys, "check", ".", "--statistics")
    assert "in  50.0% of documents" in out


def test_unwritable_output_is_a_usage_error(folder, capsys):
    (folder / "a.md").write_text(GOOD)
    code, _, err = run(capsys, "check", "a.md", "--output", "no/such/dir/report.json")
    assert code == 2 and "--output no/such/dir/report.json" in err and "Traceback" not in err


def test_unknown_format_exits_2(folder, capsys):
    (folder / "a.md").write_text(GOOD)
    code, _, err = run(capsys, "check", "a.md", "--format", "xml")
    assert code == 2 and "unknown format 'xml'" in err


def test_a_file_over_the_default_size_limit_is_a_finding(folder, capsys):
    big = folder / "huge.md"
    with big.open("w") as f:
        f.write(GOOD)
        f.write(("word " * 200 + "\n") * 11_000)  # ~11 MB, over the default 10 MiB
    (folder / "small.md").write_text(GOOD)
    code, out, err = run(capsys, "check", ".")
    assert code == 1 and "Traceback" not in err
    assert "huge.md:1:1: FM005" in out and "over the max-file-size limit of 10.0 MiB" in out
    assert "small.md" not in out


def test_the_command_exits_after_its_exit_handlers_without_teardown(folder):
    # the command's own process ends with os._exit once its work is done
    # (scrapelint.cli._exit_without_teardown): exit handlers still run, the
    # report is whole, the exit code is the run's, and no object is freed
    import subprocess

    (folder / "a.md").write_text(BAD_COUNT)
    code = ("import atexit, sys\n"
            "from scrapelint.cli import main\n"
            "class Freed:\n    def __del__(self):\n        print('torn down', file=sys.stderr)\n"
            "kept = Freed()\n"
            "atexit.register(lambda: print('exit handler ran', file=sys.stderr))\n"
            "sys.argv = ['scrapelint', 'check', 'a.md', '--format', 'json']\n"
            "sys.exit(main())\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "XDG_CACHE_HOME": str(folder / "cache")})
    assert proc.returncode == 1, proc.stderr
    assert [f["code"] for f in json.loads(proc.stdout)["findings"]] == ["WC001"]
    assert "exit handler ran" in proc.stderr and "torn down" not in proc.stderr


def test_a_profiled_run_exits_normally_so_the_profiler_writes_its_report(folder):
    import subprocess

    (folder / "a.md").write_text(GOOD)
    proc = subprocess.run([sys.executable, "-m", "cProfile", "-o", "run.prof", "-m", "scrapelint", "check", "a.md"],
                          cwd=folder, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "XDG_CACHE_HOME": str(folder / "cache")})
    assert proc.returncode == 0, proc.stderr
    assert (folder / "run.prof").stat().st_size > 0


@pytest.mark.parametrize("command", [[], ["check"]])
def test_help_is_formatted_at_the_terminal_width(command, monkeypatch, capsys):
    """The parser is built with a fixed-width formatter (no terminal query):
    its help is still formatted at the terminal's width."""
    widths = {}
    for columns in (60, 200):
        monkeypatch.setenv("COLUMNS", str(columns))
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        widths[columns] = max(map(len, capsys.readouterr().out.splitlines()))
    assert widths[60] < 80 < widths[200]  # neither is the fixed width it was built with
