"""The JSON, JSONL and SARIF reports encode a process's first values with
the standard encoder, then with orjson, which must write the same text; and
the standard encoder takes the text orjson refuses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scrapelint.reporters.json import STANDARD_FIRST, Encoder

# every ASCII control character, quotes, backslash, line separators, BOM,
# zero-width space, astral characters: what a scraped page may hold
AWKWARD = "".join(map(chr, range(0x80))) + "\u2028\u2029\u00e9\u200b\ufeff\U0001f600\U0010ffff\"\\/"
VALUES = [
    [{"code": "NV001", "message": "“Newsletter” — ferry ⛴", "line": 3, "fix": None, "record": 7}],
    [{"message": AWKWARD, "line": None, "safe": True, "unsafe": False, "big": 10**18, "neg": -1,
      "fix": {"edits": [{"start": {"line": 2, "column": 1}, "content": AWKWARD}], "empty": {}, "none": []}}],
]


def encoded_so_far(n: int) -> Encoder:
    """An encoder that has encoded `n` values."""
    encoder = Encoder()
    encoder.encoded = n
    return encoder


@pytest.mark.parametrize("value", VALUES)
def test_orjson_and_the_standard_encoder_write_the_same_text(value):
    standard = encoded_so_far(0).encode(value)
    fast = encoded_so_far(STANDARD_FIRST).encode(value)
    assert fast == standard and json.loads(fast) == value


def test_orjson_is_imported_only_after_the_process_first_values():
    # the JSON, JSONL and SARIF reports share the process's encoder
    script = (
        "import sys\n"
        "from scrapelint.reporters import json, jsonl, sarif\n"
        "assert jsonl.encode is sarif.encode is json.encode and json.encode.__self__ is json.PROCESS_ENCODER\n"
        "for _ in range(json.STANDARD_FIRST): json.encode([{'code': 'NV001'}])\n"
        "print('orjson' in sys.modules)\n"
        "json.encode([{'code': 'NV001'}])\n"
        "print('orjson' in sys.modules, json.PROCESS_ENCODER.encoded)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", str(STANDARD_FIRST + 1)]


def test_a_lone_surrogate_is_left_to_the_standard_encoder_not_an_error():
    value = {"message": "bytes \udcff read with surrogateescape"}
    for n in (0, STANDARD_FIRST):
        text = encoded_so_far(n).encode(value)
        assert text == json.dumps(value, ensure_ascii=False, separators=(",", ":")) and json.loads(text) == value
