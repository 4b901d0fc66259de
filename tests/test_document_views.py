"""The fast views (compiled regexes) against markdown-it-py, the reference parser.

`doc.headings` and `doc.links` are regex-based because a full parse costs
25x the read+parse floor; this keeps them honest: on the examples and on
tricky snippets they must find what CommonMark finds."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from conftest import ROOT
from scrapelint.readers.markdown import parse_markdown

SNIPPETS = [
    "# Title\n\nText with [a link](https://x.org/a) and ![img](i.png).\n",
    "Setext\n======\n\nSub\n---\n\n- item [x](/y)\n",
    "```\n# not a heading\n[not](a link)\n```\n\n## Real\n",
    "Text [nested [brackets]](https://x.org/b) end.\n",
    "  ### Indented heading ###\n\n> quote [q](https://q.org)\n",
    "[](https://empty.org/x)\n* [](https://x.org/</y/>)\n",
]
EXAMPLES = sorted((ROOT / "examples").glob("*.md"))


def reference(doc):
    """Headings (file line, level, text) and links (first and last file line
    of their paragraph, target) as markdown-it-py sees them.  Its inline
    tokens only know their paragraph's lines, so a link is checked to lie
    within them: the regex view is the line-exact one."""
    headings, links = [], []
    tokens = doc.markdown_tokens
    for k, tok in enumerate(tokens):
        if tok.type == "heading_open":
            inline = tokens[k + 1]
            headings.append((doc.file_line(tok.map[0]), int(tok.tag[1]), inline.content.strip()))
        if tok.type == "inline" and tok.children:
            first, last = doc.file_line(tok.map[0]), doc.file_line(tok.map[1] - 1)
            for child in tok.children:
                if child.type == "link_open":
                    links.append((first, last, unquote(child.attrs["href"])))
    return headings, links


@pytest.mark.parametrize("text", SNIPPETS + [p.read_text(encoding="utf-8") for p in EXAMPLES],
                         ids=[f"snippet{i}" for i in range(len(SNIPPETS))] + [p.name for p in EXAMPLES])
def test_fast_views_agree_with_markdown_it(text):
    doc = parse_markdown(text.encode("utf-8"), "a.md")
    ref_headings, ref_links = reference(doc)
    assert [(h.line, h.level, h.text) for h in doc.headings] == ref_headings
    fast = [(lk.line, unquote(lk.target.split()[0]) if lk.target else "") for lk in doc.links if not lk.image]
    assert [target for _, target in fast] == [target for _, _, target in ref_links]
    for (line, _), (first, last, _) in zip(fast, ref_links):
        assert first <= line <= last
