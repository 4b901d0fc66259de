"""NV: navigation and other page furniture leaked into the body.

The rules read one shared classification of the body, computed once per
document: `scrapelint.analysis.furniture` cuts the Markdown into units (a
heading, a list item, a table row, a paragraph, or one line of a paragraph
whose lines are separate pieces) and classifies each the way jusText does,
from link density, stop-word density, length and punctuation, its
neighbours and its place relative to the article's core; the layout
(`scrapelint.analysis.layout`) adds the end-of-article marker, captions and the
hits of the phrase lists in `rules/data/`.  A rule only decides and reports.
This module holds NV001-NV004, the furniture anywhere on the page;
`pagetail` holds NV005-NV007, what follows or surrounds the article.

Every finding covers one unit, or one run of adjacent units with no blank
line between them (a tight 40-line menu is one finding), from its first to
its last line, and says why it is furniture.  Code, HTML blocks and
reference definitions are syntax, never evidence.
"""

from __future__ import annotations

import re
from typing import Iterator

from scrapelint.analysis import furniture
from scrapelint.analysis import layout as article_layout
from scrapelint.analysis.furniture import span
from scrapelint.analysis.layout import zone_words
from scrapelint.analysis.phrases import (
    hits_by_line,
    line_starts,
    parse_entries,
)
from scrapelint.analysis.text import shorten
from scrapelint.findings import Finding, Severity
from scrapelint.lazymodel import Field
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions


class BoilerplatePhrase(Rule):
    """A line holds a user-interface or policy phrase: page furniture, not article text.

    What it checks: three phrase lists (English, German, French, Spanish,
    some Portuguese) kept as data files in `rules/data/`:
    `ui-phrases.txt`, phrases that are furniture wherever they stand
    ("opens new tab", "Purchase Licensing Rights", "All rights reserved",
    "Sign up here", cookie and privacy notices, comment widgets, "1 min
    ago"); `ui-prefixes.txt`, phrases that make a line furniture when it
    starts with them ("Related:", "Read more:", "Filed under:"); and
    `ui-lines.txt`, phrases that are furniture when they are the whole
    line ("Advertisement", "Share this", "Comments", a lone byline "By Jane
    Doe").  Each list is compiled once into one alternation and matched over
    the body in one pass.  `extend-phrases`, `extend-prefixes` and
    `extend-lines` add entries (a literal phrase, or `re:` and a regex).

    Severity: a warning when the line is short (at most `max-words`
    words), starts with or is the phrase, or stands outside the article's
    prose core; a note when the phrase sits inside a long line of the
    article, where it may be quoted prose ("readers who sign up here...").

    Why it matters: these lines are what a page shows around the article:
    promos, newsletter boxes, share bars, licensing links.  Left in the
    body, they pollute training data, search indexes and summaries with
    text the author never wrote, repeated on every page of the site.

    A dated line inside a list, a table or a heading is a timeline or a
    release entry, and a call to action that reads as a sentence of the
    article is its text: neither is reported.

    Example:

        The Harbour Briefing brings the week's ferry news to your inbox. Sign up here.

    Not reported:

        Engineers hope to learn more about the hull once the boat is back in dry dock, the authority said.

    Fix: delete the line, or re-extract the page with an extractor that
    keeps only the article (trafilatura, readability).
    """

    code, name = "NV001", "boilerplate-phrase"
    severity = Severity.WARNING

    class Options(RuleOptions):
        extend_phrases: list[str] = Field(default_factory=list, alias="extend-phrases",
                                          description="More phrases that are furniture anywhere in a line (literal, or `re:` and a regex).")
        extend_prefixes: list[str] = Field(default_factory=list, alias="extend-prefixes",
                                           description="More phrases that make a line furniture when it starts with them.")
        extend_lines: list[str] = Field(default_factory=list, alias="extend-lines",
                                        description="More phrases that are furniture when they are the whole line.")
        max_words: int = Field(40, ge=1, alias="max-words",
                               description="Longest line (in words) where an in-line phrase inside the article is a warning rather than a note.")

    def _hits(self, doc) -> dict[int, tuple[str, str]]:
        layout = article_layout.of(doc)
        o = self.options
        if not (o.extend_phrases or o.extend_prefixes or o.extend_lines):
            return layout.phrases
        hits = dict(layout.phrases)
        starts = line_starts(doc.body)
        for kind, extra, name, mode in (("line", o.extend_lines, "ui-lines.txt", "line"),
                                        ("prefix", o.extend_prefixes, "ui-prefixes.txt", "prefix"),
                                        ("phrase", o.extend_phrases, "ui-phrases.txt", "any")):
            if not extra:
                continue
            pattern = _extra_regex(tuple(extra), mode)
            for i, m in hits_by_line(pattern, doc.body, starts).items():
                if i not in hits:
                    hits[i] = (kind, m.group(0).strip(" \t*_#>[]()-+|:\r"))
        return hits

    def check(self, doc) -> Iterator[Finding]:
        hits = self._hits(doc)
        if not hits:
            return
        fu = furniture.of(doc)
        by_unit: dict[int, int] = {}
        for i in sorted(hits):
            k = fu.unit_of_line.get(i)
            if k is not None and k not in by_unit:  # code, HTML, definitions: syntax, never evidence
                by_unit[k] = i
        for k, i in by_unit.items():
            unit = fu.units[k]
            kind, text = hits[i]
            if kind == "dateline" and (unit.kind == "heading" or unit.in_list or unit.in_table):
                continue  # a dated heading, list item or table row is a timeline or release entry
            zone = fu.zone(k)
            tail = article_layout.of(doc).in_tail(unit.start)
            outside = zone in ("head", "foot") or tail
            in_sentence = kind in ("outside",) and _sentence_words(doc.lines[i], text) > SENTENCE_WORDS
            if kind == "outside" and (not outside or (in_sentence and not tail)):
                continue  # a call to action inside the article, or inside a sentence, is the author's
            weak = not outside and (kind == "dateline" or in_sentence or unit.words > self.options.max_words)
            if kind == "dateline":
                why = f"the line is only a date or timestamp (\"{shorten(text)}\"), page metadata"
            elif kind == "line":
                why = f"the whole line is the page phrase \"{shorten(text)}\""
            elif kind == "prefix":
                why = f"the line opens with the page phrase \"{shorten(text)}\""
            elif kind == "outside":
                why = f"\"{shorten(text)}\" is a call to action"
            else:
                why = f"\"{shorten(text)}\" is a user-interface or policy phrase"
            where = zone_words(fu, k, doc)
            message = f"{why}{', ' + where if where else ''}: page furniture, not article text"
            if weak and kind == "dateline":
                message += " (inside the article: may be a timeline entry)"
            elif weak:
                message += f" (a {unit.words}-word piece of the article: may be quoted prose)"
            yield self.finding(doc, doc.file_line(unit.start), message, end_line=doc.file_line(unit.end),
                               severity=Severity.NOTE if weak else None)


