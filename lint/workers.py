"""Worker processes that die with the main process, whatever kills it.

A SIGKILL to the main process gives it no chance to stop its pool, and a
forked worker would go on fixing files for nobody.  So each worker:

- asks Linux to send it SIGKILL when its parent dies (`prctl
  PR_SET_PDEATHSIG`, through ctypes: no dependency), and checks at once that
  the parent did not die before that was set;
- runs a watchdog thread that polls its parent's pid (every platform; a
  reparented worker sees another parent) and exits;
- checks `parent_alive()` right before a fix replaces a file, so nothing is
  written once the main process is gone, even in the window before either
  of the above acts.

The main process stops its workers itself when it unwinds (SIGTERM,
Ctrl-C, an error, a consumer that stops reading): `stop_pool`.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

WATCH_INTERVAL = 0.2  # seconds between two looks at the parent
_PARENT: int | None = None  # the main process's pid, in a worker


def watch_parent(parent_pid: int) -> None:
    """Make this worker die with `parent_pid` (call first in the worker)."""
    global _PARENT
    _PARENT = parent_pid
    # the main process's SIGTERM handler unwinds the run: a worker must just stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    if not parent_alive():  # died before the death signal was armed
        os._exit(1)
    threading.Thread(target=_watchdog, name="scrapelint-parent-watchdog", daemon=True).start()


def parent_alive() -> bool:
    """False in a worker whose main process is gone (True in the main process)."""
    return _PARENT is None or os.getppid() == _PARENT


def _watchdog() -> None:
    while True:
        time.sleep(WATCH_INTERVAL)
        if not parent_alive():
            os._exit(1)


def stop_pool(pool) -> None:
    """Stop a ProcessPoolExecutor now: cancel what is queued and end the
    workers (shutdown alone would wait for every submitted unit)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way to reach them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.kill()
        except (OSError, ValueError):
            pass
    for process in processes:
        process.join(timeout=5)
