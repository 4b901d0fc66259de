"""The phrase engine: the data lists of `rules/data/*.txt` compiled for speed.

Each list holds literal phrases and `re:` regexes, one per line, with an
optional `# e.g. ...` example.  A list is matched in one of three modes:
`any` (anywhere in a line), `prefix` (at the start of a line, after
Markdown marks) or `line` (the whole line).  `PhraseSet` gates every entry
by a literal it requires (one Aho-Corasick pass over the lower-cased text),
so no regex walks a whole page.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from bisect import bisect_right
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Container, Iterable, NamedTuple

from scrapelint.analysis import openings
from scrapelint.analysis.caseblind import lower
from scrapelint.analysis.openings import literal_runs, opening_literals, phrase_openings, search_in_line
from scrapelint.analysis.phrasegroup import KEYLESS_MAX, Gates, PhraseGroup

DATA_PACKAGE = "scrapelint.rules"


class Entry(NamedTuple):
    text: str  # as written (without `re:` and comment)
    pattern: str  # regex source
    example: str | None  # what it is meant to match (literal phrases: themselves)
    line: int  # line of the data file


_COMMENT_RE = re.compile(r"(?:^|\s{2,}|\t)#(.*)$")


def literal_pattern(phrase: str) -> str:
    """A literal phrase as a regex: whole words, any whitespace between."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    lead = r"(?<!\w)" if phrase[:1].isalnum() else ""
    tail = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return lead + body + tail


def parse_entries(text: str) -> list[Entry]:
    entries = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        example = None
        m = _COMMENT_RE.search(line)
        if m:
            comment = m.group(1).strip()
            line = line[: m.start()].rstrip()
            if comment.startswith("e.g."):
                example = comment[4:].strip()
        line = line.strip()
        if line.startswith("re:"):
            entries.append(Entry(line[3:], line[3:], example, n))
        else:
            entries.append(Entry(line, literal_pattern(line), line, n))
    return entries


@lru_cache(maxsize=None)
def load_entries(name: str) -> tuple[Entry, ...]:
    """The entries of `rules/data/<name>` (read once).  Read from the
    package's folder, as the stop-word lists are: importlib.resources and
    what it imports cost a pre-commit run more than reading the lists."""
    folder = importlib.import_module(DATA_PACKAGE).__path__[0]
    with open(os.path.join(folder, "data", name), encoding="utf-8") as f:
        text = f.read()
    return tuple(parse_entries(text))


# Markdown a line may start with before its words: list markers, quotes,
# headings, table pipes, emphasis, an opening link bracket.
# One character per repetition: nested quantifiers ((a+)*, (**|*)*) backtrack
# exponentially on a line of 60 dashes or asterisks.
# Possessive where two neighbouring loops accept the same characters (`*`,
# `_`, spaces and tabs): on a line of asterisks or tabs the backtracking
# between them was cubic (a 1 MB page of such lines took minutes).  No list
# entry starts with a space or a character the emphasis openers take, so
# giving nothing back changes no match.  The whole lead is possessive, so
# it ends at one place on a line: a PhraseSet matches it once per line and
# tries each entry only there (an entry that could start on a lead
# character would re-walk the lead for every entry: quadratic on a line of
# dashes).
LEAD = r"^[ \t]*+(?:(?:[-*+>|#]|\d{1,3}[.)])[ \t]*+)*+(?:[*_\[(]|\\\[)*+[ \t]*+"
TRAIL = (r"[ \t]*+(?:[*_]|\\?\])*+"
         + r"(?:\([^)\s]*(?:\s+\"[^\"]*\")?\))?[ \t:.!|*_…\u2026]*\r?$")


_LEAD_RE = re.compile(LEAD)  # matches every line (everything in it is optional)
_DIGIT_RUN = re.compile(r"(?<!\d)\d")


