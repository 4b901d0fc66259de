"""Which pieces of the body are article text and which are page furniture.

The body is read as Markdown (`doc.blocks`) and cut into units, the pieces
a reader sees one by one: a heading, a list item, a table row, a paragraph.
Scraped Markdown often separates the page's pieces with a single newline, so
CommonMark joins them into one paragraph; such a paragraph is cut back into
its lines when its line breaks fall between sentences rather than inside
them (a wrapped paragraph's lines continue mid-sentence).

Each unit is then classified the way jusText does (Pomikálek 2011) with
boilerpipe's shallow text features (Kohlschütter et al. 2010):

- context-free: `bad` when most of its text is link text or it is only
  links; `short` when it is too short to judge; otherwise `good` or
  `neargood` by its stop-word density, relative to the density of the
  document's own long units (so that one threshold serves every language);
- with context: a `short` or `neargood` unit takes the class of its
  neighbours (good between good, bad between bad), as jusText reclassifies.

The article's core is the cluster of good units with the most words;
furniture is what the evidence marks outside it (link-dense units, runs of
short unpunctuated units, low stop-word density, lines repeated on the
page), and inside it only link-dense units whose links stay on the page's
own site.  Code, HTML blocks, reference definitions and rules are never
units: they are syntax, not text, and never evidence.

Indices are 0-based body lines, as everywhere in the layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from scrapelint.analysis import stopwords
from scrapelint.analysis.text import word_estimate
from scrapelint.blocks import PROSE_KINDS, Block, Inline

if TYPE_CHECKING:
    from scrapelint.document import Document

SENTENCE_END = frozenset(".!?。！？…\"”’'»)」』:;")
NO_CASE_LONG = 30  # a line of an uncased script this long continues onto the next
LINK_DENSE = 0.5  # link text / text at or above which a unit is mostly links
SHORT_CHARS = 70  # jusText's length_low: shorter units are judged by context
LONG_CHARS = 200  # jusText's length_high: a good unit must be this long alone
GOOD_RATIO = 0.8  # stop-word density / the document's at or above which a unit reads as prose
NEAR_RATIO = 0.6  # ... at or above which it is near-good
REF_MIN, REF_MAX = 0.15, 0.75  # bounds of the document's reference density
MAX_GAP = 4.0  # cost of non-good units allowed inside the core
_STRIP = " \t>#*_-+•|`\\~"


# Plain classes, not dataclasses: a dataclass compiles its methods from
# source when the module is imported (scrapelint.results), and its
# generated __init__ filled `evidence` through a default factory.
class Unit:
    __slots__ = ("start", "end", "kind", "text", "chars", "words", "links", "link_chars", "internal", "anchors",
                 "in_list", "in_table", "group", "sentence", "code", "tokens", "stops", "cls", "raw", "evidence")

    def __init__(self, start: int, end: int, kind: str, text: str, chars: int, words: int, links: int,
                 link_chars: int, internal: int, anchors: int, in_list: bool, in_table: bool, group: int | None,
                 sentence: bool, code: bool = False) -> None:
        self.start = start  # first body line
        self.end = end  # last body line (inclusive)
        self.kind = kind  # "paragraph", "heading", "table_row", or "line" (a piece of a paragraph)
        self.text = text
        self.chars = chars
        self.words = words
        self.links = links
        self.link_chars = link_chars
        self.internal = internal  # links that stay on the page's site (relative, or the source's host)
        self.anchors = anchors  # links to a place on the same page (#...)
        self.in_list = in_list
        self.in_table = in_table
        self.group = group  # the list or table it belongs to
        self.sentence = sentence  # ends like a sentence
        self.code = code  # holds a code span: the article's own (menus have none)
        self.tokens = 0
        self.stops = 0
        self.cls = "short"  # good, neargood, short, bad (after the context pass)
        self.raw = "short"  # the context-free class
        self.evidence: list[str] = []

    @property
    def density(self) -> float:
        if not self.chars:
            return 1.0 if self.links else 0.0
        return min(1.0, self.link_chars / self.chars)

    @property
    def link_dense(self) -> bool:
        return self.links > self.anchors and self.density >= LINK_DENSE


class Furniture:
    def __init__(self, units: list[Unit], unit_of_line: dict[int, int], language: str, reference: float | None,
                 core: tuple[int, int] | None) -> None:
        self.units = units
        self.unit_of_line = unit_of_line
        self.language = language
        self.reference = reference  # the document's stop-word density of long units
        self.core = core  # first and last unit index of the core

    def zone(self, k: int) -> str:
        if self.core is None:
            return "unknown"
        a, b = self.core
        return "head" if k < a else ("foot" if k > b else "core")


def _clean(s: str) -> str:
    s = s.strip().lstrip(_STRIP)
    if s[:1].isdigit():  # an ordered list marker
        head, sep, rest = s.partition(" ")
        if sep and len(head) <= 4 and head[-1:] in ".)" and head[:-1].isdigit():
            s = rest
    if "*" in s or "_" in s or "\\" in s:
        s = s.replace("**", "").replace("__", "").replace("\\", "")
    return single_spaced(s.rstrip(_STRIP))


def single_spaced(s: str) -> str:
    """`" ".join(s.split())`, without splitting a text that already is: one
    space between words and none at the ends (every other space character
    is unprintable).  Most units are, and two C scans cost a fifth of the
    split and join of their words."""
    if s[:1] == " " or s[-1:] == " " or "  " in s or not s.isprintable():
        return " ".join(s.split())
    return s


def _continues(a: str, b: str) -> bool | None:
    """Does line `b` continue the sentence of line `a` (a wrapped paragraph)?
    None when the break says nothing either way."""
    a = a.rstrip()
    b = b.lstrip(" \t>*_[(`\"'“‘«")
    if not a or not b:
        return None
    last, first = a[-1], b[0]
    if last in SENTENCE_END:
        return False
    if last in ",-–(&/" or first.islower():
        return True
    if not first.isalpha():
        return None
    if first.isupper():
        # a long line cut before a name may be wrapped text as well
        return None if len(a) >= 60 and last.islower() else False
    return True if len(a) >= NO_CASE_LONG else None  # an uncased script: a long line is wrapped text


def _separate_lines(lines: list[str]) -> bool:
    """The lines of a paragraph are separate pieces when more of its line
    breaks fall between sentences or unpunctuated pieces than inside one."""
    cont = sep = 0
    for a, b in zip(lines, lines[1:]):
        c = _continues(a, b)
        if c is True:
            cont += 1
        elif c is False:
            sep += 1
    return sep > cont


@lru_cache(maxsize=4096)  # a site's menus repeat their targets on every page
def _internal(target: str, host: str) -> bool:
    t = target.strip()
    if not t or t.startswith("#"):
        return False
    if "://" not in t[:12]:
        if t.startswith(("mailto:", "tel:", "javascript:", "./")):
            return False
        # a sibling document of a Markdown project ("install.md", "../guide/"),
        # not a page of the site's navigation
        path = t.split("#", 1)[0].split("?", 1)[0].lower()
        return not path.endswith((".md", ".mdx", ".markdown", ".rst", ".ipynb"))
    if not host:
        return False
    rest = t.split("://", 1)[1].split("/", 1)[0].split(":")[0].lower()
    rest = rest[4:] if rest.startswith("www.") else rest
    return rest == host or rest.endswith("." + host) or host.endswith("." + rest)


def _unit(block: Block, start: int, end: int, kind: str, text: str, links: list[Inline], images: list[Inline],
          host: str, code: bool) -> Unit:
    chars = len(text)
    if images:
        chars = max(0, chars - sum(len(x.text) for x in images))
    link_chars = internal = anchors = 0
    for x in links:  # most units have none
        link_chars += len(x.text)
        if x.target.startswith("#"):
            anchors += 1
        elif _internal(x.target, host):
            internal += 1
    return Unit(start, end, kind, text, chars, word_estimate(text), len(links),
                min(link_chars, chars) if chars else link_chars, internal, anchors,
                block.list_depth > 0, kind == "table_row", block.group, text[-1:] in SENTENCE_END, code)


def units_of(doc: Document) -> list[Unit]:
    host = doc.host
    lines = doc.lines
    prose = doc.prose_lines
    out: list[Unit] = []
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS:  # a set test, not a property call per block
            continue
        if block.kind == "paragraph" and block.end > block.start \
                and _separate_lines(lines[block.start:block.end + 1]):
            for i in range(block.start, block.end + 1):
                text = _clean(prose[i])
                links = [x for x in block.links if x.line == i]
                images = [x for x in block.images if x.line == i]
                code = any(x.line == i for x in block.code)
                if text or links or code:
                    out.append(_unit(block, i, i, "line", text, links, images, host, code))
            continue
        text = _clean(block.text) if block.kind != "table_row" else " ".join(block.text.replace("|", " ").split())
        if text or block.links or block.code:
            out.append(_unit(block, block.start, block.end, block.kind, text, block.links, block.images, host,
                             bool(block.code)))
    return out


def _classify(u: Unit, ref: float | None) -> str:
    """jusText's context-free class, with the stop-word density judged
    against the document's own (`ref`); None: the script has no words to
    look up, and length alone decides."""
    if u.code:
        return "short" if u.chars < SHORT_CHARS else "neargood"
    if u.links and (not u.chars or u.link_dense):  # most units have no link: no property call
        return "bad"
    if "©" in u.text:
        return "bad"
    if u.chars < SHORT_CHARS:
        return "bad" if u.links > u.anchors and u.density > 0.2 else "short"
    if ref is None or u.tokens == 0:
        return "good" if u.chars >= LONG_CHARS or u.sentence else "neargood"
    sd = u.stops / u.tokens
    if sd >= GOOD_RATIO * ref:
        return "good" if u.chars >= LONG_CHARS else "neargood"
    if sd >= NEAR_RATIO * ref:
        return "neargood"
    return "bad"


def _nearest(classes: list[str], reverse: bool) -> tuple[list[str], list[str]]:
    """For each unit, the class of its nearest non-short neighbour on one
    side ("bad" past the edge), twice: with near-good units skipped, and
    with near-good read as good.  One pass gives both."""
    skipped: list[str] = []
    as_good: list[str] = []
    last = last_any = "bad"
    for c in reversed(classes) if reverse else classes:
        skipped.append(last)
        as_good.append(last_any)
        if c == "good" or c == "bad":
            last = last_any = c
        elif c == "neargood":
            last_any = "good"
    if reverse:
        skipped.reverse()
        as_good.reverse()
    return skipped, as_good


def _smooth(units: list[Unit]) -> None:
    """jusText's context pass: short units between good ones are good,
    between bad ones bad, next to near-good text good; then near-good units
    are bad only between bad ones."""
    raw = [u.raw for u in units]
    (prev, prev_any), (nxt, nxt_any) = _nearest(raw, False), _nearest(raw, True)
    for k, u in enumerate(units):
        if u.raw != "short":
            u.cls = u.raw
        elif prev[k] == nxt[k]:
            u.cls = prev[k]
        else:
            u.cls = "good" if prev_any[k] == "good" or nxt_any[k] == "good" else "bad"
    if "neargood" not in raw:
        return
    cls = [u.cls for u in units]
    prev, nxt = _nearest(cls, False)[0], _nearest(cls, True)[0]
    for k, u in enumerate(units):
        if u.raw == "neargood":
            u.cls = "bad" if prev[k] == "bad" and nxt[k] == "bad" else "good"


def _core(units: list[Unit], near: bool = False) -> tuple[int, int] | None:
    """The cluster of good units with the most words (bad units in between
    cost one each, others a quarter, up to MAX_GAP; a whole list or table
    costs at most one, a heading nothing: an article's sections hold lists
    and code); with `near`, near-good units count as good (a page of short
    paragraphs has no good unit)."""
    best = None
    first = last = None
    words = 0
    gap = 0.0
    prev_group = None
    for k, u in enumerate(units):
        same = u.group is not None and u.group == prev_group
        prev_group = u.group
        if u.raw == "good" or (u.raw == "neargood" and (near or u.cls == "good")):
            if first is not None and gap <= MAX_GAP:
                last = k
                words += u.words
            else:
                if first is not None and (best is None or words > best[0]):
                    best = (words, first, last)
                first = last = k
                words = u.words
            gap = 0.0
        elif u.kind != "heading" and not same:
            gap += 1.0 if u.cls == "bad" else 0.25
    if first is not None and (best is None or words > best[0]):
        best = (words, first, last)
    return None if best is None else (best[1], best[2])


def analyse(doc: Document) -> Furniture:
    units = units_of(doc)
    # stop words are counted where they decide something: long units (their
    # class) and linked sentences (prose or a teaser)
    judged = [u for u in units if u.chars >= SHORT_CHARS or (u.links and u.sentence)]
    toks = [stopwords.tokens(u.text) for u in judged]
    packed = [stopwords.counts(t) for t in toks]  # every language's count at once
    # the page's language: the one that covers most of its first SAMPLE tokens of long units
    sample = n = 0
    for u, t, c in zip(judged, toks, packed):
        if u.chars >= SHORT_CHARS:
            sample += c
            n += len(t)
            if n >= stopwords.SAMPLE:
                break
    language = stopwords.language_of(sample)
    ref = None
    if language is not None:
        long_tok = long_stop = 0
        for u, t, c in zip(judged, toks, packed):
            u.tokens = len(t)
            u.stops = stopwords.count_of(c, language)
            if u.chars >= SHORT_CHARS and not u.link_dense:
                long_tok += u.tokens
                long_stop += u.stops
        if long_tok >= 20:
            ref = min(REF_MAX, max(REF_MIN, long_stop / long_tok))
    site = doc.site_furniture  # learned from the run's other pages of the site (DS004)
    for u in units:
        u.raw = _classify(u, ref)
        if site and u.start in site and u.end in site:
            u.raw = "bad"
            u.evidence.append("site")
    _smooth(units)
    unit_of_line: dict[int, int] = {}
    for k, u in enumerate(units):
        if u.start == u.end:  # most units: no range to build
            unit_of_line.setdefault(u.start, k)
        else:
            for i in range(u.start, u.end + 1):
                unit_of_line.setdefault(i, k)
    core = _core(units) or _core(units, near=True)
    return Furniture(units, unit_of_line, stopwords.language_name(language), ref, core)


def of(doc: Document) -> Furniture:
    """The classification of `doc`'s body, computed once per document."""
    return doc.shared("furniture", analyse)


