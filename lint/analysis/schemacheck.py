"""A JSON schema's quick validity check: fastjsonschema's generated code,
kept between runs and run without importing fastjsonschema.

fastjsonschema turns a schema into Python code, ~40x faster than
jsonschema's interpreter (which costs ~240 us a document, more than reading
and parsing it).  Generating that code and compiling it cost a one-file run
19 M instructions, so the compiled code is kept in the user's cache
(`scrapelint.usercache`, marshalled, as `__pycache__` keeps modules), under
the schema, the installed fastjsonschema's files and the exact interpreter.

The code begins by importing fastjsonschema's exception classes and
`decimal.Decimal`, which cost a run ~10 M instructions more (fastjsonschema
imports all its drafts, decimal imports numbers).  So before it is compiled
those two import lines are taken out and the names are given in its
namespace instead: one exception class for both (the check only tells valid
from invalid: jsonschema explains), and a stand-in for `Decimal` in the
type checks (`isinstance(value, (int, float, Decimal))`) that is exactly
`decimal.Decimal` for every object, since no program holds a Decimal
without having imported decimal.  Code that calls `Decimal(...)` (a
`multipleOf` check) keeps its import; a line written otherwise than
expected is left in place, and its import then binds the real classes.
"""

from __future__ import annotations

import os
import sys
from typing import Callable

FASTJSONSCHEMA_IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
DECIMAL_IMPORT = "from decimal import Decimal\n"
CACHE_FORMAT = 1


class Invalid(ValueError):
    """Raised by the kept code for an invalid instance, where
    fastjsonschema's code raises its JsonSchemaValueException."""

    def __init__(self, message: str = "", *args, **kwargs) -> None:
        super().__init__(message)


class _DecimalType(type):
    def __instancecheck__(cls, value: object) -> bool:
        decimal = sys.modules.get("decimal")
        return decimal is not None and isinstance(value, decimal.Decimal)


class AnyDecimal(metaclass=_DecimalType):
    """`isinstance(value, AnyDecimal)` is `isinstance(value, decimal.Decimal)`,
    without importing decimal."""


def compiled_check(schema_json: str) -> Callable[[object], bool] | None:
    """`is_valid(instance)` for the schema, or None when fastjsonschema cannot
    compile it (jsonschema then checks alone)."""
    try:
        validate, invalid = _validator(schema_json)
    except Exception:  # fastjsonschema.JsonSchemaDefinitionException, or fastjsonschema missing
        return None

    def is_valid(instance) -> bool:
        try:
            validate(instance)
        except invalid:
            return False
        return True

    return is_valid


def _validator(schema_json: str) -> tuple[Callable, tuple]:
    """The schema's validate function and the exceptions it raises."""
    from scrapelint import usercache

    made_from = f"{CACHE_FORMAT}\0{schema_json}\0{_installed_fastjsonschema()}\0{sys.version}"
    name = usercache.marshal_name("schema", made_from)
    kept = usercache.read_marshal(name, made_from)
    if not (type(kept) is tuple and len(kept) == 2 and type(kept[0]) is str and type(kept[1]) is type(_validator.__code__)):
        kept = _generate(schema_json)
        usercache.write_marshal(name, made_from, kept)
    function, code = kept
    namespace: dict = {"JsonSchemaValueException": Invalid, "JsonSchemaValuesException": Invalid, "Decimal": AnyDecimal}
    exec(code, namespace)
    return namespace[function], (namespace["JsonSchemaValueException"], namespace["JsonSchemaValuesException"])


def _generate(schema_json: str) -> tuple[str, object]:
    """(the validate function's name, the compiled code without the imports
    its namespace provides)."""
    import json

    import fastjsonschema
    from fastjsonschema.ref_resolver import RefResolver

    schema = json.loads(schema_json)
    source = fastjsonschema.compile_to_code(schema)
    source = source.replace(FASTJSONSCHEMA_IMPORT, "", 1)
    if "Decimal(" not in source:
        source = source.replace(DECIMAL_IMPORT, "", 1)
    return RefResolver.from_schema(schema).get_scope_name(), compile(source, "<fastjsonschema>", "exec")


def _installed_fastjsonschema() -> str:
    """What the generated code depends on, read without importing
    fastjsonschema: its files' names, sizes and modification times."""
    from importlib.util import find_spec

    from scrapelint import usercache

    spec = find_spec("fastjsonschema")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fastjsonschema")
    folder = spec.submodule_search_locations[0]
    with os.scandir(folder) as entries:
        files = sorted(e.path for e in entries if e.name.endswith(".py"))
    return usercache.file_stamps(files)
