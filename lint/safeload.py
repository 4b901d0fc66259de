"""Reading untrusted input within bounds.

Scraped files are untrusted: a FIFO named `x.md` would block a run forever,
a link to `/dev/zero` would fill the memory, a YAML alias bomb expands to
billions of nodes once a rule walks the value, and Python's own parsers
raise (not report) on integers of more than 4,300 digits or on nesting
deeper than the recursion limit.  Every reader goes through here, and every
limit it meets becomes an `InputLimit` whose message names the limit and how
to raise it (the readers turn it into an FM002 or FM005 finding).

- Only regular files are opened; anything else is refused before `open`.
- Reads stop at `max-file-size` bytes whatever `stat` said (devices and
  `/proc` files report size 0).
- YAML node graphs are measured before they are constructed: the node count
  with every alias expanded (`max-yaml-nodes`) and the depth
  (`max-nesting-depth`).
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
DEFAULT_MAX_YAML_NODES = 100_000
DEFAULT_MAX_NESTING_DEPTH = 100
READ_CHUNK = 1 << 20


class Limits(NamedTuple):
    """The parse limits of a configuration (picklable, for the workers)."""

    max_yaml_nodes: int = DEFAULT_MAX_YAML_NODES
    max_nesting_depth: int = DEFAULT_MAX_NESTING_DEPTH


class InputLimit(ValueError):
    """An input over one of the limits; the message says which and how to raise it."""


class Unreadable(Exception):
    """A path that is not read: the message says why (no traceback, no content)."""


def size_limit_message(size: int | None, limit: int) -> str:
    shown = f"{limit / 1048576:.1f} MiB"
    if size is None:
        return (f"file is larger than the max-file-size limit of {shown} "
                "(raise `max-file-size` in the configuration to lint it)")
    return (f"file is {size / 1048576:.1f} MiB, over the max-file-size limit of {shown} "
            "(raise `max-file-size` in the configuration to lint it)")


def file_kind(mode: int) -> str | None:
    """What a non-regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read: a symbolic link loop"
    return f"cannot read: {exc.strerror or exc}"


def _open_regular(path: str | os.PathLike) -> int:
    """A read-only descriptor on a regular file; anything else is refused
    before it is opened (opening a FIFO blocks, opening some devices acts)."""
    try:
        kind = file_kind(os.stat(path).st_mode)
    except OSError as exc:
        if os.path.islink(path):
            raise Unreadable("dangling symbolic link: its target does not exist" if exc.errno == errno.ENOENT
                             else describe_os_error(exc)) from None
        raise Unreadable(describe_os_error(exc)) from None
    if kind is not None:
        raise Unreadable(f"not a regular file but {kind}; not opened")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Unreadable(describe_os_error(exc)) from None
    kind = file_kind(os.fstat(fd).st_mode)  # swapped between stat and open
    if kind is not None:
        os.close(fd)
        raise Unreadable(f"not a regular file but {kind}; not opened")
    return fd


