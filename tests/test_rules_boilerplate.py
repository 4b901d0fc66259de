"""NV rules: page furniture leaked into the body, on made-up articles."""

from __future__ import annotations

import inspect
import re
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, SEED, lint_text, needs_shared
from scrapelint.analysis import layout as article_layout
from scrapelint.analysis.phrases import load_entries, phrase_regex
from scrapelint.findings import Severity
from scrapelint.readers.markdown import parse_markdown

FRONT = """---
title: "Harbour ferry returns"
source: https://www.example-news.org/local/2025/03/14/ferry
date: 2025-03-14
---
"""

# Six paragraphs of article prose (body lines 3, 5, ... of the file after FRONT).
PROSE = [
    "PORTVILLE, March 14 - The city's oldest passenger ferry resumed its crossings on Friday after a six-month refit that replaced its engines.",
    "The ferry, built in 1962, carried about 1,400 passengers on its first day back, according to the harbour authority, which runs the service.",
    "\"We kept the wooden benches and the brass bell, and changed almost everything else,\" said Tom Reyes, the authority's chief engineer.",
    "The refit cost 4.2 million dollars, shared between the city and the regional transport fund, and ran two weeks over its schedule.",
    "Passengers said the crossing felt smoother and quieter than before, and several said they would now leave the car at home on weekdays.",
    "The authority plans to refit the second ferry next winter and expects to keep both boats in service until at least 2045, it said.",
]


def article(head: str = "", middle: str = "", tail: str = "") -> str:
    """FRONT, then `head`, the first three paragraphs, `middle`, the last
    three, `tail`: each part a block of lines separated by blank lines."""
    parts = [p for p in (head,) if p] + PROSE[:3] + ([middle] if middle else []) + PROSE[3:] + ([tail] if tail else [])
    return FRONT + "\n" + "\n\n".join(parts) + "\n"


def lines_of(findings, code: str | None = None, severity: Severity | None = Severity.WARNING) -> set[int]:
    """Every line the findings cover (a finding spans line..end_line)."""
    return {n for f in findings if (code is None or f.code == code) and (severity is None or f.severity >= severity)
            for n in range(f.line, (f.end_line or f.line) + 1)}


def line_no(text: str, needle: str) -> int:
    for n, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


# --- the seed -------------------------------------------------------------


@needs_shared
def test_seed_every_furniture_line_and_no_story_line():
    doc_text = SEED.read_text(encoding="utf-8")
    found = lines_of(lint_text(doc_text, select=["NV"], dedent=False))
    expected = {9, 10, 13, 36, 37, 38, 39, *range(40, 64)}
    assert expected <= found, sorted(expected - found)
    story = {11, 12, *range(14, 36)}
    assert not (found & story), sorted(found & story)


@needs_shared
def test_seed_glued_words():
    found = lines_of(lint_text(SEED.read_text(encoding="utf-8"), select=["TX001"], dedent=False), severity=None)
    assert {9, 57, 59, 61, 63} <= found
    assert found <= {9, 54, 57, 59, 61, 63}


@needs_shared
def test_seed_layout_for_the_date_family():
    doc = parse_markdown(SEED.read_bytes(), str(SEED))
    layout = article_layout.of(doc)
    assert doc.file_line(layout.end) == 36
    assert doc.body_index(10) in layout.captions
    assert layout.in_tail(doc.body_index(40)) and not layout.in_tail(doc.body_index(35))


# --- clean articles ----------------------------------------------------------


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("clean-*.md")), ids=lambda p: p.name)
def test_clean_examples_get_no_warning(path: Path):
    findings = lint_text(path.read_text(encoding="utf-8"), select=["NV", "TX"], dedent=False)
    assert not [f for f in findings if f.severity >= Severity.WARNING], findings


def test_clean_fixture_article_gets_nothing():
    assert lint_text(article(), select=["NV"], dedent=False) == []


def test_list_and_table_inside_article_are_article_text():
    middle = "What changes for passengers:\n\n- Crossings every 20 minutes\n- Space for 40 bicycles\n- Step-free access at both piers\n\n| pier | opens |\n| --- | --- |\n| north | 6 a.m. |\n| south | 7 a.m. |"
    tail = "Timetable for the first week:\n\n- Monday to Friday\n- Saturday mornings\n- Sunday afternoons"
    findings = lint_text(article(middle=middle, tail=tail), select=["NV"], dedent=False)
    assert not lines_of(findings), findings


