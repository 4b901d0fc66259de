"""What a reader sees of a raw Markdown line, and how many words it holds."""

from __future__ import annotations

import re

from scrapelint.findings import clip

# An inline link or image, `[text](target "title")`, its text group 1; as
# CommonMark reads it, the target is in angle brackets (`<a b>`) or has no
# spaces and balanced parentheses (`/wiki/Tide_(sea)`), the title is in
# double or single quotes or parentheses.  The project's one definition
# (`normalise.plain` too).
MD_LINK = (r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:<[^<>\n]*>|(?:[^()\s]|\([^()]*\))*)"
           r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
MD_LINK_RE = re.compile(MD_LINK)
_LINK_RE = re.compile(MD_LINK + r"|<https?://[^>\s]*>|\bhttps?://\S+")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MARK_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|<>])|\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
# Scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
# Burmese, Khmer); not Korean, whose words are spaced.
NOSPACE_RE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOSPACE_RUN_RE = re.compile(NOSPACE_RE.pattern + "+")


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
    if len(text) > 12 * w and NOSPACE_RE.search(text):
        # the characters of those scripts, counted run by run: a list of
        # runs, not one string per character (2x on Japanese and Chinese)
        w = max(w, sum(map(len, _NOSPACE_RUN_RE.findall(text))) // 2)
    return w


def shorten(text: str, n: int = 50) -> str:
    """`text` on one line, cut to `n` characters for a message."""
    return clip(" ".join(text.split()), n)
