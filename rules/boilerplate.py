"""NV: navigation and other page furniture leaked into the body.

Every rule reads one shared classification of the body's lines, computed
once per document by `scrapelint.article` (`doc.layout`): where the
article's prose core starts and ends, where the end-of-article marker is,
which lines are captions, each line's link density, words and punctuation,
and the hits of the phrase lists in `rules/data/`.  A rule only decides.

Severity, for the whole family: a line that is surely furniture is a
warning; a weak signal alone (a UI phrase inside a long prose line of the
article, a link-dense line inside the article's core) is a note.  Every
finding is on one line (its startLine), so each furniture line is reported
where it stands.
"""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import Field

from scrapelint.article import LINK_DENSE, hits_by_line, line_starts, parse_entries, phrase_regex, phrase_set
from scrapelint.findings import Finding, Severity
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions

_ZONE_WORDS = {"head": "before the article's first paragraph", "foot": "after the article's last paragraph",
               "tail": "after the end of the article", "core": "inside the article", "unknown": ""}


def _where(layout, i: int) -> str:
    z = layout.zone(i)
    return _ZONE_WORDS[z]


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


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

    Example:

        The Reuters Inside Track newsletter is your essential guide to the biggest events in global sport. Sign up here.
        Our Standards: The Thomson Reuters Trust Principles., opens new tab

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
        layout = doc.layout
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
                if i not in hits and i not in doc.code_lines:
                    hits[i] = (kind, m.group(0).strip(" \t*_#>[]()-+|:\r"))
        return hits

    def check(self, doc) -> Iterator[Finding]:
        layout = doc.layout
        hits = self._hits(doc)
        if not hits:
            return
        for i in sorted(hits):
            kind, text = hits[i]
            words = layout.words[i]
            outside = layout.outside_core(i)
            if kind == "outside" and not outside:
                continue
            weak = not outside and (kind == "dateline" or (kind == "phrase" and words > self.options.max_words))
            if kind == "dateline":
                why = f"the line is only a date or timestamp (\"{_short(text)}\"), page metadata"
            elif kind == "line":
                why = f"the whole line is the page phrase \"{_short(text)}\""
            elif kind == "prefix":
                why = f"the line opens with the page phrase \"{_short(text)}\""
            elif kind == "outside":
                why = f"\"{_short(text)}\" is a call to action"
            else:
                why = f"\"{_short(text)}\" is a user-interface or policy phrase"
            where = _where(layout, i)
            message = f"{why}{', ' + where if where else ''}: page furniture, not article text"
            if weak and kind == "dateline":
                message += " (inside the article: may be a timeline entry)"
            elif weak:
                message += f" (a {words}-word line of the article: may be quoted prose)"
            yield self.finding(doc, doc.file_line(i), message, severity=Severity.NOTE if weak else None)


_EXTRA_CACHE: dict[tuple, re.Pattern] = {}


def _extra_regex(extra: tuple[str, ...], mode: str) -> re.Pattern:
    key = (extra, mode)
    pat = _EXTRA_CACHE.get(key)
    if pat is None:
        from scrapelint.article import LEAD, TRAIL

        alt = "|".join(f"(?:{e.pattern})" for e in parse_entries("\n".join(extra)))
        if mode == "any":
            pat = re.compile(alt, re.IGNORECASE)
        elif mode == "prefix":
            pat = re.compile(LEAD + f"(?:{alt})", re.IGNORECASE | re.MULTILINE)
        else:
            pat = re.compile(LEAD + f"(?:{alt})" + TRAIL, re.IGNORECASE | re.MULTILINE)
        _EXTRA_CACHE[key] = pat
    return pat


