"""Where the article is inside the body: shared knowledge of the date (DT)
and boilerplate (NV) families, computed once per document (`doc.layout`).

- `captions`: body lines that are photo captions or credits;
- `end`: the first line of the tail after the article (credits such as
  "Reporting by", "Our Standards", "Related", "More from", "About the
  author"...), once enough article text precedes the marker; None when the
  body runs to its end;
- `start` / `last`: the first and the last prose paragraph of the article's
  core, the largest cluster of prose lines (jusText's idea: long lines with
  few links and sentence punctuation, close to each other).  Lines before
  `start` are the page head, lines after `last` (and before `end`) its foot;
  both are where menus, bylines and promos live;
- per-line features every NV rule reads instead of re-scanning: visible
  text length, estimated words, link density, sentence ending, list item,
  and the phrase-list hits (`phrase`, `phrase_kind`).

Indices are 0-based body lines (`doc.lines`); `doc.file_line(i)` turns one
into a file line.  The phrase lists are data files in `scrapelint.rules`
(`rules/data/*.txt`), loaded once and compiled into one alternation each.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import NamedTuple

DATA_PACKAGE = "scrapelint.rules"
MIN_ARTICLE_WORDS = 80  # an end marker counts once this much article text precedes it
SECTION_AFTER_RATIO = 0.35  # a section head ends the article if less prose than this (x before) follows

# ---------------------------------------------------------------------------
# phrase lists (rules/data/*.txt)
# ---------------------------------------------------------------------------


class Entry(NamedTuple):
    text: str  # as written (without `re:` and comment)
    pattern: str  # regex source
    example: str | None  # what it is meant to match (literal phrases: themselves)
    line: int  # line of the data file


_COMMENT_RE = re.compile(r"(?:^|\s{2,}|\t)#(.*)$")


def literal_pattern(phrase: str) -> str:
    """A literal phrase as a regex: whole words, any whitespace between."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    lead = r"(?<!\w)" if phrase[:1].isalnum() else ""
    tail = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return lead + body + tail


def parse_entries(text: str) -> list[Entry]:
    entries = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        example = None
        m = _COMMENT_RE.search(line)
        if m:
            comment = m.group(1).strip()
            line = line[: m.start()].rstrip()
            if comment.startswith("e.g."):
                example = comment[4:].strip()
        line = line.strip()
        if line.startswith("re:"):
            entries.append(Entry(line[3:], line[3:], example, n))
        else:
            entries.append(Entry(line, literal_pattern(line), line, n))
    return entries


@lru_cache(maxsize=None)
def load_entries(name: str) -> tuple[Entry, ...]:
    """The entries of `rules/data/<name>` (read once)."""
    text = resources.files(DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    return tuple(parse_entries(text))


# Markdown a line may start with before its words: list markers, quotes,
# headings, table pipes, emphasis, an opening link bracket.
# One character per repetition: nested quantifiers ((a+)*, (**|*)*) backtrack
# exponentially on a line of 60 dashes or asterisks.
LEAD = r"^[ \t]*(?:(?:[-*+>|#]|\d{1,3}[.)])[ \t]*)*(?:[*_\[(]|\\\[)*[ \t]*"
TRAIL = r"[ \t]*(?:[*_]|\\?\])*(?:\([^)\s]*(?:\s+\"[^\"]*\")?\))?[ \t:.!|*_…\u2026]*\r?$"


@lru_cache(maxsize=64)
def phrase_regex(name: str, mode: str = "any", extra: tuple[str, ...] = (), ignore_case: bool = True) -> re.Pattern:
    """One compiled alternation of a data list (plus `extra` entries, literal
    or `re:`), in one of three modes: `any` (anywhere in a line), `prefix`
    (at the start of a line, after Markdown marks), `line` (the whole line).
    `prefix` and `line` are MULTILINE patterns meant for the whole body."""
    patterns = [e.pattern for e in load_entries(name)]
    patterns += [e.pattern for e in parse_entries("\n".join(extra))]
    alt = "|".join(f"(?:{p})" for p in patterns)
    flags = re.IGNORECASE if ignore_case else 0
    if mode == "any":
        return re.compile(alt, flags)
    if mode == "prefix":
        return re.compile(LEAD + f"(?:{alt})", flags | re.MULTILINE)
    if mode == "line":
        return re.compile(LEAD + f"(?:{alt})" + TRAIL, flags | re.MULTILINE)
    raise ValueError(f"unknown mode {mode!r}")


def line_starts(body: str) -> list[int]:
    """Offset in `body` of each body line's start (the last is len+1)."""
    return [0, *accumulate(len(x) + 1 for x in body.split("\n"))]


def hits_by_line(pattern: re.Pattern, body: str, starts: list[int], lo: int = 0) -> dict[int, re.Match]:
    """First match of `pattern` on each body line (scanned over the whole
    body once, from line `lo`)."""
    found: dict[int, re.Match] = {}
    for m in pattern.finditer(body, starts[lo] if lo < len(starts) else len(body)):
        i = bisect_right(starts, m.start()) - 1
        if i not in found:
            found[i] = m
    return found


# ---------------------------------------------------------------------------
# per-line features
# ---------------------------------------------------------------------------

_LINK_RE = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\s*\)|<https?://[^>\s]*>|\bhttps?://\S+")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MARK_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|<>])|\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
# Scripts written without spaces between words.
_NOSPACE_RE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = frozenset(".!?。！？…\"”’'»)」』:;")
_LIST_RE = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]")

