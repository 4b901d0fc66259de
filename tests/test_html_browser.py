"""The HTML report in a real browser (headless Chromium): it renders, its
script runs under its own Content-Security-Policy, the tables and charts are
in the DOM, and hostile scraped text shows as text and fetches nothing.

Skips with the reason when Chromium is not installed (`.ci/run` installs
Debian's `chromium` when it can)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser import Dom, chromium_binary, dump_dom
from localserver import RecordingServer
from conftest import FIXTURES, ROOT, run

# slow: a browser start per test, and nothing in it depends on the Python
# version, so .ci/run's extra 3.10/3.13 runs leave it to the default run
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(chromium_binary() is None,
                                 reason="chromium is not installed (apt-get install chromium); the browser test is skipped")]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def render(capsys, source: Path, out: Path) -> Dom:
    code, _, err = run(capsys, "check", str(source), "--format", "html", "--output", str(out))
    assert code in (0, 1), err
    shot = out.with_suffix(".png")
    dom = Dom(dump_dom(out, screenshot=shot))
    data = shot.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 20_000  # a rendered page, not a blank one
    return dom


def assert_report_structure(dom: Dom) -> None:
    for table in ("rules-table", "sites-table"):
        assert dom.find("table", id=table), table
        assert len(dom.find("tr", within=table)) >= 2, table
    assert dom.find("svg", within="chart-rules") and dom.find("rect", within="chart-rules")
    # the script ran under the page's CSP: it made the table headers focusable
    assert all(th.get("tabindex") == "0" for th in dom.find("th", within="rules-table"))
    assert dom.find("footer"), "the page ends with its footer: nothing broke it"


def test_report_of_examples_in_chromium(tmp_path, capsys):
    dom = render(capsys, ROOT / "examples", tmp_path / "examples.html")
    assert_report_structure(dom)
    for chart in ("chart-dates", "chart-word-count", "chart-boilerplate"):
        assert dom.find("rect", within=chart), chart
    assert dom.find("article", within="findings")


def test_hostile_body_shows_as_text_and_fetches_nothing(tmp_path, capsys):
    with RecordingServer() as server:
        # the control: the same browser set-up does fetch a planted image when a page lets it
        control = tmp_path / "control.html"
        control.write_text(f'<!DOCTYPE html><img src="{server.url}/control.png">')
        dump_dom(control)
        assert server.requests == ["/control.png"]
        server.requests.clear()

        planted = tmp_path / "planted"
        shutil.copytree(FIXTURES / "html-report", planted)
        hostile = planted / "hostile-body.md"
        hostile.write_text(hostile.read_text().replace("http://example.com/x.png", f"{server.url}/x.png"))
        dom = render(capsys, planted, tmp_path / "planted.html")
        assert server.requests == [], "the report fetched something"

    assert_report_structure(dom)
    for chart in ("chart-dates", "chart-word-count", "chart-boilerplate"):
        assert dom.find("rect", within=chart), chart
    text = dom.text_of("findings")
    assert "<script>alert(1)</script>" in text
    assert f'<img src="{server.url}/x.png">' in text
    assert not dom.find("img") and len(dom.find("script")) == 1
