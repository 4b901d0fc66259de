"""FM003's compiled schema check is kept between runs and checks as fastjsonschema does
(`scrapelint.analysis.schemacheck`)."""

from __future__ import annotations

import json
import os
from decimal import Decimal

import fastjsonschema
import pytest

from scrapelint.analysis import schemacheck
from scrapelint.rules import frontmatter
from scrapelint.schemas import load

INSTANCES = [
    {"title": "Harbour opens", "source": "https://example.org/harbour", "date": "2025-02-10", "word_count": 412},
    {"title": "Harbour opens", "source": "ftp://example.org/harbour"},
    {"title": 12, "word_count": "1,272"},
    {"word_count": -3, "author": ["A. Writer", "B. Editor"]},
    {},
]


def _outcome(validate, instance) -> bool:
    try:
        validate(instance)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


def _kept_files(tmp_path) -> list[str]:
    return [name for name in os.listdir(tmp_path / "scrapelint") if name.startswith("schema-")]


def test_the_kept_check_agrees_with_fastjsonschema(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    schema_json = json.dumps(load("article.schema.json"), sort_keys=True)
    reference = fastjsonschema.compile(json.loads(schema_json))
    generated = schemacheck.compiled_check(schema_json)
    assert len(_kept_files(tmp_path)) == 1
    from_cache = schemacheck.compiled_check(schema_json)  # read back, not generated
    outcomes = [_outcome(reference, i) for i in INSTANCES]
    assert True in outcomes and False in outcomes
    assert list(map(generated, INSTANCES)) == list(map(from_cache, INSTANCES)) == outcomes


def test_the_kept_code_imports_neither_fastjsonschema_nor_decimal(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    schema_json = json.dumps(load("article.schema.json"), sort_keys=True)
    _, code = schemacheck._generate(schema_json)
    assert not {"fastjsonschema", "decimal"} & set(code.co_names)  # the module's own names: no import of either
    validate, invalid = schemacheck._validator(schema_json)
    assert invalid == (schemacheck.Invalid, schemacheck.Invalid)
    with pytest.raises(schemacheck.Invalid):
        validate(INSTANCES[2])


@pytest.mark.parametrize("schema, instances", [
    # a number's type check: a Decimal (a Parquet decimal column) is a number, as fastjsonschema says
    ({"type": "object", "properties": {"n": {"type": "number", "minimum": 0}}},
     [{"n": Decimal("2.5")}, {"n": Decimal("-1")}, {"n": 3}, {"n": "3"}, {"n": True}]),
    # multipleOf divides Decimals: that code keeps its import of decimal
    ({"type": "object", "properties": {"n": {"type": "number", "multipleOf": 0.1}}},
     [{"n": 0.3}, {"n": 0.35}, {"n": 7}]),
])
def test_numbers_are_checked_as_fastjsonschema_checks_them(tmp_path, monkeypatch, schema, instances):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    schema_json = json.dumps(schema, sort_keys=True)
    reference = fastjsonschema.compile(schema)
    check = schemacheck.compiled_check(schema_json)
    outcomes = [_outcome(reference, i) for i in instances]
    assert True in outcomes and False in outcomes
    assert list(map(check, instances)) == outcomes
    assert isinstance(Decimal("1"), schemacheck.AnyDecimal) and not isinstance(1.5, schemacheck.AnyDecimal)


def test_a_damaged_cache_file_is_regenerated(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    schema_json = json.dumps(load("article.schema.json"), sort_keys=True)
    schemacheck.compiled_check(schema_json)
    (kept,) = (tmp_path / "scrapelint").glob("schema-*")
    kept.write_bytes(b"not marshal data")
    check = schemacheck.compiled_check(schema_json)
    assert check(INSTANCES[0]) and not check(INSTANCES[2])


def test_a_schema_fastjsonschema_cannot_compile_has_no_quick_check(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert schemacheck.compiled_check(json.dumps({"type": "object", "properties": {"a": {"type": "nope"}}})) is None


def test_impossible_dates_and_real_ones():
    # a real day takes the fast path; only an impossible one is explained
    assert frontmatter._impossible_date("2024-02-29") is None
    assert frontmatter._impossible_date("2025-12-31T23:59:00Z") is None
    assert frontmatter._impossible_date("2023-02-29") == "not a day of the calendar (February 2023 has 28 days)"
    assert frontmatter._impossible_date("2025-04-31") == "not a day of the calendar (April 2025 has 30 days)"
    # year 0 is not in Python's calendar: any month may have 31 days
    assert frontmatter._impossible_date("0000-02-31") is None
    assert frontmatter._impossible_date("0000-02-32") == "not a day of the calendar (February 0 has 31 days)"
    # what the schema's pattern reports itself
    assert frontmatter._impossible_date("2025-13-01") is None and frontmatter._impossible_date(20250101) is None
