"""A report file written whole or not at all.

`--output FILE` is written to a temporary file beside FILE and renamed over
it only when the run has finished: a crash, Ctrl-C or SIGTERM in the middle
leaves FILE as it was (or absent), never a half-written SARIF or JSON that
code scanning rejects.
"""

from __future__ import annotations

import os
import tempfile


class AtomicOutput:
    def __init__(self, path: str) -> None:
        self.path = path
        folder = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)  # what open(path, "w") would have made
        self.stream = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> int:
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def commit(self) -> None:
        """Put the finished report in place."""
        self.stream.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        """Leave the report file as it was."""
        self.stream.close()
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass
