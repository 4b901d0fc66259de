"""How titles and headings are compared: Markdown removed, Unicode and
typography unified, down to letters and digits.  Shared by the title
family (TI) and the site-name and headline analyses.

- `plain`: the text a reader sees (Markdown inline syntax removed);
- `exact`: NFC, invisible characters dropped, whitespace collapsed;
- `typographic`: `exact` with quotes, dashes and ellipses unified;
- `compact` / `compact_translit`: letters and digits only, case-folded;
- `words_of`: the case-folded words.
"""

from __future__ import annotations

import re
import unicodedata

from scrapelint.analysis.text import MD_LINK_RE

_TYPO = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
})
TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa",
                           "œ": "oe", "þ": "th", "ð": "d", "ł": "l"})
_WS = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
_MD_EMPH = re.compile(r"(\*{1,3}|_{1,3}|`+)(?=\S)(.+?)(?<=\S)\1")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def plain(text: str) -> str:
    """Markdown inline syntax removed (links keep their text), spaces collapsed."""
    if "[" in text:
        text = MD_LINK_RE.sub(r"\1", text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if "*" in text or "_" in text or "`" in text:
        text = _MD_EMPH.sub(r"\2", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return _WS.sub(" ", text).strip()


def exact(text: str) -> str:
    """NFC, invisible characters dropped, whitespace collapsed: what the
    labels of a title compare."""
    text = unicodedata.normalize("NFC", text)
    for ch in ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"):
        text = text.replace(ch, "")
    return _WS.sub(" ", text).strip()


def typographic(text: str) -> str:
    """Like `exact`, with quotes, dashes, ellipses and spaces unified."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPO).replace("\u2026", "...")
    return _WS.sub(" ", text).strip()


def compact(text: str) -> str:
    """Letters and digits only, case-folded, accents removed (`ü` -> `u`)."""
    # combining marks are not alphanumeric: the substitution drops them too
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))


def compact_translit(text: str) -> str:
    """Letters and digits only, German-style transliteration (`ü` -> `ue`)."""
    return compact(text.casefold().translate(TRANSLIT))


def words_of(text: str) -> list[str]:
    return [w for w in _NON_ALNUM.split(unicodedata.normalize("NFKC", text.casefold())) if w]

