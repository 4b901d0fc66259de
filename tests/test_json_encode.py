"""The JSON, JSONL and SARIF reports encode a process's first values with
the standard encoder, then with orjson, which must write the same text; and
the standard encoder takes the text orjson refuses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scrapelint.reporters import json as json_report
from scrapelint.reporters.json import encode

# every ASCII control character, quotes, backslash, line separators, BOM,
# zero-width space, astral characters: what a scraped page may hold
AWKWARD = "".join(map(chr, range(0x80))) + "\u2028\u2029\u00e9\u200b\ufeff\U0001f600\U0010ffff\"\\/"
VALUES = [
    [{"code": "NV001", "message": "“Newsletter” — ferry ⛴", "line": 3, "fix": None, "record": 7}],
    [{"message": AWKWARD, "line": None, "safe": True, "unsafe": False, "big": 10**18, "neg": -1,
      "fix": {"edits": [{"start": {"line": 2, "column": 1}, "content": AWKWARD}], "empty": {}, "none": []}}],
]


@pytest.fixture
def encoded_so_far(monkeypatch):
    """Sets how many values this process has encoded."""
    def at(n: int) -> None:
        monkeypatch.setattr(json_report, "_calls", [n])
    return at


@pytest.mark.parametrize("value", VALUES)
def test_orjson_and_the_standard_encoder_write_the_same_text(value, encoded_so_far):
    encoded_so_far(0)
    standard = encode(value)
    encoded_so_far(json_report.STANDARD_FIRST)
    fast = encode(value)
    assert fast == standard and json.loads(fast) == value


def test_orjson_is_imported_only_after_the_first_values():
    script = (
        "import sys\n"
        "from scrapelint.reporters.json import STANDARD_FIRST, encode\n"
        "for _ in range(STANDARD_FIRST): encode([{'code': 'NV001'}])\n"
        "print('orjson' in sys.modules)\n"
        "encode([{'code': 'NV001'}])\n"
        "print('orjson' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_a_lone_surrogate_is_left_to_the_standard_encoder_not_an_error(encoded_so_far):
    value = {"message": "bytes \udcff read with surrogateescape"}
    for n in (0, json_report.STANDARD_FIRST):
        encoded_so_far(n)
        text = encode(value)
        assert text == json.dumps(value, ensure_ascii=False, separators=(",", ":")) and json.loads(text) == value
