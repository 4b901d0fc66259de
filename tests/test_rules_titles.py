"""TI: site names in titles, headline mismatches, placeholders, descriptions."""

from __future__ import annotations

import textwrap

import pytest

from conftest import ROOT, SEED, codes_at, lint_text, needs_shared
from scrapelint.analysis.sitename import host_names, is_site_name, site_affix
from scrapelint.findings import Severity
from scrapelint.fixes import apply_edits
from scrapelint.readers.markdown import parse_markdown


def article(title: str, source: str = "https://www.example-news.org/2025/03/14/story", body: str | None = None,
            extra: str = "", quote: str = '"') -> str:
    if body is None:
        body = "The ferry resumed its crossings on Friday after a refit that replaced its engines.\n"
    value = f"{quote}{title}{quote}" if quote else title
    return f"---\ntitle: {value}\nsource: {source}\n{extra}---\n\n{body}"


def ti(text: str, select=("TI",), **settings):
    return lint_text(text, select=list(select), dedent=False, **settings)


def fixed(text: str, code: str = "TI001") -> str:
    findings = [f for f in ti(text) if f.code == code]
    assert len(findings) == 1 and findings[0].fix is not None, findings
    return apply_edits(text, list(findings[0].fix.edits))


# -- site names ----------------------------------------------------------------------


@pytest.mark.parametrize("host, expected", [
    ("reuters.com", ("reuters", ())),
    ("news.bbc.co.uk", ("bbc", ("news",)[:0])),  # `news` is host noise
    ("www.unsere-zeitung.at", ("unserezeitung", ())),
    ("blog.givewell.org", ("givewell", ())),
])
def test_host_names(host, expected):
    assert host_names(host) == expected


@pytest.mark.parametrize("affix, host", [
    ("Reuters", "reuters.com"),
    ("BBC News", "bbc.co.uk"),
    ("The New York Times", "nytimes.com"),
    ("Los Angeles Times", "latimes.com"),
    ("ARTE Radio", "arteradio.com"),
    ("Unsere Zeitung", "unsere-zeitung.at"),
    ("MDR.DE", "mdr.de"),
    ("Salon.com", "salon.com"),
    ("SpaceNews.com", "example.org"),  # a domain name is a site name wherever it is
    ("Süddeutsche Zeitung", "sueddeutsche.de"),
    ("Papierplanet", "derpapierplanet.de"),
])
def test_site_name_matches(affix, host):
    assert is_site_name(affix, host)


@pytest.mark.parametrize("affix, host", [
    ("Video zeigt die neue Werft", "hafenspiel.de"),
    ("und die Zulieferer profitieren", "werftmagazin.at"),
    ("Tipp mit Foto", "kuechenbar.de"),
    ("What comes next", "reuters.com"),
    ("Russia", "reuters.com"),
    ("14.03.2024, 08.45 Uhr", "example.de"),
])
def test_not_a_site_name(affix, host):
    assert not is_site_name(affix, host)


def test_seed_like_suffix_is_fixed_and_quoting_kept():
    text = article("Russia plays hardball on Ukraine peace talks | Reuters", "https://www.reuters.com/world/x-2025-02-10")
    findings = ti(text)
    assert codes_at(findings) == [("TI001", 2)]
    f = findings[0]
    assert "'Reuters'" in f.message and "expected 'Russia plays hardball on Ukraine peace talks'" in f.message
    assert f.column == 1 and f.end_column == len('title: "Russia plays hardball on Ukraine peace talks | Reuters"') + 1
    assert fixed(text).splitlines()[1] == 'title: "Russia plays hardball on Ukraine peace talks"'


