"""Markdown with front matter -> Document, with exact line numbers.

python-frontmatter's handlers decide what counts as a front-matter boundary
(YAML `---`, TOML `+++`, JSON `{`), so a file is read as front matter exactly
when `frontmatter.load` would read it so.  The parsing itself is done here,
because python-frontmatter's `split` keeps no positions, and every finding
must point at the line of its key: YAML goes through libyaml's node tree
(one parse gives both the values and each key's line and column).

Bytes in, Document out; nothing here raises for bad input: an unreadable
file becomes a Document with `unreadable` set, a syntax error `fm_error`.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from frontmatter.default_handlers import JSONHandler, YAMLHandler

from scrapelint.document import Document, KeyInfo
from scrapelint.safeload import InputLimit, Limits, check_depth, check_yaml_graph, python_limit_message

try:  # libyaml when PyYAML was built with it (every wheel is)
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """Safe loader that keeps timestamps as the strings they were written as:
    the date rules want `2019-06-28T10:00:00+02:00` as written, and an
    impossible date (`2019-02-30`) must be a finding, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_YAML_OPEN = YAMLHandler.FM_BOUNDARY  # ^-{3,}\s*$
_YAML_CLOSE = re.compile(r"^(?:-{3,}|\.{3})[ \t]*\r?$", re.MULTILINE)
_TOML_OPEN = re.compile(r"^\+{3,}\s*$")  # python-frontmatter's TOMLHandler boundary
_TOML_CLOSE = re.compile(r"^\+{3,}[ \t]*\r?$", re.MULTILINE)
_JSON_OPEN = JSONHandler.FM_BOUNDARY  # ^(?:{|})$
_TOML_KEY = re.compile(r"^[ \t]*(\"[^\"]+\"|'[^']+'|[A-Za-z0-9_-]+)[ \t]*=[ \t]*(.*?)[ \t]*\r?$")
_TOML_TABLE = re.compile(r"^[ \t]*\[")
_TOML_SCALAR = re.compile(r"^(\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^\s#\"'\[{]+)[ \t]*(?:#.*)?$")

BINARY_SNIFF = 8192


def decode(data: bytes) -> tuple[str | None, bool, str | None, int | None]:
    """(text, had_bom, why_unreadable, line_of_problem)."""
    if b"\x00" in data[:BINARY_SNIFF]:
        nul = data.index(b"\x00")
        return None, False, f"binary file (NUL byte at offset {nul}), not a text document", None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return (
            None,
            False,
            f"not valid UTF-8: byte 0x{data[exc.start]:02X} at line {line}, column {column} "
            "(re-encode the file as UTF-8; it looks like latin-1 or cp1252)",
            line,
        )
    if text.startswith("\ufeff"):
        return text[1:], True, None, None
    return text, False, None, None


def parse_markdown(data: bytes, path: str, field_map: dict[str, str] | None = None, limits: Limits = Limits()) -> Document:
    text, bom, why, why_line = decode(data)
    if text is None:
        return Document(path, unreadable=why, unreadable_line=why_line)
    return parse_markdown_text(text, path, field_map, bom=bom, limits=limits)


def _first_line(text: str) -> tuple[str, int]:
    """The first line (without its ending) and the offset just past it."""
    nl = text.find("\n")
    if nl < 0:
        return text.rstrip("\r"), len(text)
    return text[:nl].rstrip("\r"), nl + 1


def parse_markdown_text(text: str, path: str, field_map: dict[str, str] | None = None, *, bom: bool = False,
                        limits: Limits = Limits()) -> Document:
    first, after_first = _first_line(text)
    common = {"text": text, "field_map": field_map, "bom": bom}
    if _YAML_OPEN.match(first):
        fmt, close_re = "yaml", _YAML_CLOSE
    elif _TOML_OPEN.match(first):
        fmt, close_re = "toml", _TOML_CLOSE
    elif _JSON_OPEN.match(first) and first == "{":
        return _parse_json(text, path, common, limits)
    else:
        return Document(path, body=text, body_start_line=1, meta_format=None, **common)

    close = close_re.search(text, after_first)
    if close is None:
        return Document(
            path,
            body=text[after_first:],
            body_start_line=2,
            meta_format=fmt,
            fm_error=(f"the front matter opened on line 1 with {first!r} is never closed", 1, 1),
            **common,
        )
    fm_text = text[after_first : close.start()]
    close_line = text.count("\n", 0, close.start()) + 1
    nl = text.find("\n", close.end())
    body_offset = len(text) if nl < 0 else nl + 1
    base = {
        "body": text[body_offset:],
        "body_start_line": close_line + 1,
        "meta_format": fmt,
        "fm_end_line": close_line,
        **common,
    }
    if fmt == "yaml":
        return _parse_yaml(fm_text, after_first, path, base, limits)
    return _parse_toml(fm_text, after_first, path, base, limits)


class _FileLines:
    """File line and column of a character offset into the front matter.

    libyaml counts a lone CR (and NEL, U+2028, U+2029) as a line break; the
    file's lines are split at LF only, so its marks' line numbers can run
    past the block.  Offsets do not lie."""

    def __init__(self, fm_text: str) -> None:
        self.starts = [0]
        start = fm_text.find("\n")
        while start >= 0:
            self.starts.append(start + 1)
            start = fm_text.find("\n", start + 1)

    def of(self, index: int) -> tuple[int, int]:
        from bisect import bisect_right

        n = bisect_right(self.starts, index) - 1
        return n + 2, index - self.starts[n] + 1  # +1 for 1-based, +1 for the opening ---


