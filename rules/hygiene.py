"""TX: text hygiene of the body: glued words, mojibake, HTML remnants,
invisible characters, placeholder and bot-check text.

Each rule scans the whole body with one compiled regex first and looks at
single lines only where that cheap scan found something; ftfy is imported
only when a line holds a byte pattern typical of mojibake.  Code blocks and
code spans are left alone.
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from functools import lru_cache
from typing import Iterator

from pydantic import Field

from scrapelint.article import line_starts, load_entries, lowered_join, phrase_set
from scrapelint.findings import Finding, Severity
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions

_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _code_spans(line: str) -> list[tuple[int, int]]:
    if "`" not in line:
        return []
    return [m.span() for m in _CODE_SPAN_RE.finditer(line)]


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _matches_by_line(pattern: re.Pattern, doc) -> Iterator[tuple[int, int, re.Match]]:
    """(body line, column offset in the line, match) for every match outside
    code blocks and code spans, from one scan of the body."""
    body = doc.body
    starts = None
    code = doc.code_lines
    from bisect import bisect_right

    for m in pattern.finditer(body):
        if starts is None:
            starts = line_starts(body)
        i = bisect_right(starts, m.start()) - 1
        if i in code or i >= len(doc.lines):
            continue
        col = m.start() - starts[i]
        spans = _code_spans(doc.lines[i])
        if spans and _in_spans(col, spans):
            continue
        yield i, col, m


# ---------------------------------------------------------------------------
# TX001
# ---------------------------------------------------------------------------

# A token with a lower-case letter running into a capital, not part of a
# URL, handle, hashtag, path or identifier.
# the join: a capital after two lower-case letters; the token around it is
# taken in Python.  Written capital-first (the lookbehind runs only at
# capitals): 2.5x faster than [a-z]{2}[A-Z] over a page of lower-case text.
_GLUED_RE = re.compile(r"[A-Z](?<=[a-z]{2}[A-Z])")
_TOKEN_LEFT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TOKEN_RIGHT = _TOKEN_LEFT | frozenset("'’")
_NOT_BEFORE = frozenset("@#/\\.:=&?%+-_0123456789")
_TRANSITION_RE = re.compile(r"[a-z][A-Z]")


@lru_cache(maxsize=1)
def _camel_words() -> frozenset[str]:
    return frozenset(e.text for e in load_entries("camel-case-words.txt"))


def glued_split(token: str, allow: frozenset[str], min_run: int = 4) -> tuple[str, str] | None:
    """Where a token looks like two words joined by lost whitespace: the
    (left, right) parts, or None.  The lower-case run before the inner
    capital must be at least `min_run` letters (McDonald, iPhone, DeVos,
    YouTube, JavaScript stay out); camelCase identifiers (several humps,
    lower-case start) and the allowlist are skipped."""
    core = token.rstrip("'’s") if token.endswith(("'s", "’s")) else token
    if core in allow or token in allow:
        return None
    humps = _TRANSITION_RE.findall(core)
    if not humps:
        return None
    if core[0].islower() and len(humps) > 1:
        return None  # getElementById: an identifier, not prose
    for m in _TRANSITION_RE.finditer(core):
        k = m.start() + 1
        left = core[:k]
        run = len(left) - len(left.rstrip("abcdefghijklmnopqrstuvwxyz"))
        if run < min_run:
            continue
        right = core[k:]
        # parts that are themselves allowlisted camel words (WhatsAppGroup)
        if any(w in allow for w in (left, right)):
            continue
        return left, right
    return None


class GluedWords(Rule):
    """Words joined by lost whitespace, such as `professionalsLearn`.

    What it checks: tokens where a run of at least `min-run` lower-case
    letters runs straight into a capital letter (`professionalsLearn`,
    `aboutRefinitiv`, `StatescategoryDemocratic`): the mark of two page
    elements (a promo and its button, a category label and a headline)
    whose text was concatenated without a space.  Real words with an inner
    capital pass: short runs (McDonald, iPhone, DeVos, LeBron, YouTube,
    PayPal, JavaScript), camelCase identifiers, URLs, handles, hashtags, code,
    and the allowlist in `rules/data/camel-case-words.txt` (PowerPoint,
    LinkedIn, WhatsApp, ...), which `extend-allow` extends.

    Severity: a warning when the part after the join is a capitalised word;
    a note when it is all capitals (`categoryUS`, which may be a brand).

    Why it matters: glued words are not words: they break search, counts
    and tokenisers, and they show that the line is page furniture (menu
    labels, teaser cards) flattened into the body.

    Example:

        Exclusive news, data and analytics for financial market professionalsLearn more aboutRefinitiv

    Fix: re-extract with an extractor that separates block elements, or
    insert the missing space (review first: this rule does not fix).
    """

    code, name = "TX001", "glued-words"
    severity = Severity.WARNING

    class Options(RuleOptions):
        min_run: int = Field(4, ge=2, alias="min-run",
                             description="Fewest lower-case letters before the inner capital.")
        extend_allow: list[str] = Field(default_factory=list, alias="extend-allow",
                                        description="More words with an inner capital that are real (case-sensitive).")

    def check(self, doc) -> Iterator[Finding]:
        if not doc.body:
            return
        allow = _camel_words()
        if self.options.extend_allow:
            allow = allow | frozenset(self.options.extend_allow)
        seen: set[int] = set()
        for i, col, m in _matches_by_line(_GLUED_RE, doc):
            if i in seen:
                continue
            line = doc.lines[i]
            a = col
            while a > 0 and line[a - 1] in _TOKEN_LEFT:
                a -= 1
            if a > 0 and (line[a - 1] in _NOT_BEFORE or line[a - 1].isalnum()):
                continue  # a URL, handle, hashtag, path or a token with other letters
            b = m.end() - (m.start() - col) - 1
            while b < len(line) and line[b] in _TOKEN_RIGHT:
                b += 1
            token = line[a:b]
            col = a
            split = glued_split(token, allow, self.options.min_run)
            if split is None:
                continue
            left, right = split
            seen.add(i)
            weak = right[:2].isupper() or len(right) < 2
            yield self.finding(doc, doc.file_line(i),
                               f"\"{token}\" looks like two words glued together (\"{left}\" + \"{right}\"): "
                               "whitespace between page elements was lost",
                               column=col + 1, end_line=doc.file_line(i), end_column=col + len(token) + 1,
                               severity=Severity.NOTE if weak else None)


# ---------------------------------------------------------------------------
# TX002
# ---------------------------------------------------------------------------

# UTF-8 read as Latin-1 / Windows-1252: a lead byte's character followed by a
# continuation byte's character (Ã©, â€™, Ã¼, Â£, Ð¿...).
_MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9\u00e2\u00e3\u00e5\u00ef]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


class Mojibake(Rule):
    """Text decoded with the wrong encoding (mojibake): `Ã©` for `é`, `â€™` for `’`.

    What it checks: lines holding the character pairs UTF-8 turns into when
    read as Latin-1 or Windows-1252, confirmed by ftfy's badness measure
    (`ftfy.badness.is_bad`), which weighs such sequences against what real
    text in any language contains.  It does not compare the text with
    `ftfy.fix_text`, which also changes clean text (quotes, ligatures).

    Severity: a warning: ftfy's measure is built to be precise.

    Why it matters: mojibake corrupts every word it touches; search, dedup
    and models see garbage, and the rest of the document was probably
    decoded the same wrong way.

    Example:

        The cafÃ© reopened on Monday, its ownerâ€™s third attempt.

    Fix: decode the page with its real charset, or repair the text with
    `ftfy.fix_text` and review the result.
    """

    code, name = "TX002", "mojibake"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        if doc.body.isascii() or not _MOJIBAKE_HINT_RE.search(doc.body):  # isascii() is O(1)
            return
        from ftfy.badness import badness, is_bad

        seen: set[int] = set()
        for i, col, m in _matches_by_line(_MOJIBAKE_HINT_RE, doc):
            if i in seen:
                continue
            seen.add(i)
            line = doc.lines[i]
            if not is_bad(line):
                continue
            yield self.finding(doc, doc.file_line(i),
                               f"mojibake: \"{m.group(0)}\" is how UTF-8 text reads when decoded as Latin-1/Windows-1252 "
                               f"(ftfy badness {badness(line)})",
                               column=col + 1)


# ---------------------------------------------------------------------------
# TX003
# ---------------------------------------------------------------------------

_BLOCK_TAGS = ("a|abbr|article|aside|audio|blockquote|body|button|canvas|center|cite|dd|div|dl|dt|em|embed|"
               "fieldset|figcaption|figure|font|footer|form|h[1-6]|head|header|html|i|iframe|img|input|ins|label|"
               "li|link|main|mark|meta|nav|noscript|object|ol|option|p|picture|pre|script|section|select|source|"
               "span|strong|style|svg|table|tbody|td|textarea|tfoot|th|thead|time|title|tr|ul|video|b|q|s|"
               "strike|del|small|big|tt")
_INLINE_TAGS = "br|wbr|hr|u|sup|sub|kbd|var|samp"
_HTML_RE = re.compile(
    rf"</?(?:(?P<block>{_BLOCK_TAGS})|(?P<inline>{_INLINE_TAGS}))(?:\s+[a-zA-Z:_-][^<>]*?)?\s*/?>"
    r"|&(?P<entity>#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.IGNORECASE,
)


class HtmlRemnant(Rule):
    """HTML tags or character entities left in the Markdown body.

    What it checks: HTML tags (`<div class="ad">`, `</p>`, `<span>`,
    `<script>`) and character entities (`&amp;`, `&nbsp;`, `&#8217;`) outside
    code spans and code blocks.  Only real HTML tag names and entity names
    count, so `a < b`, `<3` and autolinks `<https://...>` pass; HTML
    comments (and so scrapelint's own suppression comments) are not tags.

    Severity: a warning for entities and structural or formatting tags; a
    note for the few inline tags Markdown has no syntax for (`<br>`, `<u>`,
    `<sup>`, `<sub>`, `<hr>`), which a converter may keep on purpose.

    Why it matters: a remnant shows the HTML was not fully converted; an
    entity shows as `&amp;` instead of `&` in every downstream use, and tags
    leak markup (and sometimes scripts) into the text.

    Example:

        The minister&#8217;s plan <span class="highlight">was approved</span>.

    Fix: unescape entities (`html.unescape`) and convert or strip the tags,
    or re-extract the page.
    """

    code, name = "TX003", "html-remnant"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        body = doc.body
        if "<" not in body and "&" not in body:
            return
        seen: set[int] = set()
        for i, col, m in _matches_by_line(_HTML_RE, doc):
            if i in seen:
                continue
            entity = m.group("entity")
            if entity is not None:
                if not entity.startswith("#") and entity not in html.entities.name2codepoint \
                        and entity + ";" not in html.entities.html5:
                    continue
                what = f"the HTML entity \"{m.group(0)}\""
                weak = False
            else:
                what = f"the HTML tag \"{m.group(0)[:40]}\""
                weak = m.group("inline") is not None
            seen.add(i)
            yield self.finding(doc, doc.file_line(i), f"{what} was left unconverted in the Markdown body",
                               column=col + 1, end_line=doc.file_line(i), end_column=col + len(m.group(0)) + 1,
                               severity=Severity.NOTE if weak else None)


# ---------------------------------------------------------------------------
# TX004
# ---------------------------------------------------------------------------

_STRONG_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffd\ufff9-\ufffb"
_WEAK_INVISIBLE = "\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
_INVISIBLE_RE = re.compile(f"[{_STRONG_INVISIBLE}{_WEAK_INVISIBLE}]")
_STRONG_RE = re.compile(f"[{_STRONG_INVISIBLE}]")


def _char_name(ch: str) -> str:
    if ch == "\ufffd":
        return "U+FFFD REPLACEMENT CHARACTER"
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character')}"


class InvisibleCharacter(Rule):
    """Control, format or replacement characters in the body.

    What it checks: C0 and C1 control characters (other than tab and line
    breaks), zero-width spaces and word joiners, a byte-order mark inside
    the text, U+FFFD (the mark of bytes that could not be decoded), and, as
    notes, soft hyphens and bidirectional marks, which are legitimate in
    some texts.  Zero-width joiners (emoji, Indic and Persian scripts) are
    not reported.

    Severity: a warning for controls, zero-width spaces, BOMs and U+FFFD; a
    note for soft hyphens and bidi marks.  One finding per line, at the
    first such character, with the count.

    Why it matters: invisible characters split words that look whole
    ("co\u200boperation" no longer matches "cooperation"), break counts,
    dedup and tokenisers; U+FFFD means text was lost in decoding.

    Example:

        The harbour\u200b authority said ... (a zero-width space after "harbour")

    Fix: remove the characters (`str.translate`), and re-decode the source
    when U+FFFD appears.
    """

    code, name = "TX004", "invisible-character"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        if not _INVISIBLE_RE.search(doc.body):
            return
        code = doc.code_lines
        for i, line in enumerate(doc.lines):
            m = _INVISIBLE_RE.search(line)
            if m is None or i in code:
                continue
            found = _INVISIBLE_RE.findall(line)
            strong = _STRONG_RE.search(line)
            first = strong or m
            names = sorted({_char_name(c) for c in found})
            yield self.finding(doc, doc.file_line(i),
                               f"{len(found)} invisible character{'s' if len(found) != 1 else ''} "
                               f"({', '.join(names[:3])}{', ...' if len(names) > 3 else ''}): "
                               "they split words and break matching without showing",
                               column=first.start() + 1, severity=None if strong else Severity.NOTE)


# ---------------------------------------------------------------------------
# TX005
# ---------------------------------------------------------------------------


class PlaceholderText(Rule):
    """Placeholder text or a bot-check page instead of the article.

    What it checks: lorem ipsum, "insert text here", and what bot checks,
    blocked pages and error pages show ("verify you are human", "enable
    JavaScript to continue", "Checking your browser", "Access denied", "404
    not found"), from `rules/data/placeholder-phrases.txt`;
    `extend-phrases` adds entries.

    Severity: a warning: such text is never the article.

    Why it matters: the scraper stored a template or the challenge page
    instead of the article; everything downstream (summaries, training
    data, counts) describes a page nobody wrote.

    Example:

        Please verify you are a human. Access to this page has been denied.

    Fix: fetch the page again (with a real browser, or later), and drop the
    record until then.
    """

    code, name = "TX005", "placeholder-text"
    severity = Severity.WARNING

    class Options(RuleOptions):
        extend_phrases: list[str] = Field(default_factory=list, alias="extend-phrases",
                                          description="More placeholder phrases (literal, or `re:` and a regex).")

    def check(self, doc) -> Iterator[Finding]:
        if not doc.body:
            return
        phrases = phrase_set("placeholder-phrases.txt", "any", tuple(self.options.extend_phrases))
        lines = doc.lines
        code = doc.code_lines
        lowered = lowered_join(lines)
        for i, m in sorted(phrases.hits(lines, lowered, line_starts(lowered)).items()):
            if i in code:
                continue
            yield self.finding(doc, doc.file_line(i),
                               f"\"{m.group(0).strip()}\" is placeholder or bot-check text, not an article",
                               column=m.start() + 1)


@hookimpl
def scrapelint_rules():
    return [GluedWords, Mojibake, HtmlRemnant, InvisibleCharacter, PlaceholderText]
