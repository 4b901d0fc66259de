"""Entry points of a group, without importlib.metadata when nothing changed.

Importing importlib.metadata and reading the metadata of every installed
package cost a one-file run about a tenth of its time, to find the same
dozen entry points every run.  What it found is kept in a small JSON file
under the user's cache folder (`$XDG_CACHE_HOME/scrapelint`, else
`~/.cache/scrapelint`), one per interpreter, with the state it was found
in (the last few states: `python -m` and a console script see different
`sys.path`s): each folder on `sys.path`, the package metadata folders in it
(`*.dist-info`, `*.egg-info`) and the modification time of each one's
`entry_points.txt`.  Installing, removing, upgrading or re-installing a
package (editable or not) changes that state, and the next run asks
importlib.metadata again.  A state changed within the last two seconds is
not trusted (a file system with coarse timestamps could hide a second
change in the same tick); a cache that cannot be read or written is
ignored.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
import time
import zlib
from typing import Any, NamedTuple

CACHE_FORMAT = 2
STATES_KEPT = 4
RACY_NS = 2_000_000_000
# importlib.metadata's own pattern for an entry point's value
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


class CachedEntryPoint(NamedTuple):
    """An entry point read from the cache: what `EntryPoint` offers here."""

    name: str
    value: str
    group: str

    def load(self) -> Any:
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"invalid entry point value {self.value!r}")
        obj = importlib.import_module(match.group("module"))
        for part in filter(None, (match.group("attr") or "").split(".")):
            obj = getattr(obj, part)
        return obj


def entry_points(group: str) -> list:
    """The entry points of `group` (importlib.metadata's, or the cached copy)."""
    path = _cache_path()
    state = _state() if path else None
    if state is not None:
        cached = _read(path, state, group)
        if cached is not None:
            return cached
    from importlib.metadata import entry_points as scan

    found = list(scan(group=group))
    if state is not None and state == _state():  # nothing changed while scanning
        _write(path, state, group, found)
    return found


def _cache_path() -> str | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    key = zlib.crc32(_interpreter().encode())  # a name: the file itself says whose it is
    return os.path.join(base, "scrapelint", f"entry-points-{key:08x}.json")


def _interpreter() -> str:
    return f"{sys.executable}\0{sys.prefix}\0{sys.version}"


def _state() -> list | None:
    """Each folder on sys.path with the modification times of its packages'
    entry_points.txt; None when one changed too recently to trust."""
    now = time.time_ns()
    state: list = []
    for entry in sys.path:
        folder = os.path.abspath(entry or os.curdir)
        packages: list = []
        try:
            with os.scandir(folder) as listing:
                names = sorted(e.name for e in listing if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:  # absent, or a file (a zip): its own time stands for it
            names = []
            try:
                packages.append(os.stat(folder).st_mtime_ns)
            except OSError:
                pass
        for name in names:
            try:
                mtime = os.stat(os.path.join(folder, name, "entry_points.txt")).st_mtime_ns
            except OSError:
                mtime = None
            if mtime is not None and now - mtime < RACY_NS:
                return None
            packages.append([name, mtime])
        state.append([folder, packages])
    return state


def _entries(path: str) -> list:
    """The cached states, each {"state": ..., "group": ..., "found": [[name, value], ...]}."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or data.get("interpreter") != _interpreter():
        return []
    entries = data.get("entries")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _read(path: str, state: list, group: str) -> list[CachedEntryPoint] | None:
    for entry in _entries(path):
        if entry.get("state") == state and entry.get("group") == group:
            try:
                return [CachedEntryPoint(str(name), str(value), group) for name, value in entry["found"]]
            except (KeyError, TypeError, ValueError):
                return None
    return None


def _write(path: str, state: list, group: str, found: list) -> None:
    entry = {"state": state, "group": group, "found": [[ep.name, ep.value] for ep in found]}
    kept = [e for e in _entries(path) if e.get("state") != state or e.get("group") != group]
    data = {"format": CACHE_FORMAT, "interpreter": _interpreter(), "entries": [entry, *kept][:STATES_KEPT]}
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(temporary, path)  # whole or not at all, whoever else writes it
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
