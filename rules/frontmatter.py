"""FM: the front matter itself: present, parseable, valid, unambiguous."""

from __future__ import annotations

import datetime as _dt
import json
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterator

from scrapelint.findings import Finding, Severity, quote
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule


class MissingFrontMatter(Rule):
    """The Markdown file has no front matter.

    What it checks: a Markdown document that does not start with a front-matter
    block (`---` YAML, `+++` TOML, or a JSON object on the first line).

    Why it matters: without front matter nothing says where the article came
    from, when it was published or what its title is; every metadata check
    is blind and downstream tools drop or mislabel the file.

    Example:

        # Kremlin neither confirms nor denies Trump-Putin call
        MOSCOW, Feb 10 (Reuters) - ...

    Fix: add the metadata the scraper saw:

        ---
        title: "Kremlin neither confirms nor denies Trump-Putin call"
        source: https://www.reuters.com/world/europe/...
        date: 2025-02-10
        ---
    """

    code, name = "FM001", "missing-front-matter"
    severity = Severity.ERROR

    def check(self, doc) -> Iterator[Finding]:
        if doc.meta_format is None and not doc.is_record:
            yield self.finding(doc, 1, "no front matter: the file does not start with a `---` (YAML), "
                               "`+++` (TOML) or `{` (JSON) block", column=1)


class FrontMatterSyntax(Rule):
    """The front matter cannot be parsed.

    What it checks: YAML, TOML or JSON front matter that its parser rejects,
    that is never closed, or that is not a mapping of keys to values.  The
    finding points at the line and column the parser names.

    Why it matters: a scraper that writes unescaped quotes or colons into a
    title produces front matter that some tools read, some reject, and some
    read differently; nothing after the error is checked.

    Example:

        ---
        title: "He said "no" to the deal"
        ---

    Fix: quote the value properly (`title: 'He said "no" to the deal'`), or
    close the block with a `---` line.
    """

    code, name = "FM002", "front-matter-syntax"
    severity = Severity.ERROR

    def check(self, doc) -> Iterator[Finding]:
        if doc.fm_error is not None:
            message, line, column = doc.fm_error
            yield self.finding(doc, line, message, column=column)


