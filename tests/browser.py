"""Headless Chromium for the HTML report's tests and benchmark: load a page
from disk, dump its DOM after load (scripts run), take a screenshot, and
parse the DOM with the standard library.

Debian's `chromium` package; `CHROMIUM` names another binary.  Every run
gets a fresh profile and no background networking, so the only requests
the browser makes are the page's own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars")


def chromium_binary() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(page: Path, *args: str, timeout: float = 90) -> tuple[str, float]:
    """Chromium's stdout for `page` with extra `args`, and the wall time it took."""
    binary = chromium_binary()
    if binary is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="scrapelint-chromium-") as profile:
        command = [binary, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout, elapsed


def dump_dom(page: Path, screenshot: Path | None = None, width: int = 1280, height: int = 2400) -> str:
    """The page's DOM after load, its scripts run; with `screenshot`, also a
    PNG of the first `height` pixels (one browser start for both)."""
    args = ["--dump-dom"]
    if screenshot is not None:
        args += [f"--screenshot={screenshot.resolve()}", f"--window-size={width},{height}"]
    return run_chromium(page, *args)[0]


class Dom(HTMLParser):
    """The elements of a page and its text, in order; `find` looks elements
    up, `text_of(id)` is the text inside the element with that id."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict, tuple]] = []  # (tag, attributes, ids of the enclosing elements)
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None]] = []
        self.text_parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes, tuple(i for _, i in self._open if i)))
        if tag not in self.VOID:
            self._open.append((tag, attributes.get("id")))
            if attributes.get("id"):
                self.texts[attributes["id"]] = []

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        self.text_parts.append(data)
        for _, element_id in self._open:
            if element_id:
                self.texts[element_id].append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def text_of(self, element_id: str) -> str:
        return "".join(self.texts.get(element_id, []))

    def find(self, tag: str, within: str | None = None, **attrs: str) -> list[dict]:
        """The attributes of each `tag` element (inside the element with id `within`)."""
        return [a for t, a, ids in self.elements
                if t == tag and (within is None or within in ids) and all(a.get(k) == v for k, v in attrs.items())]