_EMPTY_LINK_RE = re.compile(r"(?<!!)\[\s*\]\(([^)]*)\)")
_MANGLED_TARGET_RE = re.compile(r"</|<https?:/(?!/)|<https?://|\s(?!\"[^\"]*\"\s*$)|>")
_LINK_TARGET_RE = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()]*(?:\([^()]*\)[^()]*)*)\)")


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

        [](https://reuters.com/world/europe/</authors/guy-faulconbridge/>)

    Fix: delete the line; re-extract the page with a tool that resolves
    relative links against the page URL.
    """

    code, name = "NV002", "empty-or-mangled-link"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        body = doc.body
        if "](" not in body:
            return
        code = doc.code_lines
        for i, line in enumerate(doc.lines):
            if "](" not in line or i in code:
                continue
            for m in _LINK_TARGET_RE.finditer(line):
                text, target = m.group(1), m.group(2)
                if not text.strip():
                    problem = "a link with no text"
                    bad = _MANGLED_TARGET_RE.search(target.strip())
                    if bad:
                        problem += f" and a mangled target (holds {bad.group(0).strip() or 'whitespace'!r})"
                else:
                    bad = _MANGLED_TARGET_RE.search(target.strip())
                    if not bad:
                        continue
                    problem = f"a link target holding {bad.group(0).strip() or 'whitespace'!r}"
                yield self.finding(doc, doc.file_line(i),
                                   f"{problem}: {_short(m.group(0), 70)} is what a whole-page conversion leaves of "
                                   "icons, teasers and relative links",
                                   column=m.start() + 1, end_line=doc.file_line(i), end_column=m.end() + 1)
                break


class LinkDenseLine(Rule):
    """Most of the line's text is link text: a menu, a teaser list, a tag cloud.

    What it checks: the share of a line's visible characters that sit
    inside links (images dropped, Markdown marks removed), as jusText and
    readability measure link density.  At or above `threshold` (0.5) the
    line is mostly links.

    Severity: a warning outside the article's prose core (the page head
    before its first paragraph, the foot after its last, the tail after an
    end marker) and for list items and all-link lines inside it; a note for
    any other link-dense line inside the article, where it may be a
    sentence that links its sources.

    Why it matters: navigation is made of links; article text is made of
    sentences with a few links.  A line that is mostly links is almost
    always a menu item, a "related" teaser or a tag list.

    Example:

        * [About Jeongdong Theater](http://jeongdongtheater.com/about/)

    Fix: delete the line, or re-extract with an article extractor.
    """

    code, name = "NV003", "link-dense-line"
    severity = Severity.WARNING

    class Options(RuleOptions):
        threshold: float = Field(LINK_DENSE, gt=0, le=1,
                                 description="Share of visible characters inside links at or above which a line is link-dense.")
        min_chars: int = Field(3, ge=1, alias="min-chars",
                               description="Shortest visible text (characters) worth judging.")

    def check(self, doc) -> Iterator[Finding]:
        layout = doc.layout
        t = self.options.threshold
        density = layout.density
        for i, d in enumerate(density):
            if d < t or layout.vis_len[i] < self.options.min_chars:
                continue
            zone = layout.zone(i)
            strong = zone in ("head", "foot", "tail") or layout.list_item[i] or d >= 0.95
            message = (f"{d:.0%} of the line's text is link text ({layout.links[i]} link"
                       f"{'s' if layout.links[i] != 1 else ''}){', ' + _where(layout, i) if zone != 'unknown' else ''}: "
                       "a menu, teaser or tag line, not article text")
            yield self.finding(doc, doc.file_line(i), message, severity=None if strong else Severity.NOTE)


class NavigationRun(Rule):
    """Three or more consecutive short lines without sentence punctuation, outside the article.

    What it checks: runs of at least `min-run` non-blank lines (single
    blank lines between them allowed) of at most `max-words` words that do
    not end a sentence: menus, breadcrumbs, headline lists, tag lists,
    footers.  A run counts only outside the article's prose core (before its
    first paragraph, after its last one, after an end marker), or inside it
    when every line of the run is mostly links.  Lists and tables inside the
    article are article text and are left alone; so are lines in scripts
    written without spaces, whose words are estimated from their length.

    Severity: a warning on every line of the run.

    Why it matters: an article is made of sentences; a stack of short
    unpunctuated lines around it is the page's navigation, and it makes up
    most of the noise of whole-page conversions.

    Example:

        EU lawmakers approve fast-track deportations of rejected asylum seekers
        EU's Kallas to propose concessions that Europe should demand from Russia
        Macron warns of renewed friction with US, urges EU to use 'Greenland moment'

    Fix: delete the run, or re-extract with an article extractor.
    """

    code, name = "NV004", "navigation-run"
    severity = Severity.WARNING

    class Options(RuleOptions):
        min_run: int = Field(3, ge=2, alias="min-run", description="Fewest consecutive short lines that make a run.")
        max_words: int = Field(15, ge=1, alias="max-words", description="Longest line (in words) that counts as short.")

    def check(self, doc) -> Iterator[Finding]:
        layout = doc.layout
        if layout.start is None:
            return
        words, sentence, density = layout.words, layout.sentence, layout.density
        mx = self.options.max_words
        n = len(words)
        run: list[int] = []
        blanks = 0

        def flush():
            linked = sum(1 for j in run if layout.links[j])
            if len(run) >= self.options.min_run and 2 * linked >= len(run):
                inside = [j for j in run if layout.zone(j) == "core"]
                if inside and not all(density[j] >= LINK_DENSE for j in inside):
                    keep = [j for j in run if layout.zone(j) != "core"]
                else:
                    keep = run
                if len(keep) >= self.options.min_run:
                    first, lastl = doc.file_line(run[0]), doc.file_line(run[-1])
                    for j in keep:
                        yield self.finding(doc, doc.file_line(j),
                                           f"one of {len(run)} consecutive short lines without sentence punctuation "
                                           f"(lines {first}-{lastl}), {_where(layout, j)}: a menu, headline or tag list")

        for i in range(n):
            w = words[i]
            if w == 0 and not layout.links[i]:
                if doc.lines[i].strip():  # an image, a rule: neutral, keeps the run
                    continue
                blanks += 1
                if blanks > 1:
                    yield from flush()
                    run = []
                continue
            blanks = 0
            short = (w <= mx and not sentence[i] and not layout.prose[i]) or (w == 0 and layout.links[i])
            if short:
                run.append(i)
            else:
                yield from flush()
                run = []
        yield from flush()


class AfterArticleEnd(Rule):
    """A line after the end of the article: credits, related stories, comments, bios.

    What it checks: the first end-of-article marker that follows at least
    80 words of the article's prose ("Reporting by", "Editing by", "Our
    Standards:", "Related", "More from ...", "Read more", "You may also
    like", "Most read", "Comments", "About the author", "Share this", and
    their German, French and Spanish forms; `rules/data/end-markers.txt`).
    Every non-blank line from the marker to the end of the body is reported,
    once per line, so that each line's location is its own.

    Severity: a warning: a marker after the article's text, followed by
    more text, is how pages append their tail.

    Why it matters: what follows the article on a page is the page's, not
    the author's: credit lines, links to other stories, reader comments.
    Kept in the body, it is counted as article text and mixed into it.

    Example:

        Reporting by Dmitry Antonov Writing by Guy Faulconbridge Editing by Andrew Osborn
        EU lawmakers approve fast-track deportations of rejected asylum seekers

    Fix: cut the body at the marker (keep a credit line if you want it, as
    metadata), or re-extract with an article extractor.
    """

    code, name = "NV005", "after-article-end"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        layout = doc.layout
        end = layout.end
        if end is None:
            return
        marker_line = doc.file_line(end)
        code = doc.code_lines
        for i in range(end, len(doc.lines)):
            line = doc.lines[i]
            if not line.strip() or i in code:
                continue
            if i == end:
                message = f"end-of-article marker \"{_short(layout.end_marker or line)}\": the page's tail starts here"
            else:
                message = (f"after the end-of-article marker \"{_short(layout.end_marker or '', 30)}\" "
                           f"on line {marker_line}: part of the page's tail, not the article")
            yield self.finding(doc, doc.file_line(i), message)


class CaptionOrCredit(Rule):
    """A photo caption or a photo credit inside the body.

    What it checks: lines carrying an agency or photographer credit in the
    forms newsrooms use ("REUTERS/Kevin Lamarque", "(AP Photo/Evan Vucci)",
    "Getty Images", "File Photo", "Photo: Jane Doe", "© Agency"), from
    `rules/data/caption-credits.txt`.

    Severity: a warning; a note when the credit sits inside a long line
    (more than `max-words` words) of the article, where a sentence may
    mention a photo agency.

    Why it matters: a caption describes a picture the text no longer has;
    it interrupts the story, and its date (the photo's, often years old) is
    what naive scrapers take for the publication date.

    Example:

        U.S. President Donald Trump and Russian President Vladimir Putin ... June 28, 2019. REUTERS/Kevin Lamarque/File Photo

    Fix: delete the line, or keep captions apart from the body.
    """

    code, name = "NV006", "caption-or-credit"
    severity = Severity.WARNING

    class Options(RuleOptions):
        max_words: int = Field(80, ge=1, alias="max-words",
                               description="Longest line (in words) where a credit is a warning rather than a note.")

    def check(self, doc) -> Iterator[Finding]:
        layout = doc.layout
        if not layout.captions:
            return
        pat = phrase_regex("caption-credits.txt", "any", ignore_case=False)
        for i in sorted(layout.captions):
            m = pat.search(doc.lines[i])
            credit = _short(doc.lines[i][m.start():].strip(" ()*_"), 40) if m else "a credit"
            weak = layout.words[i] > self.options.max_words and layout.zone(i) == "core"
            yield self.finding(doc, doc.file_line(i),
                               f"photo credit \"{credit}\": a caption or credit line, not article text",
                               severity=Severity.NOTE if weak else None)


class AuthorBio(Rule):
    """An author's biography after the article.

    What it checks: the article's last paragraph and the lines after it
    (the page's foot, the tail after an end marker) that describe a writer: their
    role ("is a senior reporter", "bureau chief"), career ("joined ... in",
    "started his career", "graduated from"), where to reach them (an email
    address, "follow her on Twitter"); `rules/data/bio-phrases.txt`.  Two
    different signals make a bio; one is enough on a line after an end
    marker; the article's own last paragraph must also open like a bio
    ("Jane Doe is a ...").  An "About the author" heading is NV005's end marker.

    Severity: a warning; inside the article's core nothing is reported
    (a profile of a journalist is article text).

    Why it matters: the bio is the site's text about its staff, repeated
    under every article by that author; it is not the article and it
    skews anything learned from or counted on it.

    Example:

        As Moscow bureau chief, Guy runs coverage of Russia and the Commonwealth of Independent States.

    Fix: delete the bio, or keep it as author metadata.
    """

    code, name = "NV007", "author-bio"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        layout = doc.layout
        if layout.start is None:
            return
        first = layout.last  # the article's last paragraph may be the bio
        if layout.end is not None:
            first = min(first, layout.end)
        if first >= len(doc.lines):
            return
        todo = [i for i in range(first, len(doc.lines)) if layout.words[i] >= 6 and i not in doc.code_lines]
        signals = phrase_set("bio-phrases.txt", "any").all_hits([doc.lines[i] for i in todo])
        for k, i in enumerate(todo):
            line = doc.lines[i]
            found = [m.group(0) for m in signals.get(k, ())]
            if not found:
                continue
            if layout.in_tail(i):
                ok = len(found) >= 1
            elif i == layout.last:  # still the article's: only a bio that opens like one
                ok = len(found) >= 2 and _BIO_OPENING_RE.match(line) is not None
            else:
                ok = len(found) >= 2
            if ok:
                ev = "; ".join(f"\"{_short(x, 30)}\"" for x in found[:3])
                where = _where(layout, i) if i != layout.last else "as the last paragraph"
                yield self.finding(doc, doc.file_line(i),
                                   f"reads like an author's biography ({ev}), {where}: "
                                   "the site's text about its writer, not the article")


# A bio opens with the writer's name and what they are: "Jane Doe is a ...".
_BIO_OPENING_RE = re.compile(r"^[\s*_>]*(?:[A-Z][\w.'’-]+\s+){1,3}(?:is|was|has been)\s+(?:an?|the|our)\s")


@hookimpl
def scrapelint_rules():
    return [BoilerplatePhrase, EmptyOrMangledLink, LinkDenseLine, NavigationRun, AfterArticleEnd,
            CaptionOrCredit, AuthorBio]
