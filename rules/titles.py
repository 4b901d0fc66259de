"""TI: the title and the description against the source URL and the body.

Scrapers take the title from `<title>` with the site glued on
(`... | Reuters`), from `og:title`, or from the wrong `<h1>` (the logo, a
section name, "Sections"), and copy a description the body does not
support.  What the rules compare comes from the shared analysis: title
normalisation (`scrapelint.analysis.normalise`), the site and its name
(`scrapelint.analysis.sitename`) and the body's headline
(`scrapelint.analysis.headline`); the rules decide.
"""

from __future__ import annotations

import re
from typing import Iterator

from scrapelint.analysis import caseblind, headline
from scrapelint.analysis.frontmatter import value_edit
from scrapelint.analysis.normalise import compact, exact, typographic, words_of
from scrapelint.analysis.sitename import DOMAIN, SEPARATOR, is_site_name, site_affix, site_of, splits
from scrapelint.analysis.text import NOSPACE_RE
from scrapelint.findings import Finding, Fix, Severity
from scrapelint.lazymodel import Field
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions

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
        if not title or not SEPARATOR.search(title):
            return
        host, sections = site_of(doc)
        found = site_affix(title, host, self.configured(host), sections)
        if found is None:
            return
        head = found.head.strip()
        removed = SEPARATOR.sub(" | ", title[found.start:found.end]).strip(" |") if len(found.affixes) > 1 \
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
    except ValueError:  # pydantic's ValidationError, imported only when options are given
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
        cands = headline.candidates(doc)
        has_sep = SEPARATOR.search(title) is not None
        if not cands and not has_sep:
            return

        def report(message: str, severity: Severity | None = None) -> Finding:
            line, column, end_column = doc.key_span(key)
            return self.finding(doc, line, message, column=column, end_line=line if end_column else None,
                                end_column=end_column, severity=severity)

        t_fold = exact(title).casefold() if cands else ""
        t_typo = typographic(title).casefold() if cands else ""
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
            found = headline.slug_affix(title, doc)
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
        head = headline.body_headline(doc, cands)
        if head is None or len(words_of(head.text)) < self.options.min_headline_words:
            return
        h_compact = compact(head.text)
        if not h_compact or h_compact in t_compact or t_compact in h_compact:
            return
        if t_compact in headline.body_compact(doc):
            return
        yield report(f"title {title!r} does not occur in the body, whose headline is {head.text!r} "
                     f"(line {head.line})")




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
        words = words_of(text)
        if not words:
            yield report(f"title {title!r} is empty" if not text else f"title {title!r} has no words")
            return
        c = compact(text)
        if c in _PLACEHOLDERS:
            yield report(f"title {title!r} is a placeholder (a page's chrome or an error page), not a headline")
            return
        if DOMAIN.match(text):
            yield report(f"title {title!r} is a bare domain name, not a headline")
            return
        host, sections = site_of(doc)
        if host and len(words) <= 4:
            why = is_site_name(text, host)
            if why:
                yield report(f"title {title!r} is only the site's name ({why}), not a headline")
                return
        letters = "".join(filter(str.isalpha, text))  # C loops: a title may be a megabyte
        if len(letters) >= 8 and len(words) >= 2 and all(map(str.isupper, letters)) and letters.lower() != letters:
            yield report(f"title {title!r} is in capitals only; the headline is usually written in mixed case",
                         Severity.NOTE)


_BOILERPLATE_DESC = re.compile(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|cookie (?:policy|settings|consent)|accept (?:all )?cookies"
    r"|enable javascript|javascript (?:is )?(?:disabled|required)|your browser (?:does not|doesn't) support"
    r"|all rights reserved|sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter"
    r"|verwendet cookies|wir verwenden cookies|nutzt cookies|diese (?:web)?seite verwendet"
    r"|utilise des cookies|utilizamos cookies|usa cookies)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)


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
        # in a script written without spaces, word overlap says nothing
        if len(content) >= self.options.min_words and not NOSPACE_RE.search(text):
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
            if not last[-1].isdigit() and only_inside_longer_words(last[-1], raw_body):
                yield report(f"description ending {end!r} ends mid-word ({last[-1]!r}, a word of the body "
                             "starts so): it was cut off", Severity.NOTE)


def only_inside_longer_words(word: str, body: str) -> bool:
    r"""Whether `body` holds `word` (case-blind) running on into a longer word
    ("harbourmaster" for "harbour") and never as a whole word: what
    `re.search(word + r"\w", ...)` and not `re.search(r"\b" + word + r"\b",
    ...)` (re.IGNORECASE) answer, found as a literal (a regex per
    description was compiled once and never used again)."""
    spans = list(caseblind.occurrences(word, body))
    return any(caseblind.is_word_char(body, end) for _, end in spans) and \
        not any(caseblind.at_boundary(body, start) and caseblind.at_boundary(body, end) for start, end in spans)


@hookimpl
def scrapelint_rules():
    return [TitleSiteName, TitleHeadlineMismatch, TitlePlaceholder, DescriptionUnsupported]
