"""What a rule reports: a Finding, with an optional Fix made of text Edits."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


QUOTE_LIMIT = 80  # characters of any input a message quotes
MESSAGE_LIMIT = 1000  # characters of a whole message


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` cut to `limit` characters, an ellipsis marking the cut: messages
    quote untrusted input, and a 1 MB title must not become a 1 MB message."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`repr(value)` for a message, at most about `limit` characters of it."""
    return repr(clip(value, limit)) if isinstance(value, str) else clip(repr(value), limit)


class Severity(IntEnum):
    NOTE = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}: use error, warning or note") from None

    def __str__(self) -> str:
        return self.name.lower()


class Edit(NamedTuple):
    """Replace ``text[start:end]`` of the document's text with ``replacement``.

    Offsets are character offsets into `Document.text`, the decoded file as
    it is (newlines untouched, BOM excluded), so a fix rewrites nothing else.
    """

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    message: str
    edits: tuple[Edit, ...]
    safe: bool = True


# The records here are written out rather than made by @dataclass: a
# dataclass compiles its methods from source when its module is imported,
# 2-4 M instructions each, and a pre-commit run on one file imports them all.
class Finding:
    __slots__ = ("code", "name", "severity", "message", "path", "line", "column", "end_line", "end_column",
                 "fix", "record", "suppressed", "extra", "data")

    def __init__(self, code: str, name: str, severity: Severity, message: str, path: str,
                 line: int | None = None, column: int | None = None, end_line: int | None = None,
                 end_column: int | None = None, fix: Fix | None = None,
                 record: str | None = None,  # dataset record id, for JSONL/Parquet input
                 suppressed: bool = False,
                 extra: dict | None = None,  # fingerprint, fix edits' positions: for reporters
                 # the numbers behind the message, for reports that chart them
                 # (DT001-DT003: {"days": ...}; WC001: {"stated", "counted", "error_percent"})
                 data: dict | None = None) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.fix = fix
        self.record = record
        self.suppressed = suppressed
        self.extra = {} if extra is None else extra
        self.data = data

    _SHOWN = ("code", "name", "severity", "message", "path", "line", "column", "end_line", "end_column", "fix", "record")

    def __repr__(self) -> str:
        return f"Finding({', '.join(f'{n}={getattr(self, n)!r}' for n in self._SHOWN)})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    __hash__ = None  # mutable: as a dataclass with eq and without frozen

    def __reduce__(self) -> tuple:
        # the arguments in order rather than pickle's default of a state dict
        # set slot by slot: a parallel run's main process unpickles every
        # finding its workers send, and this way costs it 40% less
        return (Finding, (self.code, self.name, self.severity, self.message, self.path, self.line, self.column,
                          self.end_line, self.end_column, self.fix, self.record, self.suppressed, self.extra,
                          self.data))

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.column or 0, self.code, self.message)
