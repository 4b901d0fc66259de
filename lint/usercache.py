"""Small JSON files under the user's cache folder, for what start-up would
otherwise recompute every run (`$XDG_CACHE_HOME/scrapelint`, else
`~/.cache/scrapelint`).

Each file is written whole or not at all (a temporary file renamed over
it), so concurrent runs never read half a file; one that cannot be read,
holds something else, or cannot be written is ignored: a cache only ever
saves time.  Whoever reads one checks that what it holds was made from the
same inputs (see `scrapelint.entrypoints`, `scrapelint.analysis.phrases`).

Files are named after their inputs, so every Python, environment and
version writes its own: a file is touched when it is read, and a run that
writes one first removes the folder's files (ours only) that no run has
read or written for `UNUSED_FOR` seconds (`_sweep`).
"""

from __future__ import annotations

import json
import os
from typing import Any

UNUSED_FOR = 30 * 24 * 3600  # a file no run has read or written for this long is removed
SWEEP_MOST = 1000  # directory entries one sweep looks at: a bound on a folder filled by something else
_swept = False  # one sweep a process


def path_of(name: str) -> str | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    return os.path.join(base, "scrapelint", name)


def read(name: str) -> Any:
    """The JSON value cached under `name`, or None."""
    data = read_bytes(name)
    try:
        return json.loads(data) if data is not None else None
    except ValueError:
        return None


def write(name: str, value: Any) -> None:
    try:
        data = json.dumps(value).encode()
    except (TypeError, ValueError):
        return
    write_bytes(name, data)


def file_stamps(paths) -> str:
    """Each file's path, size and modification time: what a value computed
    from the files is kept under (`write_marshal`'s `made_from`), so that
    changing, replacing or moving one reads another file.  OSError when a
    file cannot be looked at."""
    return repr([(str(p), st.st_size, st.st_mtime_ns) for p, st in zip(paths, map(os.stat, paths))])


def marshal_name(kind: str, made_from: str) -> str:
    """The file name of a value of `kind` kept under `made_from`."""
    import zlib

    return f"{kind}-{zlib.crc32(made_from.encode()):08x}.marshal"


def read_marshal(name: str, made_from: str) -> Any:
    """The value kept by `write_marshal(name, made_from, value)`, or None when
    the file is missing, unreadable or was made from anything else."""
    import marshal

    data = read_bytes(name)
    if not data:
        return None
    try:
        kept_from, value = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return value if kept_from == made_from else None


def write_marshal(name: str, made_from: str, value: Any) -> None:
    """Keep `value` (marshal's types: code, containers, numbers, strings)
    under `name`, with what it was made from."""
    import marshal

    write_bytes(name, marshal.dumps((made_from, value)))


def read_bytes(name: str) -> bytes | None:
    path = path_of(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    try:
        os.utime(path)  # used now: the sweep keeps it (a syscall a file read, ~5 a run)
    except OSError:
        pass
    return data


def write_bytes(name: str, data: bytes) -> None:
    path = path_of(name)
    if path is None:
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    _sweep(os.path.dirname(path))
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)  # whole or not at all, whoever else writes it
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _sweep(folder: str) -> None:
    """Remove the files of `folder` named as this module names them (and
    the temporary files of writes that never finished) that have not been
    read or written for `UNUSED_FOR` seconds; once a process, looking at no
    more than `SWEEP_MOST` entries."""
    global _swept
    if _swept:
        return
    _swept = True
    import re
    import time
    from itertools import islice

    ours = re.compile(r"[a-z][a-z0-9-]*-[0-9a-f]{8}\.(?:json|marshal)(?:\.\d+\.tmp)?")
    unused_since = time.time() - UNUSED_FOR
    try:
        with os.scandir(folder) as entries:
            for entry in islice(entries, SWEEP_MOST):
                if not ours.fullmatch(entry.name):
                    continue
                try:
                    if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < unused_since:
                        os.unlink(entry.path)
                except OSError:
                    pass  # gone meanwhile, or not ours to remove
    except OSError:
        pass  # no folder yet, or not readable
