"""DT: the publication date against the evidence the page itself carries.

The evidence is gathered once per document (`analyse(doc)`, cached on the
Document) and shared by every DT rule:

- the date of the front matter, with its precision (day, month, year) and,
  when it was written as `03/04/2025`, both readings;
- a date in the source URL (`/2025/02/10/`, `-2025-02-10`, `20250210`,
  `/2025/02/` month only), the patterns htmldate reads;
- the body's own publication line, just under the headline: a dateline
  (`MOSCOW, Feb 10 (Reuters) -`), `Published ...`/`Updated ...` lines
  (English, German, French, Spanish), a byline with a date, a line that is
  only a date;
- every date written in the body, found with compiled regexes (numeric and
  month-name forms in the four languages), with the line it stands on and
  what kind of line that is (caption, tail after the article, footer,
  comment, listing).

dateparser is only called on short strings after a publication keyword that
the tables cannot read, restricted to the keyword's language and cached; it
never scans a body.

One document gets at most one finding among DT001-DT003: the most specific
one (DT003 when the date's wrong source is in the body, else DT001 when the
URL disagrees, else DT002), whose message carries all the evidence.
"""

from __future__ import annotations

import datetime as _dt
from typing import Iterator, NamedTuple

from scrapelint.analysis.dates import evidence
from scrapelint.analysis.dates.cues import NEVER_PUBLICATION, Cue, page_order
from scrapelint.analysis.dates.evidence import Evidence, today
from scrapelint.analysis.dates.find import make_date
from scrapelint.analysis.dates.sources import FM_ISO, TOLERANCE, agrees_url, close
from scrapelint.findings import Finding, Severity
from scrapelint.lazymodel import Field
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions


def _excerpt(line: str, start: int, end: int, width: int = 28) -> str:
    a, b = max(0, start - width), min(len(line), end + width)
    a = line.rfind(" ", 0, a + 1) + 1 if a else 0
    nb = line.find(" ", b)
    b = len(line) if nb < 0 or b >= len(line) else nb
    s = line[a:b].strip()
    return ("..." if a > 0 else "") + s + ("..." if b < len(line) else "")


def _where(doc, index: int) -> str:
    """A body line as the user finds it: the file line, or for a dataset
    record (whose findings all point at the record) the line of its text."""
    return f"body line {index + 1}" if doc.is_record else f"line {doc.file_line(index)}"


def _describe_cue(doc, c: Cue, lines: list[str]) -> str:
    what = {"dateline": "the dateline", "published": "the publication line", "updated": "the 'updated' line",
            "byline": "the byline", "date line": "the date line"}[c.kind]
    year = f", year from {c.year_from}" if c.year_from else ""
    return f'{what} on {_where(doc, c.index)} says {c.date.isoformat()} ("{c.text}"{year})'


class Verdict(NamedTuple):
    """The one finding among DT001-DT003 a document gets."""

    code: str
    message: str
    note: bool = False  # a weak signal: reported as a note
    fallback: "Verdict | None" = None  # what DT001/DT002 report when DT003 is not enabled


def verdict_of(doc) -> Verdict | None:
    """The document's DT001-DT003 verdict, decided once for the three rules."""
    return doc.shared("dates-verdict", _decide)


def _decide(doc) -> Verdict | None:
    ev = evidence.of(doc)
    if ev.stated is None or ev.stated.date is None:
        return None
    url, pub = ev.url, ev.published
    if url is not None and pub is not None and not agrees_url(pub.date, url):
        return _page_contradicts_itself(doc, ev)
    if ev.cue_conflict and url is None:
        return None  # the publication lines name two dates and nothing settles it
    mismatch = _dt002_updated_date(doc, ev) or _dt001_url(doc, ev) or _dt002_publication_line(doc, ev)
    if mismatch is not None:
        return _dt003_source_in_body(doc, ev, mismatch) or mismatch
    return _dt003_only_in_wrong_place(doc, ev)