LINK_DENSE = 0.5  # link text / visible text above which a line is mostly links
GOOD_WORDS = 10  # a prose line: this many words and sentence punctuation...
LONG_WORDS = 30  # ... or this many words whatever its punctuation
GOOD_MAX_DENSITY = 0.3
MAX_GAP = 4.0  # cost of non-prose lines allowed inside the article core


def visible(line: str) -> tuple[str, int, int]:
    """(visible text, characters inside links, number of links) of a line:
    images dropped, links replaced by their text, emphasis marks removed."""
    s = line.strip()
    link_chars = 0
    nlinks = 0
    if "](" in s or "http" in s:
        parts = []
        pos = 0
        for m in _LINK_RE.finditer(s):
            parts.append(s[pos:m.start()])
            pos = m.end()
            if m.group(0)[0] == "!":
                continue
            txt = m.group(1)
            if txt is None:  # a bare URL or autolink
                txt = m.group(0)
            elif "](" in txt:  # a linked image: its alt text is what the link says
                txt = _IMAGE_RE.sub(r"\1", txt)
            nlinks += 1
            txt = txt.strip()
            link_chars += len(txt)
            parts.append(txt)
        parts.append(s[pos:])
        s = "".join(parts)
    if "*" in s or "_" in s or "\\" in s:
        s = _MARK_RE.sub("", s)
    s = s.strip(" \t#>-+|*•")
    return s, link_chars, nlinks


