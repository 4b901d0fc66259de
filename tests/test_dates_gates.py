"""The dates code's keyword gates (`CaseBlindGate`) must never skip a line
their regex matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapelint.analysis.dates import cues
from scrapelint.analysis.dates.gates import CASE_ODD, CaseBlindGate

GATES = {"publication keyword": cues._PUB_KW, "time ago": cues._TIMEAGO, "footer": cues._FOOTER_RE,
         "comment": cues._COMMENT_RE}
EVERY_CHARACTER = "".join(map(chr, range(0x110000)))

# invented lines: keywords in the four languages, written in every case, and lines near them
LINES = ["Published on 3 May 2024", "PUBLISHED: May 3, 2024", "Last updated 2 hours ago",
         "Veröffentlicht am 03.05.2024", "VERÖFFENTLICHT AM 3. MAI", "zuletzt aktualisiert: 04.05.2024",
         "Geändert am 5. Mai", "Stand: 06.05.2024",
         "Publié le 3 mai 2024", "Mis à jour le 4 mai", "MIS EN LIGNE LE 3 MAI", "Publicado el 3 de mayo de 2024",
         "Última actualización: 4 de mayo", "fecha de publicación 03/05/2024", "Il y a 3 heures", "vor 2 Tagen",
         "hace 5 minutos", "© 2024 Harbour Gazette", "(C) 2023 Ferry Weekly", "All Rights Reserved.",
         "Tous droits réservés", "Reply", "Maria Lopez says:", "ANTWORTEN", "commented on the ferry",
         "The harbour reopened on Monday.", "understanding the standard", "a published-looking line",
         "Poſted 3 May 2024", "PUBLİSHED 3 May", "publıshed", "Il y a", "İl y a 2 jours", "ſays:", ""]


def test_the_gate_needs_what_every_match_holds():
    assert "publi" in cues._PUB_KW.hints and "published" not in cues._PUB_KW.hints  # one holds the other
    assert cues._TIMEAGO.hints == ("ago", "vor", "il y a", "hace")
    with pytest.raises(ValueError):
        CaseBlindGate(r"[A-Z]+\d")  # nothing a match must hold: no gate


@pytest.mark.parametrize("name", GATES)
def test_every_character_read_as_a_hint_letter_lowers_to_it_or_opens_the_gate(name):
    gate = GATES[name]
    for ch in sorted({c for h in gate.hints for c in h}):
        for c in re.findall(re.escape(ch), EVERY_CHARACTER, re.IGNORECASE):
            assert c.lower() == ch or c in CASE_ODD, (ch, hex(ord(c)))


@pytest.mark.parametrize("name", GATES)
def test_the_gate_finds_what_the_regex_finds_on_invented_lines(name):
    gate = GATES[name]
    for line in LINES:
        assert [m.span() for m in gate.finditer(line)] == [m.span() for m in gate.regex.finditer(line)], line
        plain = gate.regex.search(line)
        gated = gate.search(line)
        assert (gated and gated.span()) == (plain and plain.span()), line
    assert any(gate.search(line) for line in LINES)  # the lines exercise every gate


# words from the gates' own strings, shuffled in case and joined with odd letters and spaces
_PIECES = sorted({h for g in GATES.values() for h in g.hints} | {"ı", "İ", "ſ", "K", " ", ":", "2024", "am", "le"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.randoms(use_true_random=False))
def test_the_gate_agrees_with_the_regex_on_mixed_lines(pieces, rnd):
    line = "".join(p.upper() if rnd.random() < 0.3 else p for p in pieces)
    for gate in GATES.values():
        assert [m.span() for m in gate.finditer(line)] == [m.span() for m in gate.regex.finditer(line)], line