@lru_cache(maxsize=4096)
def lead_ends(line: str) -> tuple[int, ...]:
    """Where an entry of a prefix or line list may start on `line`: after
    its whole lead, or (an entry may start with a number: "10.02.2025") at
    a number inside the lead, the longest lead first as a regex would try.
    Cached: every entry of every prefix and line list asks it of the same
    candidate lines."""
    end = _LEAD_RE.match(line).end()
    if end == 0 or not any(c.isdigit() for c in line[:end]):
        return (end,)
    return (end, *sorted((m.start() for m in _DIGIT_RUN.finditer(line, 0, end)), reverse=True))


def _wrap(alt: str, mode: str, flags: int) -> re.Pattern:
    if mode == "any":
        return re.compile(alt, flags)
    if mode == "prefix":
        return re.compile(LEAD + f"(?:{alt})", flags | re.MULTILINE)
    if mode == "line":
        return re.compile(LEAD + f"(?:{alt})" + TRAIL, flags | re.MULTILINE)
    raise ValueError(f"unknown mode {mode!r}")


@lru_cache(maxsize=64)
def phrase_regex(name: str, mode: str = "any", extra: tuple[str, ...] = (), ignore_case: bool = True) -> re.Pattern:
    """One compiled alternation of a data list (plus `extra` entries, literal
    or `re:`), in one of three modes: `any` (anywhere in a line), `prefix`
    (at the start of a line, after Markdown marks), `line` (the whole line).
    `prefix` and `line` are MULTILINE patterns meant for the whole body."""
    patterns = [e.pattern for e in load_entries(name)]
    patterns += [e.pattern for e in parse_entries("\n".join(extra))]
    alt = "|".join(f"(?:{p})" for p in patterns)
    return _wrap(alt, mode, re.IGNORECASE if ignore_case else 0)


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of `pattern` contains:
    a run of 3+ literal characters on its main path, or the literal runs of
    the alternatives of a group on it, whichever has the longest shortest
    string.  None when there is no such thing: the entry is then tried on
    every short line."""
    from re import _parser as sre_parse  # CPython's parser; only read, never changed

    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # pragma: no cover - a bad entry fails at compile time anyway
        return None
    runs: list[str] = []
    branches: list[tuple[str, ...]] = []

    def longest(seq) -> str:
        return max((run for run, _name, _av in literal_runs(seq)), key=len)

    def walk(seq) -> None:
        for run, name, av in literal_runs(seq):
            runs.append(run)
            if name == "SUBPATTERN" and av[3] is not None:
                walk(av[3])
            elif name == "BRANCH":
                alts = tuple(longest(alt) for alt in av[1])
                if all(len(x) >= 2 for x in alts):
                    branches.append(alts)

    walk(parsed)
    # the candidate whose shortest literal is the longest: a short literal
    # (" a " in "leave a reply") is on most lines of any page, and a gate
    # that every line passes costs a lookup per occurrence and gates nothing
    candidates = [(run,) for run in runs if len(run) >= 3] + [alts for alts in branches if min(map(len, alts)) >= 3]
    if candidates:
        return max(candidates, key=lambda alts: (min(map(len, alts)), -len(alts)))
    if branches:
        return tuple(min(branches, key=lambda alts: -min(map(len, alts))))
    return None


DIGIT = "digit"  # a weak requirement: a digit somewhere in the match


def weak_requirement(pattern: str, ignore_case: bool = True) -> tuple[str, ...] | str | None:
    """For an entry without a required literal: something cheaper to test
    than the entry, which every match still holds.  Either strings of any
    length one of which every match contains ("©", "@"; lower-cased under
    `ignore_case`, "İ" to "i" as the regex reads it), or DIGIT; None when
    there is nothing.  An exact gate: it only skips lines the entry cannot
    match."""
    from re import _parser as sre_parse  # CPython's parser; only read, never changed

    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # pragma: no cover - a bad entry fails at compile time anyway
        return None
    need = _requirement(list(parsed), ignore_case)
    if isinstance(need, tuple) and ignore_case:
        need = tuple(map(lower, need))
    return need


def _rank(need: tuple[str, ...] | str) -> float:
    """How much a requirement gates: longer literals are on fewer lines; of
    single characters only a symbol outside ASCII ("©") or "@" is rare; a
    long list of alternatives costs more to test than it saves."""
    if need == DIGIT:
        return 1.5
    rank = min(len(x) if len(x) >= 2 else 2.0 if not x.isalnum() and (not x.isascii() or x == "@") else 1.0
               for x in need)
    return min(rank, 1.0) if len(need) > 8 else rank


def _requirement(seq: list, ignore_case: bool) -> tuple[str, ...] | str | None:
    """The best requirement that every match of `seq` meets, or None."""
    from re import _constants

    digit_class = [(_constants.CATEGORY, _constants.CATEGORY_DIGIT)]
    found: list[tuple[str, ...] | str] = []
    for run, name, av in literal_runs(seq):
        if run:
            found.append((run,))
        inner = None
        if name == "IN":
            if av == digit_class:
                inner = DIGIT
            elif av and all(str(o) == "LITERAL" for o, _ in av):
                inner = tuple(chr(c) for _, c in av)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            inner = _requirement(list(av[2]), ignore_case)
        elif name == "SUBPATTERN":
            # a case-blind part cannot be gated on a case-sensitive list's text as written
            if ignore_case or not av[1] & re.IGNORECASE:
                inner = _requirement(list(av[3]), ignore_case)
        elif name == "ATOMIC_GROUP":
            inner = _requirement(list(av), ignore_case)
        elif name == "BRANCH":
            alts = [_requirement(list(alt), ignore_case) for alt in av[1]]
            if all(a == DIGIT for a in alts):
                inner = DIGIT
            elif all(isinstance(a, tuple) for a in alts):
                inner = tuple(x for a in alts for x in a)
        if inner is not None:
            found.append(inner)
    return max(found, key=_rank) if found else None


def entry_literals(entry: Entry) -> tuple[str, ...] | None:
    """`required_literals` of an entry; a literal phrase's without parsing
    the regex it was made into (parsing every entry was most of building a
    list, a cost each pre-commit run pays): its first longest word, when it
    has 3+ characters (the words are the literal runs between its `\\s+`)."""
    if entry.pattern == entry.text:  # a `re:` entry (or a phrase that is its own regex)
        return _memo().get("literals", entry.pattern, lambda: required_literals(entry.pattern))
    words = [w for w in entry.text.split() if len(w) >= 3]
    return (max(words, key=len),) if words else None


class _RegexMemo:
    """What the lists' regex entries require (`required_literals`, and
    `weak_requirement` for those without a literal) and what an `any`
    entry's matches open with (`opening_literals`), kept between runs in
    the user's cache (`scrapelint.usercache`): parsing the lists' ~140
    regexes was a pre-commit run's biggest cost after its imports.  The file
    is named after what the values were computed with (this Python's regex
    parser, the code of the functions): any change reads another file.

    A process that added to it writes it once, when it ends (`_save_at_exit`):
    saving after each use rewrote the whole file for every new pattern of a
    cold run, and the lists are built lazily, by several modules, at no one
    moment that could save them all.  What a process found is merged with
    what the file holds by then: the pool's workers build the lists, and
    their parent, ending last, must not drop what they wrote."""

    MAX_KEPT = 5000  # patterns kept (the lists', and the ones options add)

    def __init__(self) -> None:
        import zlib

        from scrapelint import usercache

        self.usercache = usercache
        code = "\0".join(_code_key(f.__code__) for f in (required_literals, weak_requirement, _requirement, _rank,
                                                           *openings.COMPUTED_BY))
        made_with = zlib.crc32(f"{sys.version}\0{DIGIT}\0{code}".encode())
        self.name = f"phrase-literals-{made_with:08x}.json"
        data = usercache.read(self.name)
        self.known: dict = data if isinstance(data, dict) else {}
        self.added = False
        self.saved_by = None  # the process whose exit saves it (a forked worker inherits the memo, not the exit)

    def get(self, kind: str, pattern: str, compute):
        """compute() (a tuple of strings, DIGIT for a weak requirement, or
        None), or what it gave on an earlier run."""
        key = f"{kind}\0{pattern}"
        found = self.known.get(key, False)
        if found is None or found == DIGIT and kind != "literals":
            return found
        if isinstance(found, list) and found and all(isinstance(x, str) for x in found):
            return tuple(found)
        found = compute()
        if len(self.known) < self.MAX_KEPT:
            self.known[key] = list(found) if isinstance(found, tuple) else found
            self.added = True
            if self.saved_by != os.getpid():
                self.saved_by = os.getpid()
                _save_at_exit(self.save)
        return found

    def save(self) -> None:
        """Write what this process added, with what the file holds now."""
        if not self.added:
            return
        kept = self.usercache.read(self.name)
        for key, value in kept.items() if isinstance(kept, dict) else ():
            if len(self.known) >= self.MAX_KEPT:
                break
            self.known.setdefault(key, value)  # checked when read, as every kept value is
        self.usercache.write(self.name, self.known)
        self.added = False


def _save_at_exit(save) -> None:
    """Call `save` when this process ends: at interpreter exit, and in a
    multiprocessing worker when multiprocessing finalizes it (a forked one
    ends with `os._exit`, which skips atexit; `save` does nothing twice)."""
    import atexit

    atexit.register(save)
    util = sys.modules.get("multiprocessing.util")  # imported in a worker, never by a one-file run
    if util is not None:
        util.Finalize(None, save, exitpriority=0)


def _code_key(code) -> str:
    """What a function's code does, as text (marshal's bytes depend on
    reference counts)."""
    consts = [_code_key(c) if hasattr(c, "co_code") else repr(c) for c in code.co_consts]
    return repr((code.co_code, code.co_names, code.co_varnames, consts))


@lru_cache(maxsize=1)
def _memo() -> _RegexMemo:
    return _RegexMemo()


def kept_weak_requirement(pattern: str, ignore_case: bool = True) -> tuple[str, ...] | str | None:
    """`weak_requirement`, kept between runs in the user's cache: the phrase
    lists' keyless entries and the dates' keyword gates would otherwise
    parse their patterns in every process."""
    return _memo().get(f"weak {ignore_case:d}", pattern, lambda: weak_requirement(pattern, ignore_case))


def entry_openings(entries: list[Entry]) -> list[tuple[str, ...] | None]:
    """`openings.opening_literals` of each entry: a literal phrase's without
    parsing the regex it was made into, a `re:` entry's kept between runs
    in the user's cache."""
    memo = _memo()
    return [memo.get("openings", e.pattern, lambda e=e: opening_literals(e.pattern)) if e.pattern == e.text
            else phrase_openings(e.text) for e in entries]


