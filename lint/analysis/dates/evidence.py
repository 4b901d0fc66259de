"""The date evidence of one document, gathered once and shared by the DT
rules (`of(doc)`): the stated date, the URL date, the publication cues, and
every body date equal to the stated one with the kind of place it stands in
(caption, tail after the article, footer, comment, listing, event range,
reference)."""

from __future__ import annotations

import datetime as _dt

from scrapelint.analysis import layout as article_layout
from scrapelint.analysis.dates.cues import (
    Cue,
    page_order,
    place_of_date,
    publication_cues,
    reader_lines,
)
from scrapelint.analysis.dates.find import HAS_DIGIT, DateMatch, find_dates, make_date
from scrapelint.analysis.dates.sources import (
    StatedDate,
    UrlDate,
    agrees_url,
    close,
    stated_date,
    url_date,
)


class Evidence:
    __slots__ = ("stated", "url", "cues", "published", "cue_conflict", "occurrences", "dates", "order")

    def __init__(self, stated: StatedDate | None) -> None:
        self.stated = stated
        self.url: UrlDate | None = None
        self.cues: list[Cue] = []
        self.published: Cue | None = None  # the article's own publication date
        self.cue_conflict = False  # the publication line names two dates
        self.occurrences: list[tuple[DateMatch, str | None]] = []  # (match, wrong-place kind)
        self.dates: list[DateMatch] = []
        self.order: str | None = None  # how the page writes numeric dates ("dmy", "mdy")


def today() -> _dt.date:
    return _dt.date.today()


def of(doc) -> Evidence:
    """The date evidence of a document, gathered once for all DT rules."""
    return doc.shared("dates", _gather)


def _gather(doc) -> Evidence:
    ev = Evidence(stated_date(doc))
    stated = ev.stated
    if stated is None or stated.date is None:
        return ev
    ev.url = url_date(doc, today())
    body = doc.body
    ev.dates = find_dates("\n".join(reader_lines(doc))) if HAS_DIGIT.search(body) else []
    lines = doc.lines
    layout = article_layout.of(doc)
    captions = layout.captions
    end = layout.end if layout.end is not None else len(lines)
    ambiguous_dates = any(m.alt is not None for m in ev.dates)
    order = page_order(doc, ev.dates) if ambiguous_dates or stated.alt is not None else None
    if ambiguous_dates:
        ev.order = order
    if stated.alt is not None:  # "03/04/2025" in the front matter: the page or the URL may settle it
        url = ev.url
        if order == "mdy" or (order is None and url is not None and agrees_url(stated.alt, url)
                              and not agrees_url(stated.date, url)):
            ev.stated = stated = stated._replace(date=stated.alt, alt=stated.date)
    by_line: dict[int, list[DateMatch]] = {}
    for m in ev.dates:
        by_line.setdefault(m.index, []).append(m)
    ev.cues = publication_cues(doc, ev, by_line, lines, captions, end)
    pubs = [c for c in ev.cues if c.kind != "updated"]
    if pubs:
        first = pubs[0]
        if all(close(c.date, first.date) for c in pubs):
            ev.published = first
        else:
            ev.cue_conflict = True
    cue_lines = {c.index for c in ev.cues}
    places: dict[int, str | None] = {}
    F = stated.date
    for m in ev.dates:
        if m.year is None:
            continue
        d = make_date(m.year, m.month, m.day)
        if d == F or (m.alt is not None and m.alt == F):
            ev.occurrences.append((m, None if m.index in cue_lines else place_of_date(m, lines, captions, layout, places)))
    return ev
