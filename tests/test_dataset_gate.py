"""The gate (--max-share, [tool.scrapelint.gate]), the dataset view
(--statistics, the JSON summary), --format jsonl and the capped text list."""

from __future__ import annotations

import json

from conftest import run

CLEAN = "The harbour ferry is back in service this morning after repairs."
PROMO = CLEAN + "\n\nSign up for our newsletter to get the latest news."


def dataset(folder, n: int = 20, promos: int = 2, miscounts: int = 0) -> None:
    """n invented records on two sites: `promos` carry a newsletter line
    (NV), `miscounts` a wrong word_count (WC)."""
    with open(folder / "d.jsonl", "w") as f:
        for i in range(n):
            text = PROMO if i < promos else CLEAN
            words = len(text.split()) + (30 if promos <= i < promos + miscounts else 0)
            site = "alpha.example" if i % 2 else "beta.example"
            f.write(json.dumps({"id": f"r{i}", "url": f"https://{site}/news/{i}", "text": text, "word_count": words}) + "\n")


def test_a_share_over_its_cap_fails_and_under_it_passes(folder, capsys):
    dataset(folder, promos=2)  # NV on 10% of the documents
    code, out, _ = run(capsys, "check", "d.jsonl", "--max-share", "NV=20")
    assert code == 0 and "NV" in out and "10.00% of documents" in out and "cap 20%" in out
    code, out, _ = run(capsys, "check", "d.jsonl", "--max-share", "NV=5")
    assert code == 1 and "Gate: FAILED" in out and "over the cap" in out
    code, out, _ = run(capsys, "check", "d.jsonl", "--max-share", "NV001=10")  # at the cap: passes
    assert code == 0


def test_caps_are_the_verdict_and_an_explicit_fail_on_adds_uncapped_rules(folder, capsys):
    dataset(folder, promos=2, miscounts=1)
    assert run(capsys, "check", "d.jsonl")[0] == 1  # no caps: any warning fails, as before
    assert run(capsys, "check", "d.jsonl", "--max-share", "NV=50")[0] == 0  # WC001 is reported, not judged
    assert run(capsys, "check", "d.jsonl", "--max-share", "NV=50", "--fail-on", "warning")[0] == 1  # WC001 uncapped
    assert run(capsys, "check", "d.jsonl", "--max-share", "NV=50", "--max-share", "WC=50", "--fail-on", "warning")[0] == 0
    assert run(capsys, "check", "d.jsonl", "--max-share", "NV=50", "--fail-on", "error")[0] == 0
    assert run(capsys, "check", "d.jsonl", "--max-share", "ALL=15")[0] == 0
    assert run(capsys, "check", "d.jsonl", "--max-share", "ALL=10")[0] == 1
    assert run(capsys, "check", "d.jsonl", "--max-share", "NV=1", "--exit-zero")[0] == 0
    (folder / "scrapelint.toml").write_text('fail-on = "warning"\n')
    assert run(capsys, "check", "d.jsonl", "--max-share", "NV=50")[0] == 1  # fail-on set in the configuration


def test_the_baseline_applies_before_the_caps(folder, capsys):
    dataset(folder, promos=2)
    assert run(capsys, "check", "d.jsonl", "--write-baseline", "base.json")[0] == 0
    dataset(folder, promos=4)  # two more documents with NV
    code, out, _ = run(capsys, "check", "d.jsonl", "--baseline", "base.json", "--max-share", "NV=10", "--format", "json")
    gate = json.loads(out)["summary"]["gate"]
    assert code == 0 and gate == [{"selector": "NV", "cap": 0.1, "documents": 2, "share": 0.1, "passed": True}]


def test_caps_in_the_configuration_and_the_command_line_replacing_one(folder, capsys):
    dataset(folder, promos=2)
    (folder / "scrapelint.toml").write_text("[gate]\nmax-share = { NV = 5, WC = 50 }\n")
    code, out, _ = run(capsys, "check", "d.jsonl", "--format", "json")
    gate = {c["selector"]: c for c in json.loads(out)["summary"]["gate"]}
    assert code == 1 and not gate["NV"]["passed"] and gate["WC"]["passed"]
    code, out, _ = run(capsys, "check", "d.jsonl", "--max-share", "NV=15", "--format", "json")
    gate = {c["selector"]: c for c in json.loads(out)["summary"]["gate"]}
    assert code == 0 and gate["NV"]["cap"] == 0.15 and "WC" in gate


def test_bad_caps_are_usage_errors(folder, capsys):
    dataset(folder)
    for bad in ("NV", "NV=abc", "NV=150", "XX9=5"):
        code, _, err = run(capsys, "check", "d.jsonl", "--max-share", bad)
        assert code == 2 and "max-share" in err, bad
    (folder / "scrapelint.toml").write_text("[gate]\nmax-share = { NV = -1 }\n")
    assert run(capsys, "check", "d.jsonl")[0] == 2


def test_statistics_per_rule_and_per_domain(folder, capsys):
    dataset(folder, promos=4, miscounts=2)
    code, out, _ = run(capsys, "check", "d.jsonl", "--format", "json")
    stats = json.loads(out)["summary"]["statistics"]
    assert stats["documents"] == 20 and stats["records"] == 20
    assert stats["rules"]["NV001"] == {"name": "boilerplate-phrase", "findings": 4, "documents": 4, "share": 0.2}
    domains = {d["domain"]: d for d in stats["domains"]}
    assert domains["beta.example"]["documents"] == 10 and domains["beta.example"]["affected"] == 3
    assert domains["beta.example"]["top_rules"][0] == {"code": "NV001", "documents": 2}
    code, out, _ = run(capsys, "check", "d.jsonl", "--statistics")
    assert "Source domains" in out and "beta.example" in out and "Fields of 20 records" in out


def test_jsonl_format_is_one_finding_per_line(folder, capsys):
    dataset(folder, promos=3, miscounts=2)
    code, out, _ = run(capsys, "check", "d.jsonl", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(rows) == 5
    assert {(r["record"], r["code"], r["field"], r["line"]) for r in rows} >= {
        ("r0", "NV001", "text", 1), ("r3", "WC001", "word_count", 4)}


def test_text_output_caps_examples_per_rule_for_records(folder, capsys):
    dataset(folder, n=40, promos=30)
    code, out, _ = run(capsys, "check", "d.jsonl", "--max-examples", "5")
    assert out.count("NV001 [boilerplate-phrase]") == 5
    assert "25 more findings on dataset records not shown" in out and "Found 30 findings" in out
    code, out, _ = run(capsys, "check", "d.jsonl", "--max-examples", "all")
    assert out.count("NV001 [boilerplate-phrase]") == 30