class FrontMatterSchema(Rule):
    """The front matter does not match the article schema.

    What it checks: the front matter validated with JSON Schema against
    `schemas/article.schema.json` (or the schema named by the `schema`
    configuration key): `title` a non-empty string, `source` an absolute
    http(s) URL, `date` a full ISO 8601 date or date-time, `description` a
    string, `word_count` a non-negative integer, `author` a string or a list
    of strings.  Other keys are allowed.  Each violation is reported at the
    line of its key.

    Why it matters: downstream code trusts these types; a `date: June 2019` or
    a `word_count: "1,272"` breaks sorting, filtering and every check that
    compares the metadata with the body.

    Example:

        date: 28/06/2019
        word_count: "1,272"

    Fix: write the values in the expected form (`date: 2019-06-28`,
    `word_count: 1272`), or point `schema` at a schema of your own.
    """

    code, name = "FM003", "front-matter-schema"
    severity = Severity.ERROR

    def setup(self, config) -> None:
        from scrapelint.schemas import load

        path = config.settings.schema_path
        if path:
            from scrapelint.config import ConfigError
            from scrapelint.userschema import SchemaProblem, load_user_schema

            file = (config.root / path) if not Path(path).is_absolute() else Path(path)
            try:
                schema, validator = load_user_schema(file)
            except SchemaProblem as exc:
                raise ConfigError(f"{config.describe()}: `schema` = {quote(path)}: {exc}") from None
            self.checkers = (_Checker(schema, validator),) * 2
        else:
            # dataset records rarely carry a title or an author: the built-in
            # schema's `required` is for articles; a user's schema stays as written
            schema = load("article.schema.json")
            self.checkers = (_Checker(schema), _Checker({k: v for k, v in schema.items() if k != "required"}))

    def check(self, doc) -> Iterator[Finding]:
        if doc.meta_format is None or doc.fm_error is not None or doc.unreadable:
            return
        view, renamed = _canonical_view(doc)
        impossible = _impossible_date(view.get("date"))
        if impossible:
            key = renamed.get("date", "date")
            yield self.finding(doc, doc.key_line(key) or 1, f"`{key}` is {quote(view['date'])}: {impossible}",
                               column=doc.keys[key].column if key in doc.keys else 1)
        checker = self.checkers[doc.is_record]
        if checker.is_valid(view):
            return
        for err in sorted(checker.validator.iter_errors(view), key=lambda e: [str(p) for p in e.absolute_path]):
            key = str(err.absolute_path[0]) if err.absolute_path else None
            key = renamed.get(key, key)
            if err.validator == "required":
                missing = err.message.split("'")[1] if "'" in err.message else err.message
                written = renamed.get(missing, doc.field_key(missing) or missing)
                if written in doc.meta:  # present, but null
                    yield _about(self.finding(doc, doc.key_line(written) or 1, f"required key `{written}` is empty",
                                              column=1), written)
                else:
                    yield _about(self.finding(doc, doc.key_line(None) or 1, f"required key `{missing}` is missing",
                                              column=1), written)
                continue
            where = f"`{'.'.join([key, *(str(p) for p in list(err.absolute_path)[1:])])}`" if key else "front matter"
            expected = err.schema.get("description") if isinstance(err.schema, dict) else None
            value = err.instance
            shown = quote(value, 60)
            message = f"{where} is {shown}: {_explain(err)}"
            if expected and err.validator != "required":
                message += f"; expected {expected[0].lower() + expected.rsplit(': ', 1)[0][1:]}"
            info = doc.keys.get(key) if key else None
            yield _about(self.finding(doc, doc.key_line(key) or 1, message, column=info.column if info else 1), key)


def _about(finding: Finding, key: str | None) -> Finding:
    """Name the key a finding is about (the `field` of --format jsonl and
    of the field coverage in the summary)."""
    if key is not None:
        finding.extra["field"] = key
    return finding


class _Checker:
    """A schema's quick validity check, compiled for the first document it
    checks (a one-file run reads no dataset record: the records' schema is
    never compiled) and, built on the first invalid document, jsonschema's
    validator that explains what is wrong (importing jsonschema costs a
    pre-commit run ~30 ms it rarely needs)."""

    def __init__(self, schema: dict, validator=None) -> None:
        self.schema = schema
        if validator is not None:  # a user's schema: jsonschema only (scrapelint.userschema)
            self.__dict__["validator"] = validator
            self.is_valid = validator.is_valid

    @cached_property
    def is_valid(self):
        return _fast_check(json.dumps(self.schema, sort_keys=True)) or self.validator.is_valid

    @cached_property
    def validator(self):
        import jsonschema

        return jsonschema.validators.validator_for(self.schema)(self.schema)


@lru_cache(maxsize=8)  # once a process: each configuration's FM003 asks for the same schema
def _fast_check(schema_json: str):
    """fastjsonschema's compiled check (`scrapelint.analysis.schemacheck`);
    jsonschema still explains the rare invalid document."""
    from scrapelint.analysis.schemacheck import compiled_check

    return compiled_check(schema_json)


CANONICAL = ("title", "source", "date", "description", "word_count", "author")


