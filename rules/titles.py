"""TI: the title and the description against the source URL and the body.

Scrapers take the title from `<title>` with the site glued on
(`... | Reuters`), from `og:title`, or from the wrong `<h1>` (the logo, a
section name, "Sections"), and copy a description the body does not
support.  The helpers here (normalising a title, splitting it at its
separators, telling a site name from a headline) are shared by the rules
and cached per (title, host), so a document pays for them once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator, NamedTuple

from pydantic import Field, ValidationError

from scrapelint.analysis import layout as article_layout
from scrapelint.analysis.frontmatter import value_edit
from scrapelint.analysis.text import word_estimate
from scrapelint.findings import Finding, Fix, Severity
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions

# -- normalising ------------------------------------------------------------------

_TYPO = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
})
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa",
                           "œ": "oe", "þ": "th", "ð": "d", "ł": "l"})
_WS = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
_MD_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*{1,3}|_{1,3}|`+)(?=\S)(.+?)(?<=\S)\1")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def plain(text: str) -> str:
    """Markdown inline syntax removed (links keep their text), spaces collapsed."""
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if "*" in text or "_" in text or "`" in text:
        text = _MD_EMPH.sub(r"\2", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return _WS.sub(" ", text).strip()


def exact(text: str) -> str:
    """NFC, invisible characters dropped, whitespace collapsed: what the
    labels of a title compare."""
    text = unicodedata.normalize("NFC", text)
    for ch in ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"):
        text = text.replace(ch, "")
    return _WS.sub(" ", text).strip()


def typographic(text: str) -> str:
    """Like `exact`, with quotes, dashes, ellipses and spaces unified."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPO).replace("\u2026", "...")
    return _WS.sub(" ", text).strip()


def compact(text: str) -> str:
    """Letters and digits only, case-folded, accents removed (`ü` -> `u`)."""
    # combining marks are not alphanumeric: the substitution drops them too
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))


def compact_translit(text: str) -> str:
    """Letters and digits only, German-style transliteration (`ü` -> `ue`)."""
    return compact(text.casefold().translate(_TRANSLIT))


def words_of(text: str) -> list[str]:
    return [w for w in _NON_ALNUM.split(unicodedata.normalize("NFKC", text.casefold())) if w]


# -- separators -------------------------------------------------------------------

# A separator between a headline and an affix: a bar, dash, bullet or guillemet
# with a space on each side, a colon followed by a space, or a bare `|`.
# (?<!\s): a match starts at the first space of a run, never inside it (the
# same matches, in linear time on a title of a million spaces).
_SEP = re.compile(r"(?<!\s)(?:\s+[|\-\u2013\u2014\u00b7\u2022\u22c6\u2605\u00bb\u203a~/\\]+\s+|\s*:\s+|\s*\|\s*|\s+::\s+)")
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                     r"\.(?:[a-z]{2,12}|xn--[a-z0-9-]+)/?$", re.IGNORECASE)


class Split(NamedTuple):
    head: str  # the title without the affix
    affix: str  # the affix without its separator
    start: int  # offset into the title of what is removed (separator included)
    end: int
    prefix: bool


MAX_AFFIX_SEPARATORS = 8  # a site name or section holds fewer separators than this


def splits(title: str) -> list[Split]:
    """Every way of cutting one affix off the title at one of its first or
    last separators (a title of a million `|` would give a million cuts,
    each copying the title: quadratic time and memory)."""
    out = []
    found = list(_SEP.finditer(title))
    if len(found) > 2 * MAX_AFFIX_SEPARATORS:
        found = found[:MAX_AFFIX_SEPARATORS] + found[-MAX_AFFIX_SEPARATORS:]
    for m in found:
        left, right = title[: m.start()], title[m.end():]
        if not left.strip() or not right.strip():
            continue
        out.append(Split(left, right, m.start(), len(title), False))  # suffix
        out.append(Split(right, left, 0, m.end(), True))  # prefix
    return out


# -- site names --------------------------------------------------------------------

