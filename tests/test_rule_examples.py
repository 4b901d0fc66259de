"""Every TX, DT, TI and UR rule's docstring Example fires that rule, and its
Clean counter-example stays silent: the documentation shows what the rule
really does.

An example is a small Markdown file: front-matter lines, `---`, body lines.
Without `---` it is only front matter (when every line is `key: value`) or
only a body; the other part is a neutral default."""

from __future__ import annotations

import inspect
import re

import pytest

from conftest import lint_text
from scrapelint.rules import dates, hygiene, titles, urls

RULES = [r for module in (hygiene, dates, titles, urls) for r in module.scrapelint_rules()]
DEFAULT_FM = ["title: \"Harbour ferry returns after a winter refit\"",
              "source: https://www.example-news.org/local/ferry-returns"]
DEFAULT_BODY = ["The harbour ferry resumed its crossings on Friday after a winter refit that replaced its engines."]
_KEY = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")


def section(doc: str, name: str) -> list[str] | None:
    """The indented block under `name:` in a cleaned docstring."""
    lines = doc.splitlines()
    try:
        k = lines.index(f"{name}:")
    except ValueError:
        return None
    block = []
    for line in lines[k + 1:]:
        if line.strip() and not line.startswith("    "):
            break
        block.append(line[4:])
    while block and not block[-1].strip():
        block.pop()
    while block and not block[0].strip():
        block.pop(0)
    return block


def as_document(block: list[str]) -> str:
    if "---" in block:
        k = block.index("---")
        fm, body = block[:k], block[k + 1:]
    elif all(_KEY.match(line) for line in block if line.strip()):
        fm, body = block, DEFAULT_BODY
    else:
        fm, body = DEFAULT_FM, block
    return "---\n" + "\n".join(fm) + "\n---\n\n" + "\n".join(body) + "\n"


def codes(text: str, code: str) -> list:
    return [f for f in lint_text(text, select=[code], dedent=False) if f.code == code]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_example_fires_and_clean_is_silent(rule):
    doc = inspect.cleandoc(rule.__doc__)
    example, clean = section(doc, "Example"), section(doc, "Clean")
    assert example, f"{rule.code} has no Example"
    assert clean, f"{rule.code} has no Clean counter-example"
    assert codes(as_document(example), rule.code), f"{rule.code}'s Example fires nothing:\n{as_document(example)}"
    assert not codes(as_document(clean), rule.code), f"{rule.code}'s Clean example fires:\n{as_document(clean)}"
