"""The Markdown block model (`scrapelint.blocks`, `Document.blocks`).

Block kinds and line spans are checked by hand on invented snippets, and
against markdown-it-py (the reference CommonMark parser the project already
depends on) on every example, so the fast parser's reading is the standard
one."""

from __future__ import annotations

import textwrap

import pytest

from conftest import ROOT
from scrapelint.readers.markdown import parse_markdown

PAGE = textwrap.dedent("""\
    ---
    title: A made-up page
    ---
    # Harbour ferries return é

    The *new* ferry leaves from [the pier](https://example.org/pier) at `09:00`.

    - first stop
    - second [stop](https://example.org/stop)
      continued here

    [pier]: https://example.org/pier
    [map]: https://example.org/map "The map"

    <table><tr><td>Learn more</td></tr></table>

    ```python
    strictEqual = 1
    ```

    | Stop | Time |
    |------|------|
    | Quay | [10:00](https://example.org/t) |

    > A quoted **line**
    > and its second line

        indented code

    ***
    Text with <b>inline html</b> and ![a photo](p.png) and <https://example.org/auto>.
    """)


@pytest.fixture(scope="module")
def doc():
    return parse_markdown(PAGE.encode(), "page.md")


def spans(doc):
    return [(b.kind, doc.file_line(b.start), doc.file_line(b.end)) for b in doc.blocks]


def test_leaf_blocks_and_their_file_lines(doc):
    assert spans(doc) == [
        ("heading", 4, 4),
        ("paragraph", 6, 6),
        ("paragraph", 8, 8),
        ("paragraph", 9, 10),
        ("refdef", 12, 13),
        ("html", 15, 15),
        ("code", 17, 19),
        ("table_row", 21, 21),
        ("table_row", 23, 23),
        ("paragraph", 25, 26),
        ("code", 28, 28),
        ("hr", 30, 30),
        ("paragraph", 31, 31),
    ]


def test_block_text_is_what_a_reader_reads(doc):
    by_line = {doc.file_line(b.start): b for b in doc.blocks}
    assert by_line[4].text == "Harbour ferries return é" and by_line[4].level == 1
    para = by_line[6]
    assert para.text == "The new ferry leaves from the pier at  ."  # the code span is not prose
    assert [(ln.text, ln.target) for ln in para.links] == [("the pier", "https://example.org/pier")]
    assert para.link_chars == len("the pier")
    assert [c.text for c in para.code] == ["09:00"]
    assert [e.kind for e in para.emphasis] == ["emphasis"]
    assert by_line[17].info == "python"
    assert by_line[21].table_head and by_line[21].text == "Stop | Time"
    assert by_line[25].quote_depth == 1 and by_line[25].text == "A quoted line and its second line"


def test_list_items_share_their_list(doc):
    first, second = (doc.block_at(doc.body_index(line)) for line in (8, 9))
    assert first.list_depth == second.list_depth == 1
    assert first.group == second.group and first.item != second.item
    assert first.first_in_item and second.first_in_item
    assert second.text == "second stop continued here"


def test_prose_view_blanks_syntax_and_keeps_columns(doc):
    prose = dict(zip((doc.file_line(i) for i in range(len(doc.lines))), doc.prose_lines))
    lines = dict(zip((doc.file_line(i) for i in range(len(doc.lines))), doc.lines))
    for line, text in prose.items():
        assert len(text) == len(lines[line])
    line6 = lines[6]
    expected = line6.replace("[the pier](https://example.org/pier)", " the pier" + " " * len("](https://example.org/pier)"))
    assert prose[6] == expected.replace("`09:00`", " " * 7)
    assert prose[12].strip() == prose[13].strip() == ""  # reference definitions
    assert prose[15].strip() == ""  # an HTML block
    assert prose[18].strip() == ""  # code
    assert "strictEqual" not in "".join(doc.prose_lines)
    assert prose[31].split() == ["Text", "with", "inline", "html", "and", "a", "photo", "and", "."]


def test_blank_lines_have_no_block(doc):
    assert doc.block_at(doc.body_index(5)) is None


def test_non_ascii_columns_are_characters():
    text = "---\ntitle: t\n---\nÜber die Brücke führt [ein Weg](https://example.org/weg) `code` hin.\n"
    d = parse_markdown(text.encode(), "de.md")
    (block,) = d.blocks
    (link,) = block.links
    line = d.lines[0]
    assert line[link.col:link.end_col] == "[ein Weg](https://example.org/weg)"
    (code,) = block.code
    assert line[code.col:code.end_col] == "`code`"


def test_columns_on_crlf_lines_and_across_lines_count_characters():
    from scrapelint.blocks import parse_blocks

    body = "Größe [eines\r\nWegs](https://example.org/w) ünd `x`\r\n"
    lines = ["Größe [eines", "Wegs](https://example.org/w) ünd `x`"]
    model = parse_blocks(body, lines)
    (block,) = model.blocks
    assert (block.start, block.end, block.text) == (0, 1, "Größe eines Wegs ünd")
    (link,) = block.links
    assert (link.line, link.col, link.end_line, link.end_col) == (0, 6, 1, len("Wegs](https://example.org/w)"))
    (code,) = block.code
    assert lines[1][code.col:code.end_col] == "`x`"
    assert model.prose_lines == ["Größe  eines", "Wegs" + " " * 24 + " ünd " + " " * 3]


def test_lone_surrogates_from_a_record_do_not_break_the_parse():
    from scrapelint.blocks import parse_blocks

    body = "A record with a broken \ud800 character and a [link](https://example.org).\n"
    model = parse_blocks(body, body.split("\n")[:-1])
    assert [b.kind for b in model.blocks] == ["paragraph"]
    assert model.blocks[0].links[0].target == "https://example.org"


def test_empty_body():
    d = parse_markdown(b"---\ntitle: t\n---\n", "empty.md")
    assert d.blocks == [] and d.prose_lines == []


# -- against markdown-it-py ---------------------------------------------------

_MDIT_LEAVES = {"paragraph_open": "paragraph", "heading_open": "heading", "fence": "code", "code_block": "code",
                "html_block": "html", "hr": "hr"}


def reference_spans(doc):
    """(kind, first body line, last body line) of the leaf blocks markdown-it-py
    finds (CommonMark, no tables: the examples hold none)."""
    out = []
    for tok in doc.markdown_tokens:
        kind = _MDIT_LEAVES.get(tok.type)
        if kind and tok.map:
            first, last = tok.map[0], tok.map[1] - 1
            while last > first and not doc.lines[last].strip():  # markdown-it keeps trailing blank lines in a block
                last -= 1
            out.append((kind, first, last))
    return sorted(set(out))


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.md")), ids=lambda p: p.name)
def test_blocks_agree_with_markdown_it_on_the_examples(path):
    doc = parse_markdown(path.read_bytes(), str(path))
    if doc.unreadable or doc.fm_error:
        pytest.skip("not a readable article")
    ours = sorted({(b.kind, b.start, b.end) for b in doc.blocks if b.kind != "refdef"})
    assert ours == reference_spans(doc)
