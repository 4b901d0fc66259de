"""Rule case files (`tests/rule_cases/CODE.yml`), after sqlfluff's YAML rule
cases: each case is a Markdown `text`, a dataset `record` (with `fields`),
or `files` (name -> text) linted as a folder (for dataset rules, and for
configuration files); for SL002, `crash: CODE` makes that rule raise;
`also: [CODE, ...]` selects more rules beside the case's own (for rules
that defer to one another; each finding then names its `code`);
an optional `config`, and what the rule
must report on it with only that rule selected: every finding's line,
severity and exact message, and the text after `--fix` when it changes.
A case with no findings is a passing case.

    rule: WC001
    cases:
    - name: stale word count
      text: |
        ---
        word_count: 5
        ...
      config: {rules: {WC001: {tolerance: 0.2}}}   # optional, as [tool.scrapelint]
      findings:
      - {line: 2, severity: warning, message: word_count 5 but the body has 40 words (...)}
      fix: |                                       # optional
        ...

`pytest tests/test_rule_cases.py --update-cases` rewrites `findings` and `fix`
from what the rules report now (ruff's snapshot review, in the file): review
the diff, then commit it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).resolve().parent / "rule_cases"


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str):
    block = "\n" in value and all(line == line.rstrip() for line in value.split("\n")) and value.isprintable() is False \
        and all(ch == "\n" or ch.isprintable() for ch in value)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if block else None)


_Dumper.add_representer(str, _str)


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120),
                    encoding="utf-8")


def all_cases() -> list[tuple[Path, int, str]]:
    """(file, index, id) of every case, in file order."""
    out = []
    for path in sorted(CASES.glob("*.yml")):
        for n, case in enumerate(load(path)["cases"]):
            out.append((path, n, f"{path.stem}:{case['name']}"))
    return out
