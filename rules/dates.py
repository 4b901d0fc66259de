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
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterator, NamedTuple

from pydantic import Field

from scrapelint.analysis import layout as article_layout
from scrapelint.analysis.text import visible
from scrapelint.findings import Finding, Severity
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions

TOLERANCE = 1  # days: time zones move a date by one day either way

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
_M = rf"(?i:{_MONTH_ALT})(?:\.|\b)"
_Y = r"(?:19|20)\d\d"

# Every date form the rules read.  Named groups tell the form.
DATE_RE = re.compile(
    r"(?<![^\W_]|[/.:-])(?:"
    rf"(?P<iy>{_Y})(?P<isep>[-/.])(?P<im>\d\d?)(?P=isep)(?P<id>\d\d?)(?!\d)"
    rf"|(?P<nd>\d\d?)(?P<nsep>[-/.])(?P<nm>\d\d?)(?P=nsep)(?P<ny>{_Y})(?![\d.]\d)"
    rf"|(?P<mdm>{_M})\s?(?P<mdd>\d\d?)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<mdy>{_Y})(?!\d))?"
    rf"|(?P<dmd>\d\d?)(?:st|nd|rd|th|er|\\?\.|º|°)?\s+(?:de\s+)?(?P<dmm>{_M})(?:,?\s+(?:de\s+|del\s+)?(?P<dmy>{_Y})(?!\d))?"
    r")",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")


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


def _mk(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _from_match(m: re.Match) -> tuple[int | None, int, int, _dt.date | None, bool] | None:
    g = m.group
    if g("iy"):
        y, mo, d = int(g("iy")), int(g("im")), int(g("id"))
        return (y, mo, d, None, False) if _mk(y, mo, d) else None
    if g("ny"):
        a, b, y = int(g("nd")), int(g("nm")), int(g("ny"))
        if g("nsep") == ".":  # 10.02.2025 is day-first wherever it is written
            return (y, b, a, None, False) if _mk(y, b, a) else None
        first, second = _mk(y, b, a), _mk(y, a, b)  # day-first, month-first
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
    if mo is None or not _mk(y or 2000, mo, d):
        return None
    return (y, mo, d, None, True)


# runs of digits that can start a date: not inside a word, a number or a URL
MAX_DATES = 2000  # dates read per document: an article states a few dozen; past this it is a table or an attack
_DIGITS = re.compile(r"(?<![\w/=%&?#:.+,\\-])(?:(?:19|20)\d\d|\d\d?)(?!\d)")


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


# ---------------------------------------------------------------------------
# the front-matter date
# ---------------------------------------------------------------------------

_FM_ISO = re.compile(r"^\s*((?:1[0-9]|20|21)\d\d)(?:[-/.](\d\d?)(?:[-/.](\d\d?))?)?(?:([T ])\s*\d.*)?\s*$")


@dataclass(frozen=True)
class StatedDate:
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
    m = _FM_ISO.match(raw)
    if m:
        y = int(m.group(1))
        if m.group(3):
            d = _mk(y, int(m.group(2)), int(m.group(3)))
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
    m = re.match(rf"^\s*({_M})\s+({_Y})\s*$", raw, re.IGNORECASE)
    if m and MONTHS.get(m.group(1).rstrip(".").lower()):
        return StatedDate(key, raw, None, "month", int(m.group(2)), MONTHS[m.group(1).rstrip(".").lower()], False, None)
    return None


# ---------------------------------------------------------------------------
# the URL date (htmldate's patterns)
# ---------------------------------------------------------------------------

_URL_SEP = re.compile(rf"(?<!\d)({_Y})([/_-])(\d\d?)\2(\d\d?)(?!\d)")
_URL_COMPACT = re.compile(rf"(?<![\d])({_Y})(\d\d)(\d\d)(?!\d)")
_URL_MONTH = re.compile(rf"/({_Y})/(\d\d?)(?:/|$)(?!\d)")


@dataclass(frozen=True)
class UrlDate:
    text: str  # as written in the URL
    start: _dt.date  # the first day it allows
    end: _dt.date  # the last day it allows
    precision: str  # "day" or "month"

    def describe(self) -> str:
        return self.start.isoformat() if self.precision == "day" else self.start.strftime("%Y-%m")


def url_date(doc, today: _dt.date) -> UrlDate | None:
    url = doc.url
    if url is None or not _HAS_DIGIT.search(url.path or ""):
        return None
    path = url.path
    found: dict[_dt.date, str] = {}
    for m in _URL_SEP.finditer(path):
        d = _mk(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            found.setdefault(d, m.group(0))
    if not found:
        for m in _URL_COMPACT.finditer(path):
            d = _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
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


# ---------------------------------------------------------------------------
# the body's publication line
# ---------------------------------------------------------------------------

# "MOSCOW, Feb 10 (Reuters) -", "BERLIN, 10. Februar (dpa) -", "PARIS, Feb. 10, 2025 -"
_DATELINE_RE = re.compile(
    r"^[\W_]*[A-ZÀ-Ý][A-Za-zÀ-ÿ.'’\- ]{1,40}(?:\([A-Za-z .]{2,20}\))?,\s+"
    rf"(?P<date>(?:{_M})\s?\d\d?(?:st|nd|rd|th)?(?:,?\s+{_Y})?|\d\d?\.?\s+(?:de\s+)?(?:{_M})(?:\s+{_Y})?"
    rf"|\d\d?\.\d\d?\.{_Y})"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{1,30})\)\s*|/[A-Za-z][\w .&-]{1,30}/\s*)?(?:--|[-–—:])\s"
    # "(21. November 2022) Energieverbraucher erhalten ...": a paragraph led by its date
    rf"|^[\W_]*\((?P<date2>(?:{_M})\s?\d\d?(?:,?\s+{_Y})|\d\d?\.?\s+(?:de\s+)?(?:{_M})\s+{_Y}|\d\d?\.\d\d?\.{_Y})\)\s+\w",
)
_PUB_KW = re.compile(
    r"(?P<pub>\b(?:first\s+)?(?:published|posted|released)(?:\s+(?:on|at))?"
    r"|\bver[öo]ffentlicht(?:\s+am)?|\berschienen(?:\s+am)?|\bpubliziert(?:\s+am)?"
    r"|\bpubli[ée]e?(?:\s+le)?|\bmis\s+en\s+ligne(?:\s+le)?"
    r"|\bpublicad[oa](?:\s+(?:el|en))?|\bfecha\s+de\s+publicaci[óo]n)"
    r"|(?P<upd>\b(?:last\s+)?(?:updated|modified|edited|revised)(?:\s+(?:on|at))?"
    r"|\b(?:zuletzt\s+)?aktualisiert(?:\s+am)?|\bge[äa]ndert(?:\s+am)?|\bStand\b"
    r"|\bmis\s+[àa]\s+jour(?:\s+le)?|\bmodifi[ée]e?(?:\s+le)?|\bactualis[ée]e?(?:\s+le)?"
    r"|\bactualizad[oa](?:\s+(?:el|en))?|\b[úu]ltima\s+actualizaci[óo]n|\bmodificad[oa](?:\s+el)?)",
    re.IGNORECASE,
)
_KW_LANG = (("first", "en"), ("published", "en"), ("posted", "en"), ("released", "en"), ("last", "en"),
            ("updated", "en"), ("modified", "en"), ("edited", "en"), ("revised", "en"),
            ("publica", "es"), ("modificad", "es"), ("actualiz", "es"), ("fecha", "es"), ("últ", "es"), ("ult", "es"),
            ("ver", "de"), ("ersch", "de"), ("publiz", "de"), ("aktual", "de"), ("zuletzt", "de"), ("ge", "de"),
            ("stand", "de"), ("publi", "fr"), ("mis ", "fr"), ("modifi", "fr"), ("actualis", "fr"))
