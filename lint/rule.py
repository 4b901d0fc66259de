"""The rule base class, rule options, and the registry of every known rule.

A rule is a class with a stable `code` (`WC001`), a readable `name`
(`word-count-mismatch`), a default severity, an `Options` model (declared like a
pydantic model, validated by pydantic on first use: `scrapelint.lazymodel`) and a
docstring in ruff's sections (What it checks / Why it matters / Example /
Fix).  `check(doc)` yields Findings; `self.finding(...)` builds one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, Hashable, Iterable, Iterator, NamedTuple

from scrapelint.document import Document
from scrapelint.findings import MESSAGE_LIMIT, Finding, Fix, Severity, clip
from scrapelint.lazymodel import LazyModel

if TYPE_CHECKING:
    from scrapelint.config import Config

CODE_RE = re.compile(r"^[A-Z]{2,3}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
FAMILIES = {
    "FM": "front matter and schema",
    "DT": "dates",
    "WC": "counts",
    "NV": "navigation and boilerplate leaked into the body",
    "TI": "title and description",
    "UR": "URLs and links",
    "TX": "text hygiene",
    "DS": "dataset-wide",
    "SL": "scrapelint itself (suppressions, internal errors)",
}


# The sections of a rule's docstring, as ruff's rule pages have them.
DOC_SECTIONS = ("What it checks", "Why it matters", "Example", "Fix")


class RuleOptions(LazyModel):
    """Base of a rule's options; unknown keys are configuration errors.

    Declared with `scrapelint.rule.Field` (pydantic's arguments), so pydantic
    is imported, and a rule's validator built, only for the options a run is
    given: a run that sets none takes the defaults without it."""

    model_config = dict(extra="forbid", populate_by_name=True, frozen=True, defer_build=True)

    @classmethod
    def from_config(cls, values: dict[str, Any]) -> "RuleOptions":
        """The options a configuration gives; the defaults, unvalidated (there
        is nothing to validate), when it gives none."""
        return cls.model_validate(values) if values else cls.model_construct()


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    fixable: ClassVar[bool] = False
    # Runs on inputs that could not be read at all (only FM005 does).
    checks_unreadable: ClassVar[bool] = False
    # Off unless selected by code, prefix, name or ALL.
    default_enabled: ClassVar[bool] = True
    # Codes of every rule enabled in the run (set by the engine), for rules
    # whose findings defer to one another (DT003 explains what DT001 sees).
    active_codes: frozenset[str] = frozenset()

    class Options(RuleOptions):
        pass

    def __init__(self, options: RuleOptions | None = None, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.effective_severity = severity if severity is not None else self.severity

    # -- metadata -------------------------------------------------------------

    @classmethod
    def family(cls) -> str:
        return cls.code.rstrip("0123456789")

    @classmethod
    def summary(cls) -> str:
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else cls.name

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    # -- checking ---------------------------------------------------------------

    def setup(self, config: Config) -> None:
        """Called once by the engine after the rule is made, with the run's
        configuration (`config.settings`, `config.root`, `config.describe()`),
        for a rule that prepares from more than its options (FM003 loads the
        `schema` the configuration names).  Raise `ConfigError` for a bad
        setting.  The default does nothing."""

    def check(self, doc: Document) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(
        self,
        doc: Document,
        line: int | None,
        message: str,
        *,
        column: int | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
        data: dict | None = None,
    ) -> Finding:
        """A finding of this rule.  `severity` lowers or raises one finding
        (a weak signal reported as a note); the configured override wins.
        `data` holds the numbers behind the message (see `Finding.data`)."""
        if severity is None or self.effective_severity != self.severity:
            severity = self.effective_severity
        extra = {}
        if doc.is_record:  # dataset records: the record's line, no columns; the body lines stay known
            if line is not None:
                extra["body_span"] = (line, end_line or line)
            line, column, end_line, end_column = doc.record_line, None, None, None
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity,
            message=clip(message, MESSAGE_LIMIT),
            path=doc.path,
            line=line,
            column=column if line is not None else None,
            end_line=end_line,
            end_column=end_column,
            fix=fix if (self.fixable and doc.text is not None) else None,
            record=doc.record,
            extra=extra,
            data=data,
        )


class DocRef(NamedTuple):
    """Where a dataset rule's value came from."""

    path: str
    record: str | None
    line: int | None


class DatasetRule(Rule):
    """A rule over the whole run (family DS), in two phases that merge.

    1. `collect(doc)` runs wherever a document is read (a worker process, a
       Dask task) and returns a small picklable value with the line to report
       it at, or None.
    2. The values of a stretch of consecutive documents are folded into a
       partial state (`new_state`, `add`); partial states merge in any tree
       (`merge(left, right)`, left before right in input order), and
       `finish(state)` yields the findings once, in the main process.

    `merge` must be associative and keep input order, so the findings are
    the same whatever the number of workers or the shape of the tree.  The
    default state is the list of `(value, DocRef)` in input order: memory
    grows with the documents that return a value, so keep values small (a
    hash, a normalised URL)."""

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()

    def collect(self, doc: Document) -> tuple[Hashable, int | None] | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def new_state(self) -> Any:
        return []

    def add(self, state: Any, value: Any, ref: DocRef) -> Any:
        state.append((value, ref))
        return state

    def merge(self, left: Any, right: Any) -> Any:
        left.extend(right)
        return left

    def finish(self, state: Any) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    # A rule that learns from the run (DS004) collects and merges in a first
    # pass over the input; `conclude(state)` turns the merged state into what
    # it knows (small, picklable), and in the second pass, the usual run, it
    # is a document rule that knows it (`knowledge`): `prepare(doc)` marks
    # what it knows on each document before any rule reads it, and
    # `check(doc)` reports.
    learns: ClassVar[bool] = False
    knowledge: Any = None

    def conclude(self, state: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def prepare(self, doc: Document) -> None:
        pass

    def dataset_finding(self, ref: DocRef, message: str, severity: Severity | None = None) -> Finding:
        return Finding(code=self.code, name=self.name, severity=self.effective_severity if severity is None else severity,
                       message=message, path=ref.path, line=ref.line, column=1 if ref.line and ref.record is None else None,
                       record=ref.record)


class RegistryError(ValueError):
    pass


class Registry:
    """Every rule class the plugins offer, by code and by name."""

    def __init__(self, rules: Iterable[type[Rule]]) -> None:
        self.by_code: dict[str, type[Rule]] = {}
        self.by_name: dict[str, type[Rule]] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: type[Rule]) -> None:
        if not CODE_RE.match(getattr(rule, "code", "")):
            raise RegistryError(f"rule {rule.__qualname__} has an invalid code {getattr(rule, 'code', None)!r}")
        if not NAME_RE.match(getattr(rule, "name", "")):
            raise RegistryError(f"rule {rule.code} has an invalid name {getattr(rule, 'name', None)!r}")
        for table, key in ((self.by_code, rule.code), (self.by_name, rule.name)):
            other = table.get(key)
            if other is not None and other is not rule:
                raise RegistryError(f"{key!r} is claimed by both {other.__module__}.{other.__qualname__} "
                                    f"and {rule.__module__}.{rule.__qualname__}")
            table[key] = rule

    def __iter__(self) -> Iterator[type[Rule]]:
        return iter(sorted(self.by_code.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.by_code)

    def lookup(self, key: str) -> type[Rule] | None:
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def resolve(self, selector: str) -> list[type[Rule]]:
        """Rules matched by a code (`DT001`), a prefix (`DT`, `DT00`), a name,
        or `ALL`.  Unknown selectors raise RegistryError."""
        sel = selector.strip()
        if sel.upper() == "ALL":
            return list(self)
        rule = self.lookup(sel)
        if rule is not None:
            return [rule]
        prefix = sel.upper()
        matched = [r for r in self if r.code.startswith(prefix)] if re.match(r"^[A-Z]{2,3}[0-9]{0,2}$", prefix) else []
        if not matched:
            raise RegistryError(f"unknown rule selector {selector!r}: use a code (WC001), a prefix (WC), a name "
                                "(word-count-mismatch) or ALL; `scrapelint rules` lists them")
        return matched

    def select(self, select: list[str] | None, extend_select: list[str], ignore: list[str]) -> list[type[Rule]]:
        """ruff's rule: `select` replaces the default set, `extend-select`
        adds to it, `ignore` removes; a more specific selector is not needed."""
        if select is None:
            chosen = {r.code for r in self if r.default_enabled}
        else:
            chosen = {r.code for s in select for r in self.resolve(s)}
        chosen |= {r.code for s in extend_select for r in self.resolve(s)}
        chosen -= {r.code for s in ignore for r in self.resolve(s)}
        return [r for r in self if r.code in chosen]


_REGISTRY: Registry | None = None


def get_registry() -> Registry:
    """All rules offered by the loaded plugins (built in and third party)."""
    global _REGISTRY
    if _REGISTRY is None:
        from scrapelint.plugin import get_plugin_manager

        rules: list[type[Rule]] = []
        for batch in get_plugin_manager().hook.scrapelint_rules():
            rules.extend(batch or ())
        _REGISTRY = Registry(rules)
    return _REGISTRY
