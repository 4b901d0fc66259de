"""The command collects cycles less often; a library caller keeps its settings."""

from __future__ import annotations

import gc
import subprocess
import sys

from scrapelint import lint_text
from scrapelint.gctuning import YOUNG_THRESHOLD


def test_the_command_raises_the_young_generation_threshold():
    # read at exit: the command's process ends in main() (cli._exit_without_teardown)
    code = ("import atexit, gc, sys; atexit.register(lambda: print(gc.get_threshold(), file=sys.stderr)); "
            "sys.argv = ['scrapelint', 'rules']; from scrapelint.cli import main; main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    young, middle, old = eval(proc.stderr.strip().splitlines()[-1])
    assert (young, middle, old) == (YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def test_the_library_leaves_the_callers_collector_alone():
    before = gc.get_threshold()
    lint_text("---\ntitle: Harbour opens\n---\n\nThe harbour opened on Sunday.\n")
    assert gc.get_threshold() == before
