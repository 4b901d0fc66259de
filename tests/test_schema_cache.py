"""FM003's compiled schema check is kept between runs and checks as fastjsonschema does."""

from __future__ import annotations

import json
import os

import fastjsonschema

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


def test_the_kept_validator_agrees_with_fastjsonschema(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    schema_json = json.dumps(load("article.schema.json"), sort_keys=True)
    reference = fastjsonschema.compile(json.loads(schema_json))
    generated = frontmatter._compiled_validator(schema_json)
    kept = [name for name in os.listdir(tmp_path / "scrapelint") if name.startswith("schema-")]
    assert len(kept) == 1
    from_cache = frontmatter._compiled_validator(schema_json)  # read back, not generated
    outcomes = [_outcome(reference, i) for i in INSTANCES]
    assert True in outcomes and False in outcomes
    assert [_outcome(generated, i) for i in INSTANCES] == outcomes
    assert [_outcome(from_cache, i) for i in INSTANCES] == outcomes


def test_a_damaged_cache_file_is_regenerated(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    schema_json = json.dumps(load("article.schema.json"), sort_keys=True)
    frontmatter._compiled_validator(schema_json)
    (kept,) = (tmp_path / "scrapelint").glob("schema-*")
    kept.write_bytes(b"not marshal data")
    validate = frontmatter._compiled_validator(schema_json)
    assert _outcome(validate, INSTANCES[0]) and not _outcome(validate, INSTANCES[2])


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