class PhraseSet:
    """A data list compiled for speed.  Every entry is tried only on the
    lines that hold its required literal (found in one Aho-Corasick pass
    over the lower-cased text, `PhraseGroup`), one line at a time: no regex
    walks the whole body.  Python's `re` tries a 100-way alternation at every character,
    which costs milliseconds on a page; this costs microseconds."""

    def __init__(self, name: str, mode: str, extra: tuple[str, ...] = (), ignore_case: bool = True) -> None:
        self.mode = mode
        self.flags = re.IGNORECASE if ignore_case else 0
        self.ignore_case = ignore_case
        kept_as = _kept_as(name, mode, extra, ignore_case)
        kept = _read_kept(kept_as)
        if kept is not None:
            self.sources, self.keys, gates, self.openings = kept
            self.gates = Gates(*gates)
        else:
            entries = list(load_entries(name)) + parse_entries("\n".join(extra))
            # prefix and line entries are matched where the line's lead ends
            self.sources = [e.pattern + (TRAIL if mode == "line" else "") for e in entries]
            keys = [entry_literals(e) for e in entries]
            # a case-sensitive list is gated on the text as written ("AP", not "ap"), a case-blind
            # one lower-cased ("İ" to "i", as its regexes read it: `caseblind.lower`)
            self.keys = [k if k is None or not ignore_case else tuple(map(lower, k)) for k in keys]
            self.gates = self._gates(entries, mode)
            # where an `any` entry's matches can start (`openings`): it is tried there only
            self.openings = entry_openings(entries) if mode == "any" else None
            if kept_as is not None:
                from scrapelint import usercache

                usercache.write_marshal(*kept_as, (self.sources, self.keys, tuple(self.gates), self.openings))
        # compiled on first use: most entries never meet a candidate line in a
        # short run, and compiling them all cost 0.15 s of a pre-commit run
        self._tests: list = [None] * len(self.sources)

    def _gates(self, entries: list[Entry], mode: str) -> Gates:
        """Each entry gated by its required literals; one without any only
        on short lines, and there by what it still requires (`weak_requirement`);
        a `line` entry whose key is very short ("by") only on short lines."""
        literals: list[tuple[str, tuple[int, ...], bool]] = []
        by_literal: dict[str, list[int]] = {}
        short_keyed = []
        for k, keys in enumerate(self.keys):
            if keys is None:
                continue
            if mode == "line" and min(map(len, keys)) < 3:
                short_keyed.append(k)
                continue
            for kw in keys:
                by_literal.setdefault(kw, []).append(k)
        literals += [(kw, tuple(ks), False) for kw, ks in by_literal.items()]
        digit, ungated = [], []
        for k, keys in enumerate(self.keys):
            if keys is not None:
                continue
            need = kept_weak_requirement(entries[k].pattern, self.ignore_case)
            if need is None:
                ungated.append(k)
            elif need == DIGIT:
                digit.append(k)
            else:
                literals += [(kw, (k,), True) for kw in need]
        literals += [(kw, (k,), True) for k in short_keyed for kw in self.keys[k]]
        return Gates(self.ignore_case, literals, digit, ungated)

    @cached_property
    def _gate(self) -> PhraseGroup:
        return PhraseGroup((self,))  # built on first use: the layout gates its lists in its own group

    def candidates(self, lines: list[str], joined_lower: str, starts: list[int],
                   keyless_max: int = KEYLESS_MAX) -> dict[int, Iterable[int]]:
        """Entry -> the lines it is tried on (see `PhraseGroup.candidates`)."""
        return self._gate.candidates(lines, joined_lower, starts, keyless_max)[0]

    def _test(self, k: int):
        test = self._tests[k]
        if test is None:
            pattern = re.compile(self.sources[k], self.flags)
            if self.mode == "any":
                test = search_in_line(pattern, self.openings[k])
            else:
                match = pattern.match

                def test(line: str, match=match):
                    for pos in lead_ends(line):
                        m = match(line, pos)
                        if m is not None:
                            return m
                    return None
            self._tests[k] = test
        return test

    def hits(self, lines: list[str], joined_lower: str, starts: list[int]) -> dict[int, re.Match]:
        """First match on each of `lines` (whose lower-cased join with "\n"
        is `joined_lower`, its line offsets `starts`)."""
        return self.first_matches(lines, self.candidates(lines, joined_lower, starts))

    def first_matches(self, lines: list[str], todo: dict[int, Iterable[int]],
                      skip: Container[int] = ()) -> dict[int, re.Match]:
        """First match on each of `lines`, trying each entry on its lines in
        `todo` (see `candidates`) but never on a line in `skip`."""
        found: dict[int, re.Match] = {}
        for k in sorted(todo):  # entry order decides which match a line reports
            test = self._test(k)
            for i in sorted(todo[k]):
                if i in found or i in skip:
                    continue
                m = test(lines[i])
                if m is not None:
                    found[i] = m
        return found

    def all_hits(self, lines: list[str]) -> dict[int, list[re.Match]]:
        """Every entry's match on each line, in entry order (for rules that
        count distinct signals on a line)."""
        lowered = lowered_join(lines)
        todo = self.candidates(lines, lowered, line_starts(lowered), keyless_max=max(map(len, lines), default=0))
        found: dict[int, list[re.Match]] = {}
        for k in sorted(todo):
            test = self._test(k)
            for i in sorted(todo[k]):
                m = test(lines[i])
                if m is not None:
                    found.setdefault(i, []).append(m)
        return found


