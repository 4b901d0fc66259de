"""DS004: a site's furniture (header, footer, related-links boxes), learned
from the run's own pages of that site.

A rule that learns: the run reads its input twice when DS004 is selected.
The first pass counts, per source domain, in how many documents each block
occurs (a 64-bit hash of its normalised text, never the text); the counts
merge like any dataset state, so the verdict is the same for any number of
workers.  The second pass is the usual run, in which DS004 is a document
rule that marks the learned lines on the document (with how many documents
share them) so the NV rules take them as page furniture too, and reports
the blocks the NV rules leave.  NV008, here too, is the NV rule that reports
those lines where they stand.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterator

from scrapelint.analysis import furniture, layout
from scrapelint.digests import blake2b
from scrapelint.findings import Finding, Severity
from scrapelint.lazymodel import Field
from scrapelint.rule import DatasetRule, Rule, RuleOptions

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w")


def nv_decisions(doc) -> dict[int, str]:
    """The NV family's furniture decision for `doc` (default options), shared
    with the NV rules' own."""
    return layout.decisions(doc)


def block_hashes(doc) -> list[tuple[int, int, int]]:
    """(hash, first body line, last body line) of each block that could be
    furniture: text a reader sees (code is never furniture), normalised
    (letter case and whitespace set aside)."""
    def compute(d) -> list[tuple[int, int, int]]:
        out = []
        for block in d.blocks:
            if block.kind == "code":
                continue
            text = _SPACE.sub(" ", block.text).strip().lower()
            if not _WORD.search(text):
                continue
            digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
            out.append((int.from_bytes(digest, "big"), block.start, block.end))
        return out

    return doc.shared("block-hashes", compute)


class SiteFurniture(DatasetRule):
    """A block recurs on many pages of the same site: it is the site's furniture.

    What it checks: how many documents of the run from the same source
    domain (the URL's host, `www.` set aside) contain each block of the body
    (a paragraph, heading, list item, table row; letter case and whitespace
    set aside).  A block found in at least `min-documents` documents of its
    domain, and in at least `min-share` of them, is the site's furniture: a
    header, a footer, a newsletter box, a related-links list.  It is
    reported in every document where it occurs, consecutive furniture blocks
    as one finding from the first line to the last, naming how many
    documents of the domain share it.  The learned lines also feed the NV
    rules' evidence (they are never taken for the article's prose), so a
    crawl of one site finds its furniture better than a lone page can: NV008
    (on by default with the NV rules) reports them where they stand, NV005
    after an end-of-article marker, and DS004 then reports only the learned
    lines the selected NV rules leave (one finding per fact).  Select DS004
    without the NV rules (`--select DS004`) to see every learned block as
    DS004's.

    Why it matters: what every page of a site repeats is not what any page
    says; left in the body it is trained on, indexed and counted as the
    article's words thousands of times over.

    Example: 40 pages of `news.example.com` all end with `Sign up for the
    morning briefing` and a list of the same five section links; each of
    the 40 gets one finding at those lines: `site furniture: shared by 40 of
    40 documents of news.example.com`.

    Fix: cut the block in the extractor's configuration for that site, or
    drop the reported lines before use.

    Cost: the run reads its input twice (a first pass learns the counts).
    The state is, per domain, one 64-bit hash and a count for each distinct
    block, never texts: `python bench/ds_memory.py --rules DS004` measures
    it (about 150 bytes per distinct block).
    """

    code, name = "DS004", "site-furniture"
    severity = Severity.WARNING
    default_enabled = False
    learns = True

    class Options(RuleOptions):
        min_documents: int = Field(5, ge=2, alias="min-documents",
                                   description="Documents of a domain a block must occur in to be furniture.")
        min_share: float = Field(0.01, gt=0.0, le=1.0, alias="min-share",
                                 description="Share of a domain's documents a block must occur in (0.01 is 1 %).")

    # -- the first pass: counts per domain ---------------------------------------

    def collect(self, doc):
        if not doc.host or doc.unreadable:
            return None
        return (doc.host, frozenset(h for h, _, _ in block_hashes(doc))), None

    def new_state(self) -> dict:
        return {}

    def add(self, state: dict, value, ref) -> dict:
        domain, hashes = value
        entry = state.get(domain)
        if entry is None:
            entry = state[domain] = [0, Counter()]
        entry[0] += 1
        entry[1].update(hashes)
        return state

    def merge(self, left: dict, right: dict) -> dict:
        for domain, (docs, counts) in right.items():
            entry = left.get(domain)
            if entry is None:
                left[domain] = [docs, counts]
            else:
                entry[0] += docs
                entry[1].update(counts)
        return left

    def conclude(self, state: dict) -> dict:
        """What the second pass needs: per domain, its document count and the
        furniture hashes with their counts (a few per site)."""
        learned = {}
        for domain, (docs, counts) in state.items():
            needed = max(self.options.min_documents, math.ceil(self.options.min_share * docs))
            furniture = {h: n for h, n in counts.items() if n >= needed}
            if furniture:
                learned[domain] = (docs, furniture)
        return learned

    # -- the second pass: a document rule that knows the site ------------------------

    def furniture_spans(self, doc, taken: set[int] = frozenset()) -> list[tuple[int, int, int]]:
        """(first body line, last body line, documents sharing it) of each run
        of consecutive furniture blocks, leaving out blocks whose lines are all
        `taken`."""
        site = (self.knowledge or {}).get(doc.host) if doc.host else None
        if not site:
            return []
        learned = site[1]
        spans: list[list[int]] = []
        previous = None
        for index, (h, start, end) in enumerate(block_hashes(doc)):
            n = learned.get(h)
            if n is None or (taken and all(i in taken for i in range(start, end + 1))):
                continue
            if spans and previous == index - 1:
                spans[-1][1] = end
                spans[-1][2] = min(spans[-1][2], n)
            else:
                spans.append([start, end, n])
            previous = index
        return [tuple(s) for s in spans]

    def prepare(self, doc) -> None:
        """Mark the learned lines on the document before any rule reads it,
        each with the number of the site's documents that share it."""
        site = (self.knowledge or {}).get(doc.host) if doc.host else None
        if not site:
            return
        lines: dict[int, int] = {}
        for h, start, end in block_hashes(doc):
            n = site[1].get(h)
            if n is not None:
                for i in range(start, end + 1):
                    lines[i] = min(n, lines.get(i, n))
        if lines:
            doc.site_furniture = lines

    def _left_to_nv(self, doc) -> set[int]:
        """The learned lines a selected NV rule reports (one finding per
        fact): NV008 those it takes where they stand, NV005 those after the
        end-of-article marker.  See docs/decisions.md."""
        nv008, nv005 = "NV008" in self.active_codes, "NV005" in self.active_codes
        if not doc.site_furniture or not (nv008 or nv005):
            return set()
        fu = furniture.of(doc)
        taken: set[int] = set()
        for k, why in nv_decisions(doc).items():
            if (why == "site" and nv008) or (why == "tail" and nv005):
                taken.update(range(fu.units[k].start, fu.units[k].end + 1))
        return taken

    def check(self, doc) -> Iterator[Finding]:
        site = (self.knowledge or {}).get(doc.host) if doc.host else None
        taken = self._left_to_nv(doc)
        for start, end, n in self.furniture_spans(doc, taken):
            lines = end - start + 1
            yield self.finding(doc, doc.file_line(start),
                               f"site furniture: {'this line recurs' if lines == 1 else f'these {lines} lines recur'} in "
                               f"{n} of {site[0]} documents of {doc.host}",
                               column=1, end_line=doc.file_line(end))


