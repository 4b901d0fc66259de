"""`--fix` and `--diff` end to end through the command line, and a property
test of the fixes: idempotent, and touching only the reported spans."""

from __future__ import annotations

import os
import stat
import string

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import SEED, make_linter, needs_shared
from conftest import run
from scrapelint.cli import main
from scrapelint.fixes import apply_edits, select_edits, unified_diff
from scrapelint.readers.markdown import parse_markdown

ARTICLE = """---
title: "Night buses return | Example Harbour News"   # from <title>
source: https://www.exampleharbournews.org/2025/04/02/night-buses?utm_source=nl&page=2
date: 2025-04-02
word_count: 40
tags: [transport, harbour]
---

# Night buses return

Night buses run again on the harbour line from Monday.
"""
FIXED = (ARTICLE.replace(" | Example Harbour News", "").replace("utm_source=nl&", "")
         .replace("word_count: 40", "word_count: 14"))


def test_fix_rewrites_only_the_spans_and_says_how_many(folder, capsys):
    path = folder / "a.md"
    path.write_bytes(ARTICLE.encode())
    code, out, _ = run(capsys, "check", "a.md", "--fix", "--select", "TI,UR,WC")
    assert path.read_bytes() == FIXED.encode()
    assert "Fixed 3 findings." in out
    assert code == 0
    # the findings are gone on the next run, and a second --fix changes nothing
    code, out, _ = run(capsys, "check", "a.md", "--select", "TI,UR,WC")
    assert code == 0 and "All checks passed" in out
    run(capsys, "check", "a.md", "--fix", "--select", "TI,UR,WC")
    assert path.read_bytes() == FIXED.encode()