# A phrase inside a sentence longer than this (in words) may be the
# author's ("please leave a comment on the issue"); a promo's phrase opens
# its line or is a sentence of its own ("Sign up here.").
SENTENCE_WORDS = 6
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[,;:]?\s+|\s+[|·•]\s+")


def _sentence_words(line: str, phrase: str) -> int:
    """Words of the sentence of `line` that holds `phrase`; 0 when the
    phrase opens the line (a promo's imperative) or is not found."""
    at = line.lower().find(phrase.lower())
    if at < 0 or not line[:at].strip(" \t*_#>[(-+|"):
        return 0
    pos = 0
    for sentence in _SENTENCE_SPLIT_RE.split(line):
        start = line.find(sentence, pos)
        if start <= at < start + len(sentence) or start > at:
            return len(sentence.split())
        pos = start + len(sentence)
    return 0


_EXTRA_CACHE: dict[tuple, re.Pattern] = {}


def _extra_regex(extra: tuple[str, ...], mode: str) -> re.Pattern:
    key = (extra, mode)
    pat = _EXTRA_CACHE.get(key)
    if pat is None:
        from scrapelint.analysis.phrases import LEAD, TRAIL

        alt = "|".join(f"(?:{e.pattern})" for e in parse_entries("\n".join(extra)))
        if mode == "any":
            pat = re.compile(alt, re.IGNORECASE)
        elif mode == "prefix":
            pat = re.compile(LEAD + f"(?:{alt})", re.IGNORECASE | re.MULTILINE)
        else:
            pat = re.compile(LEAD + f"(?:{alt})" + TRAIL, re.IGNORECASE | re.MULTILINE)
        _EXTRA_CACHE[key] = pat
    return pat


