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


# Punctuation read as a space: one C-level `translate` instead of a strip
# per token (apostrophes and hyphens stay inside words: "don't", "e-mail").
_SPACES = str.maketrans({c: " " for c in "\"“”‘«»„‚()[]{}<>.,;:!?¿¡…–—*_/\\|#`~=+^%&@$€£"})


def tokens(text: str) -> list[str]:
    """Lower-cased whitespace tokens with their punctuation dropped."""
    return text.lower().translate(_SPACES).split()


SAMPLE = 800  # tokens enough to tell the language


def language_of(token_lists) -> int | None:
    """Bit of the language whose stop words cover most tokens of
    `token_lists` together (the first SAMPLE tokens); None when no list
    covers any."""
    t = table()
    by_mask: dict[int, int] = {}
    seen = 0
    for toks in token_lists:
        for m in map(t.get, toks):
            if m:
                by_mask[m] = by_mask.get(m, 0) + 1
        seen += len(toks)
        if seen >= SAMPLE:
            break
    if not by_mask:
        return None
    counts = [0] * len(LANGUAGES)
    for mask, n in by_mask.items():
        k = 0
        while mask:
            if mask & 1:
                counts[k] += n
            mask >>= 1
            k += 1
    best = max(range(len(LANGUAGES)), key=counts.__getitem__)
    return 1 << best


def stop_count(toks: list[str], bit: int) -> int:
    """How many of `toks` are stop words of the language `bit`."""
    get = table().get
    return sum(1 for m in map(get, toks) if m and m & bit)


def language_name(bit: int | None) -> str:
    return LANGUAGES[bit.bit_length() - 1] if bit else "unknown"
