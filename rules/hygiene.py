"""TX: text hygiene of the body: glued words, mojibake, HTML remnants,
invisible characters, placeholder and bot-check text.

The rules read the prose view of the body (`Document.prose_lines`): code
spans and code blocks, HTML markup, link targets and reference definitions
are blanked there, so they are never taken for text.  Each rule scans the
raw body with one compiled regex first and asks for the Markdown parse only
where that cheap scan found something (`scrapelint.analysis.prose`); ftfy
is imported only when a line holds a byte pattern typical of mojibake.
Glued-word detection and the page's HTML tags are shared analysis
(`scrapelint.analysis.glued`, `scrapelint.analysis.htmltags`); the rules
here decide what is reported.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from scrapelint.analysis import glued, htmltags
from scrapelint.analysis.phrases import (
    lowered_join,
    lowered_lines,
    offsets_of,
    phrase_set,
)
from scrapelint.analysis.prose import first_match_by_line, matches_by_line
from scrapelint.findings import Finding, Severity
from scrapelint.lazymodel import Field
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions

# ---------------------------------------------------------------------------
# TX001
# ---------------------------------------------------------------------------


class GluedWords(Rule):
    """Words joined by lost whitespace, such as `subscribersJoin`.

    What it checks: tokens in the prose (not code, not HTML markup, not
    link targets) where a run of at least `min-run` lower-case letters runs
    straight into a capital letter (`subscribersJoin`, `weatherSign`): the
    mark of two page elements (a promo and its button, a teaser and its
    label) whose text was concatenated without a space.  Real words with an
    inner capital pass: short runs (McDonald, iPhone, DeVos, LeBron,
    YouTube, PayPal), camelCase identifiers, URLs, handles, hashtags, code,
    the allowlist in `rules/data/camel-case-words.txt` (PowerPoint,
    LinkedIn, WhatsApp, ...), which `extend-allow` extends, and tokens the
    page itself shows to be names: written in its code, pointed at by a
    link, or a link's whole text.

    Severity: a warning when a lower-case word runs into a capitalised one
    (`subscribersJoin`).  A note when the token is written like a product or
    brand name, every part capitalised (`HarbourLink`, `CloudStore`), or
    when the part after the join is all capitals (`categoryUS`): such
    tokens are names as often as they are glued words.

    Why it matters: glued words are not words: they break search, counts
    and tokenisers, and they show that the line is page furniture (menu
    labels, teaser cards) flattened into the body.

    Example:

        Daily tide tables for harbour pilots and subscribersJoin our crew today

    Clean:

        The McDonald's kiosk, a JavaScript app and `renderTideTable` all work offline.

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
        allow = glued.camel_words()
        if self.options.extend_allow:
            allow = allow | frozenset(self.options.extend_allow)
        found = []
        for i, col, token in glued.candidates(doc):
            split = glued.glued_split(token, allow, self.options.min_run)
            if split is not None:
                found.append((i, col, token, split))
        if not found:
            return
        # which tokens the page names, asked once for all of them: linear in the page
        named = glued.named_by_page({left + right for *_, (left, right) in found}, doc)
        seen: set[int] = set()
        for i, col, token, (left, right) in found:
            if i in seen or left + right in named:
                continue
            seen.add(i)
            # `HarbourLink`: every part capitalised, as names are written
            name_like = left[0].isupper() and right[:1].isupper()
            weak = name_like or right[:2].isupper() or len(right) < 2
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
_MOJIBAKE_LEADS = "\u00c2\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9\u00e2\u00e3\u00e5\u00ef"
_MOJIBAKE_HINT_RE = re.compile(
    f"[{_MOJIBAKE_LEADS}]"
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

    Clean:

        Le café a rouvert lundi, à la grande joie de tous.

    Fix: decode the page with its real charset, or repair the text with
    `ftfy.fix_text` and review the result.
    """

    code, name = "TX002", "mojibake"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        body = doc.body
        # isascii() is O(1); the hint's first characters are found by `in` (C's
        # memchr) ten times faster than the regex scans a page
        if body.isascii() or not any(c in body for c in _MOJIBAKE_LEADS) or not _MOJIBAKE_HINT_RE.search(body):
            return
        from ftfy.badness import badness, is_bad

        for i, col, m in first_match_by_line(_MOJIBAKE_HINT_RE, doc):
            line = doc.prose_lines[i]
            if not is_bad(line):
                continue
            yield self.finding(doc, doc.file_line(i),
                               f"mojibake: \"{m.group(0)}\" is how UTF-8 text reads when decoded as Latin-1/Windows-1252 "
                               f"(ftfy badness {badness(line)})",
                               column=col + 1)


# ---------------------------------------------------------------------------
# TX003
# ---------------------------------------------------------------------------

_ENTITY_BODY_RE = re.compile(r"(#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY_RE = re.compile("&" + _ENTITY_BODY_RE.pattern)
# Elements that structure a page.  Markdown writes them as blocks of their
# own; inside a paragraph they are what a converter left of the page.
_STRUCTURAL = frozenset("""
address article aside body button canvas center dd div dl dt fieldset figcaption figure font footer form
h1 h2 h3 h4 h5 h6 head header html iframe input label li link main meta nav noscript ol optgroup option
p script section select style table tbody td textarea tfoot th thead title tr ul
""".split())
# Elements that run or style a page and show no text: an author embeds them
# on purpose at times (a chart's script), a converter leaves them often.
_MACHINERY = frozenset("script style noscript".split())
# Attributes a CMS or a page template writes, an author's Markdown seldom does.
_TEMPLATE_ATTR_RE = re.compile(r"\b(?:class|id|style|data-[\w-]+|aria-[\w-]+|onclick|itemprop)\s*=", re.IGNORECASE)


class HtmlRemnant(Rule):
    """HTML a converter failed to convert: page markup in prose, tag fragments, entities.

    What it checks: tags that structure a page (`<div>`, `<p>`, `<li>`,
    `<script>`, `<td>`) inside a paragraph, heading or table row, where
    Markdown has no use for them; tags that open an element never closed
    on the page, or close one never opened (`</span>` alone); entities
    escaped twice (`&amp;nbsp;`, which a reader sees as `&nbsp;`); and, as
    notes, other character entities in the prose (`&#8217;`, `&nbsp;`:
    valid Markdown, but text read without a Markdown renderer shows them as
    written), phrasing tags with a template's attributes (`<span
    class="x">`) and `<script>`, `<style>` or `<noscript>` in an HTML
    block (page machinery, though an author may embed a chart's script).  HTML an author writes on purpose passes: HTML blocks whose
    tags balance (a table, a figure, an `<img>`, a `<blockquote>`), and
    balanced phrasing tags in a sentence (`<sup>`, `<br>`, `<kbd>`, `<a
    href>`, `<img>`).  Code spans and code blocks are never read; HTML
    comments (and so scrapelint's own suppression comments) are not tags.
    Sites whose Markdown embeds HTML freely can set `allow-html`, so that
    only entities are reported.

    Severity: a warning for page markup in prose, fragments and entities
    escaped twice; a note for other entities, template attributes and
    page machinery in an HTML block.

    Why it matters: a remnant shows the HTML was not fully converted; tags
    leak markup (and sometimes scripts) into the text, and an entity shows
    as `&amp;` instead of `&` wherever the text is used as text.

    Example:

        The council&amp;#8217;s budget <div class="promo-box">passed on Tuesday.

    Clean:

        The ferry carries 40 cars<sup>1</sup> and, on calm days,<br>a café.

    Fix: unescape entities (`html.unescape`) and convert or strip the tags,
    or re-extract the page.
    """

    code, name = "TX003", "html-remnant"
    severity = Severity.WARNING

    class Options(RuleOptions):
        allow_html: bool = Field(False, alias="allow-html",
                                 description="The site's Markdown embeds HTML on purpose: report only entities.")

    def check(self, doc) -> Iterator[Finding]:
        body = doc.body
        if "<" not in body and "&" not in body:
            return
        found: dict[int, tuple[int, str, str, bool]] = {}  # line -> (column, text, what, weak)
        if "&" in body:
            for i, col, m in matches_by_line(_ENTITY_RE, doc):
                # imported for the first text shaped like an entity: the HTML5 table
                # costs 8 M instructions to load, 2% of a one-file run, and few pages hold one
                import html.entities

                entity = m.group(1)
                if i in found or not entity.startswith("#") and entity not in html.entities.name2codepoint \
                        and entity + ";" not in html.entities.html5:
                    continue
                # `&amp;nbsp;`: escaped twice, the reader of the rendered page sees `&nbsp;`
                twice = entity == "amp" and _ENTITY_BODY_RE.match(doc.prose_lines[i], col + 5) is not None
                found[i] = (col, m.group(0), f"the HTML entity \"{m.group(0)}\"" +
                            (" escaped twice" if twice else ""), not twice)
        if "<" in body and not self.options.allow_html:
            tags = htmltags.tags(doc)
            stray = htmltags.unbalanced(tags) if tags else set()
            for k, t in enumerate(tags):
                if t.line in found and not found[t.line][3]:
                    continue  # one finding a line: the first strong one
                text = t.text[:40]
                if k in stray:
                    what = f"the HTML tag \"{text}\" {'closes' if t.closing else 'opens'} an element " \
                           f"{'never opened' if t.closing else 'never closed'} on the page: a fragment"
                    found[t.line] = (t.col, t.text, what, False)
                elif t.in_prose and t.name in _STRUCTURAL:
                    found[t.line] = (t.col, t.text, f"the page-structure tag \"{text}\" inside a paragraph", False)
                elif not t.in_prose and not t.closing and t.name in _MACHINERY and t.line not in found:
                    found[t.line] = (t.col, t.text, f"the page-machinery tag \"{text}\" in an HTML block", True)
                elif t.in_prose and not t.closing and _TEMPLATE_ATTR_RE.search(t.attrs) and t.line not in found:
                    found[t.line] = (t.col, t.text, f"the HTML tag \"{text}\" with a template's attributes", True)
        for i in sorted(found):
            col, text, what, weak = found[i]
            yield self.finding(doc, doc.file_line(i), f"{what} was left unconverted in the Markdown body",
                               column=col + 1, end_line=doc.file_line(i), end_column=col + len(text) + 1,
                               severity=Severity.NOTE if weak else None)


# ---------------------------------------------------------------------------
# TX004
# ---------------------------------------------------------------------------

_STRONG_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffd\ufff9-\ufffb"
_WEAK_INVISIBLE = "\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
_INVISIBLE_RE = re.compile(f"[{_STRONG_INVISIBLE}{_WEAK_INVISIBLE}]")
_STRONG_RE = re.compile(f"[{_STRONG_INVISIBLE}]")


def _all_visible(doc) -> bool:
    """No invisible character, by a test ten times cheaper than the regex:
    every one of them but U+FFFD is a character `str.isprintable` refuses
    (controls, format characters), and most lines pass it."""
    return "\ufffd" not in doc.body and all(map(str.isprintable, doc.lines))


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

    Clean:

        The harbour authority said the ferry would run on Sunday.

    Fix: remove the characters (`str.translate`), and re-decode the source
    when U+FFFD appears.
    """

    code, name = "TX004", "invisible-character"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        if _all_visible(doc) or not _INVISIBLE_RE.search(doc.body):
            return
        for i, line in enumerate(doc.prose_lines):
            m = _INVISIBLE_RE.search(line)
            if m is None or not line.strip():
                continue  # none, or a form feed alone on a line: it splits no word
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

    Clean:

        The ferry app was rewritten in JavaScript last year and now shows live departures.

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
        lowered, starts = lowered_lines(doc)
        if not phrases.hits(doc.lines, lowered, starts):
            return  # the common case: no Markdown parse needed
        lines = doc.prose_lines  # phrases in code are examples, not the page
        lowered = lowered_join(lines)
        for i, m in sorted(phrases.hits(lines, lowered, offsets_of(lines)).items()):
            yield self.finding(doc, doc.file_line(i),
                               f"\"{m.group(0).strip()}\" is placeholder or bot-check text, not an article",
                               column=m.start() + 1)


@hookimpl
def scrapelint_rules():
    return [GluedWords, Mojibake, HtmlRemnant, InvisibleCharacter, PlaceholderText]
