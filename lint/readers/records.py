"""Dataset records (a JSONL line, a Parquet row) as Documents.

Fields may sit in nested objects: a field path is dotted (`metadata.url`),
and a record's metadata answers `meta["metadata.url"]` as well as
`meta["metadata"]["url"]`.

Where no `fields` are configured, the record's layout is recognised by its
keys, and each layout says where its fields are and what they mean:

- `datatrove` (FineWeb and datatrove pipelines): `text`, `id`, and a `dump`
  key or a `metadata` object (`metadata.url`, `metadata.date`,
  `metadata.dump`).  Its `date` is the crawl date (the WARC date), not a
  publication date, so no date is checked.
- `dolma` (Dolma, OLMo data): `text`, `id`, `source`, `added`, `created`.
  `source` names the sub-corpus, not a URL (the URL is `metadata.url`), and
  `created` is a best guess that is often the crawl date: neither is checked
  as the article's source or date.
- `plain` (crawler output): top-level `url`, `title`, `date`, `text`...,
  read with the usual aliases (README, "Canonical fields").

A configured `fields` entry always wins over the layout.
"""

from __future__ import annotations

from typing import Any

from scrapelint.document import DEFAULT_FIELD_ALIASES, Document

_MISSING = object()


class RecordMeta(dict):
    """A record's fields; a dotted key reaches into nested objects when no
    top-level key is spelled with the dot."""

    def __missing__(self, key: str) -> Any:
        value = self._walk(key)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, str) and self._walk(key) is not _MISSING)

    def get(self, key: str, default: Any = None) -> Any:
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        value = self._walk(key)
        return default if value is _MISSING else value

    def _walk(self, key: str) -> Any:
        if not isinstance(key, str) or "." not in key:
            return _MISSING
        node: Any = self
        for part in key.split("."):
            if not isinstance(node, dict) or not dict.__contains__(node, part):
                return _MISSING
            node = dict.__getitem__(node, part)
        return node


def _nested(aliases: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each alias also under `metadata.`: datatrove and Dolma keep what is
    not the text there."""
    return {field: (*keys, *(f"metadata.{k}" for k in keys)) if field != "body" else keys
            for field, keys in aliases.items()}


LAYOUTS: dict[str, dict[str, tuple[str, ...]]] = {
    "plain": DEFAULT_FIELD_ALIASES,
    "datatrove": {**_nested(DEFAULT_FIELD_ALIASES), "body": ("text",), "source": ("url", "metadata.url"), "date": ()},
    "dolma": {**_nested(DEFAULT_FIELD_ALIASES), "body": ("text",), "source": ("metadata.url", "url"), "date": ()},
}


def detect_layout(record: dict) -> str:
    """`datatrove`, `dolma` or `plain`, from the record's keys."""
    meta = record.get("metadata")
    if "added" in record or ("created" in record and "source" in record and "text" in record):
        return "dolma"
    if "dump" in record or (isinstance(meta, dict) and ("dump" in meta or "file_path" in meta)):
        return "datatrove"
    if isinstance(meta, dict) and "text" in record and "url" in meta:
        return "datatrove"
    return "plain"


def _body_key(meta: RecordMeta, aliases: dict[str, tuple[str, ...]], field_map: dict[str, str]) -> str | None:
    configured = field_map.get("body")
    if configured:
        return configured if configured in meta else None
    return next((key for key in aliases["body"] if key in meta), None)


def record_document(record: object, display: str, line: int | None, index: int, settings) -> Document:
    """A dataset record (a JSON object / Parquet row) as a Document."""
    if not isinstance(record, dict):
        return Document(display, record=f"#{index}", record_line=line,
                        unreadable=f"record {index} is a JSON {type(record).__name__}, not an object",
                        unreadable_line=line)
    rid = record.get("id")
    rid = str(rid) if isinstance(rid, (str, int)) and str(rid) else f"#{index}"
    nested = any(isinstance(v, dict) for v in record.values())
    meta = RecordMeta(record) if nested else record  # a dotted path needs nested objects to reach into
    layout = detect_layout(record)
    aliases = LAYOUTS[layout]
    body_key = _body_key(meta, aliases, settings.field_map)
    body = meta.get(body_key) if body_key else None
    if body_key is not None and body_key in record:
        meta = {k: v for k, v in record.items() if k != body_key}
        meta = RecordMeta(meta) if nested else meta
    doc = Document(
        display,
        meta=meta,
        body=body if isinstance(body, str) else "",
        meta_format="record",
        record=rid,
        record_line=line,
        field_map=settings.field_map,
        aliases=aliases,
    )
    doc.record_layout = layout
    doc.body_key = body_key
    return doc
