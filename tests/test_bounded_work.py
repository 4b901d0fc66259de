"""The work a rule does on one document is bounded by construction, whatever
the text: checked by what reaches the expensive step, never by a clock
(`bench/redos.py` measures the seconds)."""

from __future__ import annotations

from scrapelint.analysis import glued, layout
from scrapelint.analysis.phrases import lead_ends, phrase_set, required_literals
from scrapelint.blocks import MAX_CHARS, MAX_LINES, parse_blocks
from scrapelint.readers.markdown import parse_markdown_text
from scrapelint.rules.hygiene import GluedWords
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


def _letters(k: int) -> str:
    """`k` spelt in the letters a-z: a different lower-case run for each k."""
    out = ""
    while True:
        k, r = divmod(k, 26)
        out += chr(ord("a") + r)
        if not k:
            return out


def test_the_names_a_page_shows_are_looked_up_in_one_pass_however_many_tokens(monkeypatch):
    # `token in code` once per glued-looking token read the whole code block once per token
    passes = []
    occurring = glued.occurring
    monkeypatch.setattr(glued, "occurring", lambda words, text: passes.append(len(text)) or occurring(words, text))
    tokens = [f"harbour{_letters(k)}Pass" for k in range(3_000)]
    in_code, in_links = tokens[::3], tokens[1::3]
    prose = "\n\n".join(" ".join(tokens[i:i + 10]) for i in range(0, len(tokens), 10))
    code = "```\n" + "\n".join(f"open({t!r})" for t in in_code) + "\n```"
    links = " ".join(f"[the pass](https://example.org/{t.lower()})" for t in in_links)
    doc = parse_markdown_text(FRONT + prose + "\n\n" + code + "\n\n" + links + "\n", "names.md")

    findings = list(GluedWords(GluedWords.Options.from_config({})).check(doc))
    assert len(passes) == 2  # one pass over the code, one over the link targets
    unnamed = set(tokens[2::3])  # one a line: its first token the page does not name
    assert [f.message.split('"')[1] for f in findings] == [next(t for t in tokens[i:i + 10] if t in unnamed)
                                                           for i in range(0, len(tokens), 10)]
    code_text, targets, link_words = glued._names_on_page(doc)
    assert glued.named_by_page(tokens, doc) == {t for t in tokens if t in link_words or t in code_text
                                                 or t.lower() in targets} == set(in_code + in_links)
