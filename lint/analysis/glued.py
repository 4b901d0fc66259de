"""Words glued together by lost whitespace (`subscribersJoin`): the prose
tokens where a lower-case run meets a capital (`candidates`), whether one
splits into two words (`glued_split`), and which of them the page itself
shows to be names (`named_by_page`, all of a page's tokens at once).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from scrapelint.analysis.phrases import load_entries
from scrapelint.analysis.prose import matches_by_line

# A token with a lower-case letter running into a capital, not part of a
# URL, handle, hashtag, path or identifier.
# the join: a capital after two lower-case letters; the token around it is
# taken in Python.  Written capital-first (the lookbehind runs only at
# capitals): 2.5x faster than [a-z]{2}[A-Z] over a page of lower-case text.
GLUED_RE = re.compile(r"[A-Z](?<=[a-z]{2}[A-Z])")
_TOKEN_LEFT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LETTERS_RE = re.compile(r"[A-Za-z]*")  # _TOKEN_LEFT
_TOKEN_RIGHT_RE = re.compile(r"[A-Za-z'’]*")
_NOT_BEFORE = frozenset("@#/\\.:=&?%+-_0123456789")
_TRANSITION_RE = re.compile(r"[a-z][A-Z]")
# Two glued words are shorter than this; a longer run of letters is not prose.
MAX_TOKEN_CHARS = 100


def candidates(doc) -> Iterator[tuple[int, int, str]]:
    """(body line, column, token) of the prose tokens in which a lower-case
    letter runs into a capital, in body order.  Each run of letters is read
    once, from its first join: every capital of `abCabCabC...` gives the
    same token, and reading it from each would take quadratic time."""
    run_end = (-1, -1)  # (line, column) where the letters around the last join end
    for i, join, _ in matches_by_line(GLUED_RE, doc):
        if (i, join) < run_end:
            continue
        line = doc.prose_lines[i]
        run_end = (i, _LETTERS_RE.match(line, join).end())
        found = token_at(line, join)
        if found is not None:
            yield i, *found


def token_at(line: str, join: int) -> tuple[int, str] | None:
    """(column, text) of the token around the capital at column `join`, or
    None when letters run into it from a URL, handle, hashtag, path or a
    word with other letters, or it is over MAX_TOKEN_CHARS long.  Reads at
    most MAX_TOKEN_CHARS + 1 characters on each side of the capital."""
    a = join
    low = max(0, join - MAX_TOKEN_CHARS - 1)
    while a > low and line[a - 1] in _TOKEN_LEFT:
        a -= 1
    if a > 0 and (line[a - 1] in _NOT_BEFORE or line[a - 1].isalnum()):
        return None  # (a letter there when the scan stopped at `low`: too long)
    b = _TOKEN_RIGHT_RE.match(line, join, join + MAX_TOKEN_CHARS + 1).end()
    if b - a > MAX_TOKEN_CHARS:
        return None
    return a, line[a:b]


@lru_cache(maxsize=1)
def camel_words() -> frozenset[str]:
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


def _names_on_page(doc) -> tuple[str, str, frozenset[str]]:
    """What the page itself says is a name or an identifier: the text of its
    code (spans and blocks), its link targets (lower-cased), and link texts
    that are one word.  Built only when a candidate token needs it."""
    def compute(d):
        code: list[str] = []
        targets: list[str] = []
        link_words: set[str] = set()
        for blk in d.blocks:
            if blk.kind == "code" or blk.kind == "html":
                code.extend(d.lines[blk.start:blk.end + 1])
            code.extend(c.text for c in blk.code)
            for link in blk.links + blk.images:
                targets.append(link.target)
                if link.text and " " not in link.text.strip():
                    link_words.add(link.text.strip())
        return "\n".join(code), "\n".join(targets).lower(), frozenset(link_words)

    return doc.shared("tx-names", compute)


def occurring(words: set[str], text: str) -> set[str]:
    """Those of `words` that occur in `text` (as substrings), from one
    Aho-Corasick pass: a `word in text` per word costs words x text length,
    quadratic on a page of many glued-looking tokens and a large code block.
    A word is at most MAX_TOKEN_CHARS long, so at most that many of them end
    at any one character: the pass stays linear in the text."""
    import ahocorasick_rs

    words = {w for w in words if w}
    if not words or not text:
        return set()
    # built for one search: a non-contiguous NFA builds 4x as fast as the default
    matcher = ahocorasick_rs.AhoCorasick(list(words), implementation=ahocorasick_rs.Implementation.NoncontiguousNFA)
    return set(matcher.find_matches_as_strings(text, overlapping=True))


def named_by_page(tokens: Iterable[str], doc) -> set[str]:
    """Those of `tokens` the page shows to be names: written in the page's
    code, pointed at by a link (`[CinchBlue](https://example.org/CinchBlue)`),
    or the whole text of a link (a handle, a product).  One pass over the
    code and one over the link targets, however many tokens."""
    tokens = set(tokens)
    code, targets, link_words = _names_on_page(doc)
    named = (tokens & link_words) | occurring(tokens, code)
    lowered: dict[str, list[str]] = {}
    for token in tokens - named:
        lowered.setdefault(token.lower(), []).append(token)
    for low in occurring(set(lowered), targets):
        named.update(lowered[low])
    return named
