"""JSON Schemas shipped with scrapelint: the article front matter
(`article.schema.json`) and the configuration (`config.schema.json`)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    return json.loads((HERE / name).read_text(encoding="utf-8"))