def read_bounded(path: str | os.PathLike, max_size: int) -> bytes:
    """The bytes of a regular file of at most `max_size` bytes."""
    fd = _open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > max_size:
            raise Unreadable(size_limit_message(size, max_size))
        chunks: list[bytes] = []
        total = 0
        while True:  # stat's size is a hint: read until EOF, never past the limit
            chunk = os.read(fd, min(READ_CHUNK, max_size + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_size:
                raise Unreadable(size_limit_message(None, max_size))
        return b"".join(chunks)
    except OSError as exc:
        raise Unreadable(describe_os_error(exc)) from None
    finally:
        os.close(fd)


def open_regular(path: str | os.PathLike) -> IO[bytes]:
    """A binary stream on a regular file (for streamed datasets)."""
    return os.fdopen(_open_regular(path), "rb")


def iter_lines(stream: IO[bytes], max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, raw line) pairs; a line over `max_line` bytes is
    skipped without being held in memory and given as (n, None)."""
    n = 0
    while True:
        raw = stream.readline(max_line + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_line and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = stream.readline(READ_CHUNK)
            yield n, None
            continue
        yield n, raw


# -- parsed values ------------------------------------------------------------


def _int_limit() -> int:
    get = getattr(__import__("sys"), "get_int_max_str_digits", None)
    return get() if get else 0


def python_limit_message(exc: BaseException) -> str | None:
    """The limit a parser error comes from, or None when it is a plain syntax error."""
    if isinstance(exc, RecursionError):
        return ("nested deeper than Python's parser can read (about 1,000 levels; "
                "this limit cannot be raised: flatten the value)")
    text = str(exc)
    if isinstance(exc, ValueError) and "integer string conversion" in text:
        return (f"an integer of more than {_int_limit():,} digits, over Python's limit for reading "
                "integers (raise it with the PYTHONINTMAXSTRDIGITS environment variable)")
    return None


def depth_message(limit: int) -> str:
    return (f"nested more than {limit} levels deep, over the max-nesting-depth limit "
            "(raise `max-nesting-depth` in the configuration)")


def check_depth(value: Any, limit: int) -> None:
    """Raise InputLimit when a parsed value nests deeper than `limit`."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            raise InputLimit(depth_message(limit))
        stack.extend((child, depth + 1) for child in children)


_NOT_READ = object()


def loads_json(data: str | bytes, max_depth: int) -> Any:
    """json.loads whose Python limits (huge integers, deep nesting) and our
    depth limit raise InputLimit; syntax errors stay json.JSONDecodeError.
    orjson reads first (156 vs 344 us on an 8 KiB scraped record, measured);
    what it refuses is read again by json, so broken input, NaN, huge
    integers and UTF-16 keep json's behaviour and messages.  Imported here:
    a Markdown run (a pre-commit hook) never reads JSON lines."""
    import orjson

    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        value = _NOT_READ
    try:
        if value is _NOT_READ:
            value = json.loads(data)
    except (RecursionError, ValueError) as exc:
        if isinstance(exc, (json.JSONDecodeError, UnicodeDecodeError)):
            raise
        why = python_limit_message(exc)
        if why is None:
            raise
        raise InputLimit(why) from None
    if isinstance(value, (dict, list)) and _may_nest(data, max_depth):
        check_depth(value, max_depth)
    return value


def _may_nest(data: str | bytes, limit: int) -> bool:
    """Cheap pre-test: a value cannot nest deeper than its brackets."""
    if isinstance(data, bytes):
        return data.count(b"[") + data.count(b"{") > limit
    return data.count("[") + data.count("{") > limit


def yaml_limit_message(max_nodes: int) -> str:
    return (f"the YAML expands to more than {max_nodes:,} nodes once its aliases are followed "
            "(an alias bomb?), over the max-yaml-nodes limit (raise `max-yaml-nodes` in the configuration)")


def check_yaml_graph(root: Any, max_nodes: int, max_depth: int) -> None:
    """Measure a composed YAML node graph before it is constructed.

    PyYAML's safe loader shares the value of an alias, so a "billion laughs"
    document loads quickly; it is every later walk over the value (schema
    validation, a rule, a message) that expands it.  This counts the nodes
    with every alias expanded, in one pass over the distinct nodes (each
    node's expanded size is computed once), and the depth, and raises
    InputLimit over either limit or on an alias to itself."""
    flat = _flat_size(root)
    if flat is not None and flat[0] <= max_nodes and flat[1] <= max_depth:
        return  # the usual front matter, within both limits (over one, the walk below says which)
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            children = _yaml_children(node)
            size = 1 + sum(sizes[id(c)] for c in children)
            depth = 1 + max((depths[id(c)] for c in children), default=0)
            if size > max_nodes:
                raise InputLimit(yaml_limit_message(max_nodes))
            if depth > max_depth:
                raise InputLimit(depth_message(max_depth))
            sizes[key], depths[key] = size, depth
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise InputLimit("the YAML has an alias inside its own anchor (a recursive value), "
                             "which no other tool reads the same way")
        on_path.add(key)
        stack.append((node, True))
        for child in _yaml_children(node):
            if id(child) in on_path:
                raise InputLimit("the YAML has an alias inside its own anchor (a recursive value), "
                                 "which no other tool reads the same way")
            if id(child) not in sizes:
                stack.append((child, False))


def _flat_size(root: Any) -> tuple[int, int] | None:
    """Size and depth of a mapping whose keys are scalars and whose values
    are scalars or lists of scalars, counted without the general walk (a
    third of reading a document's front matter); None for anything else."""
    value = root.value
    if not isinstance(value, list) or (value and not isinstance(value[0], tuple)):
        return None
    size, depth = 1, 1
    for key, item in value:
        if isinstance(key.value, list):
            return None
        inner = item.value
        if isinstance(inner, list):
            if any(isinstance(part, tuple) or isinstance(part.value, list) for part in inner):
                return None
            size += 2 + len(inner)
            depth = max(depth, 3 if inner else 2)
        else:
            size += 2
            depth = max(depth, 2)
    return size, depth


def _yaml_children(node: Any) -> list:
    value = node.value
    if not isinstance(value, list):
        return []  # a scalar
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) pairs
        return [part for pair in value for part in pair]
    return value