_BYLINE_RE = re.compile(r"^[\W_]*(?:by|von|par|por)\s+\S"
                        r"|\]\([^)\s]*/(?:authors?|autor(?:es|in)?|auteurs?|redakteur(?:in)?|journalist|staff|people|profile)[/-]",
                        re.IGNORECASE)
# What may stand on a line next to its date for the line to be "only a date".
_DATE_ONLY_REST = re.compile(
    r"(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|\b(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
    r"|\b(?:am|pm|a\.m\.|p\.m\.|uhr|h|at|um|à|a las|le|el|den|der|de|the|on|gmt|utc|[a-z]{1,2}[sd]t|cet|cest|ist)\b"
    r"|\d{1,2}h\d{0,2}|T(?=\d)|[\d\W_])+",
    re.IGNORECASE,
)
# "05.02.2020 - Redaktion: ...", "Feb 10, 2025 · 5 min read": a short line led by its date
_LEAD_MARKUP = re.compile(r"[\W_]*")
_DATE_LED = re.compile(r"\s*(?:[-–—|·•]|,\s)")
# after a publication keyword: at most three short words, then a day or year
_FALLBACK_SHAPE = re.compile(r"^(?:\w{1,12}\.?,?\s+){0,3}\d{1,4}(?:st|nd|rd|th|er|e)?\b(?=.*\b(?:19|20)\d\d\b)")
_TIMEAGO = re.compile(r"\bago\b|\bvor\s+\d|\bil y a\b|\bhace\s+\d", re.IGNORECASE)
# Lines that are a page's furniture, not its article.
_FOOTER_RE = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|all rights reserved|alle rechte vorbehalten"
                        r"|tous droits réservés|todos los derechos reservados", re.IGNORECASE)
