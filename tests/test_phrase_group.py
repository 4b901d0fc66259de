"""A PhraseGroup matches several phrase lists in one pass: for every list it
must give the candidate lines the list gets alone (`PhraseSet.candidates`, a
group of one), and so the same hits."""

from __future__ import annotations

import pytest

from scrapelint.analysis.phrasegroup import LiteralMatcher, PhraseGroup
from scrapelint.analysis.phrases import load_entries, lowered_join, offsets_of, phrase_set

LISTS = [("caption-credits.txt", "any", False), ("ui-lines.txt", "line", True), ("datelines.txt", "line", True),
         ("ui-prefixes.txt", "prefix", True), ("ui-phrases.txt", "any", True), ("ui-outside.txt", "any", True),
         ("end-markers.txt", "prefix", True), ("end-sections.txt", "prefix", True),
         ("placeholder-phrases.txt", "any", True), ("bio-phrases.txt", "any", True)]


def _lines() -> list[str]:
    """Invented lines, every example of the lists, and the same lines with
    the edge cases of lower-casing: a capital "İ" (two characters lower-cased,
    so the line is cut back in the lower-cased join), a capital sigma, and
    the letters a case-blind regex reads as "i" and "s" though `str.lower`
    leaves them as they are ("ı", "ſ"), in words and before them."""
    lines = ["© Harbour Gazette 2024", "Photo: Lena Park/REUTERS", "happy map of the harbour", "By Ana Rivera",
             "Posted 14.03.2024", "Updated ٣ May 2024", "Copyright 2023 by the Harbour Desk", "plain words only", "",
             "x" * 130 + " by Ana Rivera", "Related: ferry timetables", "Sign up here for the Harbour Briefing"]
    for name, _mode, _case in LISTS:
        lines += [e.example for e in load_entries(name) if e.example]
    lines += [f"İİİ {line}" for line in lines[:40]] + [f"{line} ΣΑΣ" for line in lines[:40]]
    lines += ["İİİİ ferry news by REUTERS", "İİİ © by", "İİ Photo AP", "Foto: İİİİİİ dpa"]
    words = lines[:]
    lines += [line.replace("i", "ı") for line in words] + [line.replace("s", "ſ") for line in words]
    lines += [line.upper().replace("I", "İ") for line in words] + [f"ſ ı {line}" for line in words[:40]]
    return lines


def _own_candidates(ps, lines, lowered, starts) -> dict[int, set[int]]:
    return {k: set(v) for k, v in ps.candidates(lines, lowered, starts).items() if v}


@pytest.mark.parametrize("names", [LISTS[:8], LISTS])
def test_one_pass_gives_each_list_the_candidates_it_gets_alone(names):
    sets = tuple(phrase_set(name, mode, ignore_case=case) for name, mode, case in names)
    group = PhraseGroup(sets)
    lines = _lines()
    lowered, starts = lowered_join(lines), offsets_of(lines)
    for ps, todo in zip(sets, group.candidates(lines, lowered, starts)):
        assert {k: set(v) for k, v in todo.items() if v} == _own_candidates(ps, lines, lowered, starts)
        assert ps.first_matches(lines, todo).keys() == ps.hits(lines, lowered, starts).keys()


# entries a configuration may add, in letters whose case-blind reading is
# wider than their lower case (invented)
EXTRA = ("kırmızı başlık", "İskele notu", "ο τίτλος σας", "10 µg", "re:ſandwich[a-z]* note")
EXTRA_LINES = ["KIRMIZI BAŞLIK", "kirmizi başlık", "İSKELE NOTU", "iskele notu", "ıskele notu", "Ο ΤΊΤΛΟΣ ΣΑΣ",
               "ο τίτλοσ σας", "10 μg", "10 µG", "SANDWICH NOTE", "ſandwich note"]


@pytest.mark.parametrize("name,mode,ignore_case,extra", [(*args, ()) for args in LISTS]
                         + [("placeholder-phrases.txt", "any", True, EXTRA), ("ui-lines.txt", "line", True, EXTRA)])