# Second-level labels under which a country code registers names (`co.uk`, `com.au`, `gv.at`).
_SECOND_LEVEL = frozenset("co com net org gov gv ac edu or ne go gob nic ltd plc sch mil nom info biz".split())
# Host labels that are not the site's name.
_HOST_NOISE = frozenset("www www1 www2 m mobile amp web en de fr es it nl uk us news blog blogs".split())
# Words that a site name carries besides its brand: articles, legal forms,
# the kind of site.  A site-name affix may hold them beyond what the domain says.
_GENERIC = frozenset("""
the a an of and und et y e der die das le la les el il lo de du des von vom
news nachrichten actualites noticias notizie online blog blogs magazine magazin mag media medien radio tv
com net org de at ch uk co info site website homepage webseite portal official offizielle
group gruppe verlag gmbh ag inc ltd llc ev e v co kg
community forum forums wiki shop store daily today weekly journal times post zeitung newspaper gazette
stiftung foundation institut institute verein association verband society
germany deutschland austria oesterreich schweiz suisse international
""".split())


@lru_cache(maxsize=4096)
def host_names(host: str) -> tuple[str, tuple[str, ...]]:
    """(registrable label, other meaningful labels) of a host: `news.bbc.co.uk`
    -> ("bbc", ("news",)); hyphens removed (`unsere-zeitung.at` -> "unserezeitung")."""
    labels = [lab for lab in host.lower().strip(".").split(".") if lab]
    if len(labels) < 2:
        return (compact(host), ())
    suffix = 1
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        suffix = 2
    reg = labels[-suffix - 1]
    subs = tuple(compact(lab) for lab in labels[: -suffix - 1] if lab not in _HOST_NOISE and len(lab) >= 3)
    return compact(reg.replace("-", "")), subs


def _covers(target: str, words: tuple[str, ...], skippable: frozenset[str] = frozenset()) -> bool:
    """Whether the words, in order, spell `target`: each word gives itself,
    its first three letters or more, its initial, or (a generic word, or a
    section of the URL's path) nothing.  `nytimes` <- New York Times, `bbc`
    <- British Broadcasting Corporation, `arteradio` <- ARTE Radio,
    `rosalux` <- Rosa-Luxemburg-Stiftung."""
    if not words or len(words) > 8 or not target:
        return False
    reach = {0}
    for w in words:
        nxt = set()
        for pos in reach:
            if target.startswith(w, pos):
                nxt.add(pos + len(w))
            for k in range(3, min(len(w), len(target) - pos + 1)):
                if target.startswith(w[:k], pos):
                    nxt.add(pos + k)
            if pos < len(target) and target[pos] == w[0]:
                nxt.add(pos + 1)
            if w in _GENERIC or w in skippable:
                nxt.add(pos)
        if not nxt:
            return False
        reach = nxt
    return len(target) in reach


_ARTICLES = ("the", "der", "die", "das", "le", "la", "les", "el", "il")
_ARCHIVE = re.compile(r"^/web/[0-9]+[a-z_]*/(?:https?://)?([^/?#]+)(/[^?#]*)?", re.IGNORECASE)


def site_of(doc) -> tuple[str, frozenset[str]]:
    """(host, section words of the path) of the page the document comes
    from: the archived page's for a Wayback Machine URL.  Once per document."""
    return doc.shared("site", _site_of)


def _site_of(doc) -> tuple[str, frozenset[str]]:
    host, url = doc.host, doc.url
    path = url.path if url is not None else ""
    if host.endswith("archive.org") and path:
        m = _ARCHIVE.match(path)
        if m:
            host = m.group(1).lower().split("@")[-1].split(":")[0]
            host = host[4:] if host.startswith("www.") else host
            path = m.group(2) or ""
    segments = [seg for seg in path.split("/") if seg][:-1]  # the last one is the page's slug
    words = frozenset(w for seg in segments for w in words_of(seg) if len(w) >= 3 and not w.isdigit())
    return host, words


