"""Entry points of a group, without importlib.metadata when nothing changed.

Importing importlib.metadata and reading the metadata of every installed
package cost a one-file run about a tenth of its time, to find the same
dozen entry points every run.  What it found is kept in a small JSON file
under the user's cache folder (`scrapelint.usercache`), one per
interpreter, with a checksum of the state it was found in (the last 16
states: `python -m` in different folders and a console script see
different `sys.path`s): each folder on `sys.path`, the package metadata
folders in it (`*.dist-info`, `*.egg-info`) and the modification time of
each one's `entry_points.txt`.  Installing, removing, upgrading or
re-installing a package (editable or not) changes that state, and the next
run asks importlib.metadata again.  A state changed within the last two
seconds is not trusted (a file system with coarse timestamps could hide a
second change in the same tick).
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import time
import zlib
from typing import Any, NamedTuple

from scrapelint import usercache

CACHE_FORMAT = 3
STATES_KEPT = 16
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
    name = _cache_name()
    state = _state()
    if state is not None:
        cached = _read(name, state, group)
        if cached is not None:
            return cached
    from importlib.metadata import entry_points as scan

    found = list(scan(group=group))
    if state is not None and state == _state():  # nothing changed while scanning
        _write(name, state, group, found)
    return found


def _cache_name() -> str:
    key = zlib.crc32(_interpreter().encode())  # a name: the file itself says whose it is
    return f"entry-points-{key:08x}.json"


def _interpreter() -> str:
    return f"{sys.executable}\0{sys.prefix}\0{sys.version}"


def _state() -> str | None:
    """A checksum of each folder on sys.path with the modification times of
    its packages' entry_points.txt; None when one changed too recently to
    trust."""
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
    text = repr(state).encode()
    return f"{len(text)}-{zlib.crc32(text):08x}-{zlib.adler32(text):08x}"


def _entries(name: str) -> list:
    """The cached states, each {"state": ..., "group": ..., "found": [[name, value], ...]}."""
    data = usercache.read(name)
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or data.get("interpreter") != _interpreter():
        return []
    entries = data.get("entries")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _read(name: str, state: str, group: str) -> list[CachedEntryPoint] | None:
    for entry in _entries(name):
        if entry.get("state") == state and entry.get("group") == group:
            try:
                return [CachedEntryPoint(str(ep), str(value), group) for ep, value in entry["found"]]
            except (KeyError, TypeError, ValueError):
                return None
    return None


def _write(name: str, state: str, group: str, found: list) -> None:
    entry = {"state": state, "group": group, "found": [[ep.name, ep.value] for ep in found]}
    kept = [e for e in _entries(name) if e.get("state") != state or e.get("group") != group]
    usercache.write(name, {"format": CACHE_FORMAT, "interpreter": _interpreter(), "entries": [entry, *kept][:STATES_KEPT]})