# The modules whose code turns a list into its gates (with this one): a
# change to any of them, or to the list, or another Python, reads another file.
_MADE_BY = ("scrapelint.analysis.openings", "scrapelint.analysis.caseblind", "scrapelint.analysis.phrasegroup")
KEPT_FORMAT = 1


def _kept_as(name: str, mode: str, extra: tuple[str, ...], ignore_case: bool) -> tuple[str, str] | None:
    """The user-cache file name of a list's compiled state (its regexes'
    sources, keys, gates and openings) and what that state is made from:
    the list file's and the compiling modules' paths, sizes and times, the
    list's mode, extra entries and case, and the Python.  Reading and
    parsing the layout's eight lists, the literals of ~230 entries and
    their gates cost a one-file run ~20 M instructions (5%); reading them
    back costs a tenth of that.  None when a file cannot be looked at."""
    from scrapelint import usercache

    code = _code_stats()
    try:
        list_file = usercache.file_stamps([os.path.join(importlib.import_module(DATA_PACKAGE).__path__[0], "data", name)])
    except OSError:
        return None
    if code is None:
        return None
    made_from = repr((KEPT_FORMAT, sys.version, name, mode, extra, ignore_case, list_file, code))
    return usercache.marshal_name("phrase-list", made_from), made_from


