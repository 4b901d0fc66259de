"""The one definition of an inline Markdown link (`scrapelint.analysis.text.MD_LINK`):
the title comparisons (`normalise.plain`) and the reader's view of a line
(`text.visible`) read the same links, as CommonMark does."""

from __future__ import annotations

import pytest

from scrapelint.analysis.normalise import plain
from scrapelint.analysis.text import visible

SHOWN = "Ferry timetable for the tide tables season"


@pytest.mark.parametrize("markdown", [
    "Ferry timetable for the [tide tables](https://example.org/tides) season",
    "Ferry timetable for the [tide tables](https://example.org/wiki/Tide_(sea)) season",
    "Ferry timetable for the [tide tables](<https://example.org/tide tables>) season",
    'Ferry timetable for the [tide tables](https://example.org/tides "Tides") season',
    "Ferry timetable for the [tide tables](https://example.org/tides 'Tides') season",
    "Ferry timetable for the [tide tables](https://example.org/tides (Tides)) season",
])
def test_a_link_is_read_as_its_text(markdown):
    assert plain(markdown) == SHOWN
    assert visible(markdown) == (SHOWN, len("tide tables"), 1)


def test_a_target_with_spaces_is_not_a_link():
    text = "Ferry timetable for the [tide tables](tide tables) season"
    assert plain(text) == text
    assert visible(text)[2] == 0
