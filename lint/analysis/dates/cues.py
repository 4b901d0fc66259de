"""The body's own publication line: a dateline, a `Published`/`Updated` line,
a byline with a date, a line that is only a date, found just under the
headline; and `reader_lines`, the body as a reader sees it, which the date
evidence reads.

dateparser is only called on short strings after a publication keyword that
the tables cannot read, restricted to the keyword's language and cached; it
never scans a body."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from scrapelint.analysis import layout as article_layout
from scrapelint.analysis.dates.find import HAS_DIGIT, MONTH, YEAR, DateMatch, make_date
from scrapelint.analysis.dates.gates import CaseBlindGate
from scrapelint.analysis.dates.sources import close
from scrapelint.analysis.text import visible

if TYPE_CHECKING:
    from scrapelint.analysis.dates.evidence import Evidence

# ---------------------------------------------------------------------------
# the body's publication line
# ---------------------------------------------------------------------------

# "MOSCOW, Feb 10 (Reuters) -", "BERLIN, 10. Februar (dpa) -", "PARIS, Feb. 10, 2025 -"
_DATELINE_RE = re.compile(
    r"^[\W_]*[A-ZÀ-Ý][A-Za-zÀ-ÿ.'’\- ]{1,40}(?:\([A-Za-z .]{2,20}\))?,\s+"
    rf"(?P<date>(?:{MONTH})\s?\d\d?(?:st|nd|rd|th)?(?:,?\s+{YEAR})?|\d\d?\.?\s+(?:de\s+)?(?:{MONTH})(?:\s+{YEAR})?"
    rf"|\d\d?\.\d\d?\.{YEAR})"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{1,30})\)\s*|/[A-Za-z][\w .&-]{1,30}/\s*)?(?:--|[-–—:])\s"
    # "(21. November 2022) Energieverbraucher erhalten ...": a paragraph led by its date
    rf"|^[\W_]*\((?P<date2>(?:{MONTH})\s?\d\d?(?:,?\s+{YEAR})|\d\d?\.?\s+(?:de\s+)?(?:{MONTH})\s+{YEAR}|\d\d?\.\d\d?\.{YEAR})\)\s+\w",
)
_PUB_KW = CaseBlindGate(
    r"(?P<pub>\b(?:first\s+)?(?:published|posted|released)(?:\s+(?:on|at))?"
    r"|\bver[öo]ffentlicht(?:\s+am)?|\berschienen(?:\s+am)?|\bpubliziert(?:\s+am)?"
    r"|\bpubli[ée]e?(?:\s+le)?|\bmis\s+en\s+ligne(?:\s+le)?"
    r"|\bpublicad[oa](?:\s+(?:el|en))?|\bfecha\s+de\s+publicaci[óo]n)"
    r"|(?P<upd>\b(?:last\s+)?(?:updated|modified|edited|revised)(?:\s+(?:on|at))?"
    r"|\b(?:zuletzt\s+)?aktualisiert(?:\s+am)?|\bge[äa]ndert(?:\s+am)?|\bStand\b"
    r"|\bmis\s+[àa]\s+jour(?:\s+le)?|\bmodifi[ée]e?(?:\s+le)?|\bactualis[ée]e?(?:\s+le)?"
    r"|\bactualizad[oa](?:\s+(?:el|en))?|\b[úu]ltima\s+actualizaci[óo]n|\bmodificad[oa](?:\s+el)?)",
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
_TIMEAGO = CaseBlindGate(r"\bago\b|\bvor\s+\d|\bil y a\b|\bhace\s+\d")
# Lines that are a page's furniture, not its article.
_FOOTER_RE = CaseBlindGate(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|all rights reserved|alle rechte vorbehalten"
                           r"|tous droits réservés|todos los derechos reservados")
_COMMENT_RE = CaseBlindGate(r"\b(?:reply|antworten|répondre|responder|says|sagt|écrit|dice)\s*:?\s*$"
                            r"|^\s*\W*(?:reply|antworten|répondre|responder)\b|\bcommented\b|\bkommentiert\b")
_BYLINE_ANY = re.compile(r"(?i:by|von|par|por)\s+\[?[A-ZÀ-Ý][\w'’-]+\s+[A-ZÀ-Ý]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_LINK_ONLY = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#{1,6})?\s*\[[^\]]+\]\([^)]*\)\s*$")
_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


class Cue(NamedTuple):
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
    return _WS.sub(" ", _PUNCT.sub(" ", text.lower())).strip()


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


_HEADLINE_PREFIX = re.compile(r"^\s*(?:[-*+]\s+)?#{1,6}\s+")


def _headline_index(doc, limit: int) -> int | None:
    """The body line of the article's headline: a heading (or a line) that is
    the title, else the first level-1 heading; None when there is neither."""
    title = doc.field("title")
    tnorm = _norm(title) if isinstance(title, str) else ""
    lines = doc.lines
    n = min(limit, len(lines))
    view = reader_lines(doc)

    def readable(i: int) -> bool:
        return bool(lines[i]) and len(lines[i]) <= 400 and bool(view[i].strip())  # not blank, too long or code

    if tnorm:
        thead = title.strip().lower()[:8]
        longest = 2 * len(tnorm) + 20  # a headline is about as long as its title: only shorter lines are lowered
        for i, line in enumerate(lines[:n]):
            if len(line) < longest and thead in line.lower() and readable(i):
                hm = _HEADLINE_PREFIX.match(line)
                ln = _norm(line[hm.end():] if hm else line)
                if len(ln) >= 12 and (ln == tnorm or (hm is not None and ln in tnorm)):
                    return i
    for block in doc.blocks:  # no line is the title: the first level-1 heading
        if block.kind != "heading":
            continue
        i = block.start
        if i >= n:
            break
        line = lines[i]
        if readable(i) and _HEADLINE_PREFIX.match(line) and line.lstrip(" -*+").startswith("# "):
            return i
    return None


def _resolve_year(mo: int, d: int, ref: _dt.date) -> _dt.date | None:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        c = make_date(y, mo, d)
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
        d = make_date(m.year, m.month, m.day)
        if d is None:
            return None
        if m.alt is not None:  # 03/04/2025: the page's own order, else the URL, must settle it
            if ev.order is not None:
                return (d if ev.order == "dmy" else m.alt), None
            if url is not None and url.precision == "day":
                near = [x for x in (d, m.alt) if close(x, url.start)]
                if len(near) == 1:
                    return near[0], None
            return None
        return d, None
    if url is not None:
        return _resolve_year(m.month, m.day, url.start), "the URL"
    if stated is not None and stated.date is not None:
        return _resolve_year(m.month, m.day, stated.date), "the front matter"
    return None


def publication_cues(doc, ev: Evidence, by_line: dict[int, list[DateMatch]], lines: list[str],
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
        kws = list(_PUB_KW.finditer(line)) if len(line) < 300 else []
        if not ms:
            if kws and not _TIMEAGO.search(line):  # "updated 2 hours ago" has no date to read
                # a publication keyword whose date the tables cannot read: dateparser, one language
                for kw in kws:
                    tail = line[kw.end():kw.end() + 40].strip(" :-–—|*_")
                    if not _FALLBACK_SHAPE.match(tail):
                        continue  # only a string shaped like a date goes to dateparser
                    lang = _kw_lang(kw.group(0))
                    first = HAS_DIGIT.search(tail).start()
                    before = tail.rfind(" ", 0, max(0, first - 1)) + 1
                    # "10. Feber 2025" first, then "Feber 10, 2025": weekdays and articles left out
                    d = _dateparser_parse(tail[first:], lang) or (
                        _dateparser_parse(tail[before:], lang) if before < first else None)
                    if d is not None:
                        kind = "published" if kw.group("pub") else "updated"
                        cues.append(Cue(i, kind, line[kw.start():kw.end() + 40].strip(), d, None))
            continue
        used = False
        for m in ms:
            kw = next((k for k in reversed(kws) if k.end() <= m.start and m.start - k.end() <= 30), None)
            if kw is not None:
                got = _cue_date(m, ev)
                if got:
                    kind = "published" if kw.group("pub") else "updated"
                    cues.append(Cue(i, kind, line[kw.start():m.end].strip(), got[0], got[1]))
                used = True
        if used or len(line) > 200 or place_of_line(i, lines, captions, article_layout.of(doc)) is not None:
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
            if place_of_line(i, lines, captions, article_layout.of(doc)) is not None:
                continue
            later.append(Cue(i, "published", line[kw.start():m.end].strip(), _dt.date(m.year, m.month, m.day), None))
    if later and all(close(c.date, later[0].date) for c in later):
        cues.append(later[0])
    return cues


_RANGE_BEFORE = re.compile(r"(?:\d\d?\.?\s*(?:[-–—]|bis|to|until|till|through|and|und|et|au|al|y|a)\s*"
                           r"|\b(?:from|between|vom|von|zwischen|du|entre|desde)\s+)$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—]|bis|to|until|till|through|au|al|hasta)\s*\d", re.IGNORECASE)
_REFERENCE = re.compile(r"^\s*(?:\(\d{1,3}\)|\[\d{1,3}\]|\^?\d{1,3}[.)]\s|\^)"
                        r"(?=.*(?:https?:|www\.|\b(?:abgerufen|accessed|retrieved|consulté|consultado|zugriff)))",
                        re.IGNORECASE)


NEVER_PUBLICATION = ("date range of an event", "reference or footnote")


def place_of_date(m: DateMatch, lines: list[str], captions, layout, places: dict[int, str | None]) -> str | None:
    line = lines[m.index]
    if _RANGE_BEFORE.search(line[max(0, m.start - 25):m.start]) or _RANGE_AFTER.match(line[m.end:m.end + 12]):
        return "date range of an event"
    if m.index not in places:  # a line holds several dates: its place is read once
        places[m.index] = place_of_line(m.index, lines, captions, layout)
    return places[m.index]


def place_of_line(i: int, lines: list[str], captions, layout) -> str | None:
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
