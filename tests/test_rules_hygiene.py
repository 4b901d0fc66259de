"""TX rules: text hygiene, on made-up articles."""

from __future__ import annotations

import pytest

from conftest import lint_text
from scrapelint.findings import Severity

FRONT = "---\ntitle: \"Harbour ferry returns\"\nsource: https://www.example-news.org/local/ferry\n---\n\n"


def doc(*lines: str) -> str:
    return FRONT + "\n\n".join(lines) + "\n"


def warned(findings, code):
    return sorted(f.line for f in findings if f.code == code and f.severity >= Severity.WARNING)


def noted(findings, code):
    return sorted(f.line for f in findings if f.code == code and f.severity == Severity.NOTE)


# --- TX001 --------------------------------------------------------------------


def test_tx001_glued_words():
    text = doc("The ferry resumed service on Friday.",
               "Tide tables for harbour pilots and subscribersJoin our crew today",
               "Harbour newscategoryLocal council debates the budget")
    findings = lint_text(text, select=["TX001"], dedent=False)
    assert warned(findings, "TX001") == [8, 10]
    assert "subscribers" in findings[0].message and findings[0].column == 36


@pytest.mark.parametrize("line", [
    "McDonald's opened a branch next to the pier, said LeBron fans and DeVos aides.",
    "Passengers can watch the crossing on YouTube, pay with PayPal and post on LinkedIn or WhatsApp.",
    "The app, written in JavaScript, calls getElementById on load and uses the iPhone's camera.",
    "Follow @HarbourFerryNews or #FerryLife, and see https://example.org/FerryTimetable/NewSchedule for times.",
    "The code `someValueHere` and the PowerPoint slides were shared.",
])
def test_tx001_real_camel_case_passes(line):
    assert not lint_text(doc(line), select=["TX001"], dedent=False)


def test_tx001_identifiers_in_code_are_not_prose():
    text = doc("The call `assert.deepEqual(a, b)` fails where `strictEqual` passes.",
               "```js\nconst ferryTimes = loadTables();\nif (ferryTimes.isEmpty) { retry(); }\n```",
               "    let harborSchedule = tideTable.nextHigh;",
               "<pre><code>cargoManifest.weightTotal</code></pre>")
    assert not lint_text(text, select=["TX001"], dedent=False)


def test_tx001_a_word_the_page_writes_as_code_or_links_is_a_name():
    text = doc("We call deepEqual on both tables, as the `deepEqual` docs say.",
               "Thanks to [harbourCrew](https://example.org/users/harbourCrew) and to [quayKeeper] for the fixes.",
               "[quayKeeper]: https://example.org/quay")
    assert not lint_text(text, select=["TX001"], dedent=False)


def test_tx001_name_shaped_tokens_are_notes():
    # every part capitalised: a product name as often as a glued label
    findings = lint_text(doc("The TideWatcher app and the HarbourLink card work offline."), select=["TX001"],
                         dedent=False)
    assert warned(findings, "TX001") == [] and noted(findings, "TX001") == [6]


def test_tx001_extend_allow():
    text = doc("Passengers with a harbourPass board first.")
    assert warned(lint_text(text, select=["TX001"], dedent=False), "TX001") == [6]
    assert not lint_text(text, select=["TX001"], dedent=False, rules={"TX001": {"extend-allow": ["harbourPass"]}})


def test_tx001_all_caps_tail_is_a_note():
    findings = lint_text(doc("LegalcategoryUS telecom firms face questions"), select=["TX001"], dedent=False)
    assert noted(findings, "TX001") == [6]


def test_tx001_reads_each_run_of_letters_once(monkeypatch):
    from scrapelint.analysis import glued

    reads = []
    token_at = glued.token_at
    monkeypatch.setattr(glued, "token_at", lambda line, join: reads.append(join) or token_at(line, join))
    camel_run = "abC" * 5_000  # 5,000 joins in one run of letters
    apostrophes = "xyzAbc'" * 2_000  # 2,000 runs whose tokens run on through the apostrophes
    findings = lint_text(doc(camel_run, apostrophes, "then subscribersJoin our crew"), select=["TX001"],
                         dedent=False)
    assert warned(findings, "TX001") == [10]
    assert len(reads) == 1 + 2_000 + 1  # once per run of letters with a join, not once per join
    assert token_at(apostrophes, 3) is None  # over MAX_TOKEN_CHARS: not two glued words


