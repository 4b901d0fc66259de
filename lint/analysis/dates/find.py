"""Dates written in text: the month names of the languages read (English,
German, French, Spanish, Portuguese), one compiled date regex for numeric and
month-name forms, and `find_dates`, which reads them with their lines."""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

# ---------------------------------------------------------------------------
# month names (en, de, fr, es), written forms -> month number
# ---------------------------------------------------------------------------

_MONTH_NAMES = {
    1: "january jan januar jänner jaenner janvier janv enero ene",
    2: "february feb februar février fevrier févr fevr febrero",
    3: "march mar märz maerz mär mars marzo",
    4: "april apr avril avr abril abr",
    5: "may mai mayo",
    6: "june jun juni juin junio",
    7: "july jul juli juillet juil julio",
    8: "august aug août aout agosto ago",
    9: "september sep sept septembre septiembre setiembre set",
    10: "october oct oktober okt octobre octubre",
    11: "november nov novembre noviembre",
    12: "december dec dezember dez décembre decembre déc diciembre dic",
}
MONTHS: dict[str, int] = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# The lookahead drops every alternative at once on a character no month name
# starts with (a digit, most letters), instead of trying them one by one.
_MONTH_FIRSTS = "".join(sorted({name[0] for name in MONTHS}))
MONTH = rf"(?i:(?=[{_MONTH_FIRSTS}])(?:{_MONTH_ALT}))(?:\.|\b)"
YEAR = r"(?:19|20)\d\d"

# Every date form the rules read.  Named groups tell the form.
DATE_RE = re.compile(
    r"(?<![^\W_]|[/.:-])(?:"
    rf"(?P<iy>{YEAR})(?P<isep>[-/.])(?P<im>\d\d?)(?P=isep)(?P<id>\d\d?)(?!\d)"
    rf"|(?P<nd>\d\d?)(?P<nsep>[-/.])(?P<nm>\d\d?)(?P=nsep)(?P<ny>{YEAR})(?![\d.]\d)"
    rf"|(?P<mdm>{MONTH})\s?(?P<mdd>\d\d?)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<mdy>{YEAR})(?!\d))?"
    rf"|(?P<dmd>\d\d?)(?:st|nd|rd|th|er|\\?\.|º|°)?\s+(?:de\s+)?(?P<dmm>{MONTH})(?:,?\s+(?:de\s+|del\s+)?(?P<dmy>{YEAR})(?!\d))?"
    r")",
    re.IGNORECASE,
)
HAS_DIGIT = re.compile(r"\d")


class DateMatch(NamedTuple):
    index: int  # 0-based body line
    start: int  # column (0-based) in the line
    end: int
    text: str
    year: int | None  # None: the string has no year
    month: int
    day: int
    alt: _dt.date | None  # the other reading of an ambiguous numeric date
    named: bool  # written with a month name


def make_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _from_match(m: re.Match) -> tuple[int | None, int, int, _dt.date | None, bool] | None:
    g = m.group
    if g("iy"):
        y, mo, d = int(g("iy")), int(g("im")), int(g("id"))
        return (y, mo, d, None, False) if make_date(y, mo, d) else None
    if g("ny"):
        a, b, y = int(g("nd")), int(g("nm")), int(g("ny"))
        if g("nsep") == ".":  # 10.02.2025 is day-first wherever it is written
            return (y, b, a, None, False) if make_date(y, b, a) else None
        first, second = make_date(y, b, a), make_date(y, a, b)  # day-first, month-first
        if first and second and a != b:
            return (y, b, a, second, False)
        if first:
            return (y, b, a, None, False)
        if second:
            return (y, a, b, None, False)
        return None
    if g("mdm"):
        mo = MONTHS.get(g("mdm").rstrip(".").lower())
        d = int(g("mdd"))
        y = int(g("mdy")) if g("mdy") else None
    else:
        mo = MONTHS.get(g("dmm").rstrip(".").lower())
        d = int(g("dmd"))
        y = int(g("dmy")) if g("dmy") else None
    if mo is None or not make_date(y or 2000, mo, d):
        return None
    return (y, mo, d, None, True)


# runs of digits that can start a date: not inside a word, a number or a URL
MAX_DATES = 2000  # dates read per document: an article states a few dozen; past this it is a table or an attack
# Written digit first, its lookbehind after it: a pattern that opens with a
# lookbehind is tried at every character, one that opens with `\d` jumps from
# digit to digit (3x faster on the corpus; the same matches as
# `(?<![\w/=%&?#:.+,\\-])(?:(?:19|20)\d\d|\d\d?)(?!\d)`, see tests/test_dates_find.py).
_DIGITS = re.compile(r"\d(?<![\w/=%&?#:.+,\\-]\d)(?:(?<=1)9\d\d|(?<=2)0\d\d|\d?)(?!\d)")


def find_dates(text: str, index: int = 0) -> list[DateMatch]:
    """Dates written in `text` (a whole body: line indices are counted).

    Cheap by construction: only runs of one, two or four digits that can
    start or continue a date are looked at, and the date regex is matched
    anchored there (or at the month name just before), never searched.
    At most MAX_DATES are read, so a page of nothing but dates costs a
    bounded time (htmldate bounds its candidates the same way)."""
    found: list[DateMatch] = []
    last_pos, line, line_start = 0, index, 0
    covered = 0
    match = DATE_RE.match
    for dm in _DIGITS.finditer(text):
        ds = dm.start()
        if ds < covered:
            continue  # part of a date already read
        width = dm.end() - ds
        if width <= 2 and not 0 < int(dm.group()) <= 31:
            continue
        m = match(text, ds)
        if m is None and width <= 2 and ds >= 3:
            # "Feb 10", "Sept. 10": the month name just before the day
            k = ds - 1 if text[ds - 1] == " " else ds
            j = k
            while j > 0 and j > k - 11 and text[j - 1].isalpha():
                j -= 1
            if j < k and text[j:k].lower() in MONTHS:
                m = match(text, j)
            elif k > 1 and text[k - 1] == ".":
                j = k - 1
                while j > 0 and j > k - 11 and text[j - 1].isalpha():
                    j -= 1
                if text[j:k - 1].lower() in MONTHS:
                    m = match(text, j)
        if m is None:
            continue
        covered = m.end()
        parsed = _from_match(m)
        if parsed is None:
            continue
        s = m.start()
        nl = text.count("\n", last_pos, s)
        if nl:
            line += nl
            line_start = text.rfind("\n", 0, s) + 1
        last_pos = s
        y, mo, d, alt, named = parsed
        found.append(DateMatch(line, s - line_start, m.end() - line_start, m.group(0), y, mo, d, alt, named))
        if len(found) >= MAX_DATES:
            break
    return found
