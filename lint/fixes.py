"""Applying fixes: edits on the file's own text, written atomically.

Fixes never re-serialise the YAML: each one replaces a span of the decoded
text (a value as written, a line), so key order, quoting, comments, line
endings and every byte outside the spans stay as they were.
"""

from __future__ import annotations

import difflib
import os
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


def write_atomic(path: Path, text: str, bom: bool) -> None:
    """Write through a temporary file in the same folder, then rename, so a
    crash leaves the old file or the new one, never half of either.  The
    file's mode is kept; a symbolic link stays a link (its target is
    rewritten)."""
    path = Path(os.path.realpath(path))
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".scrapelint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


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
