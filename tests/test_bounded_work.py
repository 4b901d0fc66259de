"""The work a rule does on one document is bounded by construction, whatever
the text: checked by what reaches the expensive step, never by a clock
(`bench/redos.py` measures the seconds)."""

from __future__ import annotations

from scrapelint.analysis import layout
from scrapelint.analysis.phrases import lead_ends, phrase_set, required_literals
from scrapelint.blocks import MAX_CHARS, MAX_LINES, parse_blocks
from scrapelint.readers.markdown import parse_markdown_text
from scrapelint.analysis.dates.find import MAX_DATES, find_dates

FRONT = "---\ntitle: Harbour works\ndate: 2025-02-10\n---\n\n"


def test_a_line_list_entry_is_tried_once_past_a_long_lead():
    # a regex that could start an entry anywhere in 60 dashes re-walked them per entry and per start
    assert lead_ends("-" * 60) == (60,)
    assert lead_ends("* " * 30 + "Share this") == (60,)
    assert lead_ends("Share this") == (0,)


def test_a_number_inside_the_lead_is_also_a_start():
    # "10.02.2025" reads as two list markers before "2025"; the date entry starts at 0
    assert lead_ends("10.02.2025") == (6, 3, 0)
    test = phrase_set("datelines.txt", "line").hits(["10.02.2025"], "10.02.2025", [0, 11])
    assert 0 in test


def test_the_gate_literal_is_the_rarest_one_the_pattern_requires():
    # " a " is on every line of English text; "reply" or "comment" are not
    assert required_literals(r"(?:leave|post|add|write) a (?:reply|comment)") == ("reply", "comment")
    assert required_literals(r"newsletter") == ("newsletter",)
    assert required_literals(r"\d+ min") == (" min",)


def test_only_the_first_max_lines_are_read_as_markdown():
    lines = ["Menu"] * (MAX_LINES + 7)
    model = parse_blocks("\n".join(lines), lines)
    assert model.lines_read == MAX_LINES
    assert len(model.block_of_line) == len(lines) and model.block_of_line[-1] == -1
    assert len(model.prose_lines) == len(lines) and model.prose_lines[-1] == ""
    assert max(b.end for b in model.blocks) < MAX_LINES


def test_only_whole_lines_within_max_chars_are_read():
    line = "[a](" * (MAX_CHARS // 4 + 10)  # one line longer than the cap: not read at all
    model = parse_blocks(line + "\nThe ferry is back.", [line, "The ferry is back."])
    assert model.lines_read == 0 and model.blocks == [] and model.block_of_line == [-1, -1]
    assert model.prose_lines == ["", ""]
    lines = ["x" * 999] * (MAX_CHARS // 1000 + 5)
    model = parse_blocks("\n".join(lines), lines)
    assert model.lines_read == MAX_CHARS // 1000 and len(model.block_of_line) == len(lines)


def test_the_layout_matches_phrases_only_on_lines_read():
    doc = parse_markdown_text(FRONT + "Advertisement\n\n" * (MAX_LINES // 2 + 10), "long.md")
    found = layout.of(doc).phrases
    assert found and max(found) < MAX_LINES


def test_a_page_of_dates_yields_at_most_max_dates():
    text = "2025/02/10 10 Feb 2025\n" * MAX_DATES
    assert len(find_dates(text)) == MAX_DATES
