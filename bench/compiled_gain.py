#!/usr/bin/env python3
"""What a compiled build of scrapelint's hot modules would gain, counted in
instructions a corpus document costs (valgrind, as bench/instructions.py).

    python bench/compiled_gain.py [--modules blocks,prose_masks] [--docs 40] [--python .venv/bin/python]

Builds the named modules of the package, unchanged, to C extensions with
Cython 3 in a temporary folder, then counts the instructions of the same run
twice: with the pure-Python package, and with the extensions loaded in place
of those modules (a `sitecustomize` on PYTHONPATH puts a finder for them
first).  The default modules are the hot ones of a cProfile of the corpus
(blocks, prose_masks, document, the shared analysis).  Needs Cython and a C
compiler in --python's environment (`pip install cython`), and valgrind.
The figures and the decision they led to: docs/decisions.md, "No compiled
build".
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import instructions

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ("blocks,prose_masks,document,analysis.furniture,analysis.phrases,analysis.layout,analysis.stopwords,"
           "analysis.sitename,analysis.normalise,analysis.dates.cues,analysis.dates.find")

BUILD = """
import sys
from setuptools import Extension, setup
from Cython.Build import cythonize
modules = dict(arg.split("=", 1) for arg in sys.argv[3:])
setup(script_args=["-q", "build_ext", "-b", sys.argv[1], "-t", sys.argv[2]],
      ext_modules=cythonize([Extension(name, [source]) for name, source in modules.items()], quiet=True,
                            build_dir=sys.argv[2], compiler_directives={"language_level": 3}))
"""

# Loads the built extensions in place of the package's .py files.
SITECUSTOMIZE = """
import sys
from importlib.util import spec_from_file_location
BUILT = {built!r}

class CompiledFirst:
    @staticmethod
    def find_spec(name, path=None, target=None):
        return spec_from_file_location(name, BUILT[name]) if name in BUILT else None

sys.meta_path.insert(0, CompiledFirst)
"""

LOADED = "import importlib, sys; print(all(importlib.import_module(m).__file__.endswith('.so') for m in sys.argv[1:]))"


def source_of(module: str) -> Path:
    """`analysis.dates.cues` -> lint/analysis/dates/cues.py (pyproject's package-dir maps scrapelint to lint/)."""
    return ROOT / "lint" / Path(*module.split(".")).with_suffix(".py")


def build(python: str, modules: list[str], out: Path) -> dict[str, str]:
    """Each module's full name -> its built extension."""
    args = [f"scrapelint.{m}={source_of(m)}" for m in modules]
    proc = subprocess.run([python, "-c", BUILD, str(out / "lib"), str(out / "tmp"), *args], capture_output=True,
                          text=True, cwd=out)
    if proc.returncode != 0:
        sys.exit(f"the Cython build failed:\n{proc.stderr[-3000:]}")
    built = {}
    for m in modules:
        found = sorted((out / "lib" / "scrapelint").glob(f"{m.replace('.', '/')}.*.so"))
        if not found:
            sys.exit(f"no extension was built for scrapelint.{m}")
        built[f"scrapelint.{m}"] = str(found[0])
    return built


def per_document(python: str, docs: int) -> float:
    """M instructions a document, after a run of the same documents that
    writes the .pyc files and fills the user caches (scrapelint.usercache):
    cold, they put 3 M more on a document (measured)."""
    subprocess.run([python, "-c", instructions.CHILD, str(docs), str(instructions.CORPUS)], capture_output=True,
                   check=True)
    return (instructions.instructions(python, docs) - instructions.instructions(python, 0)) / docs / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modules", default=DEFAULT, help="modules of the package to compile, comma-separated")
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--keep", metavar="DIR", type=Path,
                    help="build in DIR and keep it: PYTHONPATH=DIR/site then runs the compiled modules "
                         "(bench/parse_cost.py --baseline HEAD compares them with the .py)")
    a = ap.parse_args()
    modules = [m.strip() for m in a.modules.split(",") if m.strip()]
    missing = [m for m in modules if not source_of(m).is_file()]
    if missing:
        sys.exit(f"no such module in lint/: {', '.join(missing)}")
    if shutil.which("valgrind") is None:
        sys.exit("needs valgrind (apt-get install valgrind)")
    if subprocess.run([a.python, "-c", "import Cython"], capture_output=True).returncode != 0:
        sys.exit(f"needs Cython in {a.python}'s environment (pip install cython)")
    if a.keep:
        a.keep.mkdir(parents=True, exist_ok=True)
    with contextlib.nullcontext(str(a.keep.resolve())) if a.keep else tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        built = build(a.python, modules, out)
        site = out / "site"
        site.mkdir(exist_ok=True)
        (site / "sitecustomize.py").write_text(SITECUSTOMIZE.format(built=built))
        # a cache of its own: the user's is shared with every other checkout and run
        os.environ["XDG_CACHE_HOME"] = str(out / "cache")
        pure = per_document(a.python, a.docs)
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
        loaded = subprocess.run([a.python, "-c", LOADED, *built], capture_output=True, text=True)
        if loaded.stdout.strip() != "True":
            sys.exit(f"the extensions were built but did not load:\n{loaded.stderr[-2000:]}")
        compiled = per_document(a.python, a.docs)
    print(f"{a.docs} corpus documents, every default rule, M instructions a document:")
    print(f"  pure Python  {pure:8.2f}")
    print(f"  compiled     {compiled:8.2f}  ({compiled / pure - 1:+.1%}; {', '.join(modules)})")


if __name__ == "__main__":
    main()
