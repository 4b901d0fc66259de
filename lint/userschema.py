"""A user's JSON Schema (the `schema` configuration key), loaded without
reaching outside.

- No network: a `$ref` that resolves to anything but a file in the schema's
  own folder (or below it) is refused when the configuration loads, and the
  validator's registry retrieves nothing else at run time either (jsonschema
  would otherwise fetch `http` refs, and `file:///etc/passwd` would be read).
  A remote schema is used by saving it next to the one that refers to it.
- User schemas are validated by jsonschema only: fastjsonschema compiles a
  schema into Python source and runs it, and resolves remote refs itself.
  The built-in article schema, which is ours, keeps the compiled check.
- Errors name the file and the place in it, never echo its content.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

MAX_SCHEMA_SIZE = 10 * 1024 * 1024


class SchemaProblem(Exception):
    """Why a schema file is not used (no content of the file in it)."""


def load_user_schema(file: Path) -> tuple[Any, Any]:
    """(schema, a jsonschema validator whose refs stay in the schema's folder)."""
    import jsonschema

    from scrapelint.safeload import Unreadable, read_bounded

    try:
        data = read_bounded(file, MAX_SCHEMA_SIZE)
    except Unreadable as exc:
        raise SchemaProblem(str(exc)) from None
    schema = _parse(data)
    if not isinstance(schema, (dict, bool)):
        raise SchemaProblem(f"not a JSON Schema: the file holds a JSON {type(schema).__name__}, not an object")
    folder = os.path.realpath(file.parent)
    base = file.resolve().as_uri()
    for ref in _refs(schema):
        _check_ref(ref, schema, base, folder)
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(the top level)"
        raise SchemaProblem(f"not a valid JSON Schema: the `{exc.validator}` rule of the meta-schema fails at "
                            f"{where}") from None
    from referencing.jsonschema import DRAFT202012, specification_with

    spec = specification_with(cls.META_SCHEMA.get("$schema", ""), default=DRAFT202012)
    return schema, cls(schema, registry=_registry(base, folder, spec))


def _parse(data: bytes) -> Any:
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise SchemaProblem("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise SchemaProblem(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except (RecursionError, ValueError) as exc:
        from scrapelint.safeload import python_limit_message

        raise SchemaProblem(f"not readable: {python_limit_message(exc) or 'invalid JSON'}") from None


def _refs(schema: Any) -> list[str]:
    found: list[str] = []
    stack = [schema]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in ("$ref", "$dynamicRef", "$recursiveRef") and isinstance(value, str):
                    found.append(value)
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _check_ref(ref: str, schema: Any, base: str, folder: str) -> None:
    if ref.startswith("#"):
        return
    own_id = schema.get("$id") or schema.get("id") if isinstance(schema, dict) else None
    target = urljoin(own_id if isinstance(own_id, str) and own_id else base, ref)
    shown = ref if len(ref) <= 80 else ref[:79] + "\u2026"
    if not _local(target, folder):
        raise SchemaProblem(f"`$ref` {shown!r} points outside the schema's folder (a network address or another "
                            "folder); scrapelint never fetches a schema: save it next to this one and refer to it "
                            "by a relative path")


def _local(uri: str, folder: str) -> bool:
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    real = os.path.realpath(unquote(parts.path))
    return real.startswith(folder.rstrip(os.sep) + os.sep)


def _registry(base: str, folder: str, spec):
    """A referencing registry that retrieves only files in the schema's folder."""
    from referencing import Registry, Resource
    from referencing.exceptions import NoSuchResource

    def retrieve(uri: str):
        target = urljoin(base, uri)
        if not _local(target, folder):
            raise NoSuchResource(ref=uri)
        path = unquote(urlsplit(target).path)
        try:
            from scrapelint.safeload import Unreadable, read_bounded

            return Resource.from_contents(_parse(read_bounded(path, MAX_SCHEMA_SIZE)), default_specification=spec)
        except (Unreadable, SchemaProblem):
            raise NoSuchResource(ref=uri) from None

    return Registry(retrieve=retrieve)