def _against(doc, ev: Evidence) -> str:
    """The evidence against the stated date, in words."""
    parts = []
    if ev.url is not None:
        parts.append(f'the URL date is {ev.url.describe()} ("{ev.url.text}")')
    if ev.published is not None:
        parts.append(_describe_cue(doc, ev.published, doc.lines))
    return " and ".join(parts)


def _page_contradicts_itself(doc, ev: Evidence) -> Verdict | None:
    """URL and publication line disagree: a note only if the stated date
    agrees with neither."""
    F, url, pub = ev.stated.date, ev.url, ev.published
    if agrees_url(F, url) or close(F, pub.date):
        return None
    return Verdict("DT001", f"{ev.stated.key} {F.isoformat()} agrees neither with the URL date {url.describe()} "
                            f"(\"{url.text}\") nor with {_describe_cue(doc, pub, doc.lines)}, "
                            "which disagree with each other", note=True)


def _dt002_updated_date(doc, ev: Evidence) -> Verdict | None:
    """The stated date is the page's 'updated' date, not its publication date."""
    F, pub = ev.stated.date, ev.published
    if pub is None or close(F, pub.date):
        return None
    updated = next((c for c in ev.cues if c.kind == "updated" and close(c.date, F)), None)
    if updated is None:
        return None
    return Verdict("DT002", f"{ev.stated.key} {F.isoformat()} is the 'updated' date on "
                            f"{_where(doc, updated.index)} (\"{updated.text}\"); the article was published "
                            f"{pub.date.isoformat()}: " + _against(doc, ev))


def _dt001_url(doc, ev: Evidence) -> Verdict | None:
    """The stated date disagrees with the URL's date."""
    F = ev.stated.date
    if ev.url is None or agrees_url(F, ev.url):
        return None
    return Verdict("DT001", f"{ev.stated.key} {F.isoformat()} disagrees with the URL: " + _against(doc, ev))


def _dt002_publication_line(doc, ev: Evidence) -> Verdict | None:
    """The stated date disagrees with the article's own publication line."""
    F = ev.stated.date
    if ev.published is None or close(F, ev.published.date):
        return None
    return Verdict("DT002", f"{ev.stated.key} {F.isoformat()} disagrees with the article's own publication line: "
                   + _against(doc, ev))


def _wrong_places(ev: Evidence):
    """The stated date's occurrences in the body, if every one stands in a
    wrong place (caption, tail, footer...); else None."""
    wrong = [o for o in ev.occurrences if o[1] is not None]
    return wrong if ev.occurrences and len(wrong) == len(ev.occurrences) else None


def _dt003_source_in_body(doc, ev: Evidence, mismatch: Verdict) -> Verdict | None:
    """A mismatch whose wrong date the body shows in a wrong place: DT003
    says where it came from; DT001/DT002 stand by as its fallback."""
    wrong = _wrong_places(ev)
    if wrong is None:
        return None
    m, kind = wrong[0]
    F = ev.stated.date
    return Verdict("DT003", f"{ev.stated.key} {F.isoformat()} was taken from the {kind} on "
                            f"{_where(doc, m.index)} (\"{_excerpt(doc.lines[m.index], m.start, m.end)}\"), "
                            "not from the article: " + _against(doc, ev), fallback=mismatch)


def _dt003_only_in_wrong_place(doc, ev: Evidence) -> Verdict | None:
    """No URL or publication line, and the stated date stands in the body
    only in wrong places."""
    wrong = _wrong_places(ev)
    if ev.url is not None or ev.published is not None or wrong is None:
        return None
    m, kind = wrong[0]
    # an event's date range or a citation's date is never a publication
    # date: that alone is a finding; other places are only suspicious
    firm = all(k in NEVER_PUBLICATION for _, k in wrong)
    F = ev.stated.date
    return Verdict("DT003", f"{ev.stated.key} {F.isoformat()} occurs in the body only in the {kind} on "
                            f"{_where(doc, m.index)} (\"{_excerpt(doc.lines[m.index], m.start, m.end)}\"): "
                   + ("a publication date is not written there" if firm else "nothing else on the page confirms it"),
                   note=not firm)


