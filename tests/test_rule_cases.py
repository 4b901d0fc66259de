"""The generic runner of the rule case files (tests/rule_cases/*.yml; the
format is in tests/casefile.py): one test per case, collected from
the files, with only the case's rule selected."""

from __future__ import annotations

import pytest

import scrapelint
from casefile import all_cases, dump, load
from scrapelint.rule import get_registry

CASES = all_cases()


def crash(doc):
    raise RuntimeError("a rule that fails on purpose")


def found(rule: str, case: dict, tmp_path, monkeypatch) -> list[dict]:
    config = case.get("config")
    select = [rule, *case.get("also", ())]
    if "crash" in case:  # SL002's input: another rule that raises on the document
        broken = get_registry().lookup(case["crash"])
        monkeypatch.setattr(broken, "check", lambda self, doc: crash(doc))
        select.append(broken.code)
    if "files" in case:  # a dataset rule, or a configuration file: a folder, linted as `scrapelint check .`
        monkeypatch.chdir(tmp_path)
        for name, text in case["files"].items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        findings = [f for result in scrapelint.lint_paths(["."], jobs=1, select=select) for f in result.findings]
        return [{**({"code": f.code} if "also" in case else {}), "path": f.path, "line": f.line,
                 "severity": str(f.severity), "message": f.message} for f in findings]
    if "record" in case:
        findings = scrapelint.lint_record(case["record"], fields=case.get("fields"), select=select, config=config)
    else:
        findings = scrapelint.lint_text(case["text"], select=select, config=config)
    if "also" in case:  # several rules selected: which one reports matters
        return [{"code": f.code, "line": f.line, "severity": str(f.severity), "message": f.message} for f in findings]
    return [{"line": f.line, "severity": str(f.severity), "message": f.message} for f in findings]


def fixed(rule: str, case: dict) -> str | None:
    if "text" not in case:
        return None
    text, _ = scrapelint.fix_text(case["text"], select=[rule], config=case.get("config"))
    return text if text != case["text"] else None


@pytest.mark.parametrize("path, index", [(p, n) for p, n, _ in CASES], ids=[i for *_, i in CASES])
def test_rule_case(path, index, request, tmp_path, monkeypatch, recorded_today):
    data = load(path)
    rule, case = data["rule"], data["cases"][index]
    got = found(rule, case, tmp_path, monkeypatch)
    got_fix = fixed(rule, case)
    if request.config.getoption("--update-cases"):
        case["findings"] = got
        case.pop("fix", None)
        if got_fix is not None:
            case["fix"] = got_fix
        dump(path, data)
        return
    assert got == case.get("findings", []), f"{path.name}: {case['name']} (pytest --update-cases rewrites it)"
    assert got_fix == case.get("fix"), f"{path.name}: {case['name']}: the fixed text differs"


def test_every_rule_has_a_case_file_with_a_failing_and_a_passing_case():
    files = {p.stem: load(p) for p, *_ in CASES}
    for rule in get_registry():
        assert rule.code in files, f"no tests/rule_cases/{rule.code}.yml"
        assert files[rule.code]["rule"] == rule.code
        kinds = {bool(case.get("findings")) for case in files[rule.code]["cases"]}
        assert kinds == {True, False}, f"{rule.code}.yml needs at least one failing and one passing case"