@pytest.mark.parametrize("title, source, headline", [
    ("Harbour choir may sing at the regatta again - BBC News", "https://www.bbc.co.uk/news/x", "Harbour choir may sing at the regatta again"),
    ("Storm closes bridge | The New York Times", "https://www.nytimes.com/2025/01/01/x.html", "Storm closes bridge"),
    ("Reuters: Oil falls on supply worries", "https://www.reuters.com/markets/x", "Oil falls on supply worries"),
    ("Gas prices rise again – Unsere Zeitung", "https://unsere-zeitung.at/2020/x", "Gas prices rise again"),
    ("Budget passes · example-news.org", "https://www.example-news.org/x", "Budget passes"),
    ("Flood warning lifted | Weather | News | Example News", "https://www.example-news.org/weather/news/x",
     "Flood warning lifted"),
    ("Chess club wins final | Example News | Sport | Local", "https://www.example-news.org/x", "Chess club wins final"),
])
def test_affixes_are_removed(title, source, headline):
    out = fixed(article(title, source))
    assert out.splitlines()[1] == f'title: "{headline}"'


@pytest.mark.parametrize("title", [
    "Der Hafen-Simulator 3 wird größer - Video zeigt die neue Werft",
    "Werftbranche legt nach der Flaute zu - und die Zulieferer profitieren",
    "Regatta: Kiel - Lübeck live sehen!",
    "Umfrage zum Fährticket: Pendler besonders unzufrieden",
    "Streit im Hafenrat eskaliert – Jetzt antwortet die Kapitänin",
    "Anna Kessel · The Lighthouse",
    "Example: how the ferry got its engines back",  # the colon follows a word that is not the site
    "News: ferry returns",  # `news` alone is not the site's name
])
def test_headlines_with_dashes_and_colons_stay(title):
    findings = ti(article(title, "https://www.example-news.org/2025/x"), select=("TI001",))
    assert findings == []


def test_configured_site_name():
    text = article("Ferry returns | Daily Harbour Gazette", "https://www.pnx-online.org/2025/x")
    assert ti(text, select=("TI001",)) == []
    found = ti(text, select=("TI001",), rules={"TI001": {"site-names": {"pnx-online.org": ["Daily Harbour Gazette"]}}})
    assert codes_at(found) == [("TI001", 2)] and "configured" in found[0].message


def test_archived_page_uses_the_original_host():
    text = article("Harbour fashion week: the looks | hafenmode",
                   "https://web.archive.org/web/20190512093000/http://www.hafenmode.de/fashion-week")
    assert fixed(text).splitlines()[1] == 'title: "Harbour fashion week: the looks"'


@pytest.mark.parametrize("quote, written, expected", [
    ("", "title: Ferry returns | Reuters", "title: Ferry returns"),
    ("'", "title: 'It''s back | Reuters'", "title: 'It''s back'"),
    ('"', 'title: "Say \\"yes\\" | Reuters"', 'title: "Say \\"yes\\""'),
])
def test_fix_keeps_the_quoting_style(quote, written, expected):
    text = f"---\n{written}\nsource: https://reuters.com/x\n---\n\nBody.\n"
    assert fixed(text).splitlines()[1] == expected


@pytest.mark.parametrize("written, headline", [
    ("Yes | Reuters", "Yes"),  # cut plain, `title: Yes` would read as a boolean
    ("2025 | Reuters", "2025"),  # ... as a number
    ("null | Reuters", "null"),  # ... as nothing
])
def test_fix_keeps_the_value_a_string(written, headline):
    text = f"---\ntitle: {written}\nsource: https://reuters.com/x\n---\n\nBody.\n"
    doc = parse_markdown(fixed(text).encode(), "a.md")
    assert doc.meta["title"] == headline


def test_site_affix_prefers_rightmost_site_name():
    found = site_affix("A - B | Reuters", "reuters.com")
    assert found is not None and found.head == "A - B" and found.affixes == ("Reuters",)


# -- headline mismatch ------------------------------------------------------------------


def test_title_adds_a_section_prefix_to_the_headline():
    body = "# Wann fährt die neue Fähre?\n\nDie Werft nennt noch keinen Termin für die erste Fahrt.\n"
    findings = ti(article("Verkehr: Wann fährt die neue Fähre?", body=body))
    assert codes_at(findings) == [("TI002", 2)]
    assert "'Verkehr'" in findings[0].message and "line 6" in findings[0].message