# --- TX002 ----------------------------------------------------------------------


def test_tx002_mojibake():
    text = doc("The cafÃ© reopened on Monday, its ownerâ€™s third attempt.", "Le café a rouvert lundi, à la grande joie de tous.")
    findings = lint_text(text, select=["TX002"], dedent=False)
    assert warned(findings, "TX002") == [6]
    assert "ftfy badness" in findings[0].message


@pytest.mark.parametrize("line", [
    "Le café a rouvert lundi à Zürich ; « c’est génial », dit-il — très content.",
    "São Paulo e Brasília: ÂNGELO disse “olá” às 9h.",
    "Привет, как дела? Ελληνικά κείμενα. Ø og Å er bokstaver.",
])
def test_tx002_clean_accents_pass(line):
    assert not lint_text(doc(line), select=["TX002"], dedent=False)


class CountingPattern:
    """A compiled regex that counts the matches it hands out."""

    def __init__(self, pattern):
        self.pattern, self.matches = pattern, 0

    def search(self, text, *args):
        m = self.pattern.search(text, *args)
        self.matches += m is not None
        return m

    def finditer(self, text, *args):
        for m in self.pattern.finditer(text, *args):
            self.matches += 1
            yield m


def test_tx002_takes_one_match_per_line_however_many_pairs_it_holds(monkeypatch):
    from scrapelint.rules import hygiene

    counting = CountingPattern(hygiene._MOJIBAKE_HINT_RE)
    monkeypatch.setattr(hygiene, "_MOJIBAKE_HINT_RE", counting)
    lines = ["The cafÃ© reopened " * 2_000, "Its ownerâ€™s third attempt â€™ â€™ â€™.", "A clean line."]
    findings = lint_text(doc(*lines), select=["TX002"], dedent=False)
    assert warned(findings, "TX002") == [6, 8]
    assert counting.matches <= 2 * len(lines)  # not one per pair (4,000 on the first line)


# --- TX003 ------------------------------------------------------------------------


def test_tx003_converter_leftovers():
    text = doc("The minister&#8217;s plan was approved.",
               "Fish &amp; chips were served.",
               "The council <div class=\"promo\">voted on Tuesday.",
               "A stray close</span> in the text.",
               "A <span class=\"hl\">highlighted</span> word.",
               "Compare `<div>` in code, a < b and x > y, <https://example.org> and Q&A; sessions.",
               "```html\n<div>code &amp; more</div>\n```")
    findings = lint_text(text, select=["TX003"], dedent=False)
    # entities are valid Markdown: notes, unless escaped twice
    assert warned(findings, "TX003") == [10, 12]
    assert noted(findings, "TX003") == [6, 8, 14]
    twice = lint_text(doc("Fish &amp;amp; chips and the council&amp;#8217;s plan."), select=["TX003"], dedent=False)
    assert warned(twice, "TX003") == [6] and "escaped twice" in twice[0].message


def test_tx003_deliberate_html_passes():
    text = doc("<table>\n<tr><td>Ferry</td><td>09:00</td></tr>\n</table>",
               "<img src=\"ferry.png\" alt=\"The ferry\" width=\"400\">",
               "<blockquote>\nThe sea was calm.\n</blockquote>",
               "Water is H<sub>2</sub>O, see note<sup>1</sup>, press <kbd>Ctrl</kbd>,<br>"
               "and read <a href=\"https://example.org/tides\">the tide table</a>.",
               "<div align=\"center\">\n\n![Harbour](harbour.png)\n\n</div>")
    assert not lint_text(text, select=["TX003"], dedent=False)


