"""The dataset-level view of a run: per rule, per source domain, per field.

Workers describe each document in a small `DocProfile` (its source domain,
what state each canonical field is in, and for a record, its layout and
whether its body was found); the main process adds the profiles and the
findings up in `RunStats`, which keeps counters only (memory grows with the
number of rules, domains and dataset files, never with the documents).

`RunStats.to_dict()` is the stable shape that `--format json` writes under
`summary.statistics` and that other reporters may render (docs/output.md):

    {
      "documents": 400,            # documents checked (records and files)
      "records": 400,              # of which dataset records
      "rules": {"WC001": {"name": ..., "findings": 12, "documents": 11, "share": 0.0275}},
      "domain_count": 1,           # distinct source domains; "domains" lists the 50 largest
      "domains": [                 # most documents first; "" is "no source URL"
        {"domain": "example.org", "documents": 40, "affected": 9, "affected_share": 0.225,
         "top_rules": [{"code": "NV001", "documents": 5}]}
      ],
      "fields": {"title": {"key": "title", "present": 0.9, "null": 0.05, "invalid": 0.0, "absent": 0.05}},
      "layouts": {"plain": 400}
    }

Shares are fractions of `documents` (of `records` for `fields`), 0..1.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from scrapelint.document import Document
    from scrapelint.results import DocResult

FIELDS = ("title", "source", "date", "description", "word_count", "author")
TOP_DOMAINS = 50
TOP_RULES = 3
MAX_KEYS = 40


class DocProfile(NamedTuple):
    """What the summary needs of one document, small and picklable."""

    path: str
    domain: str
    fields: tuple[str, ...]  # per FIELDS: "present", "null", "invalid" or "absent"
    keys: tuple[str, ...]  # the field keys used, per FIELDS ("" when absent)
    record: bool
    layout: str | None
    has_body: bool
    seen: tuple[str, ...] | None  # a record's own keys, sent only when a field it should have is missing
    body_lines: int = 0  # for the share of a document's lines that findings cover (the HTML report)


# the field each rule family checks (a code overrides its family), for a
# record's findings, which have no line to tell the key by
RULE_FIELDS = {"DT": "date", "WC": "word_count", "UR": "source", "NV": "body", "TX": "body", "TI": "title",
               "TI004": "description", "DS001": "body", "DS002": "source"}


def field_of(doc: "Document", finding) -> str | None:
    """The key a finding is about, as written (`metadata.url`, `page_text`):
    in a Markdown file the front-matter key on the finding's line or `body`
    below it; in a record the field its rule checks."""
    line = finding.line
    if not doc.is_record:
        if line and line <= doc.fm_end_line:
            return next((key for key, info in doc.keys.items() if info.line == line), None)
        return "body" if line and line >= doc.body_start_line else None
    name = RULE_FIELDS.get(finding.code) or RULE_FIELDS.get(finding.code.rstrip("0123456789"))
    if name == "body":
        return doc.body_key
    return doc.field_key(name) if name else None


def profile_of(doc: "Document", findings: list) -> DocProfile | None:
    """A field is `invalid` when the schema check (FM003) reported its key,
    `null` when its value is null, `present` otherwise, or `absent`."""
    if doc.unreadable:
        return None
    invalid = {f.extra.get("field") for f in findings if f.code == "FM003"} if findings else ()
    states, keys = [], []
    for name in FIELDS:
        key = doc.field_key(name)
        if key is None:
            states.append("absent")
            keys.append("")
            continue
        states.append("invalid" if key in invalid else "null" if doc.meta[key] is None else "present")
        keys.append(key)
    has_body = not doc.is_record or doc.body_key is not None
    configured_missing = any(doc.field_map.get(n) and states[i] == "absent" for i, n in enumerate(FIELDS))
    seen = None
    if doc.is_record and (not has_body or configured_missing):
        seen = tuple(sorted(str(k) for k in doc.meta)[:MAX_KEYS])
    return DocProfile(doc.path, doc.host, tuple(states), tuple(keys), doc.is_record, doc.record_layout, has_body, seen,
                      len(doc.lines))


# Plain classes, not @dataclass: see scrapelint.results.
class _DatasetFile:
    def __init__(self) -> None:
        self.records = 0
        self.with_body = 0
        self.configured_found: Counter = Counter()
        self.seen: set = set()


class RunStats:
    def __init__(self) -> None:
        self.documents = 0
        self.records = 0
        self.findings: Counter = Counter()
        self.rule_documents: Counter = Counter()
        self.names: dict[str, str] = {}
        self.domain_documents: Counter = Counter()
        self.domain_affected: Counter = Counter()
        self.domain_rules: dict[str, Counter] = {}
        self.field_states: dict[str, Counter] = {n: Counter() for n in FIELDS}
        self.field_keys: dict[str, Counter] = {n: Counter() for n in FIELDS}
        self.layouts: Counter = Counter()
        self.datasets: dict[str, _DatasetFile] = {}
        self.configured: dict[str, str] = {}  # canonical field -> configured key, for the checks

    def add(self, result: "DocResult") -> None:
        tally = result.tally
        for code, name, _severity, _fixable in tally:
            self.findings[code] += 1
            self.names[code] = name
        if not result.documents:  # a dataset-wide result: one finding per document concerned
            self.rule_documents.update(code for code, *_ in tally)
            return
        self.documents += result.documents
        codes = {code for code, *_ in tally}
        self.rule_documents.update(codes)
        profile: DocProfile | None = getattr(result, "profile", None)
        domain = profile.domain if profile else ""
        self.domain_documents[domain] += 1
        if codes:
            self.domain_affected[domain] += 1
            self.domain_rules.setdefault(domain, Counter()).update(codes)
        if profile is None:
            return
        if profile.record:
            self.records += 1
            self.layouts[profile.layout or "plain"] += 1
            for name, state, key in zip(FIELDS, profile.fields, profile.keys):
                self.field_states[name][state] += 1
                if key:
                    self.field_keys[name][key] += 1
            ds = self.datasets.get(profile.path)
            if ds is None:
                ds = self.datasets[profile.path] = _DatasetFile()
            ds.records += 1
            ds.with_body += profile.has_body
            for name, state in zip(FIELDS, profile.fields):
                if state != "absent":
                    ds.configured_found[name] += 1
            if profile.seen and len(ds.seen) < MAX_KEYS:
                ds.seen.update(profile.seen)

    def share(self, n: int) -> float:
        return n / self.documents if self.documents else 0.0

    def to_dict(self) -> dict[str, Any]:
        rules = {code: {"name": self.names.get(code, ""), "findings": self.findings[code],
                        "documents": self.rule_documents[code], "share": round(self.share(self.rule_documents[code]), 6)}
                 for code in sorted(self.findings)}
        domains = []
        for domain, n in sorted(self.domain_documents.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_DOMAINS]:
            affected = self.domain_affected[domain]
            top = sorted(self.domain_rules.get(domain, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_RULES]
            domains.append({"domain": domain, "documents": n, "affected": affected,
                            "affected_share": round(affected / n, 6),
                            "top_rules": [{"code": c, "documents": d} for c, d in top]})
        fields = {}
        if self.records:
            for name in FIELDS:
                states = self.field_states[name]
                key = self.field_keys[name].most_common(1)
                fields[name] = {"key": key[0][0] if key else None,
                                **{s: round(states[s] / self.records, 6) for s in ("present", "null", "invalid", "absent")}}
        return {"documents": self.documents, "records": self.records, "rules": rules,
                "domain_count": len(self.domain_documents), "domains": domains,
                "fields": fields, "layouts": dict(sorted(self.layouts.items()))}

    def field_problems(self, field_maps: list[dict[str, str]]) -> list[str]:
        """Dataset files in which no record had a body, or in which a field
        the configuration names matched nothing: each a usage error that
        names the keys the records did have and the key to set."""
        problems = []
        configured = {name: key for fm in field_maps for name, key in fm.items()}
        for path, ds in self.datasets.items():
            seen = ", ".join(sorted(ds.seen)) or "(none)"
            if not ds.with_body:
                wanted = f"`{configured['body']}`" if configured.get("body") else \
                    "text, body, content or markdown (or the layout's own)"
                problems.append(f"{path}: none of its {ds.records} records has a body field (looked for {wanted}); "
                                f"its records have the keys: {seen}; set `body` in the `[tool.scrapelint.fields]` "
                                f"table to the key that holds the text")
            for name, key in configured.items():
                if name != "body" and not ds.configured_found[name]:
                    problems.append(f"{path}: `fields.{name} = {key!r}` matches nothing in any of its {ds.records} "
                                    f"records (their keys: {seen}); a nested key is written with dots, "
                                    f"e.g. `metadata.url`")
        return problems