def test_title_not_in_body_while_body_has_h1():
    body = "# Harbour master accused of delaying the dredging\n\nThe harbour master said on Monday that the work would wait.\n"
    findings = ti(article("Politics and Policy Daily", body=body))
    assert codes_at(findings) == [("TI002", 2)]
    assert "'Harbour master accused of delaying the dredging'" in findings[0].message


def test_section_heading_under_the_first_paragraph_is_not_the_headline():
    # published posts open with text and use `#` for their sections
    body = ("The harbour authority has published its plans for the next ten years, and this post walks "
            "through them one by one.\n\n# Dredging the inner basin\n\nWork starts in spring.\n")
    assert ti(article("Harbour plans for the next decade", body=body), select=("TI002",)) == []
    opener = ("Meeting notes by the ferry crew. Attending: four skippers and the harbour master, "
              "with two guests.\nNext meeting in May\n\n# The new timetable\n\nIt starts in June.\n")
    assert ti(article("Crew meeting of 12 March", body=opener), select=("TI002",)) == []


def test_headline_in_code_or_html_is_not_a_heading():
    body = ("```markdown\n# Harbour ferry timetable changes\n```\n\n<div>\n\n</div>\n\n"
            "    # Indented code, not a heading\n")
    assert ti(article("Politics and Policy Daily", body=body), select=("TI002",)) == []


def test_domain_prefix_is_a_subject_unless_it_is_the_site():
    # `docs.example: ...` on a blog about the project: the subject, not the brand
    assert ti(article("tides.example: new harbour data", "https://blog.example-news.org/2025/x"),
              select=("TI001",)) == []
    found = ti(article("example-news.org: new harbour data", "https://www.example-news.org/2025/x"),
               select=("TI001",))
    assert codes_at(found) == [("TI001", 2)]


def test_subheading_is_not_the_headline():
    # extractors drop the H1: the first heading is a section of the article
    body = ("The ferry resumed its crossings on Friday.\n\n## What changed on board\n\n"
            "New engines and a wider deck.\n")
    assert ti(article("Harbour ferry returns after refit", body=body), select=("TI002",)) == []


def test_matching_heading_is_silent_case_and_markdown_aside():
    body = "# Harbour *ferry* returns after REFIT\n\nText.\n"
    assert ti(article("Harbour ferry returns after refit", body=body), select=("TI002",)) == []


def test_logo_heading_is_not_the_headline():
    body = "# [Example News](https://www.example-news.org/)\n\nThe ferry is back.\n"
    assert ti(article("Harbour ferry returns after refit", body=body), select=("TI002",)) == []


def test_punctuation_only_difference_is_a_note():
    body = "# Alles hat seine Zeit…\n\nText.\n"
    findings = ti(article("Alles hat seine Zeit...", body=body), select=("TI002",))
    assert codes_at(findings) == [("TI002", 2)] and findings[0].severity == Severity.NOTE


@pytest.mark.parametrize("title, source, affix", [
    ("Zwiebeln richtig schneiden - Tipp mit Foto", "https://www.example.de/tipp/2041/Zwiebeln-richtig-schneiden.html",
     "Tipp mit Foto"),
    ("Storm closes the harbour bridge | Hosted", "https://www.example.com/storm-closes-the-harbour-bridge", "Hosted"),
    ("Politics | Council passes the harbour budget", "https://www.example.com/2025/council-passes-harbour-budget",
     "Politics"),
])
def test_affix_the_url_slug_leaves_out(title, source, affix):
    findings = ti(article(title, source), select=("TI002",))
    assert codes_at(findings) == [("TI002", 2)] and repr(affix) in findings[0].message


