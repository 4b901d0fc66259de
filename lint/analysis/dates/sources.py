"""The dates a document states outside its body: the front matter's `date`
(with its precision and, for `03/04/2025`, both readings) and a date in the
source URL (htmldate's patterns), and how close two dates must be to agree."""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

from scrapelint.analysis.dates.find import (
    HAS_DIGIT,
    MONTH,
    MONTHS,
    YEAR,
    find_dates,
    make_date,
)

TOLERANCE = 1  # days: time zones move a date by one day either way


def close(a: _dt.date, b: _dt.date) -> bool:
    return abs((a - b).days) <= TOLERANCE


def agrees_url(d: _dt.date, u: UrlDate) -> bool:
    return u.start - _dt.timedelta(days=TOLERANCE) <= d <= u.end + _dt.timedelta(days=TOLERANCE)


# ---------------------------------------------------------------------------
# the front-matter date
# ---------------------------------------------------------------------------

FM_ISO = re.compile(r"^\s*((?:1[0-9]|20|21)\d\d)(?:[-/.](\d\d?)(?:[-/.](\d\d?))?)?(?:([T ])\s*\d.*)?\s*$")


class StatedDate(NamedTuple):
    key: str
    raw: str
    date: _dt.date | None  # the full date (None when not a full date)
    precision: str  # "day", "month", "year"
    year: int
    month: int | None
    has_time: bool
    alt: _dt.date | None  # the other reading of 03/04/2025


def stated_date(doc) -> StatedDate | None:
    key = doc.field_key("date")
    if key is None:
        return None
    value = doc.meta[key]
    if isinstance(value, _dt.datetime):
        t = value.time()
        return StatedDate(key, value.isoformat(), value.date(), "day", value.year, value.month,
                          t != _dt.time(0, 0), None)
    if isinstance(value, _dt.date):
        return StatedDate(key, value.isoformat(), value, "day", value.year, value.month, False, None)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2999:
        return StatedDate(key, str(value), None, "year", value, None, False, None)
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    m = FM_ISO.match(raw)
    if m:
        y = int(m.group(1))
        if m.group(3):
            d = make_date(y, int(m.group(2)), int(m.group(3)))
            if d is None:
                return None
            has_time = bool(m.group(4)) and not re.search(r"[T ]0?0:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?\s*$", raw)
            return StatedDate(key, raw, d, "day", y, d.month, has_time, None)
        if m.group(2):
            mo = int(m.group(2))
            return StatedDate(key, raw, None, "month", y, mo, False, None) if 1 <= mo <= 12 else None
        return StatedDate(key, raw, None, "year", y, None, False, None)
    found = find_dates(raw)
    if len(found) == 1 and found[0].year is not None:
        f = found[0]
        return StatedDate(key, raw, _dt.date(f.year, f.month, f.day), "day", f.year, f.month,
                          bool(re.search(r"\d:\d\d", raw)), f.alt)
    m = re.match(rf"^\s*({MONTH})\s+({YEAR})\s*$", raw, re.IGNORECASE)
    if m and MONTHS.get(m.group(1).rstrip(".").lower()):
        return StatedDate(key, raw, None, "month", int(m.group(2)), MONTHS[m.group(1).rstrip(".").lower()], False, None)
    return None


# ---------------------------------------------------------------------------
# the URL date (htmldate's patterns)
# ---------------------------------------------------------------------------

_URL_SEP = re.compile(rf"(?<!\d)({YEAR})([/_-])(\d\d?)\2(\d\d?)(?!\d)")
_URL_COMPACT = re.compile(rf"(?<![\d])({YEAR})(\d\d)(\d\d)(?!\d)")
_URL_MONTH = re.compile(rf"/({YEAR})/(\d\d?)(?:/|$)(?!\d)")


class UrlDate(NamedTuple):
    text: str  # as written in the URL
    start: _dt.date  # the first day it allows
    end: _dt.date  # the last day it allows
    precision: str  # "day" or "month"

    def describe(self) -> str:
        return self.start.isoformat() if self.precision == "day" else self.start.strftime("%Y-%m")


def url_date(doc, today: _dt.date) -> UrlDate | None:
    url = doc.url
    if url is None or not HAS_DIGIT.search(url.path or ""):
        return None
    path = url.path
    found: dict[_dt.date, str] = {}
    for m in _URL_SEP.finditer(path):
        d = make_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            found.setdefault(d, m.group(0))
    if not found:
        for m in _URL_COMPACT.finditer(path):
            d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                found.setdefault(d, m.group(0))
    found = {d: s for d, s in found.items() if _dt.date(1990, 1, 1) <= d <= today + _dt.timedelta(days=1)}
    if len(found) == 1:
        d, s = next(iter(found.items()))
        return UrlDate(s, d, d, "day")
    if found:
        return None  # two different dates in one URL: no evidence
    months = {(int(m.group(1)), int(m.group(2))): m.group(0) for m in _URL_MONTH.finditer(path)
              if 1 <= int(m.group(2)) <= 12}
    if len(months) == 1:
        (y, mo), s = next(iter(months.items()))
        start = _dt.date(y, mo, 1)
        nxt = _dt.date(y + (mo == 12), mo % 12 + 1, 1)
        if start <= today:
            return UrlDate(s.strip("/"), start, nxt - _dt.timedelta(days=1), "month")
    return None
