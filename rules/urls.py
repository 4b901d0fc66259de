"""UR: the source URL: valid, clean of tracking parameters, the canonical page."""

from __future__ import annotations

import ipaddress
import re
from typing import Iterator

from scrapelint.analysis.tracking import is_tracking
from scrapelint.findings import Finding, Fix, Severity, quote
from scrapelint.lazymodel import Field
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions
from scrapelint.analysis.frontmatter import loads_scalar, value_edit


def _source(doc) -> tuple[str | None, object]:
    key = doc.field_key("source")
    return key, (doc.meta[key] if key is not None else None)


class SourceInvalid(Rule):
    """The source URL is not an absolute web address.

    What it checks: the front-matter `source` (or `url`, `link`,
    `source_url`, `canonical_url`): it must be an absolute `http` or
    `https` URL with a host name, without whitespace inside, and not a
    fragment (`#top`), a relative path (`/news/story`), a local address
    (`localhost`, `127.0.0.1`, a private IP) or a host without a dot.

    Why it matters: the URL is the document's identity: deduplication,
    date checks (DT), site names (TI001) and citations all start from it.
    A relative or local URL was written by a scraper that ran against a
    test server or lost the page's base URL.

    Example:

        source: /local/harbour/ferry-returns-after-refit

    Clean:

        source: https://www.example-news.org/local/harbour/ferry-returns-after-refit

    Fix: write the page's absolute URL, as the browser showed it.
    """

    code, name = "UR001", "source-invalid"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        key, value = _source(doc)
        if key is None or value is None:
            return
        def report(message: str) -> Finding:
            line, column, end_column = doc.key_span(key)
            return self.finding(doc, line, message, column=column, end_line=line if end_column else None,
                                end_column=end_column)

        if not isinstance(value, str):
            yield report(f"{key} {quote(value)} is not a URL (a {type(value).__name__}); expected an absolute http(s) URL")
            return
        url = value.strip()
        if not url:
            yield report(f"{key} is empty; expected an absolute http(s) URL")
            return
        problem = url_problem(url)
        if problem:
            yield report(f"{key} {quote(value)} {problem}; expected an absolute http(s) URL")


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def url_problem(url: str) -> str | None:
    """What is wrong with a source URL, or None."""
    from urllib.parse import urlsplit

    # every whitespace character but " " is unprintable: one C call rules most URLs out
    if " " in url or (not url.isprintable() and any(ch.isspace() for ch in url)):
        return "contains whitespace"
    if url.startswith("#"):
        return "is only a fragment"
    if url.startswith("//"):
        return "has no scheme (protocol-relative)"
    m = _SCHEME.match(url)
    if m is None:
        return "is a relative reference"
    scheme = m.group(1).lower()
    if scheme not in ("http", "https"):
        return f"has the scheme {quote(scheme)}"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        return f"cannot be parsed ({exc})"
    if not host:
        return "has no host"
    if host == "localhost" or host.endswith(".localhost") or host.endswith(".local"):
        return f"points at the local host {quote(host)}"
    ip = None
    if host[-1:].isdigit() or ":" in host:  # only then can it be an address
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            pass
    if ip is not None:
        return f"has an IP address ({host}) for a host"
    if "." not in host:
        return f"has the host {quote(host)}, which is not a public domain name"
    return None




class TrackingParameters(Rule):
    """The source URL carries tracking parameters.

    What it checks: query parameters of the source URL that identify a
    click, a campaign or a mailing rather than the page: `utm_*`, `fbclid`,
    `gclid`, `msclkid`, `mc_cid`, `mc_eid`, `_ga`, `_hsenc`, `igshid` and
    others like them, plus any named in `extra-parameters`.

    Why it matters: the same article shared through a newsletter and a
    social post gets two URLs; deduplication by URL fails, and the
    dataset leaks who clicked what campaign.

    Example:

        source: https://example.com/story?id=7&utm_source=newsletter&utm_medium=email

    Clean:

        source: https://example.com/story?id=7

    Fix: `scrapelint check --fix` drops the tracking parameters and keeps
    everything else of the URL as it was (other parameters, their order,
    the fragment).
    """

    code, name = "UR002", "tracking-parameters"
    severity = Severity.WARNING
    fixable = True

    class Options(RuleOptions):
        extra_parameters: list[str] = Field(
            default_factory=list, alias="extra-parameters",
            description="More query parameter names to treat as tracking (exact, case-insensitive).")

    def check(self, doc) -> Iterator[Finding]:
        key, value = _source(doc)
        if key is None or not isinstance(value, str) or "?" not in value:
            return
        extra = {p.lower() for p in self.options.extra_parameters}
        url = value
        q = url.find("?")
        h = url.find("#", q)
        query_end = len(url) if h < 0 else h
        query = url[q + 1: query_end]
        pieces = query.split("&")
        kept, dropped = [], []
        for piece in pieces:
            name = piece.split("=", 1)[0]
            if name and (is_tracking(name) or name.lower() in extra):
                dropped.append(name)
            else:
                kept.append(piece)
        if not dropped:
            return
        new_query = "&".join(kept)
        new_url = url[:q] + ("?" + new_query if new_query else "") + url[query_end:]
        names = ", ".join(dict.fromkeys(dropped))
        message = f"{key} carries tracking parameters ({names}); expected {new_url.strip()!r}"
        fix = None
        if not doc.is_record:
            # the edit covers the query only: `?a=1&utm_x=2` -> `?a=1`
            edit = _query_edit(doc, key, url, q, query_end, "?" + new_query if new_query else "")
            if edit is None:  # escapes in the value as written: rewrite it whole
                edit = value_edit(doc, key, new_url)
            if edit is not None:
                fix = Fix(f"drop {names} from the URL", (edit,))
        line, column, end_column = doc.key_span(key)
        yield self.finding(doc, line, message, column=column, end_line=line if end_column else None,
                           end_column=end_column, fix=fix)