_MANGLED_TARGET_RE = re.compile(r"</|<https?:/(?!/)|<https?://|\s(?!\"[^\"]*\"\s*$)|>")
# It opens with its bracket and looks behind it for an image's "!": a
# pattern that opens with a lookbehind is tried at every character.  Its
# loops are possessive, and take runs of characters at a time: what follows
# each loop is a closing bracket or parenthesis that no loop takes, so
# giving characters back never found a match, and trying one character at a
# time through an alternation was most of NV002's cost.
_LINK_TARGET_RE = re.compile(r"\[(?<!!\[)((?:[^\[\]]++|\[[^\[\]]*+\])*+)\]\(([^()]*+(?:\([^()]*+\)[^()]*+)*+)\)")


class EmptyOrMangledLink(Rule):
    """A link with no text, or whose target is mangled by the scraper.

    What it checks: Markdown links `[](...)` with no text (what is left of a
    linked image or icon when the converter dropped it), and link targets
    that hold `</`, `<https:/`, a stray `>` or whitespace (a relative
    `href` glued to the page URL, an autolink inside a link).

    Severity: always a warning: neither is ever written by an author.

    Why it matters: an empty link is an invisible line of page furniture
    (teaser lists, author pages, ads) and a mangled target is a broken link;
    both tell that the page was converted whole, navigation included.

    Example:

        [](https://www.example-news.org/local/</authors/ana-lima/>)

    Not reported:

        The authority published [the refit report](https://example.org/report) on Friday.

    Fix: delete the line; re-extract the page with a tool that resolves
    relative links against the page URL.
    """

    code, name = "NV002", "empty-or-mangled-link"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        body = doc.body
        if "](" not in body:
            return
        for i, line in enumerate(doc.lines):
            if "](" not in line:
                continue
            block = doc.block_at(i)
            if block is None or not block.is_prose_kind:  # code, HTML, definitions: syntax
                continue
            for m in _LINK_TARGET_RE.finditer(line):
                text, target = m.group(1), m.group(2)
                if not text.strip():
                    problem = "a link with no text"
                    bad = _MANGLED_TARGET_RE.search(target.strip())
                    if bad:
                        problem += f" and a mangled target (holds {bad.group(0).strip() or 'whitespace'!r})"
                else:
                    target = target.strip()
                    # the regex needs a bracket or a space; every space but " " is unprintable
                    if "<" not in target and ">" not in target and " " not in target and target.isprintable():
                        continue
                    bad = _MANGLED_TARGET_RE.search(target)
                    if not bad:
                        continue
                    problem = f"a link target holding {bad.group(0).strip() or 'whitespace'!r}"
                yield self.finding(doc, doc.file_line(i),
                                   f"{problem}: {shorten(m.group(0), 70)} is what a whole-page conversion leaves of "
                                   "icons, teasers and relative links",
                                   column=m.start() + 1, end_line=doc.file_line(i), end_column=m.end() + 1)
                break


class LinkDenseLine(Rule):
    """Most of a block's text is link text: a menu, a teaser list, a tag cloud.

    What it checks: the share of a unit's visible text that is link text
    (images dropped, Markdown marks removed), as jusText and readability
    measure link density; a unit is a heading, a list item, a table row, a
    paragraph, or one line of a paragraph whose lines are separate pieces.
    At or above `threshold` (0.5) the unit is mostly links.  Outside the
    article's core (before its first good paragraph, after its last, after
    an end marker) such a unit is furniture once its neighbours agree
    (jusText's context pass).  Inside the core only a link-dense paragraph
    whose links all stay on the page's own site (a "read also" teaser) is
    reported: lists and tables inside the article are its content, and so
    are links to other sites (sources, contributors, release notes).  Links
    to a place on the same page (a table of contents) never count.

    Severity: a warning.  One finding per run of adjacent units with no
    blank line between them.

    Why it matters: navigation is made of links; article text is made of
    sentences with a few links.  A block that is mostly links, around the
    article, is almost always a menu, a "related" teaser or a tag list.

    Example:

        [Harbour news](https://www.example-news.org/harbour/) | [Ferry timetables](https://www.example-news.org/ferries/) | Contact

    Not reported:

        The authority published [the full refit report](https://example.org/report) on Friday.

    Fix: delete the block, or re-extract with an article extractor.
    """

    code, name = "NV003", "link-dense-line"
    severity = Severity.WARNING

    class Options(RuleOptions):
        threshold: float = Field(furniture.LINK_DENSE, gt=0, le=1,
                                 description="Share of visible characters inside links at or above which a block is link-dense.")
        min_chars: int = Field(3, ge=1, alias="min-chars",
                               description="Shortest visible text (characters) worth judging: "
                                           "runs of text-less links are NV002's.")

    def check(self, doc) -> Iterator[Finding]:
        if "](" not in doc.body and "<http" not in doc.body:
            return
        fu = furniture.of(doc)
        why = article_layout.decisions(doc, threshold=self.options.threshold)
        for run in furniture.runs(fu, [k for k, w in why.items() if w == "links"]):
            units = [fu.units[k] for k in run]
            if max(u.chars for u in units) < self.options.min_chars:
                continue
            links = sum(u.links for u in units)
            chars = sum(u.chars for u in units)
            share = min(1.0, sum(u.link_chars for u in units) / chars) if chars else 1.0
            first, last = span(fu, run)
            pieces = f"{len(units)} blocks, " if len(units) > 1 else ""
            yield self.finding(doc, doc.file_line(first),
                               f"{share:.0%} of the text is link text ({pieces}{links} link{'s' if links != 1 else ''}), "
                               f"{zone_words(fu, run[0], doc)}: a menu, teaser or tag list, not article text",
                               end_line=doc.file_line(last))