def test_no_entry_matches_a_line_it_is_not_tried_on(name, mode, ignore_case, extra):
    """The gate is exact: every entry's candidate lines hold every line it
    matches, lines whose lower case is longer ("İ") or that hold a letter a
    case-blind regex reads otherwise ("ſ" as "s") included."""
    ps = phrase_set(name, mode, extra, ignore_case=ignore_case)
    lines = _lines() + EXTRA_LINES
    todo = ps.candidates(lines, lowered_join(lines), offsets_of(lines), keyless_max=max(map(len, lines)))
    for k, source in enumerate(ps.sources):
        test = ps._test(k)
        missed = {i for i, line in enumerate(lines) if test(line)} - set(todo.get(k, ()))
        assert not missed, (source, [lines[i] for i in missed])


def test_lines_to_skip_are_not_tried():
    ps = phrase_set("ui-lines.txt", "line")
    lines = ["Advertisement", "Share this", "Advertisement"]
    lowered, starts = lowered_join(lines), offsets_of(lines)
    (todo,) = PhraseGroup((ps,)).candidates(lines, lowered, starts)
    assert set(ps.first_matches(lines, todo)) == {0, 1, 2}
    assert set(ps.first_matches(lines, todo, skip={1})) == {0, 2}
    assert set(ps.first_matches(lines, todo, skip=range(2))) == {2}


def test_a_case_sensitive_literal_must_lower_case_letter_by_letter(monkeypatch):
    ps = phrase_set("caption-credits.txt", "any", ignore_case=False)
    monkeypatch.setattr(ps, "gates", ps.gates._replace(literals=[("İSTANBUL", (0,), False)]))
    with pytest.raises(ValueError, match="letter by letter"):
        PhraseGroup((ps,))


def test_lowering_line_by_line_lowers_the_text_the_same():
    """The capital sigma lowers by its neighbours (final "ς" or "σ"); a line
    break ends its context, so lowering each line gives the joined text's
    lower case."""
    import random

    rnd = random.Random(7)
    alphabet = ["Σ", "Α", "a", "B", " ", "'", "\u00ad", "\u0301", "’", ".", "1", "É", "ß"]
    for _ in range(3000):
        lines = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 6))) for _ in range(rnd.randint(1, 4))]
        assert lowered_join(lines) == "\n".join(lines).lower()
    assert lowered_join(["İİ REUTERS", "ΑΣ"]) == "i̇i̇ reute\nας"


def test_the_literal_matcher_finds_the_same_before_and_after_it_becomes_a_dfa(monkeypatch):
    """It searches as an NFA until it has searched DFA_CHARS_PER_LITERAL
    characters a literal, then as a DFA: every search reports the same
    occurrences, overlapping ones included, as a DFA from the start."""
    group = PhraseGroup(tuple(phrase_set(name, mode, ignore_case=case) for name, mode, case in LISTS))
    literals = {literal: n for n, literal in enumerate(group.matcher.literals)}
    texts = [lowered_join(_lines()), "by by by", "", "photo: ap photo: ap", "© ©© copyright", "x" * 50]
    built = []
    real_build = LiteralMatcher._build
    monkeypatch.setattr(LiteralMatcher, "_build", lambda self, kind: built.append(kind) or real_build(self, kind))
    monkeypatch.setattr(LiteralMatcher, "DFA_CHARS_PER_LITERAL", (len(texts[0]) + 10) / len(literals))
    switching = LiteralMatcher(literals)  # becomes a DFA in its second search
    from_start = LiteralMatcher(literals)
    from_start.matcher, from_start.chars_before_dfa = real_build(from_start, "DFA"), 0
    for text in texts * 2:
        assert sorted(switching.ends(text)) == sorted(from_start.ends(text))
    assert built == ["NoncontiguousNFA", "NoncontiguousNFA", "DFA"]
    assert len(list(from_start.ends(texts[0]))) > 100