def test_tx003_page_machinery_in_an_html_block_is_a_note():
    text = doc("The ferry left at nine.", "<script>track('ferry')</script>", "It came back at noon.")
    findings = lint_text(text, select=["TX003"], dedent=False)
    assert warned(findings, "TX003") == [] and noted(findings, "TX003") == [8]


def test_tx003_html_block_fragment_is_reported():
    text = doc("The ferry left at nine.", "</div>", "It came back at noon.")
    assert warned(lint_text(text, select=["TX003"], dedent=False), "TX003") == [8]


def test_tx003_allow_html_reports_only_entities():
    text = doc("The council <div class=\"promo\">voted on Tuesday.", "Fish &amp; chips.")
    findings = lint_text(text, select=["TX003"], dedent=False, rules={"TX003": {"allow-html": True}})
    assert warned(findings, "TX003") == [] and noted(findings, "TX003") == [8]


def test_tx003_suppression_comment_is_not_a_tag():
    text = doc("<!-- scrapelint: ignore NV001 -->", "Plain text.")
    assert not lint_text(text, select=["TX003"], dedent=False)


def unbounded_repeats(pattern: str) -> list:
    """The kind of every unbounded repeat (`*`, `+`, `{n,}`) in a regex."""
    from re import _constants, _parser

    kinds = []

    def walk(items):
        for op, arg in items:
            if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
                if arg[1] == _constants.MAXREPEAT:
                    kinds.append(op)
                walk(arg[2])
            elif op == _constants.SUBPATTERN:
                walk(arg[3])
            elif op == _constants.BRANCH:
                for branch in arg[1]:
                    walk(branch)

    walk(_parser.parse(pattern))
    return kinds


def test_tx003_tag_pattern_never_backtracks():
    from re import _constants

    from scrapelint.analysis.htmltags import _TAG_RE

    # each unbounded repeat possessive: one pass per `<`, whatever follows it
    # (a lazy `[^<>]*?` before `\s*>` took a pass per space: `<div` and a million spaces)
    assert set(unbounded_repeats(_TAG_RE.pattern)) == {_constants.POSSESSIVE_REPEAT}
    text = doc("<div" + " " * 5_000, "The <a.b> budget <div class=\"promo-box\"  >passed.")
    findings = lint_text(text, select=["TX003"], dedent=False)
    assert [f.line for f in findings] == [8] and "<div class=\"promo-box\"  >" in findings[0].message


# --- TX004 --------------------------------------------------------------------------


def test_tx004_invisible_characters():
    text = doc("The harbour\u200b authority said.", "Broken \ufffd byte.", "Soft\u00adhyphen only.",
               "Emoji \U0001F468\u200d\U0001F469 joiner is fine.")
    findings = lint_text(text, select=["TX004"], dedent=False)
    assert warned(findings, "TX004") == [6, 8]
    assert noted(findings, "TX004") == [10]
    assert "ZERO WIDTH SPACE" in findings[0].message and findings[0].column == 12


def test_tx004_not_in_code_nor_a_form_feed_alone():
    text = doc("```\nbytes = b\"\\x00\u200b\"\n```", "Section one.\n\x0c\nSection two.")
    assert not lint_text(text, select=["TX004"], dedent=False)


# --- TX005 ----------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "Please verify you are a human to continue.",
    "You need to enable JavaScript to run this app.",
    "Checking your browser before accessing example.org.",
])
def test_tx005_placeholder(line):
    assert warned(lint_text(doc(line), select=["TX005"], dedent=False), "TX005") == [6]


def test_tx005_javascript_in_prose_passes():
    line = "The ferry app was rewritten in JavaScript last year and now shows live departures."
    assert not lint_text(doc(line), select=["TX005"], dedent=False)


def test_tx005_extend_phrases():
    text = doc("Text coming soon.")
    assert not lint_text(text, select=["TX005"], dedent=False)
    findings = lint_text(text, select=["TX005"], dedent=False, rules={"TX005": {"extend-phrases": ["text coming soon"]}})
    assert warned(findings, "TX005") == [6]