def is_site_name(affix: str, host: str, configured: tuple[str, ...] = (),
                 sections: frozenset[str] = frozenset()) -> str | None:
    """Why `affix` is the site's name (None if it is not): it spells the
    domain, is a domain, or is one of the configured names."""
    text = affix.strip()
    if not text or len(text) > 80:
        return None
    c = compact(text)
    if not c:
        return None
    for name in configured:
        if compact(name) == c:
            return "the configured site name"
    if _DOMAIN.match(text) and not text.replace(".", "").isdigit():
        return "a domain name"
    if not host:
        return None
    reg, subs = host_names(host)
    if not reg:
        return None
    tld = host.rsplit(".", 1)[-1].lower()
    regs = {reg}
    for art in _ARTICLES:  # derpapierplanet.de is "Papierplanet"
        if reg.startswith(art) and len(reg) - len(art) >= 4:
            regs.add(reg[len(art):])
    variants = {c, compact_translit(text)}
    targets = regs | {r + compact(tld) for r in regs} | {x + reg for x in subs} | {reg + x for x in subs}
    if variants & targets:
        return f"the name of {host}"
    ws = tuple(words_of(text))
    if len(ws) > 6:
        return None
    wt = tuple(words_of(text.casefold().translate(_TRANSLIT)))
    for target in (*regs, *(x + reg for x in subs)):
        if len(target) >= 2 and (_covers(target, ws, sections) or _covers(target, wt, sections)):
            return f"the name of {host}"
    return None


class SiteAffix(NamedTuple):
    head: str
    affixes: tuple[str, ...]
    start: int
    end: int
    why: str


@lru_cache(maxsize=4096)
def site_affix(title: str, host: str, configured: tuple[str, ...] = (),
               sections: frozenset[str] = frozenset()) -> SiteAffix | None:
    """The site-name prefix or suffix(es) of a title, and the headline left.

    Suffixes are taken from the right while they are site names (`X -
    Section | Site` keeps `X - Section` unless the section spells the site
    too); a suffix that starts with the site's name goes whole (`X | Site |
    Section | More`).  Failing that, one prefix that is the site's name.
    The headline left must keep a word."""
    def name(text: str) -> str | None:
        return is_site_name(text, host, configured, sections)

    head, start, end, found, why = title, len(title), len(title), [], ""
    for _ in range(4):
        best = None
        for sp in splits(head):
            if sp.prefix or not words_of(sp.head):
                continue
            reason = name(sp.affix)
            if not reason:  # a suffix that starts with the site's name
                first = _SEP.search(sp.affix)
                reason = name(sp.affix[: first.start()]) if first else None
                if reason and best is not None:
                    continue  # prefer the right-most whole site name
            if reason and (best is None or sp.start > best[0].start):
                best = (sp, reason)
        if best is None and found:
            # after the site's name, section names: `X | World | News | Site`
            last = max((sp for sp in splits(head) if not sp.prefix and words_of(sp.head)),
                       key=lambda sp: sp.start, default=None)
            ws = words_of(last.affix) if last is not None else []
            if ws and len(ws) <= 3 and all(w in _GENERIC or w in sections for w in ws):
                best = (last, why)
        if best is None:
            break
        sp, reason = best
        found.insert(0, sp.affix.strip())
        head, start, why = sp.head, sp.start, why or reason
    if found:
        return SiteAffix(head, tuple(found), start, end, why)
    for sp in splits(title):
        if sp.prefix and words_of(sp.head):
            reason = name(sp.affix)
            if reason == "a domain name" and host_names(sp.affix.strip())[0] != host_names(host)[0]:
                continue  # `example.io: new release`: a domain as the subject, not the site's brand
            if reason:  # the shortest prefix that is the site's name
                return SiteAffix(sp.head, (sp.affix.strip(),), 0, sp.end, reason)
    return None


# -- the body's headline -----------------------------------------------------------

_TOP_LINES = 400  # a headline further down than this is not the page's headline
_MAX_CANDIDATES = 60


class Candidate(NamedTuple):
    line: int  # file line
    level: int
    text: str  # Markdown removed
    raw: str


_HEADING_MARK = re.compile(r"^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?#{1,6}(?:\s+|$)|\s+#+\s*$")