def test_text_without_spaces_is_not_flagged():
    zh = [
        "港口管理局周五表示，这艘建于一九六二年的渡轮在完成为期六个月的改装后恢复了航行，首日共运送约一千四百名乘客。",
        "改装工程更换了全部柴油发动机，并加宽了甲板，使渡轮可以搭载更多的自行车，乘客们对此普遍表示满意。",
        "总工程师表示，新发动机的油耗比旧发动机低约三分之一，噪音也明显减小，乘客可以重新听到海鸥的声音。",
        "这次改装耗资四百二十万元，由市政府和地区交通基金共同承担，由于零件延误，工期比原计划多了两周。",
        "管理局计划明年冬天改装第二艘渡轮，并预计两艘渡轮至少将服役到二〇四五年。",
    ]
    text = FRONT + "\n" + "\n\n".join(zh) + "\n"
    findings = lint_text(text, select=["NV", "TX"], dedent=False)
    assert not [f for f in findings if f.severity >= Severity.WARNING], findings


# --- NV001 ------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Sign up for our newsletter and get the best stories delivered to your inbox.",
    "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
    "**Read more:** Ferry operators report record summer",
    "Advertisement",
    "Alle Rechte vorbehalten",
    "Abonnez-vous à notre newsletter",
    "Lee también: la reforma del puerto",
    "Copyright © 2025 Example News. All rights reserved.",
])
def test_nv001_flags_phrase_lines(line):
    text = article(middle=line)
    findings = lint_text(text, select=["NV001"], dedent=False)
    assert line_no(text, line.split()[0]) in lines_of(findings), findings
    assert all("page furniture" in f.message for f in findings)


def test_nv001_long_article_sentence_is_only_a_note():
    line = ("Residents who wanted to sign up for our newsletter last year found that the harbour authority had "
            "quietly moved the ferry timetable online, and many of them, especially older passengers without "
            "smartphones, said they had missed the announcement entirely until the boat stopped running.")
    text = article(middle=line.replace("our newsletter", "our newsletter. Sign up here"))
    findings = lint_text(text, select=["NV001"], dedent=False)
    assert findings and all(f.severity == Severity.NOTE for f in findings)


def test_nv001_call_to_action_only_outside_the_article():
    inside = "Engineers hope to learn more about the hull once the boat is back in dry dock next year, the authority said."
    findings = lint_text(article(middle=inside), select=["NV001"], dedent=False)
    assert not findings
    text = article(tail="Learn more about our harbour tours")
    assert line_no(text, "Learn more") in lines_of(lint_text(text, select=["NV001"], dedent=False))


def test_nv001_extend_phrases_option():
    text = article(middle="Brought to you by Harbour Bank")
    assert not lines_of(lint_text(text, select=["NV001"], dedent=False))
    findings = lint_text(text, select=["NV001"], dedent=False,
                         rules={"NV001": {"extend-phrases": ["brought to you by"]}})
    assert line_no(text, "Brought to you") in lines_of(findings)


def test_nv001_dateline_before_the_article():
    text = article(head="November 20, 2019 - 11:28 AM")
    assert line_no(text, "November 20") in lines_of(lint_text(text, select=["NV001"], dedent=False))


# --- NV002 -------------------------------------------------------------------


def test_nv002_empty_and_mangled_links():
    text = article(tail="[](https://example.com/a)\n\n[profile](https://example.com/x/</authors/jane/>)\n\n[good link](https://example.com/ok \"title\")")
    findings = lint_text(text, select=["NV002"], dedent=False)
    assert lines_of(findings) == {line_no(text, "[](https://example.com/a)"), line_no(text, "[profile]")}
    assert any("</" in f.message for f in findings)