def _query_edit(doc, key: str, url: str, start: int, end: int, new_query: str):
    """An edit replacing `url[start:end]` (the query) with `new_query` inside
    the value as written, if the value is written without escapes."""
    from scrapelint.findings import Edit

    span = doc.value_span(key)
    if span is None:
        return None
    s, e = span
    raw = doc.text[s:e]
    if raw == url:
        off = 0
    elif raw[:1] in "\"'" and raw[1:len(url) + 1] == url and raw[len(url) + 1:][:1] == raw[0]:
        off = 1
    else:
        return None
    edit = Edit(s + off + start, s + off + end, new_query)
    new_raw = raw[: off + start] + new_query + raw[off + end:]
    expected = url[:start] + new_query + url[end:]
    return edit if loads_scalar(new_raw, doc.meta_format) == expected else None


_AMP_PATH = re.compile(r"(?:^|/)(?:amp|amp\.html)(?:/|$)|\.amp(?:\.html?)?$|/amp-", re.IGNORECASE)
_PRINT_PATH = re.compile(r"(?:^|/)(?:print|printer|printable|drucken|druckversion)(?:/|$)|[/_.-]print\.html?$",
                         re.IGNORECASE)
_FEED_PATH = re.compile(r"(?:^|/)(?:feed|feeds|rss|atom)(?:/|$)|\.(?:rss|atom)$|/rss\.xml$|/feed\.xml$",
                        re.IGNORECASE)
_VARIANT_QUERY = {
    "amp": "AMP", "output": None, "outputtype": None, "print": "print", "printable": "print",
    "view": None, "format": None, "m": "mobile", "mobile": "mobile",
}
_VARIANT_VALUES = {"amp": "AMP", "print": "print", "printable": "print", "rss": "feed", "atom": "feed",
                   "mobile": "mobile"}


def variant_of(doc) -> str | None:
    url = doc.url
    if url is None or not url.hostname:
        return None
    host = url.hostname.lower()
    if host.endswith(".cdn.ampproject.org") or host.startswith("amp."):
        return f"an AMP page (host {host})"
    if host.startswith(("m.", "mobile.", "mobil.")) and host.count(".") >= 2:
        return f"the mobile site (host {host})"
    path = url.path
    if _AMP_PATH.search(path):
        return f"an AMP page (path {path})"
    if _PRINT_PATH.search(path):
        return f"a print view (path {path})"
    if _FEED_PATH.search(path):
        return f"a feed (path {path})"
    if url.query:
        for piece in url.query.split("&"):
            name, _, val = piece.partition("=")
            name, val = name.lower(), val.lower()
            if name not in _VARIANT_QUERY:
                continue
            kind = _VARIANT_QUERY[name]
            if kind is not None and val in ("", "1", "true", "yes", "on"):
                return f"{'an' if kind[0] in 'AEIOU' else 'a'} {kind} view (query {piece})"
            if kind is None and val in _VARIANT_VALUES:
                label = _VARIANT_VALUES[val]
                return f"{'an' if label[0] in 'AEIOU' else 'a'} {label} view (query {piece})"
    return None


class SourceVariant(Rule):
    """The source URL is an AMP, print, mobile or feed variant of the page.

    What it checks: a source URL on an AMP cache or `amp.` host, a mobile
    host (`m.`, `mobile.`), a path with `/amp/`, `.amp`, `/print/`,
    `/feed/`, `/rss/`, or a query such as `?output=amp`, `?amp=1`,
    `?print=1`.  Reported as a note: the variant is the same article, but
    not its canonical address.

    Why it matters: the same article is then stored under two URLs, and
    variants often carry less text (AMP drops embeds, print drops the
    headline's deck, feeds truncate).

    Example:

        source: https://www.example.com/amp/2025/02/10/story.html

    Clean:

        source: https://www.example.com/2025/02/10/story.html

    Fix: use the page's canonical URL (its `<link rel="canonical">`).
    """

    code, name = "UR003", "source-variant"
    severity = Severity.NOTE

    def check(self, doc) -> Iterator[Finding]:
        key, value = _source(doc)
        if key is None or not isinstance(value, str):
            return
        what = variant_of(doc)
        if what is None:
            return
        line, column, end_column = doc.key_span(key)
        yield self.finding(doc, line, f"{key} {value.strip()!r} is {what}; expected the canonical URL of the page",
                           column=column, end_line=line if end_column else None, end_column=end_column)


@hookimpl
def scrapelint_rules():
    return [SourceInvalid, TrackingParameters, SourceVariant]