def headline_candidates(doc) -> list[Candidate]:
    """Headings near the top of the body, as the Markdown parser sees them
    (never a line of a code block or an HTML block); a heading that is only
    a link is the site's logo or a teaser, not this page's headline."""
    out = []
    lines = doc.lines
    for blk in doc.blocks:
        if blk.start > _TOP_LINES:
            break
        if blk.kind != "heading" or not blk.text:
            continue
        if blk.links and blk.link_density >= 0.9:
            continue
        raw = lines[blk.start]
        # the text as written (code spans keep their content), without the heading's marks
        text = plain(_HEADING_MARK.sub("", raw)) if blk.end == blk.start or raw.lstrip(" >").startswith("#") \
            else plain(raw)
        if words_of(text):
            out.append(Candidate(doc.file_line(blk.start), blk.level, text, raw))
            if len(out) >= _MAX_CANDIDATES:
                break
    return out


# -- the rules ---------------------------------------------------------------------


def _title(doc) -> tuple[str | None, str | None]:
    key = doc.field_key("title")
    if key is None:
        return None, None
    value = doc.meta[key]
    return key, value if isinstance(value, str) else None


class TitleSiteName(Rule):
    """The title carries the site's name as a prefix or suffix.

    What it checks: a title whose end (or start), after a separator (`|`,
    `-`, `–`, `—`, `:`, `·`, `»`, `›`, `•`), is the name of the site: it
    spells the source URL's domain (`Reuters` for reuters.com, `BBC` for
    bbc.co.uk, `Unsere Zeitung` for unsere-zeitung.at, initials such as
    `The New York Times` for nytimes.com), is itself a domain name
    (`Salon.com`; as a prefix only the source's own domain: in
    `docs.example: new release` the domain is the subject), or is a name
    configured in `site-names`.  A dash or a colon inside the headline is
    left alone: only an affix that is the site's name counts.

    Why it matters: the title came from the page's `<title>`, which sites
    brand; the article's headline does not carry the brand.  Deduplication,
    search and training data then see every article of a site end with the
    same words, and titles stop matching the headline the reader saw.

    Example:

        title: "Harbour ferry returns after a winter refit | Reuters"
        source: https://www.reuters.com/world/europe/harbour-ferry-returns-2025-02-10/

    Clean:

        title: "docs.example: new harbour data"
        source: https://blog.example-news.org/2025/02/10/harbour-data

    Fix: `scrapelint check --fix` removes the affix and its separator,
    keeping the value's quoting; nothing else in the file changes.
    """

    code, name = "TI001", "title-site-name"
    severity = Severity.WARNING
    fixable = True

    class Options(RuleOptions):
        site_names: dict[str, list[str]] = Field(
            default_factory=dict, alias="site-names",
            description="Site names by domain (`{\"nytimes.com\" = [\"The New York Times\"]}`), for brands "
                        "the domain does not spell; a domain also covers its subdomains.")

    def setup(self, config) -> None:
        self._names = _by_domain(self.options.site_names)

    def configured(self, host: str) -> tuple[str, ...]:
        names = getattr(self, "_names", None)
        if names is None:
            self.setup(None)
            names = self._names
        return _names_for(names, host)

    def check(self, doc) -> Iterator[Finding]:
        key, title = _title(doc)
        if not title or not _SEP.search(title):
            return
        host, sections = site_of(doc)
        found = site_affix(title, host, self.configured(host), sections)
        if found is None:
            return
        head = found.head.strip()
        removed = _SEP.sub(" | ", title[found.start:found.end]).strip(" |") if len(found.affixes) > 1 \
            else found.affixes[0]
        where = "starts" if found.start == 0 else "ends"
        message = f"title {title!r} {where} with the site name {removed!r} ({found.why}); expected {head!r}"
        fix = None
        if not doc.is_record:
            # cut the affix and the space around it, as written
            start, end = found.start, found.end
            if start == 0:  # prefix: keep no leading space
                cut = (0, len(title) - len(title[end:].lstrip()))
                new = title[cut[1]:]
            else:
                cut = (len(title[:start].rstrip()), len(title))
                new = title[: cut[0]]
            edit = value_edit(doc, key, new, cut)
            if edit is not None:
                fix = Fix(f"remove the site name from the title: {new!r}", (edit,))
        line, column, end_column = doc.key_span(key)
        yield self.finding(doc, line, message, column=column, end_line=line if end_column else None,
                           end_column=end_column, fix=fix)