_COMMENT_RE = re.compile(r"\b(?:reply|antworten|répondre|responder|says|sagt|écrit|dice)\s*:?\s*$"
                         r"|^\s*\W*(?:reply|antworten|répondre|responder)\b|\bcommented\b|\bkommentiert\b",
                         re.IGNORECASE)
_BYLINE_ANY = re.compile(r"(?i:by|von|par|por)\s+\[?[A-ZÀ-Ý][\w'’-]+\s+[A-ZÀ-Ý]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_LINK_ONLY = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#{1,6})?\s*\[[^\]]+\]\([^)]*\)\s*$")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Cue:
    """A date the article states about itself."""

    index: int  # body line
    kind: str  # "dateline", "published", "updated", "byline", "date line"
    text: str  # the date as written
    date: _dt.date
    year_from: str | None  # where the year came from when the line has none


@lru_cache(maxsize=4096)
def _dateparser_parse(text: str, lang: str) -> _dt.date | None:
    """The fallback parser for a publication keyword's date: one short string,
    one language, cached."""
    import dateparser


    parsed = dateparser.parse(text, languages=[lang],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                                        "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


def _kw_lang(word: str) -> str:
    w = word.lower()
    for prefix, lang in _KW_LANG:
        if w.startswith(prefix):
            return lang
    return "en"


def _norm(text: str) -> str:
    return _WS.sub(" ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def reader_lines(doc) -> list[str]:
    """The body lines as a reader reads them, columns kept: the prose view
    (code, inline HTML, link syntax and reference definitions blanked), the
    text of HTML blocks with only their tags blanked, and emphasis marks
    blanked, so `**PARIS, Oct. 6, 2015** -` reads as the dateline it is.
    Dates and publication lines are read here, never in code."""
    if not doc.body.strip():
        return list(doc.lines)
    return doc.shared("reader-lines", _reader_lines)


def _reader_lines(doc) -> list[str]:
    view = list(doc.prose_lines)
    lines = doc.lines
    n = len(view)
    for blk in doc.blocks:
        if blk.kind == "html":
            for i in range(blk.start, min(blk.end, n - 1) + 1):
                view[i] = _TAG.sub(lambda m: " " * len(m.group(0)), lines[i])
        for e in blk.emphasis:
            _blank_marks(view, e.line, e.col, 1)
            _blank_marks(view, e.end_line, e.end_col - 1, -1)
    return view


def _blank_marks(view: list[str], i: int, col: int, step: int) -> None:
    """Blank the run of emphasis marks (`*`, `_`, `~`) at `col`, walking by `step`."""
    if not 0 <= i < len(view):
        return
    line = view[i]
    k = col
    while 0 <= k < len(line) and line[k] in "*_~" and abs(k - col) < 3:
        k += step
    a, b = (col, k) if step > 0 else (k + 1, col + 1)
    if b > a:
        view[i] = line[:a] + " " * (b - a) + line[b:]


# ---------------------------------------------------------------------------
# the analysis of one document
# ---------------------------------------------------------------------------


@dataclass
class Evidence:
    stated: StatedDate | None
    url: UrlDate | None = None
    cues: list[Cue] = field(default_factory=list)
    published: Cue | None = None  # the article's own publication date
    cue_conflict: bool = False  # the publication line names two dates
    occurrences: list[tuple[DateMatch, str | None]] = field(default_factory=list)  # (match, wrong-place kind)
    verdict: str | None = None  # "DT001", "DT002", "DT003" or None
    verdict_note: bool = False  # the verdict is a weak signal
    fallback: tuple[str, str] | None = None  # (code, message) reported when DT003 is not enabled
    message: str = ""
    dates: list[DateMatch] = field(default_factory=list)
    order: str | None = None  # how the page writes numeric dates ("dmy", "mdy")


def _close(a: _dt.date, b: _dt.date) -> bool:
    return abs((a - b).days) <= TOLERANCE


def _agrees_url(d: _dt.date, u: UrlDate) -> bool:
    return u.start - _dt.timedelta(days=TOLERANCE) <= d <= u.end + _dt.timedelta(days=TOLERANCE)


def _excerpt(line: str, start: int, end: int, width: int = 28) -> str:
    a, b = max(0, start - width), min(len(line), end + width)
    a = line.rfind(" ", 0, a + 1) + 1 if a else 0
    nb = line.find(" ", b)
    b = len(line) if nb < 0 or b >= len(line) else nb
    s = line[a:b].strip()
    return ("..." if a > 0 else "") + s + ("..." if b < len(line) else "")


_HEADLINE_PREFIX = re.compile(r"^\s*(?:[-*+]\s+)?#{1,6}\s+")


def _headline_index(doc, limit: int) -> int | None:
    """The body line of the article's headline: a heading (or a line) that is
    the title, else the first level-1 heading; None when there is neither."""
    title = doc.field("title")
    tnorm = _norm(title) if isinstance(title, str) else ""
    thead = title.strip().lower()[:8] if tnorm else ""
    first_h1 = None
    lines = doc.lines
    view = reader_lines(doc)
    for i in range(min(limit, len(lines))):
        line = lines[i]
        if not line or len(line) > 400 or not view[i].strip():
            continue  # blank, too long, or code
        hm = _HEADLINE_PREFIX.match(line)
        if hm is not None and first_h1 is None and line.lstrip(" -*+").startswith("# ") \
                and getattr(doc.block_at(i), "kind", "") == "heading":
            first_h1 = i
        if tnorm and len(line) < 2 * len(tnorm) + 20 and thead in line.lower():
            ln = _norm(line[hm.end():] if hm else line)
            if len(ln) >= 12 and (ln == tnorm or (hm is not None and ln in tnorm)):
                return i
    return first_h1


def _resolve_year(mo: int, d: int, ref: _dt.date) -> _dt.date | None:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        c = _mk(y, mo, d)
        if c and (best is None or abs((c - ref).days) < abs((best - ref).days)):
            best = c
    return best


_FUNCTION_WORDS = {
    "en": re.compile(r"\b(?:the|and|of|to|is|that|with|for)\b"),
    "de": re.compile(r"\b(?:der|die|und|das|nicht|mit|ist|auch|sich)\b"),
    "fr": re.compile(r"\b(?:le|les|des|est|et|une|dans|pour|qui)\b"),
    "es": re.compile(r"\b(?:el|los|las|del|que|y|una|por|para|con)\b"),
}
_NUMERIC = re.compile(r"^(\d\d?)[/-](\d\d?)[/-]")


def page_order(doc, dates: list[DateMatch]) -> str | None:
    """How the page writes numeric dates: "dmy", "mdy" or None (unknown).
    From its own unambiguous numeric dates (13/05/2022) first, else from its
    language: German, French and Spanish pages write the day first."""
    dmy = mdy = False
    for m in dates:
        if m.named or m.alt is not None:
            continue
        nm = _NUMERIC.match(m.text)
        if nm:
            a, b = int(nm.group(1)), int(nm.group(2))
            dmy |= a > 12
            mdy |= b > 12
    if dmy != mdy:
        return "dmy" if dmy else "mdy"
    if dmy and mdy:
        return None
    sample = doc.body[:4000].lower()
    counts = {lang: len(rx.findall(sample)) for lang, rx in _FUNCTION_WORDS.items()}
    best = max(counts, key=counts.get)
    total = sum(counts.values())
    if best != "en" and counts[best] >= 20 and counts[best] >= 0.6 * total:
        return "dmy"
    return None


def _cue_date(m: DateMatch, ev: "Evidence") -> tuple[_dt.date, str | None] | None:
    stated, url = ev.stated, ev.url
    if m.year is not None:
        d = _mk(m.year, m.month, m.day)
        if d is None:
            return None
        if m.alt is not None:  # 03/04/2025: the page's own order, else the URL, must settle it
            if ev.order is not None:
                return (d if ev.order == "dmy" else m.alt), None
            if url is not None and url.precision == "day":
                near = [x for x in (d, m.alt) if _close(x, url.start)]
                if len(near) == 1:
                    return near[0], None
            return None
        return d, None
    if url is not None:
        return _resolve_year(m.month, m.day, url.start), "the URL"
    if stated is not None and stated.date is not None:
        return _resolve_year(m.month, m.day, stated.date), "the front matter"
    return None


def _publication_cues(doc, ev: Evidence, by_line: dict[int, list[DateMatch]], lines: list[str],
                      captions, end: int) -> list[Cue]:
    head = _headline_index(doc, max(80, len(lines) * 2 // 3))
    core = article_layout.of(doc).start
    if head is not None:
        start = head + 1
    elif core is not None:  # no headline: the lines just before the article's first paragraph
        start, k = core, 0
        while start > 0 and k < 6:
            start -= 1
            k += bool(lines[start].strip())
    else:
        start = 0
    cues: list[Cue] = []
    nonempty = paragraphs = 0
    view = reader_lines(doc)
    for i in range(start, min(end, len(lines))):
        line = view[i]  # the raw line's emphasis, link syntax and code blanked
        if not line.strip():
            continue
        nonempty += 1
        if nonempty > 16 or paragraphs >= 3:
            break
        if lines[i].count(" ") >= 25:
            paragraphs += 1
        if i in captions:
            continue
        near_top = paragraphs <= 1 or nonempty <= 4
        ms = by_line.get(i, ())
        dl = _DATELINE_RE.match(line) if ms else None
        if dl is not None:
            g = "date" if dl.group("date") else "date2"
            m = next((x for x in ms if x.start == dl.start(g)), None)
            if m is not None:
                got = _cue_date(m, ev)
                if got:
                    cues.append(Cue(i, "dateline", line[:dl.end()].strip(" -–—:"), got[0], got[1]))
                continue
        if not near_top:
            continue
        if _TIMEAGO.search(line) and not ms:
            continue
        kws = list(_PUB_KW.finditer(line)) if len(line) < 300 else []
        used = False
        for m in ms:
            kw = next((k for k in reversed(kws) if k.end() <= m.start and m.start - k.end() <= 30), None)
            if kw is not None:
                got = _cue_date(m, ev)
                if got:
                    kind = "published" if kw.group("pub") else "updated"
                    cues.append(Cue(i, kind, line[kw.start():m.end].strip(), got[0], got[1]))
                used = True
        if used:
            continue
        if kws and not ms:
            # a publication keyword whose date the tables cannot read: dateparser, one language
            for kw in kws:
                tail = line[kw.end():kw.end() + 40].strip(" :-–—|*_")
                if not _FALLBACK_SHAPE.match(tail):
                    continue  # only a string shaped like a date goes to dateparser
                lang = _kw_lang(kw.group(0))
                first = _HAS_DIGIT.search(tail).start()
                before = tail.rfind(" ", 0, max(0, first - 1)) + 1
                # "10. Feber 2025" first, then "Feber 10, 2025": weekdays and articles left out
                d = _dateparser_parse(tail[first:], lang) or (
                    _dateparser_parse(tail[before:], lang) if before < first else None)
                if d is not None:
                    kind = "published" if kw.group("pub") else "updated"
                    cues.append(Cue(i, kind, line[kw.start():kw.end() + 40].strip(), d, None))
            continue
        if not ms or len(line) > 200 or _place(i, lines, captions, article_layout.of(doc)) is not None:
            continue
        if _BYLINE_RE.search(lines[i]):
            m = ms[0]
            got = _cue_date(m, ev)
            if got and (m.year is not None or m.named):
                cues.append(Cue(i, "byline", m.text, got[0], got[1]))
            continue
        if len(ms) == 1 and (ms[0].year is not None or ms[0].named):
            m = ms[0]
            rest = line[:m.start] + " " + line[m.end:]
            lead = _DATE_LED.match(line[m.end:]) if _LEAD_MARKUP.fullmatch(line[:m.start]) else None
            if _DATE_ONLY_REST.fullmatch(rest) or (lead and len(rest.split()) <= 10):
                got = _cue_date(m, ev)
                if got:
                    cues.append(Cue(i, "date line", m.text, got[0], got[1]))
    if any(c.kind in ("dateline", "published") for c in cues):
        return cues
    # a publication keyword further down ("Veröffentlicht am 16.08.2019" under
    # the text): used when every such line in the article names the same day
    later: list[Cue] = []
    for i in sorted(by_line):
        if i >= end or i in captions or any(c.index == i for c in cues) or len(lines[i]) > 300:
            continue
        line = view[i]
        for kw in _PUB_KW.finditer(line):
            if not kw.group("pub"):
                continue
            m = next((x for x in by_line[i] if 0 <= x.start - kw.end() <= 30), None)
            if m is None or m.year is None or m.alt is not None:
                continue
            if _place(i, lines, captions, article_layout.of(doc)) is not None:
                continue
            later.append(Cue(i, "published", line[kw.start():m.end].strip(), _dt.date(m.year, m.month, m.day), None))
    if later and all(_close(c.date, later[0].date) for c in later):
        cues.append(later[0])
    return cues


_RANGE_BEFORE = re.compile(r"(?:\d\d?\.?\s*(?:[-–—]|bis|to|until|till|through|and|und|et|au|al|y|a)\s*"
                           r"|\b(?:from|between|vom|von|zwischen|du|entre|desde)\s+)$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—]|bis|to|until|till|through|au|al|hasta)\s*\d", re.IGNORECASE)
_REFERENCE = re.compile(r"^\s*(?:\(\d{1,3}\)|\[\d{1,3}\]|\^?\d{1,3}[.)]\s|\^)"
                        r"(?=.*(?:https?:|www\.|\b(?:abgerufen|accessed|retrieved|consulté|consultado|zugriff)))",
                        re.IGNORECASE)


_NEVER_PUBLICATION = ("date range of an event", "reference or footnote")


def _occurrence_place(m: DateMatch, lines: list[str], captions, layout, places: dict[int, str | None]) -> str | None:
    line = lines[m.index]
    if _RANGE_BEFORE.search(line[max(0, m.start - 25):m.start]) or _RANGE_AFTER.match(line[m.end:m.end + 12]):
        return "date range of an event"
    if m.index not in places:  # a line holds several dates: its place is read once
        places[m.index] = _place(m.index, lines, captions, layout)
    return places[m.index]


def _place(i: int, lines: list[str], captions, layout) -> str | None:
    """The kind of wrong place body line i is, or None for article text."""
    if _REFERENCE.match(lines[i]):
        return "reference or footnote"
    if i in captions:
        return "photo caption or credit"
    if layout.in_tail(i):
        return "text after the article's end"
    line = lines[i]
    if _FOOTER_RE.search(line):
        return "copyright or footer line"
    if _COMMENT_RE.search(line) or (i > 0 and _COMMENT_RE.search(lines[i - 1])):
        return "comment"
    if _BYLINE_ANY.search(line) or _BYLINE_RE.search(line) or _PUB_KW.search(line):
        return None  # a byline or publication line, whatever links it holds
    if ("](" in line and not line.lstrip().startswith("!")) or _LIST_ITEM.match(line):
        # a teaser is mostly link text; a sentence with a link in it is the article's
        if ("](" in line and _mostly_links(line)) or (i > 0 and _listing_link(lines[i - 1])):
            return "related-stories or listing block"
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j >= 0 and _listing_link(lines[j]):
        return "related-stories or listing block"
    return None


def _mostly_links(line: str) -> bool:
    text, link_chars, _ = visible(line)
    return not text or link_chars >= 0.5 * len(text)


def _listing_link(line: str) -> bool:
    """A line that is only a link to another page (an author's page is a byline)."""
    return _LINK_ONLY.match(line) is not None and _BYLINE_RE.search(line) is None


def _today() -> _dt.date:
    return _dt.date.today()


def analyse(doc) -> Evidence:
    """The date evidence of a document, gathered once for all DT rules."""
    return doc.shared("dates", _analyse)


def _analyse(doc) -> Evidence:
    ev = Evidence(stated_date(doc))
    stated = ev.stated
    if stated is None or stated.date is None:
        return ev
    ev.url = url_date(doc, _today())
    body = doc.body
    ev.dates = find_dates("\n".join(reader_lines(doc))) if _HAS_DIGIT.search(body) else []
    lines = doc.lines
    layout = article_layout.of(doc)
    captions = layout.captions
    end = layout.end if layout.end is not None else len(lines)
    if any(m.alt is not None for m in ev.dates):
        ev.order = page_order(doc, ev.dates)
    if stated.alt is not None:  # "03/04/2025" in the front matter: the page or the URL may settle it
        order = page_order(doc, ev.dates)
        url = ev.url
        if order == "mdy" or (order is None and url is not None and _agrees_url(stated.alt, url)
                              and not _agrees_url(stated.date, url)):
            ev.stated = stated = replace(stated, date=stated.alt, alt=stated.date)
    by_line: dict[int, list[DateMatch]] = {}
    for m in ev.dates:
        by_line.setdefault(m.index, []).append(m)
    ev.cues = _publication_cues(doc, ev, by_line, lines, captions, end)
    pubs = [c for c in ev.cues if c.kind != "updated"]
    if pubs:
        first = pubs[0]
        if all(_close(c.date, first.date) for c in pubs):
            ev.published = first
        else:
            ev.cue_conflict = True
    cue_lines = {c.index for c in ev.cues}
    places: dict[int, str | None] = {}
    F = stated.date
    for m in ev.dates:
        if m.year is None:
            continue
        d = _mk(m.year, m.month, m.day)
        if d == F or (m.alt is not None and m.alt == F):
            ev.occurrences.append((m, None if m.index in cue_lines else _occurrence_place(m, lines, captions, layout, places)))
    _decide(doc, ev)
    return ev


def _where(doc, index: int) -> str:
    """A body line as the user finds it: the file line, or for a dataset
    record (whose findings all point at the record) the line of its text."""
    return f"body line {index + 1}" if doc.is_record else f"line {doc.file_line(index)}"


def _describe_cue(doc, c: Cue, lines: list[str]) -> str:
    what = {"dateline": "the dateline", "published": "the publication line", "updated": "the 'updated' line",
            "byline": "the byline", "date line": "the date line"}[c.kind]
    year = f", year from {c.year_from}" if c.year_from else ""
    return f'{what} on {_where(doc, c.index)} says {c.date.isoformat()} ("{c.text}"{year})'


def _decide(doc, ev: Evidence) -> None:
    F = ev.stated.date
    lines = doc.lines
    url, pub = ev.url, ev.published
    url_bad = url is not None and not _agrees_url(F, url)
    pub_bad = pub is not None and not _close(F, pub.date)
    if url is not None and pub is not None and not _agrees_url(pub.date, url):
        # the page contradicts itself: no firm verdict
        if url_bad and pub_bad:
            ev.verdict, ev.verdict_note = "DT001", True
            ev.message = (f"{ev.stated.key} {F.isoformat()} agrees neither with the URL date {url.describe()} "
                          f"(\"{url.text}\") nor with {_describe_cue(doc, pub, lines)}, which disagree with each other")
        return
    if ev.cue_conflict and url is None:
        return
    evidence = []
    if url is not None:
        evidence.append(f'the URL date is {url.describe()} ("{url.text}")')
    if pub is not None:
        evidence.append(_describe_cue(doc, pub, lines))
    updated = next((c for c in ev.cues if c.kind == "updated" and _close(c.date, F)), None)
    wrong = [o for o in ev.occurrences if o[1] is not None]
    only_wrong = bool(ev.occurrences) and len(wrong) == len(ev.occurrences)
    if url_bad or pub_bad:
        if updated is not None and pub is not None and pub_bad:
            ev.verdict = "DT002"
            ev.message = (f"{ev.stated.key} {F.isoformat()} is the 'updated' date on "
                          f"{_where(doc, updated.index)} (\"{updated.text}\"); the article was published "
                          f"{pub.date.isoformat()}: " + " and ".join(evidence))
        elif url_bad:
            ev.verdict = "DT001"
            ev.message = f"{ev.stated.key} {F.isoformat()} disagrees with the URL: " + " and ".join(evidence)
        else:
            ev.verdict = "DT002"
            ev.message = (f"{ev.stated.key} {F.isoformat()} disagrees with the article's own publication line: "
                          + " and ".join(evidence))
        if only_wrong:  # the body shows where the date came from: DT003 says it, DT001/DT002 stand by
            m, kind = wrong[0]
            ev.fallback = (ev.verdict, ev.message)
            ev.verdict = "DT003"
            ev.message = (f"{ev.stated.key} {F.isoformat()} was taken from the {kind} on "
                          f"{_where(doc, m.index)} (\"{_excerpt(lines[m.index], m.start, m.end)}\"), "
                          f"not from the article: " + " and ".join(evidence))
        return
    if url is None and pub is None and only_wrong:
        m, kind = wrong[0]
        # an event's date range or a citation's date is never a publication
        # date: that alone is a finding; other places are only suspicious
        firm = all(k in _NEVER_PUBLICATION for _, k in wrong)
        ev.verdict, ev.verdict_note = "DT003", not firm
        ev.message = (f"{ev.stated.key} {F.isoformat()} occurs in the body only in the {kind} on "
                      f"{_where(doc, m.index)} (\"{_excerpt(lines[m.index], m.start, m.end)}\"): "
                      + ("a publication date is not written there" if firm else "nothing else on the page confirms it"))


# ---------------------------------------------------------------------------
# the rules
# ---------------------------------------------------------------------------


def _key_position(doc, key: str) -> dict:
    info = doc.keys.get(key)
    return {"column": info.column} if info is not None else {}


class _VerdictRule(Rule):
    """Shared by DT001-DT003: report the document's verdict if it is this rule's."""

    def check(self, doc) -> Iterator[Finding]:
        ev = analyse(doc)
        message = ev.message
        if ev.verdict != self.code:
            # with DT003 off, the mismatch it would have explained is still reported
            if not (ev.verdict == "DT003" and ev.fallback and ev.fallback[0] == self.code
                    and self.active_codes and "DT003" not in self.active_codes):
                return
            message = ev.fallback[1]
        sev = Severity.NOTE if ev.verdict_note else None
        days = _days_off(ev)
        yield self.finding(doc, doc.key_line(ev.stated.key), message, severity=sev,
                           data={"days": days} if days is not None else None, **_key_position(doc, ev.stated.key))


def _days_off(ev: Evidence) -> int | None:
    """How many days the stated date is from the evidence against it (the
    URL's date range, else the publication line), for reports to chart."""
    F = ev.stated.date
    if ev.url is not None and not _agrees_url(F, ev.url):
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
        m = _FM_ISO.match(value)
        if m and m.group(3):
            return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
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
        ev = analyse(doc)
        st = ev.stated
        if st is None:
            return
        first = st.date or _dt.date(st.year, st.month or 1, 1)
        last = st.date or (_dt.date(st.year, 12, 31) if st.month is None
                           else _dt.date(st.year + (st.month == 12), st.month % 12 + 1, 1) - _dt.timedelta(days=1))
        ref_key = next((k for k in _REF_KEYS if k in doc.meta and _as_date(doc.meta[k])), None)
        ref = _as_date(doc.meta[ref_key]) if ref_key else _today()
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
        ev = analyse(doc)
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
            refs += [_mk(m.year, m.month, m.day) for m in ev.dates if m.year is not None and m.alt is None]
            if not any(r in (F, st.alt) for r in refs if r):
                yield self.finding(doc, line, f"{st.key} {st.raw} is ambiguous: {F.isoformat()} or "
                                   f"{st.alt.isoformat()}; nothing in the URL or body says which", **pos)
            return
        if self.options.january_first and F.month == 1 and F.day == 1 and not st.has_time:
            if ev.url is not None and ev.url.start.month == 1 and ev.url.start.year == F.year:
                return
            if any(c.date.month == 1 and c.date.year == F.year or _close(c.date, F) for c in ev.cues):
                return
            if any(m.month == 1 and m.year in (F.year, None) for m in ev.dates):
                return
            yield self.finding(doc, line, f"{st.key} {st.raw} is 1 January with no time of day and nothing "
                               "on the page dates it to January: probably a year filled in as a full date", **pos)


@hookimpl
def scrapelint_rules():
    return [DateUrlMismatch, DateDatelineMismatch, DateFromWrongPlace, DateOutOfRange, DateImprecise]
