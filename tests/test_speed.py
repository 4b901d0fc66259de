"""Work no output needs is not done: fingerprints, option validators."""

from __future__ import annotations

import pytest

from conftest import lint_text, run
from scrapelint import engine
from scrapelint.rule import get_registry

ARTICLE = """---
title: "Ferry returns"
source: https://example.org/2025/03/14/ferry
date: 2025-03-14
word_count: 50
---

The ferry is back today.
"""


@pytest.mark.parametrize("args, wanted", [
    (("--format", "text"), False),
    (("--format", "github"), False),
    (("--format", "json"), True),
    (("--format", "sarif"), True),
    (("--format", "text", "--write-baseline", "base.json"), True),
])
def test_fingerprints_only_for_outputs_that_use_them(folder, capsys, monkeypatch, args, wanted):
    (folder / "a.md").write_text(ARTICLE)
    seen = []
    real = engine.annotate

    def spy(doc, findings, context_lines=0, fingerprints=True):
        real(doc, findings, context_lines, fingerprints)
        seen.append(all("fingerprint" in f.extra for f in findings))

    monkeypatch.setattr(engine, "annotate", spy)
    run(capsys, "check", "a.md", "--jobs", "1", *args)
    assert seen == [wanted]


def test_without_fingerprints_fix_edits_are_still_placed():
    from scrapelint.readers.markdown import parse_markdown

    findings = lint_text(ARTICLE, select=["WC001"])
    for f in findings:
        f.extra.clear()
    engine.annotate(parse_markdown(ARTICLE.encode(), "article.md"), findings, fingerprints=False)
    assert findings and all("edits" in f.extra and "fingerprint" not in f.extra for f in findings)


def test_default_options_equal_validated_defaults():
    # rules given no options get them unvalidated (model_construct): the same values
    for rule in get_registry():
        assert rule.Options.from_config({}) == rule.Options.model_validate({}), rule.code
