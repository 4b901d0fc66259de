"""The case-blind literal search (`scrapelint.analysis.caseblind`) and TI004's
mid-word test built on it must answer exactly as the regexes they replace."""

from __future__ import annotations

import re
import sys
from re import _casefix

import pytest

from scrapelint.analysis.caseblind import at_boundary, confusable, fold, is_word_char, lower, occurrences
from scrapelint.rules.titles import only_inside_longer_words


def _regex_answer(word: str, body: str) -> bool:
    """What TI004 asked before: a regex per description."""
    escaped = re.escape(word)
    return bool(re.search(escaped + r"\w", body, re.IGNORECASE)) and \
        not re.search(r"\b" + escaped + r"\b", body, re.IGNORECASE)


def _cased_and_more() -> str:
    """Every character with a case (or in `re`'s extra case classes), and
    characters without one: digits, punctuation, CJK, a combining mark."""
    chars = {chr(cp) for cp in range(sys.maxunicode + 1)
             if not 0xD800 <= cp <= 0xDFFF and (chr(cp).lower() != chr(cp) or chr(cp).upper() != chr(cp))}
    chars |= {chr(cp) for cp in _casefix._EXTRA_CASES}
    chars |= set("0123456789_-.'’ \t()[]*+?\\|^$港文\u0301\u00ad٣")
    return "".join(sorted(chars))


def test_fold_keeps_offsets():
    text = "İSTANBUL ΟΔΥΣΣΕΥΣ ſtraße Kelvin K ﬅ ǅ"
    assert len(fold(text)) == len(text)
    assert fold("İ") == "i" and fold("ΟΔΥΣΣΕΥΣ") == fold("οδυσσευς")


def test_every_character_matches_as_the_regex_matches_it():
    """For every cased character as a one-letter word, the places it is
    found in a text of every cased character are the regex's."""
    text = _cased_and_more()
    for word in text:
        found = [start for start, _ in occurrences(word, text)]
        assert found == [m.start() for m in re.finditer(re.escape(word), text, re.IGNORECASE)], word


@pytest.mark.parametrize("letters", ["sign up here", "kırmızı başlık", "ο τίτλος σας", "10 µg", "мой блог ṡ ﬅ"])
def test_a_letter_read_otherwise_than_its_lower_case_is_confusable(letters):
    """Where a case-blind regex reads a character as one of `letters` and
    its lower case is not that letter, its lower case is one of
    `confusable(letters)` (or holds the dot "İ" lower-cases with): the
    lines a phrase gate looks at again (`PhraseGroup`)."""
    text = _cased_and_more()
    lowered = lower(letters)
    odd = confusable(lowered)
    for letter in set(lowered):
        for c in re.findall(re.escape(letter), text, re.IGNORECASE):
            assert c.lower() == letter or c == "\u0130" or c.lower() in odd, (letter, c)
    assert confusable("sign up") == "ıſ" and confusable("kırmızı") == "i"


@pytest.mark.parametrize("word,body,expected", [
    ("harb", "The harbour reopened.", True),  # followed by a letter, never whole
    ("harb", "The harbour reopened at the harb.", False),  # whole once
    ("harb", "Ends with harb", False),  # the word at the end of the body
    ("harb", "harb", False),
    ("harb", "HARBOUR works", True),  # case-blind
    ("harb", "harb_2 and harb9", True),  # an underscore or a digit runs the word on
    ("harb", "xharb.", False),  # inside a longer word, not followed by one
    ("harb", "xharbour", True),
    ("ferr", "Ferry; ferr-", False),  # a hyphen ends a word
    ("stra", "STRASSE, Straße", True),
    ("straß", "Straßenbahn", True),  # non-ASCII letters
    ("straß", "straß straßen", False),
    ("isto", "İSTOK", True),  # "İ" is "i" to a case-blind regex
    ("isto", "ıstok", True),  # so is the dotless "ı"
    ("ſtra", "strasse", True),  # the long s is "s"
    ("οδυσσ", "ΟΔΥΣΣΕΥΣ", True),
    ("café", "cafés", True),
    ("café", "cafe\u0301s", False),  # a combining accent is another string
    ("naïve", "naïveté and naïve", False),
    ("a.b", "axbc", False),  # a regex metacharacter is a literal
    ("a.b", "a.bc", True),
    ("c++", "c++x", False),  # "+" then "x" is a boundary
    ("c++", "xc++y", True),
    ("c++", "cccx", False),
    ("x", "", False),
])
def test_mid_word_cases(word, body, expected):
    assert only_inside_longer_words(word, body) is expected
    assert _regex_answer(word, body) is expected


def test_mid_word_agrees_with_the_regex_on_random_text():
    import random

    rnd = random.Random(14)
    alphabet = list("abAB_1 .-\n") + ["İ", "ı", "ſ", "S", "ß", "Σ", "ς", "σ", "\u0345", "ι", "K", "k", "é", "\u0301"]
    for _ in range(4000):
        body = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        word = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 3)))
        assert only_inside_longer_words(word, body) == _regex_answer(word, body), (word, body)


def test_word_characters_and_boundaries():
    assert is_word_char("a_1", 1) and is_word_char("a_1", 2) and not is_word_char("a_1", 3)
    assert not is_word_char("a b", -1) and not is_word_char("a b", 1)
    assert at_boundary("ab", 0) and not at_boundary("ab", 1) and at_boundary("ab", 2) and not at_boundary("", 0)
