"""The progress bar, seen through a pseudo-terminal: it shows on a terminal
during a 20,000-record run, and never under PRE_COMMIT=1, CI=true or a pipe.

Each run is stopped once the question is answered (the bar appeared, or
three seconds passed without one, three times its one-second delay)."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time

import pytest

from scrapelint.progress import wanted

pty = pytest.importorskip("pty")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

QUIET_FOR = 3.0


@pytest.fixture(scope="module")
def big_jsonl(tmp_path_factory):
    path = tmp_path_factory.mktemp("progress") / "crawl.jsonl"
    with open(path, "w") as f:
        for i in range(20_000):
            f.write(json.dumps({"id": f"r{i}", "url": f"https://site{i % 5}.example/news/{i}",
                                "text": "The harbour ferry is back in service today.",
                                "word_count": 8 if i % 4 else 12}) + "\n")
    return path


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PRE_COMMIT", "GITHUB_ACTIONS")}
    env.update(extra)
    return env


def _stderr_on_a_terminal(path, env, until: str | None) -> str:
    """What the run writes to stderr (a pty) until `until` shows or QUIET_FOR seconds pass."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "scrapelint", "check", str(path), "--format", "json",
                             "--output", os.devnull], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + (60 if until else QUIET_FOR)
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
                if until and until.encode() in seen:
                    break
    finally:
        _stop(proc)
        os.close(master)
    return seen.decode("utf-8", "replace")


def _stop(proc: subprocess.Popen) -> None:
    """End the run and its worker processes (its own process group).  What
    these tests check is the bar; how fast SIGTERM ends a run is
    test_lifetime's, so a run a loaded machine is slow to end is killed."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


def test_a_bar_with_count_rate_findings_and_eta_on_a_terminal(big_jsonl):
    out = _stderr_on_a_terminal(big_jsonl, _env(), until="findings")
    assert "scrapelint" in out and "/20000" in out and "docs" in out and "findings" in out, out
    assert "<" in out, out  # tqdm's ETA: [elapsed<remaining]


@pytest.mark.parametrize("env", [{"PRE_COMMIT": "1"}, {"CI": "true"}])
def test_no_bar_in_pre_commit_or_ci(big_jsonl, env):
    assert _stderr_on_a_terminal(big_jsonl, _env(**env), until=None) == ""


def test_no_bar_when_stderr_is_not_a_terminal(big_jsonl, tmp_path):
    with open(tmp_path / "stderr", "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "scrapelint", "check", str(big_jsonl), "--format", "json",
                                 "--output", os.devnull], stdout=subprocess.DEVNULL, stderr=err, env=_env(),
                                start_new_session=True)
        time.sleep(QUIET_FOR)
        _stop(proc)
    written = (tmp_path / "stderr").read_bytes()
    assert b"docs" not in written and b"findings" not in written


def test_quiet_and_ci_false():
    class Tty:
        def isatty(self):
            return True

    os_env = dict(os.environ)
    try:
        for key in ("CI", "PRE_COMMIT"):
            os.environ.pop(key, None)
        assert wanted(False, Tty()) and not wanted(True, Tty())
        os.environ["CI"] = "false"
        assert wanted(False, Tty())
        os.environ["CI"] = "1"
        assert not wanted(False, Tty())
    finally:
        os.environ.clear()
        os.environ.update(os_env)


def test_findings_written_to_the_same_terminal_clear_the_bar_first():
    import io

    from scrapelint.findings import Finding, Severity
    from scrapelint.progress import Progress
    from scrapelint.results import DocResult

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    progress = Progress(10, stream=screen)
    progress.bar.delay = 0
    progress.update(DocResult("a.jsonl", [Finding("WC001", "word-count", Severity.WARNING, "m", "a.jsonl")]))
    progress.bar.refresh()
    assert "1/10" in screen.getvalue() and "1 findings" in screen.getvalue()
    report = progress.guard(screen)
    before = len(screen.getvalue())
    report.write("a.jsonl:1:1: WC001 ...\n")
    written = screen.getvalue()[before:]
    assert written.index("\r") < written.index("a.jsonl:1:1")  # the bar's line is cleared, then the finding
    assert progress.guard(io.StringIO()).__class__ is io.StringIO  # not a terminal: the stream as it is
    progress.close()