def _by_domain(site_names: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {d.lower().removeprefix("www."): tuple(v) for d, v in site_names.items()}


def _names_for(names: dict[str, tuple[str, ...]], host: str) -> tuple[str, ...]:
    """The configured site names of a host (a domain covers its subdomains)."""
    if not names or not host:
        return ()
    out: list[str] = []
    for domain, values in names.items():
        if host == domain or host.endswith("." + domain):
            out.extend(values)
    return tuple(out)


def _configured_site_names(config) -> dict[str, tuple[str, ...]]:
    """TI001's `site-names` as the configuration gives them (under its code
    or its name); none when they are invalid (TI001 reports that)."""
    values: dict = {}
    for key, options in (config.settings.rules.items() if config is not None else ()):
        if key.upper() == TitleSiteName.code or key.lower() == TitleSiteName.name:
            values.update(options)
    try:
        return _by_domain(TitleSiteName.Options.from_config(values).site_names)
    except ValidationError:
        return {}


class TitleHeadlineMismatch(Rule):
    """The title differs from the headline the body shows.

    What it checks: the headings near the top of the body.  If one of them
    is the title (ignoring case, whitespace and Markdown), all is well.  A
    finding when the title is a heading plus something after or before a
    separator (`Verkehr: <headline>`, `<headline> - Tipp mit Foto`), or
    when the title occurs nowhere in the body while the body opens with a
    headline of its own (`title: Politics Daily` over `# Harbour master
    accused ...`).  The body's headline is a heading the parser sees (not a
    line of code or HTML) standing before the article's first paragraph: a
    heading under that paragraph is a section heading, whatever its level.  A title that differs from a heading only in punctuation (`...`
    against `…`, straight against curly quotes) is reported as a note.

    Why it matters: the title was taken from `<title>`, `og:title` or the
    wrong `<h1>` (a section name, the blog's name), not from the headline a
    reader saw.  Search, deduplication and citations use the wrong name.

    Example:

        title: "Verkehr: Wann fährt die neue Fähre?"
        ---
        # Wann fährt die neue Fähre?

        Die Werft nennt noch keinen Termin für die erste Fahrt.

    Clean:

        title: "Harbour plans for the next decade"
        ---
        The harbour authority has published its plans, and this post walks through them one by one.

        # Dredging the inner basin

    Fix: take the title from the article's headline (the heading the
    message names).  Rename the site-name case with TI001's `--fix`.
    """

    code, name = "TI002", "title-headline-mismatch"
    severity = Severity.WARNING

    class Options(RuleOptions):
        min_headline_words: int = Field(
            3, ge=1, description="Words a heading needs to count as the body's headline when the title "
                                 "is found nowhere in the body.")

    def setup(self, config) -> None:
        # the site names configured for TI001 are the site's names here too, so
        # that a title TI001 reports is left to it (one finding per wrong thing)
        self._site_names = _configured_site_names(config)

    def check(self, doc) -> Iterator[Finding]:
        key, title = _title(doc)
        if not title or not title.strip():
            return
        cands = headline_candidates(doc)
        has_sep = _SEP.search(title) is not None
        if not cands and not has_sep:
            return

        def report(message: str, severity: Severity | None = None) -> Finding:
            line, column, end_column = doc.key_span(key)
            return self.finding(doc, line, message, column=column, end_line=line if end_column else None,
                                end_column=end_column, severity=severity)

        t_fold = exact(title).casefold()
        t_typo = typographic(title).casefold()
        if any(exact(c.text).casefold() == t_fold for c in cands):
            return
        for c in cands:
            if typographic(c.text).casefold() == t_typo:
                yield report(f"title {title!r} differs only in punctuation from the body's headline "
                             f"{c.text!r} (line {c.line})", Severity.NOTE)
                return
        site = None
        if has_sep:
            host, sections = site_of(doc)
            site = site_affix(title, host, _names_for(getattr(self, "_site_names", {}), host), sections)
        if has_sep:
            by_fold = {typographic(c.text).casefold(): c for c in cands}
            for sp in splits(title):
                c = by_fold.get(typographic(sp.head).casefold())
                if c is None or not words_of(sp.head):
                    continue
                if site is not None and typographic(site.head).casefold() == typographic(sp.head).casefold():
                    return  # TI001 reports it, with a fix
                where = "before" if sp.prefix else "after"
                yield report(f"title {title!r} adds {sp.affix.strip()!r} {where} the body's headline "
                             f"{c.text!r} (line {c.line})")
                return
        if site is not None:
            return  # TI001 reports the affix; what is left is judged there
        if has_sep:
            found = slug_affix(title, doc)
            if found is not None:
                sp, slug = found
                where = "before" if sp.prefix else "after"
                yield report(f"title {title!r} adds {sp.affix.strip()!r} {where} the headline that the URL "
                             f"spells ({slug!r}); expected {sp.head.strip()!r}")
                return
        if not cands:
            return
        # The title is nowhere in the body, while the body opens with a headline
        # of its own: an H1, or a heading of level 1-2 that is the body's first line.
        t_compact = compact(title)
        if len(t_compact) < 3:
            return
        head = _body_headline(doc, cands)
        if head is None or len(words_of(head.text)) < self.options.min_headline_words:
            return
        h_compact = compact(head.text)
        if not h_compact or h_compact in t_compact or t_compact in h_compact:
            return
        if t_compact in _body_compact(doc):
            return
        yield report(f"title {title!r} does not occur in the body, whose headline is {head.text!r} "
                     f"(line {head.line})")


_SLUG_EXT = re.compile(r"\.[A-Za-z0-9]{2,5}$")
_BAR_SEP = re.compile(r"^\s*[|\u00b7\u2022\u203a\u00bb]\s*$")


def _content_words(text: str) -> list[str]:
    return [w for w in words_of(text.casefold().translate(_TRANSLIT)) if len(w) >= 3 and not w.isdigit()]


def slug_affix(title: str, doc) -> tuple[Split, str] | None:
    """A short affix of the title that the URL's slug leaves out, while the
    slug spells the rest: `Zwiebeln richtig schneiden - Tipp mit Foto` at
    `/tipp/2041/Zwiebeln-richtig-schneiden.html`.  Suffixes after a bar or a
    dash, prefixes before a bar only (a kicker before a colon is often part
    of the headline, and slugs drop kickers); at most three words."""
    url = doc.url
    if url is None:
        return None
    segments = [seg for seg in url.path.split("/") if seg]
    if not segments:
        return None
    slug = _SLUG_EXT.sub("", segments[-1])
    slug_words = set(words_of(slug.casefold().translate(_TRANSLIT)))
    if sum(not w.isdigit() for w in slug_words) < 3:
        return None
    for m in _SEP.finditer(title):
        sep = title[m.start():m.end()]
        if ":" in sep:
            continue
        for sp in (Split(title[: m.start()], title[m.end():], m.start(), len(title), False),
                   Split(title[m.end():], title[: m.start()], 0, m.end(), True)):
            if sp.prefix and not _BAR_SEP.match(sep):
                continue
            affix_words = _content_words(sp.affix)
            head_words = _content_words(sp.head)
            if not affix_words or len(words_of(sp.affix)) > 3 or len(head_words) < 2:
                continue
            if any(w in slug_words for w in affix_words):
                continue
            if sum(w in slug_words for w in head_words) >= 0.8 * len(head_words):
                return sp, slug
    return None


def _body_headline(doc, cands: list[Candidate]) -> Candidate | None:
    """The headline the body shows: a level-1 heading, or a level-1 or 2
    heading that opens the body, standing before the article's first
    paragraph.  A heading under the article's first paragraph is a section
    heading, whatever its level: published posts open with text and use `#`
    for their sections."""
    start = _first_paragraph(doc)
    if start is not None:
        cands = [c for c in cands if doc.body_index(c.line) <= start]
        if not cands:
            return None
    head = next((c for c in cands if c.level == 1), None)
    if head is None and cands[0].level <= 2 and doc.blocks and doc.body_index(cands[0].line) == doc.blocks[0].start:
        head = cands[0]
    return head


_SENTENCE = re.compile(r"\w[.!?\u3002\uff01\uff1f\u2026][\"'\u201d\u2019\u00bb)\]]*(?:\s|$)")
_PARAGRAPH_WORDS = 12


def _first_paragraph(doc) -> int | None:
    """The first body line of the article's text: the first line of the
    article core (the layout's `start`) or, if earlier, the first paragraph
    block that reads as text (a dozen words or more with a sentence's
    end, mostly not link text, not in a list)."""
    start = article_layout.of(doc).start
    for blk in doc.blocks:
        if start is not None and blk.start >= start:
            break
        if blk.kind == "paragraph" and not blk.list_depth and blk.link_density < 0.5 \
                and word_estimate(blk.text) >= _PARAGRAPH_WORDS and _SENTENCE.search(blk.text):
            return blk.start
    return start


def _body_compact(doc) -> str:
    cached = doc.__dict__.get("_ti_body_compact")
    if cached is None:
        cached = compact(doc.body)
        doc.__dict__["_ti_body_compact"] = cached
    return cached


# Titles that name no article: a page's chrome, an error or a bot check.
_PLACEHOLDERS = frozenset(compact(t) for t in """
home|homepage|home page|startseite|accueil|inicio|index|default
untitled|untitled document|no title|new page|document|titel|title|ohne titel|sans titre|sin titulo
sections|section|menu|menü|main menu|hauptmenü|navigation|main navigation|hauptnavigation
skip to content|skip to main content|zum inhalt springen|search|suche|search results|suchergebnisse
page not found|not found|404|404 not found|error 404|error|fehler|seite nicht gefunden|page introuvable
just a moment|just a moment...|access denied|forbidden|403 forbidden|attention required|attention required! cloudflare
are you a robot?|security check|captcha|verify you are human|please wait|loading|loading...|redirecting
sign in|log in|login|anmelden|register|subscribe|subscribe to read|privacy policy|cookie settings|cookies
""".replace("\n", "|").split("|") if t.strip())


class TitlePlaceholder(Rule):
    """The title is a placeholder, not the article's title.

    What it checks: a title that is empty; a page's chrome or an error
    ("Home", "Untitled", "Sections", "Menu", "Page not found", "Just a
    moment...", "Access denied"); a bare domain (`example.com`); or only
    the site's name (`POLITICO` for politico.com).  A title in capitals
    only is reported as a note: some sites write headlines that way.

    Why it matters: the scraper read an error page, a bot check, or the
    wrong element (the logo, the menu).  The document's title is useless
    and its body is often not the article either.

    Example:

        title: "Just a moment..."
        source: https://www.example.com/2025/02/10/story

    Clean:

        title: "Home care workers strike for a second day"
        source: https://www.example.com/2025/02/10/story

    Fix: re-fetch the page or take the headline from the body.
    """

    code, name = "TI003", "title-placeholder"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        key = doc.field_key("title")
        if key is None:
            return
        title = doc.meta[key]
        if title is None:
            title = ""
        if not isinstance(title, str):
            return  # FM003 reports the type
        def report(message: str, severity: Severity | None = None) -> Finding:
            line, column, end_column = doc.key_span(key)
            return self.finding(doc, line, message, column=column, end_line=line if end_column else None,
                                end_column=end_column, severity=severity)

        text = exact(title)
        if not words_of(text):
            yield report(f"title {title!r} is empty" if not text else f"title {title!r} has no words")
            return
        c = compact(text)
        if c in _PLACEHOLDERS:
            yield report(f"title {title!r} is a placeholder (a page's chrome or an error page), not a headline")
            return
        if _DOMAIN.match(text):
            yield report(f"title {title!r} is a bare domain name, not a headline")
            return
        host, sections = site_of(doc)
        if host and len(words_of(text)) <= 4:
            why = is_site_name(text, host)
            if why:
                yield report(f"title {title!r} is only the site's name ({why}), not a headline")
                return
        letters = [ch for ch in text if ch.isalpha()]
        if len(letters) >= 8 and len(words_of(text)) >= 2 and all(ch.isupper() for ch in letters) \
                and any(ch.lower() != ch for ch in letters):
            yield report(f"title {title!r} is in capitals only; the headline is usually written in mixed case",
                         Severity.NOTE)


_BOILERPLATE_DESC = re.compile(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|cookie (?:policy|settings|consent)|accept (?:all )?cookies"
    r"|enable javascript|javascript (?:is )?(?:disabled|required)|your browser (?:does not|doesn't) support"
    r"|all rights reserved|sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter"
    r"|verwendet cookies|wir verwenden cookies|nutzt cookies|diese (?:web)?seite verwendet"
    r"|utilise des cookies|utilizamos cookies|usa cookies)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces between words: word overlap says nothing there.
_NO_SPACES = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


class DescriptionUnsupported(Rule):
    """The description is not supported by the body.

    What it checks: the front-matter `description` (or `summary`,
    `excerpt`): cookie, JavaScript or newsletter text instead of a summary
    (warning); too few of its content words (4+ letters) in the body, below
    `min-overlap` (note: summaries paraphrase); the same text as the title
    (note); a last word cut off mid-word, or a trailing `...` (note).

    Why it matters: the description was taken from another element than
    the summary (the cookie banner), from another page, or truncated by the
    site's meta tag.  Search snippets and dataset summaries then misstate
    the article.

    Example:

        description: "This site uses cookies so the ferry timetable remembers your stop."

    Clean:

        description: "The harbour ferry is back after a winter refit."
        ---
        The harbour ferry is back: after a winter refit it resumed its crossings on Friday.

    Fix: take the description from the article's standfirst or leave it
    empty; do not keep a truncated or borrowed one.
    """

    code, name = "TI004", "description-unsupported"
    severity = Severity.WARNING

    class Options(RuleOptions):
        min_overlap: float = Field(
            0.4, ge=0, le=1, alias="min-overlap",
            description="Share of the description's content words that must occur in the body.")
        min_words: int = Field(6, ge=1, alias="min-words",
                               description="Content words a description needs before its overlap is judged.")

    def check(self, doc) -> Iterator[Finding]:
        key = doc.field_key("description")
        if key is None:
            return
        desc = doc.meta[key]
        if not isinstance(desc, str) or not desc.strip():
            return
        def report(message: str, severity: Severity | None = None) -> Finding:
            line, column, end_column = doc.key_span(key)
            return self.finding(doc, line, message, column=column, end_line=line if end_column else None,
                                end_column=end_column, severity=severity)

        text = exact(desc)
        short = text if len(text) <= 90 else text[:87] + "..."
        m = _BOILERPLATE_DESC.search(text)
        if m:
            yield report(f"description {short!r} is site boilerplate ({m.group(0)!r}), not a summary of the article")
            return
        title = doc.field("title")
        if isinstance(title, str) and typographic(title).casefold() == typographic(text).casefold():
            yield report(f"description {short!r} repeats the title", Severity.NOTE)
            return
        raw_body = doc.body
        if not raw_body.strip():
            return
        content = [w for w in _WORD.findall(text) if len(w) >= 4 and not w.isdigit()]
        if len(content) >= self.options.min_words and not _NO_SPACES.search(text):
            # as written, lower-cased or capitalised: no case-folded copy of a long body
            share = sum(w in raw_body or w.lower() in raw_body or w.capitalize() in raw_body
                        for w in content) / len(content)
            if share < self.options.min_overlap:
                yield report(f"description {short!r}: only {share:.0%} of its {len(content)} content words occur "
                             f"in the body (expected at least {self.options.min_overlap:.0%})", Severity.NOTE)
                return
        stripped = text.rstrip()
        end = stripped if len(stripped) <= 60 else "..." + stripped[-57:]
        if stripped.endswith(("...", "\u2026")) and not stripped.endswith(("....", "\u2026\u2026")):
            yield report(f"description ending {end!r} ends in an ellipsis: it was cut off; expected "
                         "a complete sentence", Severity.NOTE)
            return
        last = _WORD.findall(stripped[-40:])
        if last and stripped[-1:].isalnum() and len(last[-1]) >= 2 and len(text) >= 80:
            tail = last[-1].casefold()
            word = re.escape(last[-1])
            if not tail.isdigit() and re.search(word + r"\w", raw_body, re.IGNORECASE) and \
                    not re.search(r"\b" + word + r"\b", raw_body, re.IGNORECASE):
                yield report(f"description ending {end!r} ends mid-word ({last[-1]!r}, a word of the body "
                             "starts so): it was cut off", Severity.NOTE)


@hookimpl
def scrapelint_rules():
    return [TitleSiteName, TitleHeadlineMismatch, TitlePlaceholder, DescriptionUnsupported]
