"""DT: the publication date against the URL, the article's own publication
line, and where in the page the date was taken from.

Every fixture is a short made-up article written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT, SEED, codes_at, lint_text, needs_shared
from scrapelint.findings import Severity
from scrapelint.analysis.dates.find import find_dates

PARA = ("The council met for three hours and heard from residents, engineers and the two companies "
        "that bid for the contract, before it voted on the plan that had been debated since spring.")


def article(date: str, source: str, body: str, extra: str = "") -> str:
    return (f"---\ntitle: \"Council approves the new bridge\"\nsource: {source}\ndate: {date}\n{extra}---\n\n"
            + body.strip("\n") + "\n")


def dt_findings(text: str, **settings):
    return lint_text(text, select=["DT"], dedent=False, **settings)


def warnings(findings):
    return [f for f in findings if f.severity >= Severity.WARNING]


# -- the seed ---------------------------------------------------------------


@needs_shared
def test_seed_one_finding_with_all_evidence():
    findings = lint_text(SEED.read_text(encoding="utf-8"), select=["DT"], dedent=False)
    assert codes_at(findings) == [("DT003", 4)]
    msg = findings[0].message
    assert "2019-06-28" in msg and "2025-02-10" in msg
    assert "line 10" in msg and "caption" in msg  # where the wrong date came from
    assert "line 11" in msg and "MOSCOW, Feb 10 (Reuters)" in msg  # the dateline


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("clean-*.md")), ids=lambda p: p.name)
def test_clean_examples_get_nothing(path: Path):
    assert dt_findings(path.read_text(encoding="utf-8")) == []


def test_wrong_date_example_is_flagged():
    text = (ROOT / "examples" / "wrong-date.md").read_text(encoding="utf-8")
    assert [f.code for f in warnings(dt_findings(text))] == ["DT003"]


# -- DT001 date-url-mismatch ----------------------------------------------------


def test_dt001_url_date_disagrees():
    text = article("2025-03-01", "https://news.example.org/city/2025/02/10/council-bridge", PARA)
    findings = dt_findings(text)
    assert codes_at(findings) == [("DT001", 4)]
    assert "2025-02-10" in findings[0].message and "2025/02/10" in findings[0].message


@pytest.mark.parametrize("date", ["2025-02-10", "2025-02-11", "2025-02-09"])
def test_dt001_a_day_of_tolerance(date):
    text = article(date, "https://news.example.org/city/2025/02/10/council-bridge", PARA)
    assert dt_findings(text) == []


@pytest.mark.parametrize("source", [
    "https://news.example.org/city/council-bridge-2025-02-10",
    "https://news.example.org/city/20250210/council-bridge",
    "https://news.example.org/2025/02/council-bridge.html",
])
def test_dt001_url_forms(source):
    assert [f.code for f in dt_findings(article("2024-06-30", source, PARA))] == ["DT001"]
    ok = "2025-02-10" if "/02/council" not in source else "2025-02-27"
    assert dt_findings(article(ok, source, PARA)) == []


def test_dt001_not_from_ids_or_two_dates():
    # a long number is an id, not a date; a URL with two different dates is no evidence
    assert dt_findings(article("2024-06-30", "https://ex.org/a/120250210345", PARA)) == []
    assert dt_findings(article("2024-06-30", "https://ex.org/2025/02/10/rerun-of-2019-03-04", PARA)) == []


# -- DT002 date-dateline-mismatch ------------------------------------------------


def test_dt002_english_dateline():
    body = f"# Council approves the new bridge\n\nPORTVILLE, Feb 10, 2025 (Reuters) - {PARA}\n"
    findings = dt_findings(article("2025-03-14", "https://ex.org/city/council-bridge", body))
    assert codes_at(findings) == [("DT002", 4)]
    assert "line 9" in findings[0].message and "2025-02-10" in findings[0].message


@pytest.mark.parametrize("line", [
    "Veröffentlicht am 10.02.2025, 14:35 Uhr",
    "Publié le 10 février 2025 à 14h35",
    "Publicado el 10 de febrero de 2025",
    "BERLIN, 10. Februar 2025 (dpa) - Der Stadtrat hat entschieden.",
    "By Maria Ortega | Feb 10, 2025",
    "Monday, February 10, 2025",
])
def test_dt002_publication_lines(line):
    body = f"# Council approves the new bridge\n\n{line}\n\n{PARA}\n"
    findings = dt_findings(article("2025-03-14", "https://ex.org/city/council-bridge", body))
    assert [f.code for f in findings] == ["DT002"], line
    assert "2025-02-10" in findings[0].message
    assert dt_findings(article("2025-02-10", "https://ex.org/city/council-bridge", body)) == []


def test_dt002_year_from_front_matter_not_from_the_body():
    # "Dec 31" has no year: the nearest Dec 31 to the stated date is used
    body = f"PORTVILLE, Dec 31 (Reuters) - {PARA} The plan dates from March 3, 2019.\n"
    assert dt_findings(article("2025-01-01", "https://ex.org/city/council-bridge", body)) == []
    findings = dt_findings(article("2025-03-03", "https://ex.org/city/council-bridge", body))
    assert [f.code for f in findings] == ["DT002"]
    assert "2024-12-31" in findings[0].message and "year from the front matter" in findings[0].message


def test_dt002_updated_date_instead_of_published():
    body = ("# Council approves the new bridge\n\nPublished: 10 February 2025\nUpdated: 14 March 2025\n\n"
            f"{PARA}\n")
    findings = dt_findings(article("2025-03-14", "https://ex.org/city/council-bridge", body))
    assert [f.code for f in findings] == ["DT002"]
    assert "'updated' date on line 10" in findings[0].message
    assert dt_findings(article("2025-02-10", "https://ex.org/city/council-bridge", body)) == []


def test_dt002_silent_when_the_publication_lines_disagree():
    body = "# Council approves the new bridge\n\nPublished 10 February 2025\n\nPublished 3 May 2024\n\n" + PARA
    assert dt_findings(article("2025-03-14", "https://ex.org/city/council-bridge", body)) == []


def test_dt002_ambiguous_numeric_date_settled_by_the_page_language():
    # Spanish page: 3/5/2022 is 3 May; a front matter of 5 March read it the US way
    body = ("# El concejo aprueba el nuevo puente\n\nPor [Ana Ruiz](https://ex.org/autor/ana-ruiz) 3/5/2022 22:41\n\n"
            + "El concejo de la ciudad aprobó el plan para el puente que se debate desde la primavera, y los "
              "vecinos que asistieron a la sesión pidieron que las obras empiecen antes del invierno para que "
              "el tráfico no se corte durante las fiestas. " * 3)
    findings = dt_findings(article("2022-03-05", "https://ex.org/ciudad/puente", body))
    assert [f.code for f in findings] == ["DT002"]
    assert "2022-05-03" in findings[0].message


# -- DT003 date-from-wrong-place -------------------------------------------------


def test_dt003_caption_german():
    body = ("# Stadtrat beschließt die neue Brücke\n\n"
            "Der alte Steg im Hochwasser am 3. März 2019. Foto: Max Muster\n\n"
            "BERLIN, 10. Februar (dpa) - Der Stadtrat hat am Montag den Bau der neuen Brücke beschlossen, "
            "nach drei Stunden Debatte mit Anwohnern, Ingenieuren und den beiden Firmen.\n")
    findings = dt_findings(article("2019-03-03", "https://ex.org/stadt/2025/02/10/bruecke", body))
    assert codes_at(findings) == [("DT003", 4)]
    msg = findings[0].message
    assert "photo caption" in msg and "line 9" in msg and "line 11" in msg and "2025-02-10" in msg


def test_dt003_event_range_alone_is_a_warning():
    body = f"{PARA}\n\nThe festival runs from 5 to 11 February 2025 on the river bank.\n"
    findings = dt_findings(article("2025-02-11", "https://ex.org/city/festival", body))
    assert [(f.code, f.severity) for f in findings] == [("DT003", Severity.WARNING)]
    assert "date range" in findings[0].message


def test_dt003_listing_alone_is_only_a_note():
    body = f"{PARA}\n\n## More news\n\n- [Harbour ferry back in service](https://ex.org/ferry)\n\n14 March 2025\n"
    findings = dt_findings(article("2025-03-14", "https://ex.org/city/council-bridge", body))
    assert [(f.code, f.severity) for f in findings] == [("DT003", Severity.NOTE)]


def test_dt003_not_when_the_date_is_also_in_the_article():
    body = (f"PORTVILLE, March 14, 2025 - {PARA}\n\n![](pic.jpg)\nThe old bridge on March 14, 2025. "
            "Photo: Jane Doe\n")
    assert dt_findings(article("2025-03-14", "https://ex.org/city/2025/03/14/bridge", body)) == []


# -- DT004 date-out-of-range -------------------------------------------------------


def test_dt004_after_scraped_at():
    findings = dt_findings(article("2031-05-01", "https://ex.org/city/bridge", PARA, "scraped_at: 2025-02-11\n"))
    assert codes_at(findings) == [("DT004", 4)]
    assert "scraped_at 2025-02-11" in findings[0].message


def test_dt004_in_the_future():
    future = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    assert [f.code for f in dt_findings(article(future, "https://ex.org/city/bridge", PARA))] == ["DT004"]


def test_dt004_floor_option():
    text = article("1970-01-01", "https://ex.org/city/bridge", PARA)
    assert "DT004" in [f.code for f in dt_findings(text)]
    assert "DT004" not in [f.code for f in dt_findings(text, rules={"DT004": {"floor": "1960-01-01"}})]


# -- DT005 date-imprecise ----------------------------------------------------------


@pytest.mark.parametrize("date", ["2019", "2019-06", "'2019'"])
def test_dt005_not_a_full_date(date):
    assert [f.code for f in dt_findings(article(date, "https://ex.org/city/bridge", PARA))] == ["DT005"]


def test_dt005_january_first():
    assert [f.code for f in dt_findings(article("2019-01-01", "https://ex.org/city/bridge", PARA))] == ["DT005"]
    # January evidence in the body (German) or a time of day: no finding
    body = PARA + "\n\nDie Sitzung fand am 1. Januar 2019 statt.\n"
    assert dt_findings(article("2019-01-01", "https://ex.org/city/bridge", body)) == []
    assert dt_findings(article("2019-01-01T09:30:00", "https://ex.org/city/bridge", PARA)) == []


def test_dt005_ambiguous_written_date():
    findings = dt_findings(article("'03/04/2025'", "https://ex.org/city/bridge", PARA))
    assert [f.code for f in findings] == ["DT005"]
    assert "2025-04-03" in findings[0].message and "2025-03-04" in findings[0].message
    # the URL settles it
    assert dt_findings(article("'03/04/2025'", "https://ex.org/city/2025/03/04/bridge", PARA)) == []


# -- the date finder -----------------------------------------------------------------


def test_find_dates_forms():
    text = ("MOSCOW, Feb 10 (Reuters) - June 28, 2019.\n"
            "am 10. Februar 2025, 2025-02-10T10:00, 10.02.2025, Sept. 5th, 2020, 3/4/2025\n"
            "le 1er mars 2025; el 10 de febrero de 2025; 28\\. Juli 2019; 12 people; id 120190612; 2019-13-40\n")
    got = [(d.index, d.text, d.year, d.month, d.day, d.alt is not None) for d in find_dates(text)]
    assert got == [
        (0, "Feb 10", None, 2, 10, False), (0, "June 28, 2019", 2019, 6, 28, False),
        (1, "10. Februar 2025", 2025, 2, 10, False), (1, "2025-02-10", 2025, 2, 10, False),
        (1, "10.02.2025", 2025, 2, 10, False), (1, "Sept. 5th, 2020", 2020, 9, 5, False),
        (1, "3/4/2025", 2025, 4, 3, True),
        (2, "1er mars 2025", 2025, 3, 1, False), (2, "10 de febrero de 2025", 2025, 2, 10, False),
        (2, "28\\. Juli 2019", 2019, 7, 28, False),
    ]


@pytest.mark.parametrize("code", ["DT001", "DT002", "DT003", "DT004", "DT005"])
def test_rule_pages(code):
    from scrapelint.rule import DOC_SECTIONS, get_registry

    rule = get_registry().lookup(code)
    doc = rule.documentation()
    for section in DOC_SECTIONS:
        assert section in doc, (code, section)


# -- non-English cases of the URL and range rules --------------------------------------


def test_dt001_german_article_cites_its_dateline():
    body = ("# Stadtrat beschließt die neue Brücke\n\n"
            "BERLIN, 10. Februar 2025 (dpa) - Der Stadtrat hat am Montag den Bau der neuen Brücke beschlossen.\n")
    findings = dt_findings(article("2025-02-20", "https://ex.org/stadt/2025/02/10/bruecke", body))
    assert [f.code for f in findings] == ["DT001"]
    assert "2025/02/10" in findings[0].message and "BERLIN, 10. Februar 2025 (dpa)" in findings[0].message


def test_dt004_french_article():
    body = "# Le conseil approuve le pont\n\nPublié le 10 février 2025\n\nLe conseil municipal a voté lundi.\n"
    findings = dt_findings(article("2035-02-10", "https://ex.org/ville/pont", body, "retrieved: 2025-02-11\n"))
    assert sorted(f.code for f in findings) == ["DT002", "DT004"]  # both wrong: the future, and not "Publié le"
    ok = dt_findings(article("2025-02-10", "https://ex.org/ville/pont", body, "retrieved: 2025-02-11\n"))
    assert ok == []


def test_dt003_spanish_event_range():
    body = ("El festival de cine se celebra del 5 al 11 de febrero de 2025 en el puerto, con películas de "
            "veinte países y entrada libre para los vecinos de la ciudad.\n")
    findings = dt_findings(article("2025-02-11", "https://ex.org/ciudad/festival", body))
    assert [(f.code, f.severity) for f in findings] == [("DT003", Severity.WARNING)]


@pytest.mark.parametrize("line", ["Published: the 10th of February, 2025", "Veröffentlicht: Montag, den 10. Feber 2025"])
def test_dt002_forms_the_tables_do_not_read_go_to_dateparser(line):
    # dateparser, in the keyword's language, reads what the compiled tables do not
    body = f"# Council approves the new bridge\n\n{line}\n\n{PARA}\n"
    findings = dt_findings(article("2025-03-14", "https://ex.org/city/council-bridge", body))
    assert [f.code for f in findings] == ["DT002"] and "2025-02-10" in findings[0].message


def test_a_keyword_line_that_says_how_long_ago_goes_not_to_dateparser():
    # "2 hours ago": the line states no date of its own, whatever dateparser makes of the rest
    body = ("# Council approves the new bridge\n\nUpdated 2 hours ago · Published: the 10th of February, 2025\n\n"
            + PARA + "\n")
    assert dt_findings(article("2025-03-14", "https://ex.org/city/council-bridge", body)) == []


def test_with_dt003_off_the_url_mismatch_is_still_reported():
    text = """---