def _canonical_view(doc) -> tuple[dict, dict[str, str]]:
    """The metadata with each canonical field also under its canonical name
    (`url` read as `source`, a configured `n_words` as `word_count`), so one
    schema serves every spelling; and canonical name -> the key written.
    In a dataset record a key that its layout reads as something else
    (FineWeb's `date` is the crawl date) is not checked as that field.
    Native dates (TOML `date = 2025-05-20`, a Parquet timestamp) are
    checked as the ISO strings they stand for."""
    view, renamed = doc.meta, {}
    for name in CANONICAL:
        key = doc.field_key(name)
        if key == name:
            continue
        if key is not None and (doc.is_record or name not in doc.meta):
            view = view if view is not doc.meta else dict(doc.meta)
            view[name] = doc.meta[key]
            renamed[name] = key
        elif key is None and doc.is_record and name in view:
            view = view if view is not doc.meta else dict(doc.meta)
            del view[name]
    if any(isinstance(v, (_dt.date, _dt.time)) for v in view.values()):
        view = {k: v.isoformat() if isinstance(v, (_dt.date, _dt.time)) else v for k, v in view.items()}
    if None in view.values():
        # an empty key (`author:`) or a JSON null is an absent value, not a
        # wrongly typed one; if the schema requires it, `required` says so
        view = {k: v for k, v in view.items() if v is not None}
    return view, renamed


_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")


def _impossible_date(value) -> str | None:
    """Why an ISO date that the schema's pattern accepts is not a day of the
    calendar (`2019-02-30`), or None."""
    if not isinstance(value, str):
        return None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12 or day < 1:
        return None  # the schema's pattern says what is wrong
    if year >= 1:
        try:
            _dt.date(year, month, day)
            return None  # a day of the calendar: every valid date, without importing calendar
        except ValueError:
            pass
    import calendar

    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if day <= days:
        return None
    return f"not a day of the calendar ({calendar.month_name[month]} {year} has {days} days)"


def _explain(err) -> str:
    v = err.validator
    if v == "type":
        return f"not of type {err.validator_value}"
    if v == "pattern":
        value = err.instance
        if isinstance(value, str) and value != value.strip():
            return "not in the expected form: it has leading or trailing whitespace"
        return "not in the expected form"
    if v == "minimum":
        return f"less than {err.validator_value}"
    if v == "minLength":
        return "empty"
    if v == "oneOf":
        return "neither a string nor a list of strings" if err.instance is not None else "not allowed"
    return err.message


class DuplicateKey(Rule):
    """A front-matter key appears twice.

    What it checks: YAML front matter in which the same top-level key is
    written more than once.

    Why it matters: YAML parsers silently keep the last value (some reject
    the file), so the title or date you read in the file may not be the one
    every tool sees.  Scrapers produce this when they merge `og:` and
    `<meta>` values without deduplicating.

    Example:

        date: 2025-02-10
        date: 2019-06-28

    Fix: keep one of the two lines, the one that is right.
    """

    code, name = "FM004", "duplicate-key"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Finding]:
        for key, line, first in doc.duplicate_keys:
            yield self.finding(doc, line, f"key `{key}` appears again (first on line {first}); "
                               f"YAML keeps this last value: {quote(doc.meta.get(key))}", column=1)


class UnreadableDocument(Rule):
    """The input cannot be read as a document.

    What it checks: binary files, bytes that are not UTF-8 (latin-1 or cp1252
    exports), files over `max-file-size`, broken JSONL lines, records that
    are not objects, unreadable Parquet files, files that cannot be opened.

    Why it matters: every other rule is blind on such an input.  The rest of
    the run goes on; this finding says which file (and which line) to mend.

    Example: an article saved as latin-1: `Caf\\xe9` is byte 0xE9, which is
    not UTF-8; or a JSONL line cut in half by a crashed writer.

    Fix: re-encode the file as UTF-8 (`iconv -f cp1252 -t utf-8`), remove or
    rewrite the broken line, or raise `max-file-size`.
    """

    code, name = "FM005", "unreadable-document"
    severity = Severity.ERROR
    checks_unreadable = True

    def check(self, doc) -> Iterator[Finding]:
        if doc.unreadable:
            yield self.finding(doc, doc.unreadable_line or (doc.record_line if doc.is_record else 1), doc.unreadable)


@hookimpl
def scrapelint_rules():
    return [MissingFrontMatter, FrontMatterSyntax, FrontMatterSchema, DuplicateKey, UnreadableDocument]