def test_nv002_link_text_and_target_with_brackets_inside():
    """Brackets inside a link's text and parentheses inside its target are
    part of the link; an unclosed bracket before it is not."""
    tail = ("[the [2024] ferry report](https://example.com/a_(b)/</c/>)\n\n"
            "[an [unclosed bracket and [ ](https://example.com/empty)\n\n"
            "[a (draft) plan](https://example.com/p_(2)_q)\n\n"
            "[two] [words](https://example.com/x y)")
    text = article(tail=tail)
    found = {f.line: f for f in lint_text(text, select=["NV002"], dedent=False)}
    assert set(found) == {line_no(text, "[the [2024]"), line_no(text, "[an [unclosed"), line_no(text, "[two]")}
    assert "a link target holding '</'" in found[line_no(text, "[the [2024]")].message
    assert found[line_no(text, "[an [unclosed")].message.startswith("a link with no text")
    assert found[line_no(text, "[an [unclosed")].column == len("[an [unclosed bracket and ") + 1
    assert found[line_no(text, "[two]")].column == len("[two] ") + 1


def test_nv002_ignores_images_and_code():
    text = article(middle="![](https://example.com/photo.jpg)\n\n```\n[](not-a-link)\n```")
    assert not lint_text(text, select=["NV002"], dedent=False)


# --- NV003 and NV004 ----------------------------------------------------------

MENU = "\n".join(f"* [{w}](https://example-news.org/{w.lower()}/)" for w in
                 ("Home", "World", "Business", "Sport", "Culture", "Opinion"))


def test_nv003_nv004_menu_before_the_article():
    text = article(head=MENU)
    dense = lines_of(lint_text(text, select=["NV003"], dedent=False))
    run = lines_of(lint_text(text, select=["NV004"], dedent=False))
    menu_lines = {line_no(text, f"[{w}]") for w in ("Home", "World", "Business", "Sport", "Culture", "Opinion")}
    assert menu_lines <= run
    assert not dense & run  # one finding per block: a menu is a navigation run
    assert not (dense | run) & {line_no(text, p[:30]) for p in PROSE}


def test_nv003_sentence_with_a_link_is_not_dense():
    line = "The authority published [the full refit report](https://example.org/report) on its website on Friday afternoon."
    assert not lint_text(article(middle=line), select=["NV003"], dedent=False)


def test_nv004_headline_list_after_the_article():
    heads = "\n".join([
        "Council approves new bus lanes on the harbour road",
        "[](https://example-news.org/a)",
        "Fishing fleet returns early as storm approaches",
        "[](https://example-news.org/b)",
        "Library extends its weekend opening hours",
        "[](https://example-news.org/c)",
    ])
    text = article(tail=heads)
    found = lines_of(lint_text(text, select=["NV004"], dedent=False))
    assert {line_no(text, "Council approves"), line_no(text, "Fishing fleet"), line_no(text, "Library extends")} <= found


# --- NV005 -------------------------------------------------------------------


def test_nv005_everything_after_the_end_marker():
    tail = "Reporting by Jane Doe; Editing by John Roe\n\nFerry fares to rise in April\n\nCouncil approves new bus lanes"
    text = article(tail=tail)
    found = lines_of(lint_text(text, select=["NV005"], dedent=False))
    assert found == {line_no(text, "Reporting by"), line_no(text, "Ferry fares"), line_no(text, "Council approves")}


def test_nv005_related_box_inside_the_article_is_not_the_end():
    text = article(middle="Related Stories")
    assert not lint_text(text, select=["NV005"], dedent=False)


def test_nv005_needs_article_text_before_the_marker():
    text = FRONT + "\nReporting by Jane Doe\n\n" + "\n\n".join(PROSE) + "\n"
    assert not lint_text(text, select=["NV005"], dedent=False)


# --- NV006 and NV007 ----------------------------------------------------------


def test_nv006_caption_and_credit():
    caption = "The ferry leaves the north pier on Friday, March 14, 2025. REUTERS/Jane Doe"
    credit = "Photo: Anna Berg"
    text = article(head=caption, middle=credit)
    found = lines_of(lint_text(text, select=["NV006"], dedent=False))
    assert found == {line_no(text, "REUTERS/"), line_no(text, "Photo: Anna")}


def test_nv006_agency_in_a_sentence_is_not_a_caption():
    line = "The photographer sold the picture to an agency, which licensed it to several newspapers the next morning."
    assert not lint_text(article(middle=line), select=["NV006"], dedent=False)


def test_nv007_author_bio_after_the_article():
    bio = ("Jane Doe is a senior reporter covering transport. She joined the paper in 2015 and "
           "graduated from the University of Portville.")
    text = article(tail=bio)
    assert line_no(text, "Jane Doe is") in lines_of(lint_text(text, select=["NV007"], dedent=False))