class NavigationRun(Rule):
    """Three or more adjacent short pieces without sentence punctuation, half of them links, outside the article.

    What it checks: runs of at least `min-run` units (headings, list items,
    lines of a paragraph whose lines are separate pieces) of at most
    `max-words` words that do not end a sentence, classified as furniture
    with their neighbours (jusText's context pass), at least half of them
    holding a link: menus, breadcrumbs, headline lists, tag lists, footers.
    A run counts only outside the article's core (before its first good
    paragraph, after its last one).  Lists and tables inside the article
    are article text and are left alone; so are runs without links (the
    article's own subheads and short lines), which measured as often
    article text as furniture.  Also reported, outside the core: a piece
    whose words are glued where page elements met ("newsLearn more"), a
    menu or promo box flattened by the converter.

    Severity: a warning, one finding per stretch of the run with no blank
    line inside.

    Why it matters: an article is made of sentences; a stack of short
    unpunctuated links around it is the page's navigation, and it makes up
    most of the noise of whole-page conversions.

    Example:

        [Harbour board names a new chair](https://www.example-news.org/local/board-chair)
        Ferry timetable changes from Monday
        [Letters: keep the old quay open](https://www.example-news.org/opinion/old-quay)

    Not reported:

        - Crossings every 20 minutes
        - Space for 40 bicycles
        - Step-free access at both piers

    Fix: delete the run, or re-extract with an article extractor.
    """

    code, name = "NV004", "navigation-run"
    severity = Severity.WARNING

    class Options(RuleOptions):
        min_run: int = Field(furniture.NAV_RUN, ge=2, alias="min-run", description="Fewest adjacent short pieces that make a run.")
        max_words: int = Field(furniture.NAV_WORDS, ge=1, alias="max-words", description="Longest piece (in words) that counts as short.")

    def check(self, doc) -> Iterator[Finding]:
        fu = furniture.of(doc)
        why = article_layout.decisions(doc, min_run=self.options.min_run, max_words=self.options.max_words)
        for k, w in why.items():
            if w.startswith("glued:"):
                unit = fu.units[k]
                yield self.finding(doc, doc.file_line(unit.start),
                                   f"the text of several page elements run together (\"{shorten(w[6:], 30)}\"), "
                                   f"{zone_words(fu, k, doc)}: a menu or a promo box flattened into one line",
                                   end_line=doc.file_line(unit.end))
        nav = [k for k, w in why.items() if w == "nav"]
        for run in furniture.runs(fu, nav):
            first, last = span(fu, run)
            n = len(run)
            yield self.finding(doc, doc.file_line(first),
                               f"{n} short piece{'s' if n != 1 else ''} without sentence punctuation, most of them links, "
                               f"in a run of such pieces {zone_words(fu, run[0], doc)}: a menu, headline or tag list",
                               end_line=doc.file_line(last))


@hookimpl
def scrapelint_rules():
    return [BoilerplatePhrase, EmptyOrMangledLink, LinkDenseLine, NavigationRun]
