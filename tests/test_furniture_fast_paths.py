"""The furniture stage's shortcuts must agree with the plain code they skip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scrapelint.analysis.furniture import _glued, single_spaced
from scrapelint.analysis.text import NOSPACE_RE, word_estimate

SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


def test_every_space_but_the_plain_one_is_unprintable():
    # what lets single_spaced skip the split: a printable text's only space is " "
    assert len(SPACES) > 20
    assert [c for c in SPACES if c.isprintable()] == [" "]


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(SPACES + list("ab.é語\u200b\xad")), max_size=12))
def test_single_spaced_is_the_split_and_join(text):
    assert single_spaced(text) == " ".join(text.split())


def test_single_spaced_keeps_a_text_that_already_is():
    text = "The harbour authority met on Sunday, said the clerk."
    assert single_spaced(text) is text
    assert single_spaced(" a") == "a" and single_spaced("a ") == "a" and single_spaced("a  b") == "a b"
    assert single_spaced("a\u00a0b") == "a b" and single_spaced("a\tb\nc") == "a b c"


def _plain_word_estimate(text: str) -> int:
    w = text.count(" ") + 1 if text else 0
    if len(text) > 12 * w and NOSPACE_RE.search(text):
        w = max(w, len(NOSPACE_RE.findall(text)) // 2)
    return w


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(list(" ab.") + ["\u0e01", "\u1000", "\u17a0", "\u3042", "\u30a2", "\u4e00",
                                                        "\u9fff", "\uf900", "\uac00"]), max_size=60))
def test_word_estimate_counts_runs_as_the_characters_they_hold(text):
    assert word_estimate(text) == _plain_word_estimate(text)


def test_word_estimate_of_an_unspaced_script():
    assert word_estimate("港の灯台は百年前に建てられた") == 7  # 14 characters
    assert word_estimate("The harbour authority met") == 4
    assert word_estimate("") == 0


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["harbour", "Pier", "keeperNews", "aB", "JavaScript", "NASA", " ", "/", "@", ".", "-"]),
                max_size=12).map("".join))
def test_glued_ascii_shortcut_agrees_with_the_token_walk(text):
    # a non-ASCII token with nothing glued in it sends the same text down the token walk
    assert _glued(text) == _glued(text + " é")


def test_glued_finds_a_word_glued_to_the_next():
    assert _glued("Our harbour professionalsLearn more") == "professionalsLearn"
    assert _glued("Our harbour professionals Learn more") is None