class SiteRecurringBlock(Rule):
    """A block of the page recurs on many pages of the same site in this run: page furniture.

    What it checks: the blocks DS004 (site-furniture) learned from the
    run's own pages of the page's site (a block in at least DS004's
    `min-documents` documents of the source domain), read as a unit of the
    NV family's classification (a heading, a list item, a table row, a
    paragraph or one line of one).  Such a unit is furniture wherever it
    stands, inside the article too: a note on the publication, a support
    appeal, an author's note or a disclaimer repeated on every page reads
    as prose on any one page, and only the site's other pages give it away.
    Consecutive such units are one finding from the first line to the last
    (blank lines between them included, as DS004 reports them), naming how
    many documents of the site repeat them.  After an
    end-of-article marker the units are NV005's.

    It needs DS004 selected (`--extend-select DS004`): only a run that
    learns from the site's pages knows them, so on a single document, or
    without DS004, it reports nothing.  When both are selected, DS004
    reports only the learned lines the NV rules leave (see DS004).

    Severity: a warning.

    Why it matters: text every page of a site repeats is not what any of
    its pages says; inside the article it is counted as the author's words
    on every page it is scraped from.

    Example: 30 pages of `news.example.org` each end their article with
    `The Harbour Courier is owned by its readers and has covered the coast
    since 1990.`; with `--extend-select DS004` each page gets a finding at
    that line: `this block recurs on 30 pages of news.example.org in this
    run, after the article's last paragraph: the site's furniture, not this
    page's text`.

    Fix: cut the block in the extractor's configuration for that site, or
    drop the reported lines before use.
    """

    code, name = "NV008", "site-recurring-block"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        if not doc.site_furniture:
            return
        from scrapelint.analysis.layout import zone_words

        fu = furniture.of(doc)
        site = sorted(k for k, why in nv_decisions(doc).items() if why == "site")
        for run in _stretches(fu, site, doc.lines):
            first, last = furniture.span(fu, run)
            n = min(doc.site_furniture.get(i, 0) for u in run for i in (fu.units[u].start, fu.units[u].end))
            what = "this block recurs" if len(run) == 1 else f"these {len(run)} blocks recur"
            where = zone_words(fu, run[0], doc)
            yield self.finding(doc, doc.file_line(first),
                               f"{what} on {n} pages of {doc.host} in this run{', ' + where if where else ''}: "
                               "the site's furniture, not this page's text", end_line=doc.file_line(last))


def _stretches(fu, ks: list[int], lines: list[str]) -> list[list[int]]:
    """Sorted unit indices grouped into stretches of consecutive units with
    only blank lines between them: a site's footer of twenty blocks is one
    finding."""
    out: list[list[int]] = []
    for k in ks:
        if out and out[-1][-1] == k - 1 \
                and not any(line.strip() for line in lines[fu.units[k - 1].end + 1:fu.units[k].start]):
            out[-1].append(k)
        else:
            out.append([k])
    return out