def test_diff_writes_nothing_and_shows_the_changed_lines(folder, capsys):
    path = folder / "a.md"
    path.write_bytes(ARTICLE.encode())
    code, out, _ = run(capsys, "check", "a.md", "--diff", "--select", "TI,UR,WC")
    assert path.read_bytes() == ARTICLE.encode()
    assert code == 1
    removed = [ln for ln in out.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    added = [ln for ln in out.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert len(removed) == len(added) == 3
    assert '+title: "Night buses return"   # from <title>' in added
    assert "--- a/a.md" in out and "Would fix 3 findings." in out


def test_crlf_and_bom_are_kept(folder, capsys):
    path = folder / "a.md"
    data = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode()
    path.write_bytes(data)
    run(capsys, "check", "a.md", "--fix", "--select", "TI,UR,WC")
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_mode_is_kept_and_symlinks_stay_links(folder, capsys):
    target = folder / "real.md"
    target.write_bytes(ARTICLE.encode())
    os.chmod(target, 0o640)
    link = folder / "link.md"
    link.symlink_to(target)
    run(capsys, "check", "link.md", "--fix", "--select", "TI")
    assert link.is_symlink()
    assert b"Example Harbour News" not in target.read_bytes()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert not [p for p in folder.iterdir() if p.name.endswith(".scrapelint-tmp")]


def test_no_final_newline_diff_applies(folder, capsys):
    text = ARTICLE.rstrip("\n")
    diff = unified_diff("a.md", text, FIXED.rstrip("\n"))
    assert "\\ No newline" not in diff  # the hunks end before the last line
    at_end = unified_diff("b.md", "one\ntwo", "one\n2")
    assert at_end.endswith("-two\n\\ No newline at end of file\n+2\n\\ No newline at end of file\n")
    path = folder / "a.md"
    path.write_text(text)
    run(capsys, "check", "a.md", "--fix", "--select", "TI,UR,WC")
    assert path.read_text() == FIXED.rstrip("\n")


def test_diff_splits_at_newlines_only():
    before = "a\u2028b\nline two\n"
    after = "a\u2028b\nline 2\n"
    diff = unified_diff("x.md", before, after)
    assert "@@ -1,2 +1,2 @@" in diff and "-line two" in diff


def test_failed_write_reports_and_keeps_the_findings(folder, capsys, monkeypatch):
    import scrapelint.fixes

    def refuse(path, text, bom, *where):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(scrapelint.fixes, "write_atomic", refuse)
    path = folder / "a.md"
    path.write_bytes(ARTICLE.encode())
    code, out, err = run(capsys, "check", "a.md", "--fix", "--select", "TI")
    assert path.read_bytes() == ARTICLE.encode()
    assert "could not write" in (out + err) and "TI001" in out and code != 0
    assert "Fixed" not in out


@needs_shared
def test_seed_diff_and_fix(folder, capsys):
    original = SEED.read_bytes()
    copy = folder / "seed.md"
    copy.write_bytes(original)
    _, out, _ = run(capsys, "check", "seed.md", "--diff")
    changed = [ln for ln in out.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert len(changed) == 4, changed
    assert '+title: "Russia plays hardball on Ukraine peace discussions after Trump talks of Putin contact"' in changed
    assert any(ln.startswith("+word_count: ") for ln in changed)
    run(capsys, "check", "seed.md", "--fix")
    after = copy.read_bytes()
    old_lines, new_lines = original.split(b"\n"), after.split(b"\n")
    assert len(old_lines) == len(new_lines)
    differ = [i + 1 for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b]
    assert differ == [2, 6]
    assert new_lines[1] == old_lines[1].replace(b" | Reuters", b"")


# -- the property: idempotent, and only the reported spans change ---------------------

_word = st.text(alphabet=string.ascii_letters + "äöüéß'’", min_size=1, max_size=9)
_headline = st.lists(_word, min_size=1, max_size=7).map(" ".join)
_sep = st.sampled_from([" | ", " - ", " – ", " — ", " · ", " » ", ": "])
_site = st.sampled_from([("Reuters", "reuters.com"), ("BBC News", "bbc.co.uk"),
                         ("The New York Times", "nytimes.com"), ("Example Harbour News", "exampleharbournews.org")])
_quote = st.sampled_from(["", "'", '"'])
_params = st.lists(st.sampled_from(["id=7", "utm_source=x", "page=2", "fbclid=abc", "q=a%20b", "gclid=1"]),
                   max_size=4, unique=True)


def _scalar(value: str, quote: str) -> str:
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


@st.composite
def front_matter(draw):
    headline = draw(_headline)
    name, host = draw(_site)
    prefix = draw(st.booleans())
    title = draw(st.sampled_from([
        f"{name}{draw(_sep)}{headline}" if prefix else f"{headline}{draw(_sep)}{name}",
        headline,
    ]))
    params = draw(_params)
    url = f"https://www.{host}/2025/story" + ("?" + "&".join(params) if params else "")
    quote = draw(_quote)
    lines = [f"title: {_scalar(title, quote)}", f"source: {_scalar(url, draw(_quote))}"]
    if draw(st.booleans()):
        lines.append(f"word_count: {draw(st.integers(0, 60))}")
    if draw(st.booleans()):
        lines.append("# a comment: kept | as is")
    lines = draw(st.permutations(lines))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    body = "Night buses run again on the harbour line from Monday, said the office."
    return newline.join(["---", *lines, "---", "", body, ""])


def _fix_once(linter, text: str):
    doc = parse_markdown(text.encode("utf-8"), "a.md")
    findings, errors = linter.lint(doc)
    assert not errors, errors
    accepted, edits = select_edits(findings, unsafe=False)
    return findings, accepted, edits, apply_edits(text, edits)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter())
def test_fix_is_idempotent_and_touches_only_reported_spans(text):
    import yaml

    linter = make_linter(["TI001", "UR002", "WC001"])
    doc = parse_markdown(text.encode("utf-8"), "a.md")
    if not isinstance(doc.meta.get("title"), str):
        return  # a generated plain scalar that YAML reads as something else
    findings, accepted, edits, fixed = _fix_once(linter, text)
    event(f"fixed {sorted(f.code for f in accepted)}")
    # every edit lies inside the value span of the key its finding reports
    for f in accepted:
        key = {"TI001": "title", "UR002": "source", "WC001": "word_count"}[f.code]
        start, end = doc.value_span(key)
        assert all(start <= e.start <= e.end <= end for e in f.fix.edits), (f.code, f.fix.edits)
        assert doc.key_line(key) == f.line
    # outside the edits, every character is the same, at its shifted place
    shift = 0
    pos = 0
    for e in edits:
        assert fixed[pos + shift:e.start + shift] == text[pos:e.start]
        assert fixed[e.start + shift:e.start + shift + len(e.replacement)] == e.replacement
        shift += len(e.replacement) - (e.end - e.start)
        pos = e.end
    assert fixed[pos + shift:] == text[pos:]
    # the result parses to the same keys, the fixed findings are gone, and a second pass changes nothing
    fixed_doc = parse_markdown(fixed.encode("utf-8"), "a.md")
    assert set(fixed_doc.meta) == set(doc.meta)
    for k in doc.meta:
        if k not in ("title", "source", "word_count"):
            assert fixed_doc.meta[k] == doc.meta[k]
    again, accepted2, edits2, fixed2 = _fix_once(linter, fixed)
    assert fixed2 == fixed and not edits2
    assert {f.code for f in again} <= {f.code for f in findings} - {f.code for f in accepted}
    yaml.safe_load(fixed.split("---")[1])  # still valid YAML


def test_reports_carry_the_fix(folder, capsys):
    import json

    path = folder / "a.md"
    path.write_bytes(ARTICLE.encode())
    _, out, _ = run(capsys, "check", "a.md", "--select", "TI001", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    (edit,) = finding["fix"]["edits"]
    assert ARTICLE[edit["start"]["offset"]:edit["end"]["offset"]] == " | Example Harbour News"
    assert edit["start"]["line"] == 2 and edit["content"] == ""
    _, out, _ = run(capsys, "check", "a.md", "--select", "TI001")
    assert "[*]" in out and "1 fixable with `--fix`" in out
    _, out, _ = run(capsys, "check", "a.md", "--select", "TI001", "--format", "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    (replacement,) = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"]["startLine"] == 2
