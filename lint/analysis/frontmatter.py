"""Editing a front-matter value as written: shared by the families that fix
metadata (TI strips a site name from the title, UR cleans a source URL).

A fix must give exactly the intended value once the front matter is read
again, so every candidate edit is checked by reading the edited scalar back
in the document's format (YAML or TOML).
"""

from __future__ import annotations

import json

from scrapelint.findings import Edit


def loads_scalar(raw: str, fmt: str):
    """A scalar as the front matter's format reads it (FAILED if it does not)."""
    if fmt == "yaml":
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            return yaml.load("k: " + raw, Loader=loader)["k"]  # noqa: S506 - a safe loader
        except Exception:
            return FAILED
    if fmt == "toml":
        try:
            import tomllib
        except ModuleNotFoundError:  # pragma: no cover - Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            return tomllib.loads("k = " + raw)["k"]
        except Exception:
            return FAILED
    return FAILED


FAILED = object()


def value_edit(doc, key: str, new_value: str, cut: tuple[int, int] | None = None) -> Edit | None:
    """An edit that makes `key`'s value `new_value`, touching as little of
    the value as written as it can: only `cut` (offsets into the value) when
    the value is written without escapes, else the whole value re-quoted in
    the same style.  None when no edit is known to give exactly `new_value`."""
    span = doc.value_span(key)
    if span is None or doc.meta_format not in ("yaml", "toml"):
        return None
    s, e = span
    raw = doc.text[s:e]
    old = doc.meta.get(key)
    if not isinstance(old, str):
        return None
    fmt = doc.meta_format
    # TOML's value span can run into a trailing comment: keep to the string.
    if fmt == "toml" and raw[:1] in "\"'":
        q = raw[0] * 3 if raw.startswith(raw[0] * 3) else raw[0]
        close = raw.find(q, len(q))
        while q == '"' and close > 0 and raw[close - 1] == "\\":
            close = raw.find(q, close + 1)
        if close < 0:
            return None
        raw = raw[: close + len(q)]
        e = s + len(raw)
    candidates: list[Edit] = []
    if cut is not None:
        inner_off = None
        if raw == old:  # plain scalar
            inner_off = 0
        elif raw[:1] in "\"'" and raw[1:-1] == old and len(raw) == len(old) + 2:
            inner_off = 1
        if inner_off is not None:
            edit = Edit(s + inner_off + cut[0], s + inner_off + cut[1], "")
            removed = old[cut[0]:cut[1]]
            if inner_off == 1 and raw[0] not in removed and "\\" not in raw and fmt == "yaml":
                return edit  # a quoted value without escapes stays the same string minus the cut
            candidates.append(edit)
    quote = raw[:1]
    if quote == "'":
        if fmt == "yaml":
            candidates.append(Edit(s, e, "'" + new_value.replace("'", "''") + "'"))
        elif "'" not in new_value and "\n" not in new_value:
            candidates.append(Edit(s, e, "'" + new_value + "'"))
    candidates.append(Edit(s, e, json.dumps(new_value, ensure_ascii=False)))
    for edit in candidates:
        new_raw = raw[: edit.start - s] + edit.replacement + raw[edit.end - s:]
        if loads_scalar(new_raw, fmt) == new_value:
            return edit
    return None
