"""The site a document comes from, and the site's name in its title.

- `site_of(doc)`: the host and the section words of the source URL (the
  archived page's for a Wayback Machine URL), once per document;
- `splits(title)`: the ways of cutting one affix off a title at a
  separator (`SEPARATOR`: a bar, dash, bullet, guillemet or colon);
- `is_site_name(affix, host)`: whether an affix names the site (spells the
  domain, is a domain, or is a configured name);
- `site_affix(title, host)`: the site-name prefix or suffixes of a title
  and the headline left, cached per (title, host).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from scrapelint.analysis.normalise import TRANSLIT, compact, compact_translit, words_of

# A separator between a headline and an affix: a bar, dash, bullet or guillemet
# with a space on each side, a colon followed by a space, or a bare `|`.
# (?<!\s): a match starts at the first space of a run, never inside it (the
# same matches, in linear time on a title of a million spaces).
SEPARATOR = re.compile(r"(?<!\s)(?:\s+[|\-\u2013\u2014\u00b7\u2022\u22c6\u2605\u00bb\u203a~/\\]+\s+|\s*:\s+|\s*\|\s*|\s+::\s+)")
DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                    r"\.(?:[a-z]{2,12}|xn--[a-z0-9-]+)/?$", re.IGNORECASE)


class Split(NamedTuple):
    head: str  # the title without the affix
    affix: str  # the affix without its separator
    start: int  # offset into the title of what is removed (separator included)
    end: int
    prefix: bool


MAX_AFFIX_SEPARATORS = 8  # a site name or section holds fewer separators than this
# Ten times a long headline.  A longer title is not a headline with an
# affix (the scraper stored the body or garbage there) and is not cut:
# every cut is judged over the whole title, so a megabyte of `|` or `: `
# would cost seconds.
MAX_TITLE_CHARS = 2000


def splits(title: str) -> list[Split]:
    """Every way of cutting one affix off the title at one of its first or
    last separators (a title of a million `|` would give a million cuts,
    each copying the title: quadratic time and memory); none for a title
    over MAX_TITLE_CHARS."""
    if len(title) > MAX_TITLE_CHARS:
        return []
    out = []
    found = list(SEPARATOR.finditer(title))
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
    # one pass over the sections, not one call per segment: a path may hold a million
    words = frozenset(w for w in words_of(" ".join(segments)) if len(w) >= 3 and not w.isdigit())
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
    if DOMAIN.match(text) and not text.replace(".", "").isdigit():
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
    wt = tuple(words_of(text.casefold().translate(TRANSLIT)))
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
                first = SEPARATOR.search(sp.affix)
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

