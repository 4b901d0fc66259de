"""A report file written whole or not at all.

`--output FILE` is written to a temporary file beside FILE and renamed over
it only when the run has finished: a crash, Ctrl-C or SIGTERM in the middle
leaves FILE as it was (or absent), never a half-written SARIF or JSON that
code scanning rejects.  The temporary file is made with `os.open` (an
exclusive create under a random name), not `tempfile`, whose imports
(shutil, random, the compression modules) cost a pre-commit run more than
it takes to lint its file.
"""

from __future__ import annotations

import os

ATTEMPTS = 100


class AtomicOutput:
    def __init__(self, path: str) -> None:
        self.path = path
        folder = os.path.dirname(os.path.abspath(path))
        for attempt in range(ATTEMPTS):
            self.tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.urandom(6).hex()}.tmp")
            try:
                # 0o666 less the umask: what open(path, "w") would have made
                fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
                break
            except FileExistsError:
                if attempt == ATTEMPTS - 1:
                    raise
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
