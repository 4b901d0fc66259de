"""The stop-word tokens: the ASCII path gives what the regex gives."""

from __future__ import annotations

import random

from scrapelint.analysis import stopwords


def _by_regex(text: str) -> list[str]:
    return stopwords._SPACES_RE.sub(" ", text.lower()).split()


def test_every_ascii_character_splits_as_the_regex_splits_it():
    for c in map(chr, range(128)):
        text = f"Harbour{c}Ferry {c}Quay{c} {c}"
        assert stopwords.tokens(text) == _by_regex(text), repr(c)


def test_random_ascii_texts_give_the_regex_tokens():
    rng = random.Random(14)
    alphabet = "".join(map(chr, range(128)))
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
        assert stopwords.tokens(text) == _by_regex(text), repr(text)


def test_punctuation_is_dropped_and_words_keep_apostrophes_and_hyphens():
    assert stopwords.tokens("The ferry's (re-)launch: ON time, \"at last\"!") == \
        ["the", "ferry's", "re-", "launch", "on", "time", "at", "last"]
    # outside ASCII: the regex's path, the curly quotes and dashes dropped too
    assert stopwords.tokens("«Le quai» — fermé…") == ["le", "quai", "fermé"]
    # a letter outside ASCII whose lower case is ASCII (the Kelvin sign)
    assert stopwords.tokens("\u212aNOT, or not") == _by_regex("\u212aNOT, or not") == ["knot", "or", "not"]
