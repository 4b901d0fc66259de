"""The body's headline, for comparing it with the title: the headings
near the top of the body (`candidates(doc)`, once per document), the one
the body opens with (`body_headline`), and the headline the URL's slug
spells (`slug_affix`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from scrapelint.analysis import layout as article_layout
from scrapelint.analysis.normalise import TRANSLIT, compact, plain, words_of
from scrapelint.analysis.sitename import MAX_TITLE_CHARS, SEPARATOR, Split
from scrapelint.analysis.text import word_estimate

_TOP_LINES = 400  # a headline further down than this is not the page's headline
_MAX_CANDIDATES = 60


class Candidate(NamedTuple):
    line: int  # file line
    level: int
    text: str  # Markdown removed
    raw: str


_HEADING_MARK = re.compile(r"^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?#{1,6}(?:\s+|$)|\s+#+\s*$")


def _candidates(doc) -> list[Candidate]:
    """Headings near the top of the body, as the Markdown parser sees them
    (never a line of a code block or an HTML block); a heading that is only
    a link is the site's logo or a teaser, not this page's headline."""
    out = []
    lines = doc.lines
    for blk in doc.blocks:
        if blk.start > _TOP_LINES:
            break
        if blk.kind != "heading" or not blk.text:
            continue
        if blk.links and blk.link_density >= 0.9:
            continue
        raw = lines[blk.start]
        # the text as written (code spans keep their content), without the heading's marks
        text = plain(_HEADING_MARK.sub("", raw)) if blk.end == blk.start or raw.lstrip(" >").startswith("#") \
            else plain(raw)
        if words_of(text):
            out.append(Candidate(doc.file_line(blk.start), blk.level, text, raw))
            if len(out) >= _MAX_CANDIDATES:
                break
    return out


def candidates(doc) -> list[Candidate]:
    """The headline candidates of `doc` (`_candidates`), once per document."""
    return doc.shared("headline-candidates", _candidates)


def body_headline(doc, cands: list[Candidate]) -> Candidate | None:
    """The headline the body shows: a level-1 heading, or a level-1 or 2
    heading that opens the body, standing before the article's first
    paragraph.  A heading under the article's first paragraph is a section
    heading, whatever its level: published posts open with text and use `#`
    for their sections."""
    start = _first_paragraph(doc)
    if start is not None:
        cands = [c for c in cands if doc.body_index(c.line) <= start]
        if not cands:
            return None
    head = next((c for c in cands if c.level == 1), None)
    if head is None and cands[0].level <= 2 and doc.blocks and doc.body_index(cands[0].line) == doc.blocks[0].start:
        head = cands[0]
    return head


_SENTENCE = re.compile(r"\w[.!?\u3002\uff01\uff1f\u2026][\"'\u201d\u2019\u00bb)\]]*(?:\s|$)")
_PARAGRAPH_WORDS = 12


def _first_paragraph(doc) -> int | None:
    """The first body line of the article's text: the first line of the
    article core (the layout's `start`) or, if earlier, the first paragraph
    block that reads as text (a dozen words or more with a sentence's
    end, mostly not link text, not in a list)."""
    start = article_layout.of(doc).start
    for blk in doc.blocks:
        if start is not None and blk.start >= start:
            break
        if blk.kind == "paragraph" and not blk.list_depth and blk.link_density < 0.5 \
                and word_estimate(blk.text) >= _PARAGRAPH_WORDS and _SENTENCE.search(blk.text):
            return blk.start
    return start



def body_compact(doc) -> str:
    """The body as `compact` letters and digits, once per document."""
    return doc.shared("body-compact", lambda d: compact(d.body))


_SLUG_EXT = re.compile(r"\.[A-Za-z0-9]{2,5}$")
_BAR_SEP = re.compile(r"^\s*[|\u00b7\u2022\u203a\u00bb]\s*$")


def _content_words(text: str) -> list[str]:
    return [w for w in words_of(text.casefold().translate(TRANSLIT)) if len(w) >= 3 and not w.isdigit()]


def slug_affix(title: str, doc) -> tuple[Split, str] | None:
    """A short affix of the title that the URL's slug leaves out, while the
    slug spells the rest: `Zwiebeln richtig schneiden - Tipp mit Foto` at
    `/tipp/2041/Zwiebeln-richtig-schneiden.html`.  Suffixes after a bar or a
    dash, prefixes before a bar only (a kicker before a colon is often part
    of the headline, and slugs drop kickers); at most three words.  A title
    over MAX_TITLE_CHARS has no affix (see `sitename.splits`)."""
    url = doc.url
    if url is None or len(title) > MAX_TITLE_CHARS:
        return None
    segments = [seg for seg in url.path.split("/") if seg]
    if not segments:
        return None
    slug = _SLUG_EXT.sub("", segments[-1])
    slug_words = set(words_of(slug.casefold().translate(TRANSLIT)))
    if sum(not w.isdigit() for w in slug_words) < 3:
        return None
    for m in SEPARATOR.finditer(title):
        sep = title[m.start():m.end()]
        if ":" in sep:
            continue
        for sp in (Split(title[: m.start()], title[m.end():], m.start(), len(title), False),
                   Split(title[m.end():], title[: m.start()], 0, m.end(), True)):
            if sp.prefix and not _BAR_SEP.match(sep):
                continue
            affix_words = _content_words(sp.affix)
            head_words = _content_words(sp.head)
            if not affix_words or len(words_of(sp.affix)) > 3 or len(head_words) < 2:
                continue
            if any(w in slug_words for w in affix_words):
                continue
            if sum(w in slug_words for w in head_words) >= 0.8 * len(head_words):
                return sp, slug
    return None
