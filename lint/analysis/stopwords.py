"""Stop words of many languages, and which language a text is written in.

The lists come from the `stop-words` package (33 languages, plain word
lists).  jusText's insight is that article prose is dense in a language's
function words ("the", "of", "und", "que", "się") while menus, headline
lists and footers are not; the language of a page is the one whose list
covers most of its words.  All lists are read once into one table,
word -> bit mask of the languages that list it, so a document's language
costs one dictionary look-up per word.

Scripts written without spaces (Chinese, Japanese, Thai...) have no words to
look up: `density_of` says nothing (None) about such text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# Languages whose words are separated by spaces; the package's Chinese,
# Japanese and Korean lists hold words that whitespace tokens never are.
LANGUAGES = ("english", "german", "french", "spanish", "italian", "portuguese", "dutch", "polish",
             "czech", "slovak", "danish", "swedish", "norwegian", "finnish", "hungarian", "romanian",
             "catalan", "turkish", "russian", "ukrainian", "bulgarian", "greek", "indonesian",
             "malaysian", "vietnamese", "arabic", "persian", "hebrew", "hindi", "gujarati")

# What is stripped from a whitespace token before the look-up.
PUNCTUATION = "\"'“”‘’«»„‚()[]{}<>.,;:!?¿¡…-–—*_/\\|#`~=+^%&@$€£"


@lru_cache(maxsize=1)
def table() -> dict[str, int]:
    """word (lower case) -> bit mask of the languages (index in LANGUAGES) listing it."""
    # the package's data folder, found without importing the package (its
    # import reads and resolves things this does not need)
    spec = find_spec("stop_words")
    base = Path(next(iter(spec.submodule_search_locations))) / "stop-words"
    masks: dict[str, int] = {}
    for k, lang in enumerate(LANGUAGES):
        bit = 1 << k
        for word in (base / f"{lang}.txt").read_text(encoding="utf-8").split("\n"):
            word = word.strip().lower()
            if word and " " not in word:
                masks[word] = masks.get(word, 0) | bit
    return masks


# Punctuation read as a space: one C-level substitution instead of a strip
# per token (apostrophes and hyphens stay inside words: "don't", "e-mail").
# A regex beats `str.translate` with a table off the ASCII fast path: 1.8x
# on the corpus's units, most of which hold a non-ASCII character.
_SPACES_RE = re.compile("[" + re.escape("\"“”‘«»„‚()[]{}<>.,;:!?¿¡…–—*_/\\|#`~=+^%&@$€£") + "]")


def tokens(text: str) -> list[str]:
    """Lower-cased whitespace tokens with their punctuation dropped."""
    return _SPACES_RE.sub(" ", text.lower()).split()


SAMPLE = 800  # tokens enough to tell the language


def language_of(token_lists: Iterable[list[str]]) -> int | None:
    """Bit of the language whose stop words cover most tokens of
    `token_lists` together (the first SAMPLE tokens); None when no list
    covers any."""
    sample: list[str] = []
    for toks in token_lists:
        sample += toks
        if len(sample) >= SAMPLE:
            break
    # counted in C, only the words some list holds (about half of the tokens)
    by_mask = Counter(filter(None, map(table().get, sample)))
    if not by_mask:
        return None
    counts = [0] * len(LANGUAGES)
    for mask, n in by_mask.items():
        while mask:  # one step per language listing the word, not per language
            low = mask & -mask
            counts[low.bit_length() - 1] += n
            mask ^= low
    best = max(range(len(LANGUAGES)), key=counts.__getitem__)
    return 1 << best


def stop_count(toks: list[str], bit: int) -> int:
    """How many of `toks` are stop words of the language `bit`."""
    return sum(map(stop_set(bit).__contains__, toks))  # C-level: 3x a look-up of masks


@lru_cache(maxsize=len(LANGUAGES))
def stop_set(bit: int) -> frozenset[str]:
    """The stop words of the language `bit`."""
    return frozenset(word for word, mask in table().items() if mask & bit)


def language_name(bit: int | None) -> str:
    return LANGUAGES[bit.bit_length() - 1] if bit else "unknown"