def word_estimate(text: str) -> int:
    """Whitespace tokens, or for scripts written without spaces (Chinese,
    Japanese, Thai, Burmese...) about one word per two characters."""
    w = text.count(" ") + 1 if text else 0
    if len(text) > 12 * w and _NOSPACE_RE.search(text):
        w = max(w, len(_NOSPACE_RE.findall(text)) // 2)
    return w


@dataclass
class Layout:
    captions: frozenset[int]
    end: int | None
    start: int | None = None  # first prose line of the article core
    last: int | None = None  # last prose line of the core (before `end`)
    end_marker: str | None = None
    # per body line (0-based); blank and code lines hold 0 / False / ""
    vis_len: list[int] | None = None
    words: list[int] | None = None
    density: list[float] | None = None
    links: list[int] | None = None
    sentence: list[bool] | None = None
    list_item: list[bool] | None = None
    prose: list[bool] | None = None
    # NV001 hits of the built-in lists: line -> (kind, matched text)
    phrases: dict[int, tuple[str, str]] | None = None

    def in_tail(self, index: int) -> bool:
        return self.end is not None and index >= self.end

    def zone(self, index: int) -> str:
        """`tail` (after the end marker), `head` (before the core), `foot`
        (after its last prose line), `core`, or `unknown` (no core found)."""
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


def _strip_match(m: re.Match) -> str:
    return m.group(0).strip(" \t*_#>[]()-+|:\r")


def analyse(doc) -> Layout:
    lines = doc.lines
    n = len(lines)
    body = doc.body
    code = doc.code_lines
    starts = line_starts(body)

    captions = set(hits_by_line(phrase_regex("caption-credits.txt", "any", ignore_case=False), body, starts))
    phrases: dict[int, tuple[str, str]] = {}
    for kind, name, mode in (("line", "ui-lines.txt", "line"), ("dateline", "datelines.txt", "line"),
                             ("prefix", "ui-prefixes.txt", "prefix"), ("phrase", "ui-phrases.txt", "any"),
                             ("outside", "ui-outside.txt", "any")):
        for i, m in hits_by_line(phrase_regex(name, mode), body, starts).items():
            if i not in phrases:
                phrases[i] = (kind, _strip_match(m))
    if code:
        captions -= code
        for i in code & phrases.keys():
            del phrases[i]

    vis_len = [0] * n
    words = [0] * n
    density = [0.0] * n
    links = [0] * n
    sentence = [False] * n
    list_item = [False] * n
    prose = [False] * n
    for i, line in enumerate(lines):
        if not line or i in code:
            continue
        vis, lc, nl = visible(line)
        if not vis:
            links[i] = nl
            continue
        L = len(vis)
        w = word_estimate(vis)
        vis_len[i] = L
        words[i] = w
        links[i] = nl
        d = lc / L if lc else 0.0
        density[i] = d if d < 1.0 else 1.0
        sent = vis[-1] in _SENTENCE_END or ". " in vis or "。" in vis
        sentence[i] = sent
        if line[:1] in "-*+ \t0123456789•" and _LIST_RE.match(line):
            list_item[i] = True
        if d < GOOD_MAX_DENSITY and ((w >= GOOD_WORDS and sent) or w >= LONG_WORDS) \
                and i not in captions and i not in phrases:
            prose[i] = True

    # the core: the cluster of prose lines with the most words
    best = None  # (words, first, last)
    cur_first = cur_last = None
    cur_words = 0
    gap = 0.0
    for i in range(n):
        if prose[i]:
            if cur_first is not None and gap <= MAX_GAP:
                cur_last = i
                cur_words += words[i]
            else:
                if cur_first is not None and (best is None or cur_words > best[0]):
                    best = (cur_words, cur_first, cur_last)
                cur_first = cur_last = i
                cur_words = words[i]
            gap = 0.0
        elif words[i] or links[i]:
            gap += 1.0 if density[i] >= LINK_DENSE else (0.5 if i in phrases else 0.25)
    if cur_first is not None and (best is None or cur_words > best[0]):
        best = (cur_words, cur_first, cur_last)
    start = last = None
    if best is not None:
        _, start, last = best

    # the end: the first end marker after the core starts, once enough prose
    # precedes it; a section head ("Related", "Most read") only when little
    # of the article's prose follows it (pages put such boxes mid-article too)
    end = None
    end_marker = None
    if start is not None:
        hits = [(i, m, True) for i, m in hits_by_line(phrase_regex("end-markers.txt", "prefix"), body, starts, start).items()]
        hits += [(i, m, False) for i, m in hits_by_line(phrase_regex("end-sections.txt", "prefix"), body, starts, start).items()]
        if hits:
            cum = [0, *accumulate(words[j] if prose[j] else 0 for j in range(n))]  # prose words before line j
            total = cum[n]
            for i, m, strong in sorted(hits, key=lambda h: h[0]):
                if i in code:
                    continue
                before = cum[i] - cum[start]
                if before < MIN_ARTICLE_WORDS:
                    continue
                if not strong and total - cum[i + 1] > SECTION_AFTER_RATIO * before:
                    continue
                end = i
                end_marker = _strip_match(m)
                break
        if end is not None and last >= end:
            last = max((j for j in range(start, end) if prose[j]), default=start)

    return Layout(frozenset(captions), end, start, last, end_marker, vis_len, words, density, links,
                  sentence, list_item, prose, phrases)
