"""Workers die with the main process, whatever the signal, and write nothing
after it is gone (`--fix --jobs 2` over a folder of fixable files).

The main process runs in a session of its own, so its workers are the only
other members of its process group: 2 seconds after the main process is
signalled, the group must be empty, and no file may change after that.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

# slow: thousands of files and real signals; .ci/run's default run covers it
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")]

STALE = "---\ntitle: A headline for file {n}\nword_count: 999\n---\n\n" + "Some plain words in a body. " * 40 + "\n"


def snapshot(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a recycled group id
        return True
    return True


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_workers_die_with_the_main_process(tmp_path, signum):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3000):
        (folder / f"a{n:04}.md").write_text(STALE.format(n=n))
    before = snapshot(folder)
    main = subprocess.Popen([sys.executable, "-m", "scrapelint", "check", "--fix", "--jobs", "2", "--select", "WC001",
                             "--no-progress", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    pgid = main.pid
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # wait until the workers are writing
            if main.poll() is not None:
                pytest.skip("the run finished before it could be interrupted")
            # the articles by name: a fix's temporary file may be renamed away while the folder is listed
            if any((folder / name).read_bytes() != before[name] for name in list(before)[:200]):
                break
            time.sleep(0.05)
        else:
            pytest.fail("no file was fixed within 120 s")
        os.kill(main.pid, signum)
        main.wait(timeout=30)
        time.sleep(2)
        assert not group_alive(pgid), "a worker outlived the main process"
        after = snapshot(folder)
        time.sleep(1)
        assert snapshot(folder) == after, "a file changed after the main process was gone"
        assert any(after[name] != before[name] for name in before)  # it was interrupted mid-run
        for name, data in after.items():  # every file is old or new, never half of either
            assert data == before[name] or b"word_count: 999" not in data
    finally:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
