"""Stop words of many languages, and which language a text is written in.

The lists come from the `stop-words` package (33 languages, plain word
lists).  jusText's insight is that article prose is dense in a language's
function words ("the", "of", "und", "que", "się") while menus, headline
lists and footers are not; the language of a page is the one whose list
covers most of its words.  All lists are read once into one table, word ->
one counter per language that lists it, packed into one integer (see
`counts`), so a text's stop words are counted for every language at once,
with one dictionary look-up per word.

Scripts written without spaces (Chinese, Japanese, Thai...) have no words to
look up: `language_of` says nothing (None) about such text.
"""

from __future__ import annotations

import re
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

# What the glued-words check strips from a token's ends (furniture._glued);
# the stop-word tokens drop _SEPARATORS below, apostrophes and hyphens kept.
PUNCTUATION = "\"'“”‘’«»„‚()[]{}<>.,;:!?¿¡…-–—*_/\\|#`~=+^%&@$€£"

# Each language's count is a field of FIELD bits in one integer: a text would
# need 2**32 words to carry one field into the next.
FIELD = 32
_FIELD_MASK = (1 << FIELD) - 1


@lru_cache(maxsize=1)
def table() -> dict[str, int]:
    """word (lower case) -> 1 in the field (FIELD bits from bit k * FIELD) of
    every language k of LANGUAGES that lists it: summing these over a text's
    words counts each language's stop words in its own field.

    Building it from the lists is 35 M instructions, 6% of a one-file
    pre-commit run, so it is kept in the user's cache (`scrapelint.usercache`,
    marshalled: 14 M to read) under the lists' paths, sizes and times and
    the field width."""
    from scrapelint import usercache

    # the package's data folder, found without importing the package (its
    # import reads and resolves things this does not need)
    spec = find_spec("stop_words")
    base = Path(next(iter(spec.submodule_search_locations))) / "stop-words"
    files = [base / f"{lang}.txt" for lang in LANGUAGES]
    try:
        made_from = repr(["shared", FIELD, usercache.file_stamps(files)])
    except OSError:
        made_from = None
    name = usercache.marshal_name("stopwords", made_from) if made_from else None
    kept = usercache.read_marshal(name, made_from) if name else None
    if type(kept) is dict:
        return kept
    ones: dict[str, int] = {}
    for k, path in enumerate(files):
        one = 1 << (FIELD * k)
        for word in path.read_text(encoding="utf-8").split("\n"):
            word = word.strip().lower()
            if word and " " not in word:
                ones[word] = ones.get(word, 0) | one
    # A few hundred distinct values, each a wide integer: the words that
    # share one share the object, which marshal then writes once and reads
    # back as one (it rebuilt the integer for every word otherwise).
    shared: dict[int, int] = {}
    ones = {word: shared.setdefault(value, value) for word, value in ones.items()}
    if name:
        usercache.write_marshal(name, made_from, ones)
    return ones


# Punctuation read as a space: one C-level substitution instead of a strip
# per token (apostrophes and hyphens stay inside words: "don't", "e-mail").
_SEPARATORS = "\"“”‘«»„‚()[]{}<>.,;:!?¿¡…–—*_/\\|#`~=+^%&@$€£"
# A regex beats `str.translate` (a dictionary look-up per character off
# its ASCII path, and ~25 ns a character on it): 1.8x on the corpus's units.
_SPACES_RE = re.compile("[" + re.escape(_SEPARATORS) + "]")
# On a text of ASCII only, `bytes.translate` does it with one table read a
# byte: ~100 instructions a character less than the regex, and about half
# the units whose stop words are counted on the corpus's pages are ASCII.
_ASCII_SEPARATORS = _SEPARATORS.encode("ascii", "ignore")
_ASCII_SPACES = bytes.maketrans(_ASCII_SEPARATORS, b" " * len(_ASCII_SEPARATORS))


def tokens(text: str) -> list[str]:
    """Lower-cased whitespace tokens with their punctuation dropped."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered.encode().translate(_ASCII_SPACES).decode().split()
    return _SPACES_RE.sub(" ", lowered).split()


SAMPLE = 800  # tokens enough to tell the language


def counts(toks: Iterable[str]) -> int:
    """The stop words among `toks`, counted for every language at once (read
    one language's count with `count_of`).  One look-up per token and the
    sum in C: counting for one language costs as much, and the language is
    not known until the page's first units are counted."""
    return sum(filter(None, map(table().get, toks)))


def count_of(packed: int, language: int) -> int:
    """The count of `language` (index in LANGUAGES) in a result of `counts`."""
    return (packed >> (FIELD * language)) & _FIELD_MASK


def language_of(packed: int) -> int | None:
    """The language (index in LANGUAGES) with the most stop words in a sum
    of `counts` results, the first listed on a tie; None when there are none."""
    if not packed:
        return None
    return max(range(len(LANGUAGES)), key=lambda k: count_of(packed, k))


def language_name(language: int | None) -> str:
    return "unknown" if language is None else LANGUAGES[language]
