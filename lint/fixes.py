"""Applying fixes: edits on the file's own text, written atomically.

Fixes never re-serialise the YAML: each one replaces a span of the decoded
text (a value as written, a line), so key order, quoting, comments, line
endings and every byte outside the spans stay as they were.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from pathlib import Path

from scrapelint.findings import Edit, Finding


def select_edits(findings: list[Finding], unsafe: bool) -> tuple[list[Finding], list[Edit]]:
    """The findings whose fixes can be applied together, and their edits.

    A fix whose edits overlap an earlier accepted one is left for the next
    run (ruff does the same): its finding stays reported.
    """
    accepted: list[Finding] = []
    edits: list[Edit] = []
    for finding in findings:
        fix = finding.fix
        if fix is None or finding.suppressed or (not fix.safe and not unsafe):
            continue
        if any(e.start < o.end and o.start < e.end or (e.start == e.end == o.start == o.end)
               for e in fix.edits for o in edits):
            continue
        accepted.append(finding)
        edits.extend(fix.edits)
    return accepted, sorted(edits, key=lambda e: (e.start, e.end))


def apply_edits(text: str, edits: list[Edit]) -> str:
    out = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


class FixRefused(OSError):
    """A fix that is not written: the message says why (the file is as it was)."""


def write_atomic(path: Path, text: str, bom: bool, roots: tuple[str, ...] = (),
                 follow_outside: bool = False) -> None:
    """Write a fixed file so that a crash leaves the old file or the new one.

    - The file is written where it really is: through a symbolic link only
      when its target lies inside the checked folders `roots` (or with
      `follow_outside`); the link stays a link.
    - A file the user may not write is not replaced (a writable folder would
      let a rename do it).
    - Mode, owner and group are kept: the new file gets the old one's mode,
      and its owner and group when they differ from ours (as root, or a
      group we are in); when they cannot be kept the fix is refused.
    - A file with several hard links is rewritten in place, so every name
      keeps seeing the same file (a rename would split them); that write is
      not atomic.
    - Nothing is written by a worker whose main process is gone.
    """
    from scrapelint.discovery import inside
    from scrapelint.workers import parent_alive

    real = os.path.realpath(path)
    if roots and not follow_outside and not inside(real, roots):
        raise FixRefused(f"{path} is a link to a file outside the checked folders; not written "
                         "(--follow-outside-links allows it)")
    st = os.stat(real)
    if not stat.S_ISREG(st.st_mode):
        raise FixRefused(f"{path} is not a regular file; not written")
    if not os.access(real, os.W_OK):
        raise FixRefused(f"{path}: no permission to write the file; not replaced")
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    if st.st_nlink > 1:
        _write_in_place(real, data)
        return
    folder, name = os.path.split(real)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".scrapelint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), stat.S_IMODE(st.st_mode))
            mine = os.fstat(f.fileno())
            if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
                try:
                    os.fchown(f.fileno(), st.st_uid, st.st_gid)
                except PermissionError:
                    raise FixRefused(f"{path} belongs to user {st.st_uid}, group {st.st_gid}: replacing it would "
                                     "change its owner; not written (run as its owner)") from None
                os.fchmod(f.fileno(), stat.S_IMODE(st.st_mode))  # chown clears set-id bits
            os.fsync(f.fileno())
        if not parent_alive():
            raise FixRefused(f"{path}: the main process is gone; not written")
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _write_in_place(real: str, data: bytes) -> None:
    from scrapelint.workers import parent_alive

    if not parent_alive():
        raise FixRefused(f"{real}: the main process is gone; not written")
    with open(real, "r+b") as f:
        f.write(data)
        f.truncate()
        f.flush()
        os.fsync(f.fileno())


def _split_lines(text: str) -> list[str]:
    """Lines with their endings, split at `\n` only (str.splitlines also
    splits at U+2028, form feeds and lone CRs, which are not line breaks in
    the file and would make the diff lie about line numbers)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff `patch -p1` / `git apply` accept, with the `\\ No
    newline at end of file` marker where a side ends without one."""
    name = path.replace("\\", "/").lstrip("/")
    out = []
    for line in difflib.unified_diff(_split_lines(before), _split_lines(after), fromfile=f"a/{name}",
                                     tofile=f"b/{name}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