def test_nv007_profile_inside_the_article_is_article_text():
    line = "Reyes, who joined the authority as an apprentice and is a trained marine engineer, oversaw the whole refit himself."
    assert not lint_text(article(middle=line), select=["NV007"], dedent=False)


# --- phrase lists -----------------------------------------------------------------

LISTS = {
    "ui-phrases.txt": "any", "ui-prefixes.txt": "prefix", "ui-lines.txt": "line", "ui-outside.txt": "any",
    "datelines.txt": "line", "end-markers.txt": "prefix", "end-sections.txt": "prefix",
    "caption-credits.txt": "any", "bio-phrases.txt": "any", "placeholder-phrases.txt": "any",
}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_phrase_list_entry_matches_its_example(name):
    mode = LISTS[name]
    case = name != "caption-credits.txt"
    entries = load_entries(name)
    assert entries
    combined = phrase_regex(name, mode, ignore_case=case)
    for e in entries:
        assert e.example, f"{name}:{e.line}: a regex entry needs '# e.g. <example>'"
        own = re.compile(e.pattern, re.IGNORECASE if case else 0)
        assert own.search(e.example), f"{name}:{e.line}: {e.text!r} does not match its example {e.example!r}"
        assert combined.search(e.example), f"{name}:{e.line}: the compiled list misses {e.example!r} in mode {mode}"


def test_camel_case_allowlist_entries_are_words_with_an_inner_capital():
    for e in load_entries("camel-case-words.txt"):
        assert re.fullmatch(r"[A-Za-z]+", e.text) and re.search(r"[a-z][A-Z]", e.text), e


# --- every rule's docstring examples -------------------------------------------


def _docstring_block(doc: str, heading: str) -> str:
    """The block indented under ``heading``; indifferent to whether the
    interpreter dedented the docstring (3.13 does, at compile time)."""
    lines = inspect.cleandoc(doc).splitlines()
    at = next(k for k, line in enumerate(lines) if line.strip() == heading)
    heading_indent = len(lines[at]) - len(lines[at].lstrip())
    block = []
    for line in lines[at + 1 :]:
        if line.strip() and len(line) - len(line.lstrip()) <= heading_indent:
            break
        block.append(line)
    return textwrap.dedent("\n".join(block)).strip("\n")


NV_RULES = ["NV001", "NV002", "NV003", "NV004", "NV005", "NV006", "NV007"]


@pytest.mark.parametrize("code", NV_RULES)
def test_docstring_example_fires_and_its_counter_example_does_not(code):
    from scrapelint.rules import boilerplate, pagetail

    rule = next(r for r in boilerplate.scrapelint_rules() + pagetail.scrapelint_rules() if r.code == code)
    example = _docstring_block(rule.__doc__, "Example:")
    clean = _docstring_block(rule.__doc__, "Not reported:")
    text = article(tail=example)
    found = [f for f in lint_text(text, select=[code], dedent=False) if f.code == code]
    assert found, f"{code}: its docstring example fires nothing"
    assert not [f for f in lint_text(article(middle=clean), select=[code], dedent=False) if f.code == code]


# --- honest measurement -------------------------------------------------------------



@needs_shared
def test_no_text_lifted_from_corpus_pages():
    """corpus_overlap.py lists project text that also stands in a corpus page,
    anywhere in the project; only a marked standard CMS text (a WordPress
    comment form) may."""
    import subprocess
    import sys

    script = ROOT.parent / "shared" / "eval" / "corpus_overlap.py"
    out = subprocess.run([sys.executable, str(script), str(ROOT), "--max", "1000"], capture_output=True,
                         text=True, check=False).stdout
    lifted = []
    for line in out.splitlines():
        path, _, rest = line.partition(":")
        number = rest.partition(":")[0]
        if not number.isdigit():
            continue
        source = (ROOT / path).read_text(encoding="utf-8").splitlines()[int(number) - 1]
        if "standard text of" not in source:
            lifted.append(line)
    assert not lifted, "\n".join(lifted)


# --- published Markdown and other languages -------------------------------------