title: "Ferry returns"
source: https://example.org/news/2025/03/14/ferry-returns
date: 2019-06-28
---

A ferry at the pier, June 28, 2019. REUTERS/Jane Doe/File Photo

PORTVILLE, March 14 (Reuters) - The ferry returned to service on Friday after a refit.
"""
    assert [(f.code, f.line) for f in lint_text(text, select=["DT"])] == [("DT003", 4)]
    findings = lint_text(text, select=["DT001", "DT002"])
    assert [(f.code, f.line) for f in findings] == [("DT001", 4)]
    assert "2025-03-14" in findings[0].message


# -- the body read as Markdown ----------------------------------------------------


def test_a_dateline_in_bold_or_linked_is_the_publication_line():
    for lead in ("**KIELHAVEN, Oct. 6, 2015** –", "__KIELHAVEN, Oct. 6, 2015__ –",
                 "[KIELHAVEN](https://example.org/kielhaven), Oct. 6, 2015 –"):
        body = (f"[Home](https://example.org/) | [News](https://example.org/news/)\n\n"
                f"{lead} Harbour Lines today opened a second ferry route with eight crossings a day.\n\n{PARA}\n")
        assert dt_findings(article("2015-10-06", "https://www.example.org/news/second-route", body)) == []
        wrong = dt_findings(article("2015-10-09", "https://www.example.org/news/second-route", body))
        assert codes_at(wrong) == [("DT002", 4)] and "2015-10-06" in wrong[0].message, lead


def test_dates_in_code_are_no_evidence():
    body = (f"{PARA}\n\n```yaml\npublished: Oct. 1, 2014\n```\n\n"
            "The config holds `released: 2014-10-01` as an example.\n")
    assert dt_findings(article("2015-10-06", "https://www.example.org/news/config", body)) == []


def test_a_wire_service_dateline_is_the_publication_line():
    body = ("KIELHAVEN, Oct. 6, 2015 /Harbour Wire/ -- Harbour Lines today opened a second ferry route "
            f"with eight crossings a day.\n\n{PARA}\n")
    wrong = dt_findings(article("2015-10-09", "https://www.example.org/news/second-route", body))
    assert codes_at(wrong) == [("DT002", 4)] and "2015-10-06" in wrong[0].message


def test_a_sentence_with_a_link_is_article_text_not_a_listing():
    # the date stands in the article's own sentence, which holds a link
    body = (f"{PARA}\n\nThe route, [announced on Oct. 6, 2015](https://example.org/plan), opens with "
            "eight crossings a day and a night boat at weekends, the operator said.\n")
    found = dt_findings(article("2015-10-06", "https://www.example.org/news/second-route", body))
    assert found == []
    teaser = f"{PARA}\n\n[Second ferry route opens, Oct. 6, 2015](https://example.org/news/route)\n"
    found = dt_findings(article("2015-10-06", "https://www.example.org/news/second-route", teaser))
    assert [f.code for f in found] == ["DT003"] and "listing" in found[0].message