@pytest.mark.parametrize("title, source", [
    # a kicker before a colon is part of many headlines, and slugs drop kickers
    ("Regatta: Kiel - Lübeck live sehen", "https://www.example.de/kiel-luebeck-live-sehen"),
    # a dash inside the headline, both halves in the slug
    ("Hafenstreit eskaliert - Jetzt antwortet Kapitänin Berg",
     "https://www.example.de/hafenstreit-eskaliert-jetzt-antwortet-kapitaenin-berg"),
    # a long second half is a dek, not chrome
    ("Lighthouse review – shines across the bay, runs aground on the rocks", "https://www.example.com/lighthouse-review-pc-game"),
    # a slug too short to spell a headline
    ("Ferry returns - Local", "https://www.example.com/ferry"),
])
def test_slug_leaves_real_headlines_alone(title, source):
    assert ti(article(title, source), select=("TI002",)) == []


def test_site_affix_is_left_to_ti001():
    body = "# Ferry returns\n\nText.\n"
    findings = ti(article("Ferry returns | Reuters", "https://reuters.com/x", body=body))
    assert [f.code for f in findings] == ["TI001"]


# -- placeholders -----------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Home", "Untitled", "Sections", "Page not found", "Just a moment...",
                                   "Access denied", "404 Not Found", "Menu", ""])
def test_placeholders(title):
    findings = ti(article(title), select=("TI003",))
    assert codes_at(findings) == [("TI003", 2)] and findings[0].severity == Severity.WARNING


def test_bare_domain_and_site_name_only():
    assert codes_at(ti(article("example-news.org"), select=("TI003",))) == [("TI003", 2)]
    found = ti(article("HARBOURWATCH", "https://www.harbourwatch.com/news/2019/x"), select=("TI003",))
    assert codes_at(found) == [("TI003", 2)] and "site's name" in found[0].message


def test_all_caps_is_a_note_and_normal_titles_are_silent():
    found = ti(article("FERRY FARES RISE AGAIN THIS SPRING"), select=("TI003",))
    assert [f.severity for f in found] == [Severity.NOTE]
    assert ti(article("Home care workers strike"), select=("TI003",)) == []
    assert ti(article("Willkommen!"), select=("TI003",)) == []


# -- descriptions ----------------------------------------------------------------------


def desc(description: str, body: str | None = None, title: str = "Harbour ferry returns after refit"):
    extra = f'description: "{description}"\n'
    return ti(article(title, body=body, extra=extra), select=("TI004",))


def test_cookie_description_is_a_warning():
    found = desc("This site uses cookies so the ferry timetable remembers your stop.")
    assert codes_at(found) == [("TI004", 4)] and found[0].severity == Severity.WARNING


def test_description_equal_to_title_is_a_note():
    found = desc("Harbour ferry returns after refit")
    assert [f.severity for f in found] == [Severity.NOTE] and "repeats the title" in found[0].message


def test_unsupported_description_is_a_note():
    found = desc("Quarterly earnings of the semiconductor industry exceeded analysts' expectations considerably")
    assert [f.severity for f in found] == [Severity.NOTE] and "content words" in found[0].message


def test_word_overlap_is_judged_in_korean_not_in_japanese():
    # Korean spaces its words, so their overlap with the body means what it does in English;
    # Japanese does not, and its runs between commas are not words
    korean = desc("지역의회는 다음주부터 버스노선을 전면적으로 개편하고 야간운행을 확대하기로 결정했습니다")
    assert [f.severity for f in korean] == [Severity.NOTE] and "content words" in korean[0].message
    assert desc("地域議会は、来週から、バス路線を、全面的に、改編して、夜間運行を、拡大する") == []


def test_cut_off_description():
    body = "The ferry resumed its crossings on Friday after a refit that replaced its engines and widened its deck.\n"
    found = desc("The ferry resumed its crossings on Friday after a refit that replaced its engines and wid", body)
    assert [f.severity for f in found] == [Severity.NOTE] and "'wid'" in found[0].message


def test_supported_description_is_silent():
    body = "The ferry resumed its crossings on Friday after a refit that replaced its engines and widened its deck.\n"
    assert desc("The ferry resumed its crossings on Friday after a refit that replaced its engines.", body) == []


