"""NV005-NV007: what follows and surrounds the article: the page's tail
after an end-of-article marker, photo captions and credits, the author's
biography.  They read the same shared analyses as the rest of the NV family
(`scrapelint.analysis.layout`: the end marker, the captions, the core;
`scrapelint.analysis.furniture`: the units), see `boilerplate`.
"""

from __future__ import annotations

import re
from typing import Iterator

from scrapelint.analysis import furniture
from scrapelint.analysis import layout as article_layout
from scrapelint.analysis.furniture import span
from scrapelint.analysis.layout import zone_words
from scrapelint.analysis.phrases import phrase_regex, phrase_set
from scrapelint.analysis.text import shorten
from scrapelint.findings import Finding, Severity
from scrapelint.lazymodel import Field
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions


class AfterArticleEnd(Rule):
    """The page's tail after the end of the article: credits, related stories, comments, bios.

    What it checks: the first end-of-article marker that follows at least
    80 words of the article's prose ("Reporting by", "Editing by", "Our
    Standards:", "Related", "More from ...", "Read more", "You may also
    like", "Most read", "Comments", "About the author", "Share this", and
    their German, French and Spanish forms; `rules/data/end-markers.txt`).
    Everything from the marker to the end of the body is reported as
    blocks: one finding per run of blocks with no blank line between them,
    from its first to its last line.  Code and HTML blocks are left out.

    Severity: a warning: a marker after the article's text, followed by
    more text, is how pages append their tail.

    Why it matters: what follows the article on a page is the page's, not
    the author's: credit lines, links to other stories, reader comments.
    Kept in the body, it is counted as article text and mixed into it.

    Example:

        Reporting by Ana Lima; Editing by Tom Berg
        Harbour board names a new chair

    Not reported:

        Reporters asked the mayor about the timetable, and she said it would not change.

    Fix: cut the body at the marker (keep a credit line if you want it, as
    metadata), or re-extract with an article extractor.
    """

    code, name = "NV005", "after-article-end"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        layout = article_layout.of(doc)
        if layout.end is None:
            return
        fu = furniture.of(doc)
        tail = [k for k, u in enumerate(fu.units) if u.end >= layout.end]
        marker_line = doc.file_line(layout.end)
        marker = shorten(layout.end_marker or "", 30)
        for run in furniture.runs(fu, tail):
            first, last = span(fu, run)
            if first <= layout.end:
                message = f"end-of-article marker \"{marker}\" and what follows it: the page's tail"
            else:
                message = f"after the end-of-article marker \"{marker}\" on line {marker_line}: part of the page's tail, not the article"
            yield self.finding(doc, doc.file_line(first), message, end_line=doc.file_line(last))


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

        The ferry leaves the north pier on Friday, March 14, 2025. REUTERS/Ana Lima/File Photo

    Not reported:

        The photographer sold the picture to an agency, which licensed it to several papers the next morning.

    Fix: delete the line, or keep captions apart from the body.
    """

    code, name = "NV006", "caption-or-credit"
    severity = Severity.WARNING

    class Options(RuleOptions):
        max_words: int = Field(80, ge=1, alias="max-words",
                               description="Longest line (in words) where a credit is a warning rather than a note.")

    def check(self, doc) -> Iterator[Finding]:
        layout = article_layout.of(doc)
        if not layout.captions:
            return
        fu = furniture.of(doc)
        pat = phrase_regex("caption-credits.txt", "any", ignore_case=False)
        done: set[int] = set()
        for i in sorted(layout.captions):
            k = fu.unit_of_line.get(i)
            if k is None or k in done:  # code, HTML, definitions: syntax
                continue
            done.add(k)
            unit = fu.units[k]
            m = pat.search(doc.lines[i])
            credit = shorten(doc.lines[i][m.start():].strip(" ()*_"), 40) if m else "a credit"
            weak = unit.words > self.options.max_words and fu.zone(k) == "core"
            yield self.finding(doc, doc.file_line(unit.start),
                               f"photo credit \"{credit}\": a caption or credit line, not article text",
                               end_line=doc.file_line(unit.end), severity=Severity.NOTE if weak else None)


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

        Ana Lima is a senior reporter covering transport. She joined the paper in 2015 and graduated from Portville University.

    Not reported:

        Reyes, who joined the authority as an apprentice, oversaw the whole refit himself.

    Fix: delete the bio, or keep it as author metadata.
    """

    code, name = "NV007", "author-bio"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        layout = article_layout.of(doc)
        if layout.start is None:
            return
        first = layout.last  # the article's last paragraph may be the bio
        if layout.end is not None:
            first = min(first, layout.end)
        fu = furniture.of(doc)
        lines = doc.lines
        todo = [k for k, u in enumerate(fu.units) if u.end >= first and u.words >= 6]
        texts = [" ".join(lines[fu.units[k].start:fu.units[k].end + 1]) for k in todo]
        signals = phrase_set("bio-phrases.txt", "any").all_hits(texts)
        for j, k in enumerate(todo):
            unit = fu.units[k]
            found = [m.group(0) for m in signals.get(j, ())]
            if not found:
                continue
            if layout.in_tail(unit.start):
                ok = len(found) >= 1
            elif unit.start == layout.last:  # still the article's: only a bio that opens like one
                ok = len(found) >= 2 and _BIO_OPENING_RE.match(texts[j]) is not None
            else:
                ok = len(found) >= 2
            if ok:
                ev = "; ".join(f"\"{shorten(x, 30)}\"" for x in found[:3])
                where = zone_words(fu, k, doc) if unit.start != layout.last else "as the last paragraph"
                yield self.finding(doc, doc.file_line(unit.start),
                                   f"reads like an author's biography ({ev}), {where}: "
                                   "the site's text about its writer, not the article",
                                   end_line=doc.file_line(unit.end))


# A bio opens with the writer's name and what they are: "Jane Doe is a ...".
_BIO_OPENING_RE = re.compile(r"^[\s*_>]*(?:[A-Z][\w.'’-]+\s+){1,3}(?:is|was|has been)\s+(?:an?|the|our)\s")


@hookimpl
def scrapelint_rules():
    return [AfterArticleEnd, CaptionOrCredit, AuthorBio]