# ---------------------------------------------------------------------------
# the rules
# ---------------------------------------------------------------------------


def _key_position(doc, key: str) -> dict:
    info = doc.keys.get(key)
    return {"column": info.column} if info is not None else {}


class _VerdictRule(Rule):
    """Shared by DT001-DT003: report the document's verdict if it is this rule's."""

    def check(self, doc) -> Iterator[Finding]:
        verdict = verdict_of(doc)
        if verdict is None:
            return
        message = verdict.message
        if verdict.code != self.code:
            # with DT003 off, the mismatch it would have explained is still reported
            fallback = verdict.fallback
            if not (verdict.code == "DT003" and fallback and fallback.code == self.code
                    and self.active_codes and "DT003" not in self.active_codes):
                return
            message = fallback.message
        ev = evidence.of(doc)
        sev = Severity.NOTE if verdict.note else None
        days = _days_off(ev)
        yield self.finding(doc, doc.key_line(ev.stated.key), message, severity=sev,
                           data={"days": days} if days is not None else None, **_key_position(doc, ev.stated.key))


def _days_off(ev: Evidence) -> int | None:
    """How many days the stated date is from the evidence against it (the
    URL's date range, else the publication line), for reports to chart."""
    F = ev.stated.date
    if ev.url is not None and not agrees_url(F, ev.url):
        return min(abs((F - ev.url.start).days), abs((F - ev.url.end).days))
    if ev.published is not None:
        return abs((F - ev.published.date).days)
    return None


class DateUrlMismatch(_VerdictRule):
    """The front-matter date disagrees with the date in the source URL.

    What it checks: a date in the path of the source URL, in the forms
    htmldate reads (`/2025/02/10/`, `-2025-02-10`, `_2025_02_10`,
    `20250210`, and `/2025/02/` for the month), against the `date` key.
    A day of difference either way is allowed for time zones; a month-only
    URL date allows any day of that month.  A URL holding two different
    dates is not used.  When the page's own publication line disagrees with
    the URL, the finding is only a note.  When the body shows where the
    wrong date came from, DT003 reports it instead, with the URL date in its
    message (when DT003 is not enabled, DT001 reports it).

    Why it matters: a URL date is written by the publisher's CMS when the
    article is published and never changes; a front-matter date that
    disagrees with it was almost always taken from somewhere else on the
    page (an update stamp, a sidebar, a caption), and every timeline, filter
    or freshness score built on it is wrong.

    Example:

        source: https://www.example-news.org/local/2025/02/10/ferry-returns
        date: 2019-06-28    # the URL says 2025-02-10

    Clean:

        source: https://www.example-news.org/local/2025/02/10/ferry-returns
        date: 2025-02-10

    Fix: take the date from the article's publication metadata
    (`article:published_time`, JSON-LD `datePublished`) or its dateline, and
    check it against the URL.
    """

    code, name = "DT001", "date-url-mismatch"
    severity = Severity.WARNING


