"""Where the article is inside the body: shared knowledge of the date (DT)
and boilerplate (NV) families, computed once per document (`of(doc)`).

- `captions`: body lines that are photo captions or credits;
- `phrases`: NV001's hits of the built-in phrase lists, line -> (kind, text);
- `start` / `last`: the first line of the article's core and of its last
  unit, from the block furniture analysis (`scrapelint.analysis.furniture`).
  Lines before `start` are the page head, lines after `last` (and before
  `end`) its foot; both are where menus, bylines and promos live;
- `end`: the first line of the tail after the article (credits such as
  "Reporting by", "Our Standards", "Related", "More from", "About the
  author"...), once enough article prose precedes the marker; None when the
  body runs to its end.

Indices are 0-based body lines (`doc.lines`); `doc.file_line(i)` turns one
into a file line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from scrapelint.analysis import furniture
from scrapelint.analysis.phrasegroup import PhraseGroup
from scrapelint.analysis.phrases import lowered_lines, offsets_of, phrase_set

MIN_ARTICLE_WORDS = 80  # an end marker counts once this much article text precedes it
SECTION_AFTER_RATIO = 0.35  # a section head ends the article if less prose than this (x before) follows
GOOD_WORDS = 10  # a prose unit: this many words and sentence punctuation...
LONG_WORDS = 30  # ... or this many words whatever its punctuation
GOOD_MAX_DENSITY = 0.3  # ... and at most this share of link text
MAX_PHRASE_LINE = 400  # longer lines are paragraphs: the phrase lists are not matched there


class Layout:
    # a plain class: a dataclass compiles its methods at import (scrapelint.results)
    def __init__(self, captions: frozenset[int], end: int | None, start: int | None = None, last: int | None = None,
                 end_marker: str | None = None, phrases: dict[int, tuple[str, str]] | None = None) -> None:
        self.captions = captions
        self.end = end
        self.start = start  # first line of the article core
        self.last = last  # first line of the core's last unit (before `end`)
        self.end_marker = end_marker
        # NV001 hits of the built-in lists: line -> (kind, matched text)
        self.phrases = phrases

    def in_tail(self, index: int) -> bool:
        return self.end is not None and index >= self.end

    def zone(self, index: int) -> str:
        """`tail` (after the end marker), `head` (before the core), `foot`
        (after its last unit), `core`, or `unknown` (no core found)."""
        if self.end is not None and index >= self.end:
            return "tail"
        if self.start is None:
            return "unknown"
        if index < self.start:
            return "head"
        if index > self.last:
            return "foot"
        return "core"

    def outside_core(self, index: int) -> bool:
        return self.zone(index) in ("head", "foot", "tail")


# The kinds of NV001's phrase hits, one per list (see `_lists`): a line
# takes the kind of the first list that matches it.
PHRASE_KINDS = ("line", "dateline", "prefix", "phrase", "outside")


@lru_cache(maxsize=1)
def _lists() -> PhraseGroup:
    """The layout's lists, matched in one pass: the captions, NV001's lists
    (one per PHRASE_KINDS), the end markers and the end sections."""
    return PhraseGroup((phrase_set("caption-credits.txt", "any", ignore_case=False),
                        phrase_set("ui-lines.txt", "line"), phrase_set("datelines.txt", "line"),
                        phrase_set("ui-prefixes.txt", "prefix"), phrase_set("ui-phrases.txt", "any"),
                        phrase_set("ui-outside.txt", "any"),
                        phrase_set("end-markers.txt", "prefix"), phrase_set("end-sections.txt", "prefix")))


def _strip_match(m: re.Match) -> str:
    text = m.group(0)
    if "](" in text:  # a whole-line link: its text, not its target
        text = text[: text.index("](")]
    return text.strip(" \t*_#>[]()-+|:\r")


def analyse(doc) -> Layout:
    lines = doc.lines
    code = doc.code_lines

    # The phrase lists are matched over the lines short enough to be page
    # furniture (at most MAX_PHRASE_LINE characters), joined into one text:
    # long lines are paragraphs, and skipping them is most of the speed.
    # Only the lines read as Markdown (doc.body_model.lines_read): past them
    # no unit exists to carry a hit.
    read = lines[:doc.body_model.lines_read]
    cand = [i for i, line in enumerate(read) if line and len(line) <= MAX_PHRASE_LINE and i not in code]
    clines = [lines[i] for i in cand]
    body_lowered, body_starts = lowered_lines(doc)  # slices of the body lowered once
    lowered = "\n".join([body_lowered[body_starts[i]:body_starts[i + 1] - 1] for i in cand])
    sstarts = offsets_of(clines)
    lists = _lists()
    todos = lists.candidates(clines, lowered, sstarts)  # every list's candidate lines, in one pass
    captions = {cand[k] for k in lists.sets[0].first_matches(clines, todos[0])}
    phrases: dict[int, tuple[str, str]] = {}
    claimed: set[int] = set()  # candidate lines a list before in PHRASE_KINDS has matched
    for kind, ps, todo in zip(PHRASE_KINDS, lists.sets[1:], todos[1:]):
        for k, m in ps.first_matches(clines, todo, skip=claimed).items():
            phrases[cand[k]] = (kind, _strip_match(m))
            claimed.add(k)

    # the core: the furniture classification's (blocks, jusText classes)
    fu = furniture.of(doc)
    units = fu.units
    start = last = None
    if fu.core is not None:
        core_first, core_last = fu.core
        start, last = units[core_first].start, units[core_last].start

    # the end: the first end marker after the core starts, once enough prose
    # precedes it; a section head ("Related", "Most read") only when little
    # of the article's prose follows it (pages put such boxes mid-article too)
    end = None
    end_marker = None
    if start is not None:
        before_start = range(bisect_left(cand, start))  # candidate lines before the core: not tried
        markers, sections = lists.sets[-2:]
        hits = [(cand[k], m, True) for k, m in markers.first_matches(clines, todos[-2], skip=before_start).items()]
        hits += [(cand[k], m, False) for k, m in sections.first_matches(clines, todos[-1], skip=before_start).items()]
        if hits:
            # prose words (long, unlinked, sentence-like units that are not
            # captions or phrase hits) before each unit, and after the core's start
            prose_words = [u.words if _prose(u, captions, phrases) else 0 for u in units]
            cum = [0, *accumulate(prose_words)]
            unit_ends = [u.end for u in units]
            first_unit = fu.core[0]
            total = cum[len(units)]
            for i, m, strong in sorted(hits, key=lambda h: h[0]):
                if i in code:
                    continue
                k = bisect_right(unit_ends, i - 1)  # the first unit ending at or after line i
                before = cum[k] - cum[first_unit]
                if before < MIN_ARTICLE_WORDS:
                    continue
                after = total - cum[k + 1] if k < len(units) and units[k].start <= i else total - cum[k]
                if not strong and after > SECTION_AFTER_RATIO * before:
                    continue
                end = i
                end_marker = _strip_match(m)
                break
            if end is not None and last >= end:
                last = max((u.start for u, w in zip(units[first_unit:], prose_words[first_unit:]) if w and u.start < end),
                           default=start)

    return Layout(frozenset(captions), end, start, last, end_marker, phrases)


def _prose(u, captions, phrases) -> bool:
    """A unit that reads as the article's prose: long enough and punctuated
    like a sentence, hardly linked, neither a caption nor a phrase hit."""
    return (u.density < GOOD_MAX_DENSITY and ((u.words >= GOOD_WORDS and u.sentence) or u.words >= LONG_WORDS)
            and u.start not in captions and u.start not in phrases)



_ZONE_WORDS = {"head": "before the article's first paragraph", "foot": "after the article's last paragraph",
               "tail": "after the end of the article", "core": "inside the article", "unknown": ""}


def zone_words(fu: furniture.Furniture, k: int, doc) -> str:
    """Where unit `k` of the furniture analysis stands, in words."""
    if of(doc).in_tail(fu.units[k].start):
        return _ZONE_WORDS["tail"]
    return _ZONE_WORDS[fu.zone(k)]


def of(doc) -> Layout:
    """The layout of `doc`, computed once per document."""
    return doc.shared("layout", analyse)


def decisions(doc, threshold: float = furniture.LINK_DENSE, min_run: int = furniture.NAV_RUN,
              max_words: int = furniture.NAV_WORDS) -> dict[int, str]:
    """The furniture units of `doc` and why (see `furniture.decide`, read
    with the layout's end of the article), once per document and set of
    options: what the NV rules report, and what DS004 leaves to them."""
    key = f"furniture-decide:{threshold}:{min_run}:{max_words}"
    return doc.shared(key, lambda d: furniture.decide(furniture.of(d), of(d).end, bool(d.host),
                                                     threshold, min_run, max_words))