# ---------------------------------------------------------------------------
# the decision: which units are furniture, and why
# ---------------------------------------------------------------------------

NAV_RUN = 3  # adjacent short unpunctuated units that make a menu or headline list
NAV_WORDS = 15  # longest unit (words) of such a run


_ASCII_GLUE_RE = re.compile("[a-z][A-Z]")  # str.islower and str.isupper on ASCII letters


def _glued(text: str) -> str | None:
    """A word glued to the next where page elements met ("professionalsLearn"),
    not a known word with an inner capital (TX001's allowlist)."""
    if text.isascii() and not _ASCII_GLUE_RE.search(text):
        return None  # no lower-case letter before a capital: what an ASCII text shows in one C scan
    for tok in text.split():
        if tok[1:].islower() or "/" in tok or "@" in tok:
            continue  # no capital after its first letter (most words: one C call), a URL, a handle, a path
        for a, b in zip(tok, tok[1:]):
            if a.islower() and b.isupper():
                word = tok.strip(stopwords.PUNCTUATION)
                if word not in _camel_words() and len(word) >= 6:
                    return word
                break
    return None


def _camel_words() -> frozenset[str]:
    global _CAMEL
    if _CAMEL is None:
        from scrapelint.analysis.phrases import load_entries

        _CAMEL = frozenset(e.text for e in load_entries("camel-case-words.txt"))
    return _CAMEL