class DateDatelineMismatch(_VerdictRule):
    """The front-matter date disagrees with the article's own publication line.

    What it checks: the lines just under the headline (the first lines of
    the body when there is none): a dateline (`MOSCOW, Feb 10 (Reuters) -`,
    `BERLIN, 10. Februar (dpa) -`), a publication line (`Published 10
    February 2025`, `Veröffentlicht am 10.02.2025`, `Publié le 10 février
    2025`, `Publicado el 10 de febrero de 2025`), a byline with a date
    (`By Jane Doe | Feb 10, 2025`), or a line that is only a date.  When
    the line gives no year it is taken from the URL, else from the front
    matter (the nearest such day), never from another date in the body.
    When both "published" and "updated" are shown, the published one is the
    article's date, and a front-matter date equal to the updated one is
    reported as such.  If these lines name different dates, nothing is
    reported.

    Why it matters: the dateline is the date the newsroom itself put on the
    story; a scraper that stored another one (the update stamp, a date from
    the page furniture) files the article under the wrong day.

    Example:

        date: 2025-02-14
        ---
        KIELHAVEN, Feb 10 (Harbour Press) - The ferry resumed its crossings on Monday after a winter refit.

    Clean:

        date: 2025-02-10
        ---
        **KIELHAVEN, Feb 10 (Harbour Press)** - The ferry resumed its crossings on Monday after a winter refit.

    Fix: use the published date, not the updated one, and prefer the
    page's publication metadata over dates found in its text.
    """

    code, name = "DT002", "date-dateline-mismatch"
    severity = Severity.WARNING


class DateFromWrongPlace(_VerdictRule):
    """The front-matter date was taken from a part of the page that is not the article.

    What it checks: where the front-matter date is written in the body.
    When it occurs only in a photo caption or credit, a related-stories or
    listing block, a comment, a copyright or footer line, or after the
    article's end, while the URL or the article's publication line carries a
    different date, the finding names the line the date came from and the
    evidence against it.  When nothing on the page confirms or contradicts
    the date, the same observation is reported as a note.

    Why it matters: naive scrapers take the first or last date-looking
    string on the page.  That is the date of a file photo, of a comment, of
    the next story, or of the copyright notice: the article is filed years
    away from when it was written.

    Example:

        source: https://www.example-news.org/local/ferry-returns-2025-02-10
        date: 2019-06-28
        ---
        The old ferry at the pier in Kielhaven, June 28, 2019. HARBOUR PRESS/Anna Berg/File Photo
        KIELHAVEN, Feb 10 (Harbour Press) - The ferry resumed its crossings on Monday after a winter refit.

    Clean:

        source: https://www.example-news.org/local/ferry-returns-2025-02-10
        date: 2025-02-10
        ---
        The old ferry at the pier in Kielhaven, June 28, 2019. HARBOUR PRESS/Anna Berg/File Photo
        KIELHAVEN, Feb 10 (Harbour Press) - The ferry resumed its crossings on Monday after a winter refit.

    Fix: never take a date from the page text without knowing where it
    stands; use the publication metadata or the dateline.
    """

    code, name = "DT003", "date-from-wrong-place"
    severity = Severity.WARNING


_REF_KEYS = ("scraped_at", "retrieved", "retrieved_at", "fetched_at", "crawled_at", "accessed")


def _as_date(value) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        m = FM_ISO.match(value)
        if m and m.group(3):
            return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


class DateOutOfRange(Rule):
    """The front-matter date is in the future, or before the web could have published it.

    What it checks: a date after the day the page was retrieved (the
    `scraped_at`, `retrieved`, `retrieved_at`, `fetched_at`, `crawled_at` or
    `accessed` key when present, else today), a day of tolerance for time
    zones; or a date before `floor` (1995-01-01 by default).

    Why it matters: a date in the future was read from an event
    announcement, an expiry or a schedule; a date before the floor is a
    year-only value, a typo or an epoch default (1970-01-01).  Either sorts
    the article to the wrong end of every timeline.

    Example:

        date: 2031-05-01
        scraped_at: 2025-02-11

    Clean:

        date: 2025-02-10
        scraped_at: 2025-02-11

    Fix: take the publication date from the page's metadata; for archives
    of old material, raise or lower `floor` in the configuration.
    """

    code, name = "DT004", "date-out-of-range"
    severity = Severity.WARNING

    class Options(RuleOptions):
        floor: _dt.date = Field(_dt.date(1995, 1, 1), description="Earliest plausible publication date.")

    def check(self, doc) -> Iterator[Finding]:
        ev = evidence.of(doc)
        st = ev.stated
        if st is None:
            return
        first = st.date or _dt.date(st.year, st.month or 1, 1)
        last = st.date or (_dt.date(st.year, 12, 31) if st.month is None
                           else _dt.date(st.year + (st.month == 12), st.month % 12 + 1, 1) - _dt.timedelta(days=1))
        ref_key = next((k for k in _REF_KEYS if k in doc.meta and _as_date(doc.meta[k])), None)
        ref = _as_date(doc.meta[ref_key]) if ref_key else today()
        where = f"{ref_key} {ref.isoformat()}" if ref_key else f"today ({ref.isoformat()})"
        line = doc.key_line(st.key)
        if first > ref + _dt.timedelta(days=TOLERANCE):
            yield self.finding(doc, line, f"{st.key} {st.raw} is after {where}: a publication date cannot be "
                               "in the future", **_key_position(doc, st.key))
        elif last < self.options.floor:
            yield self.finding(doc, line, f"{st.key} {st.raw} is before {self.options.floor.isoformat()}, "
                               "the earliest plausible publication date (option `floor`)",
                               **_key_position(doc, st.key))