@lru_cache(maxsize=1)
def _code_stats() -> str | None:
    """The compiling modules' paths, sizes and times (once a process)."""
    from scrapelint import usercache

    try:
        return usercache.file_stamps([__file__, *(sys.modules[m].__file__ for m in _MADE_BY)])
    except (OSError, TypeError, KeyError):
        return None


def _read_kept(kept_as: tuple[str, str] | None) -> tuple | None:
    """A list's state kept by a run made from the same inputs, or None."""
    if kept_as is None:
        return None
    from scrapelint import usercache

    kept = usercache.read_marshal(*kept_as)
    if type(kept) is tuple and len(kept) == 4 and type(kept[0]) is list and type(kept[1]) is list \
            and len(kept[0]) == len(kept[1]) and type(kept[2]) is tuple and len(kept[2]) == len(Gates._fields):
        return kept
    return None


@lru_cache(maxsize=64)
def phrase_set(name: str, mode: str = "any", extra: tuple[str, ...] = (), ignore_case: bool = True) -> PhraseSet:
    return PhraseSet(name, mode, extra, ignore_case)


def lowered_join(lines: list[str]) -> str:
    """The lines joined with "\n" and lower-cased, each keeping its length
    (a letter whose lower case is longer, such as "İ", is cut back), so
    offsets in it are offsets in the lines.  Lower-cased line by line: a
    line of ASCII lowers many times faster than a text holding one
    character outside it, and the text lowers the same (the one letter that
    lowers by its context, the capital sigma, never looks past a line
    break)."""
    lowered = list(map(str.lower, lines))
    joined = "\n".join(lowered)
    if lines and len(joined) != sum(map(len, lines)) + len(lines) - 1:
        joined = "\n".join(low[: len(ln)].ljust(len(ln)) for ln, low in zip(lines, lowered))
    return joined


def lowered_lines(doc) -> tuple[str, list[int]]:
    """`lowered_join(doc.lines)` and its line offsets, once per document:
    the text a case-insensitive phrase list scans over the whole body."""
    return doc.shared("lowered-lines", lambda d: (lowered_join(d.lines), offsets_of(d.lines)))


def offsets_of(lines: list[str]) -> list[int]:
    """Offset of each line's start in the lines joined with "\n" (the last
    is the joined length + 1)."""
    return list(accumulate(map((1).__add__, map(len, lines)), initial=0))  # C-level iteration


def line_starts(body: str) -> list[int]:
    """Offset in `body` of each body line's start (the last is len+1)."""
    return offsets_of(body.split("\n"))


def hits_by_line(pattern: re.Pattern, body: str, starts: list[int], lo: int = 0) -> dict[int, re.Match]:
    """First match of `pattern` on each body line (scanned over the whole
    body once, from line `lo`)."""
    found: dict[int, re.Match] = {}
    for m in pattern.finditer(body, starts[lo] if lo < len(starts) else len(body)):
        i = bisect_right(starts, m.start()) - 1
        if i not in found:
            found[i] = m
    return found