_CAMEL: frozenset[str] | None = None


def decide(fu: Furniture, tail_from: int | None, has_source: bool, threshold: float = LINK_DENSE,
           min_run: int = NAV_RUN, max_words: int = NAV_WORDS) -> dict[int, str]:
    """Unit index -> why it is furniture: `tail` (after the end marker),
    `links` (mostly links), `nav` (a run of short unpunctuated pieces, half
    of them linked: a menu or a headline list), `glued:<word>` (words glued
    where page elements met: a flattened menu or promo), `site` (repeated by
    the run's other pages of the site, see `_site`).  Outside the core a unit
    must also be `bad` after the context pass.  Short or low-stop-word text
    alone is not enough: measured on the corpus folds, half of it is the
    article's own (subheads, captions the annotators kept)."""
    units = fu.units
    out: dict[int, str] = {}
    near = NEAR_RATIO * fu.reference if fu.reference else None
    core = range(fu.core[0], fu.core[1] + 1) if fu.core else range(0)  # fu.zone(k) == "core"

    def strong(k: int) -> bool:
        u = units[k]
        prose = u.sentence and near is not None and u.tokens >= 6 and u.stops >= near * u.tokens
        return not prose and 2 * u.internal >= u.links - u.anchors > 0

    for k, u in enumerate(units):
        if u.code:
            continue  # code is never evidence
        dense = u.links > u.anchors and (not u.chars or u.density >= threshold)
        if tail_from is not None and u.end >= tail_from:
            out[k] = "tail"
            continue
        if k in core:
            # inside the article only links that stay on the page's own site,
            # outside a list or table (the article's lists are its content)
            if dense and has_source and not u.in_list and not u.in_table \
                    and u.internal == u.links - u.anchors:
                out[k] = "links"
            continue
        if u.cls != "bad":
            continue
        if dense:
            out[k] = "links"
        else:
            glued = _glued(u.text)
            if glued:
                out[k] = "glued:" + glued
    # runs of short unpunctuated units outside the core
    run: list[int] = []

    def flush() -> None:
        if len(run) >= min_run:
            linked = sum(1 for j in run if units[j].links)
            if 2 * linked >= len(run):
                for j in run:  # a menu is a navigation run before it is a link-dense block
                    out[j] = "nav"

    for k, u in enumerate(units):
        if out.get(k) != "tail" and not u.code and k not in core and u.cls == "bad" and not u.sentence \
                and u.words <= max_words:
            run.append(k)
        elif run:
            flush()
            run = []
    flush()
    _site(units, out)
    # A bad unit between two furniture units is furniture too (a caption-less
    # line inside a menu, a date between teasers): it joins its predecessor's
    # finding.  Measured on the corpus folds: 77 labelled lines, 10 not.
    for k in range(1, len(units) - 1):
        if k not in out and k - 1 in out and k + 1 in out and out[k - 1] not in ("tail", "site") \
                and not units[k].code and units[k].cls == "bad" and k not in core:
            out[k] = "nav" if out[k - 1].startswith("glued:") else out[k - 1]
    # Weak evidence (links that all leave the site, a link-dense sentence
    # that reads as prose) counts only on a page that shows strong evidence
    # too: published Markdown ends with lists of sources and contributors,
    # converted pages show their menus beside their partner links.
    if not any(why in ("tail", "site") or strong(k) for k, why in out.items()):
        return {}
    return out


def _site(units: list[Unit], out: dict[int, str]) -> None:
    """`site`: a unit the run's other pages of the same site repeat (DS004's
    learned blocks, so only on multi-document runs) is furniture wherever it
    stands, inside the article's core too: an article's own text is on its
    own page.  It is the unit's reason before any other but the tail's."""
    for k, u in enumerate(units):
        if "site" in u.evidence and not u.code and out.get(k) != "tail":
            out[k] = "site"


def span(fu: Furniture, run: list[int]) -> tuple[int, int]:
    """The first and last body line of a run of units."""
    return fu.units[run[0]].start, fu.units[run[-1]].end


def runs(fu: Furniture, ks: Iterable[int]) -> list[list[int]]:
    """Unit indices grouped into runs of units with no blank line (nor any
    other block) between them: one finding each."""
    out: list[list[int]] = []
    for k in sorted(ks):
        if out and out[-1][-1] == k - 1 and fu.units[k].start == fu.units[k - 1].end + 1:
            out[-1].append(k)
        else:
            out.append([k])
    return out