class DateImprecise(Rule):
    """The front-matter date is not a full date, or cannot be read one way only.

    What it checks: a year (`2019`) or a month (`2019-06`) where a day is
    expected; a 1 January date (`2019-01-01`) with no time of day that
    nothing on the page supports (no January date of that year in the URL,
    the publication line or the body): the tell-tale of a year filled in as
    a full date; a date written as `03/04/2025`, which reads as 3 April or
    4 March, when neither the URL nor the body settles which.

    Why it matters: a year stored as 1 January puts every such article at
    the start of its year; an ambiguous day-month order silently swaps
    months for half the days of the year.

    Example:

        date: 2019-01-01     # the page only said "2019"

    Clean:

        date: 2019-06-28

    Fix: keep the full date the page gives, written as ISO 8601
    (`2025-03-04`); if the page has only a year, store only the year in a
    field that says so.
    """

    code, name = "DT005", "date-imprecise"
    severity = Severity.WARNING

    class Options(RuleOptions):
        january_first: bool = Field(True, description="Report 1 January dates that nothing on the page supports.")

    def check(self, doc) -> Iterator[Finding]:
        ev = evidence.of(doc)
        st = ev.stated
        if st is None:
            return
        line = doc.key_line(st.key)
        pos = _key_position(doc, st.key)
        if st.precision != "day":
            what = "a year" if st.precision == "year" else "a month"
            yield self.finding(doc, line, f"{st.key} {st.raw} is only {what}, not a full publication date", **pos)
            return
        F = st.date
        if st.alt is not None:
            if page_order(doc, ev.dates) is not None:
                return  # the page's own numeric dates or its language settle the order
            refs = [ev.url.start] if ev.url is not None and ev.url.precision == "day" else []
            refs += [c.date for c in ev.cues]
            refs += [make_date(m.year, m.month, m.day) for m in ev.dates if m.year is not None and m.alt is None]
            if not any(r in (F, st.alt) for r in refs if r):
                yield self.finding(doc, line, f"{st.key} {st.raw} is ambiguous: {F.isoformat()} or "
                                   f"{st.alt.isoformat()}; nothing in the URL or body says which", **pos)
            return
        if self.options.january_first and F.month == 1 and F.day == 1 and not st.has_time:
            if ev.url is not None and ev.url.start.month == 1 and ev.url.start.year == F.year:
                return
            if any(c.date.month == 1 and c.date.year == F.year or close(c.date, F) for c in ev.cues):
                return
            if any(m.month == 1 and m.year in (F.year, None) for m in ev.dates):
                return
            yield self.finding(doc, line, f"{st.key} {st.raw} is 1 January with no time of day and nothing "
                               "on the page dates it to January: probably a year filled in as a full date", **pos)


@hookimpl
def scrapelint_rules():
    return [DateUrlMismatch, DateDatelineMismatch, DateFromWrongPlace, DateOutOfRange, DateImprecise]