PUBLISHED = """---
title: "Harbour tools 2.4 released"
---
The harbour tools team is happy to announce version 2.4. This release brings
faster timetable parsing, a new `ferry::Route` type and many fixes from our
contributors, who are listed at the end of this post.

## What's new in 2.4.0 (2025-03-14)

- [Faster parsing][parse] of timetable files
- [`ferry::Route`](https://docs.example.org/ferry/struct.Route.html) is stable
- [Fixed a crash](https://github.com/example/harbour/pull/412) on empty piers

<table><tr><td>Learn more</td><td><a href="https://example.org">docs</a></td></tr></table>

```rust
let route = ferry::Route::new("north", "south");
```

## Contributors

Many people made this release possible:

- [Ana Lima](https://github.com/ana-lima)
- [Tom Berg](https://github.com/tom-berg)
- [Jo Park](https://github.com/jo-park)
- [Sam Reyes](https://github.com/sam-reyes)

## Next steps

- [Install the tools](install.md)
- [Read the guide](../guide/index.md)
- [Configure the timetables](./config.md#timetables)

[parse]: https://github.com/example/harbour/pull/400
[Route]: https://docs.example.org/ferry/struct.Route.html
"""


def test_published_markdown_lists_code_html_and_definitions_are_not_furniture():
    findings = lint_text(PUBLISHED, select=["NV"], dedent=False)
    assert not [f for f in findings if f.severity >= Severity.WARNING], findings


GERMAN = """---
title: "Fähre fährt wieder"
source: https://www.beispiel-zeitung.de/lokales/faehre
---
* [Startseite](https://www.beispiel-zeitung.de/)
* [Lokales](https://www.beispiel-zeitung.de/lokales/)
* [Sport](https://www.beispiel-zeitung.de/sport/)
* [Kultur](https://www.beispiel-zeitung.de/kultur/)

Die älteste Fähre der Stadt hat am Freitag nach einem halben Jahr in der Werft ihren Dienst wieder aufgenommen, und sie war schon am ersten Tag voll.

Die Hafenverwaltung sagte, dass die neuen Motore leiser seien und weniger Treibstoff verbrauchten als die alten, die aus dem Jahr 1962 stammten.

Der Umbau hat nach Angaben der Stadt etwa vier Millionen Euro gekostet, die sich die Stadt und der Verkehrsverbund geteilt haben.

Im nächsten Winter soll auch die zweite Fähre in die Werft gehen, damit beide Boote noch viele Jahre fahren können.
"""


def test_german_menu_is_furniture_and_german_prose_is_not():
    text = GERMAN
    findings = lint_text(text, select=["NV"], dedent=False)
    found = lines_of(findings)
    assert {line_no(text, "[Startseite]"), line_no(text, "[Kultur]")} <= found
    assert not found & {line_no(text, "Die älteste"), line_no(text, "Im nächsten")}


def test_thai_text_without_spaces_is_not_flagged():
    th = [
        "เรือข้ามฟากลำที่เก่าแก่ที่สุดของเมืองกลับมาให้บริการอีกครั้งในวันศุกร์หลังจากการปรับปรุงนานหกเดือน",
        "การท่าเรือกล่าวว่าเครื่องยนต์ใหม่เงียบกว่าและประหยัดน้ำมันมากกว่าเครื่องยนต์เดิมที่ใช้มาตั้งแต่ปีหนึ่งพันเก้าร้อยหกสิบสอง",
        "การปรับปรุงครั้งนี้ใช้งบประมาณประมาณสี่ล้านบาทซึ่งเมืองและกองทุนขนส่งของภูมิภาคร่วมกันออกค่าใช้จ่าย",
        "ในฤดูหนาวหน้าเรือลำที่สองจะเข้าอู่เพื่อปรับปรุงเช่นกันเพื่อให้เรือทั้งสองลำให้บริการได้อีกหลายปี",
    ]
    text = FRONT + "\n" + "\n\n".join(th) + "\n"
    findings = lint_text(text, select=["NV"], dedent=False)
    assert not [f for f in findings if f.severity >= Severity.WARNING], findings


def test_a_tight_menu_is_one_finding_with_its_span():
    text = article(head=MENU)
    findings = [f for f in lint_text(text, select=["NV004"], dedent=False)]
    assert len(findings) == 1
    f = findings[0]
    assert (f.line, f.end_line) == (line_no(text, "[Home]"), line_no(text, "[Opinion]"))