def _parse_yaml(fm_text: str, fm_offset: int, path: str, base: dict[str, Any], limits: Limits) -> Document:
    if not fm_text.strip():
        return Document(path, meta={}, **base)
    loader = _Loader(fm_text)
    lines = _FileLines(fm_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(path, meta={}, **base)
        check_yaml_graph(node, limits.max_yaml_nodes, limits.max_nesting_depth)
        if not isinstance(node, yaml.MappingNode):
            kind = {"ScalarNode": "a single value", "SequenceNode": "a list"}.get(type(node).__name__, "not a mapping")
            return Document(path, meta={}, fm_error=(f"the front matter is {kind}, not a mapping of keys to values", 2, 1), **base)
        keys: dict[str, KeyInfo] = {}
        duplicates: list[tuple[str, int, int]] = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            line, column = lines.of(key_node.start_mark.index)
            if key in keys:
                duplicates.append((key, line, keys[key].line))
            start = end = None
            if isinstance(value_node, yaml.ScalarNode) and value_node.start_mark.line == value_node.end_mark.line:
                start = fm_offset + value_node.start_mark.index
                end = fm_offset + value_node.end_mark.index
            keys[key] = KeyInfo(line, column, start, end)
        meta = loader.construct_document(node)
    except InputLimit as exc:
        return Document(path, meta={}, fm_error=(str(exc), 2, 1), **base)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = lines.of(min(mark.index, len(fm_text))) if mark else (2, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        return Document(path, meta={}, fm_error=(f"invalid YAML: {problem}", line, column), **base)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        why = python_limit_message(exc) or f"invalid YAML: {exc}"
        return Document(path, meta={}, fm_error=(why, 2, 1), **base)
    finally:
        loader.dispose()
    if not isinstance(meta, dict):  # pragma: no cover - guarded by the node check
        meta = {}
    return Document(path, meta=meta, keys=keys, duplicate_keys=duplicates, **base)


def _parse_toml(fm_text: str, fm_offset: int, path: str, base: dict[str, Any], limits: Limits) -> Document:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        meta = tomllib.loads(fm_text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(m.group(1)) + 1, int(m.group(2))) if m else (2, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        return Document(path, meta={}, fm_error=(f"invalid TOML: {message}", line, column), **base)
    except (RecursionError, ValueError) as exc:  # Python's limits: huge integers, deep nesting
        return Document(path, meta={}, fm_error=(python_limit_message(exc) or f"invalid TOML: {exc}", 2, 1), **base)
    try:
        check_depth(meta, limits.max_nesting_depth)
    except InputLimit as exc:
        return Document(path, meta={}, fm_error=(str(exc), 2, 1), **base)
    keys: dict[str, KeyInfo] = {}
    offset = fm_offset
    for i, raw in enumerate(fm_text.split("\n")):
        if _TOML_TABLE.match(raw):
            break  # keys below a [table] header are not top-level
        m = _TOML_KEY.match(raw)
        if m:
            key = m.group(1).strip("\"'")
            value = m.group(2)
            scalar = _TOML_SCALAR.match(value)
            value = scalar.group(1) if scalar else value  # leave a trailing `# comment` out of the span
            start = offset + m.start(2)
            keys.setdefault(key, KeyInfo(i + 2, m.start(1) + 1, start if value else None, start + len(value) if value else None))
        offset += len(raw) + 1
    return Document(path, meta=meta, keys=keys, **base)


def _parse_json(text: str, path: str, common: dict[str, Any], limits: Limits) -> Document:
    try:
        meta, end = json.JSONDecoder().raw_decode(text)
        check_depth(meta, limits.max_nesting_depth)
    except json.JSONDecodeError as exc:
        return Document(
            path,
            body="",
            body_start_line=exc.lineno + 1,
            meta_format="json",
            fm_error=(f"invalid JSON front matter: {exc.msg}", exc.lineno, exc.colno),
            **common,
        )
    except (RecursionError, ValueError) as exc:  # InputLimit, or Python's limits: huge integers, deep nesting
        why = str(exc) if isinstance(exc, InputLimit) else python_limit_message(exc) or f"invalid JSON front matter: {exc}"
        return Document(path, body="", body_start_line=2, meta_format="json", fm_error=(why, 1, 1), **common)
    nl = text.find("\n", end)
    body_offset = len(text) if nl < 0 else nl + 1
    close_line = text.count("\n", 0, end) + 1
    keys: dict[str, KeyInfo] = {}
    if isinstance(meta, dict):
        for i, raw in enumerate(text[:end].split("\n")):
            for m in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:', raw):
                keys.setdefault(m.group(1), KeyInfo(i + 1, m.start() + 1))
    else:
        return Document(path, meta={}, body=text[body_offset:], body_start_line=close_line + 1, meta_format="json",
                        fm_end_line=close_line, fm_error=("the JSON front matter is not an object", 1, 1), **common)
    return Document(path, meta=meta, keys=keys, body=text[body_offset:], body_start_line=close_line + 1,
                    meta_format="json", fm_end_line=close_line, **common)
