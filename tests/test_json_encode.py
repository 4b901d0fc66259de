"""The JSON and JSONL reports encode findings with orjson, and fall back to
the standard encoder for text orjson refuses."""

from __future__ import annotations

import json

from scrapelint.reporters.json import encode


def test_findings_encode_to_the_same_values_as_the_standard_encoder():
    value = [{"code": "NV001", "message": "“Newsletter” — ferry ⛴", "line": 3, "fix": None, "record": 7}]
    assert json.loads(encode(value)) == value


def test_a_lone_surrogate_is_left_to_the_standard_encoder_not_an_error():
    value = {"message": "bytes \udcff read with surrogateescape"}
    text = encode(value)
    assert text == json.dumps(value, ensure_ascii=False) and json.loads(text) == value