# -- the clean examples and the seed ---------------------------------------------------


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("clean-*.md")), ids=lambda p: p.name)
def test_clean_examples_get_nothing(path):
    assert lint_text(path.read_text(encoding="utf-8"), select=["TI", "UR"], dedent=False) == []


def test_example_site_name_in_title():
    text = (ROOT / "examples" / "site-name-in-title.md").read_text(encoding="utf-8")
    found = lint_text(text, select=["TI", "UR"], dedent=False)
    assert codes_at(found) == [("TI001", 2), ("UR002", 3)]
    assert all(f.fix is not None for f in found)


@needs_shared
def test_seed_title_site_name_at_line_2():
    found = lint_text(SEED.read_text(encoding="utf-8"), select=["TI"], dedent=False)
    assert codes_at([f for f in found if f.severity >= Severity.WARNING]) == [("TI001", 2)]
    assert "'Reuters'" in found[0].message


def test_rule_pages_have_the_four_sections():
    from scrapelint.rules import titles

    for rule in titles.scrapelint_rules():
        doc = rule.documentation()
        for section in ("What it checks", "Why it matters", "Example", "Fix"):
            assert section in doc, (rule.code, section)
        assert textwrap.dedent(doc).strip()


# -- bounded work on adversarial titles and URLs (issue 11) ------------------------------


class RecordingPattern:
    """A compiled regex that records the length of every text it scans whole."""

    def __init__(self, pattern):
        self.pattern, self.scanned = pattern, []

    def finditer(self, text, *args):
        self.scanned.append(len(text))
        return self.pattern.finditer(text, *args)

    def search(self, text, *args):
        return self.pattern.search(text, *args)

    def sub(self, *args):
        return self.pattern.sub(*args)


@pytest.fixture
def separator_scans(monkeypatch):
    from scrapelint.analysis import headline, sitename
    from scrapelint.rules import titles

    recording = RecordingPattern(sitename.SEPARATOR)
    for module in (sitename, headline, titles):
        monkeypatch.setattr(module, "SEPARATOR", recording)
    return recording.scanned


@pytest.mark.parametrize("unit", ["|", ": ", " - ", "Photo: Ann Example/Harbour Wire ", "DOVER, May 2 (Wire) - "])
def test_a_megabyte_title_is_never_cut_at_every_separator(separator_scans, unit):
    from scrapelint.analysis.sitename import MAX_TITLE_CHARS

    title = unit * (50_000 // len(unit)) + " | Reuters"
    body = "# Harbour ferry returns\n\nThe ferry resumed its crossings on Friday after a refit.\n"
    ti(article(title, source="https://www.reuters.com/world/harbour-ferry-returns-2025-02-10/", body=body))
    assert all(length <= MAX_TITLE_CHARS for length in separator_scans), separator_scans


def test_a_long_title_under_the_bound_is_still_judged(separator_scans):
    from scrapelint.analysis.sitename import MAX_TITLE_CHARS

    title = "harbour ferry " * ((MAX_TITLE_CHARS - 20) // 14) + "| Reuters"
    assert len(title) <= MAX_TITLE_CHARS
    assert [f.code for f in ti(article(title, source="https://www.reuters.com/world/x"), select=["TI001"])] == ["TI001"]
    assert len(title) in separator_scans  # the recording sees the scans it bounds


def test_site_sections_read_a_path_of_many_segments_in_one_pass(monkeypatch):
    from scrapelint.analysis import normalise, sitename

    calls = []

    def counting(text):
        calls.append(text)
        return normalise.words_of(text)

    monkeypatch.setattr(sitename, "words_of", counting)
    path = "/".join(f"section{n}" for n in range(5_000)) + "/world/story"
    text = article("Harbour ferry returns", source=f"https://www.example-news.org/{path}")
    host, sections = sitename.site_of(parse_markdown(text.encode("utf-8"), "article.md"))
    assert len(calls) == 1
    assert {"world", "section4999"} <= sections
