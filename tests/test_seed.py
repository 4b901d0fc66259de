"""The article the project started from (../shared/seeds): its defects, at their lines."""

from __future__ import annotations

from conftest import SEED, needs_shared
from scrapelint.cli import main


@needs_shared
def test_seed_word_count(capsys):
    code = main(["check", str(SEED), "--select", "WC"])
    out = capsys.readouterr().out
    assert code == 1
    assert ":6:1: WC001 [word-count-mismatch] word_count 1272 but the body has 1126 words" in out
