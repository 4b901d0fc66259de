"""Which files a `check` run reads.

A file named on the command line is always read (a reader is chosen by its
suffix; an unknown suffix is read as Markdown).  A directory is walked
recursively in sorted order, keeping files whose name matches `include`
(`*.md`, `*.markdown` by default), skipping `exclude` patterns, the usual
tool and VCS folders, and, unless `respect-gitignore = false`, what the
`.gitignore` files met on the way ignore.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

from scrapelint.config import Config

ALWAYS_SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache",
     ".pytest_cache", ".ruff_cache", "build", "dist", ".eggs"}
)


@dataclass(frozen=True)
class Target:
    path: Path
    display: str
    config_key: int  # index into the run's list of configurations


def display_path(path: Path) -> str:
    """Relative to the working directory when below it, else absolute."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, os.getcwd())
    return absolute if rel == ".." or rel.startswith("../") else Path(rel).as_posix()


def walk(root: Path, config: Config, config_key: int) -> list[Target]:
    """The files under `root` that a run reads, in sorted order.

    Paths are joined as strings from one resolved root: resolving each of
    thousands of files costs more than linting them."""
    settings = config.settings
    include = [*settings.include, *settings.extend_include]
    exclude = pathspec.GitIgnoreSpec.from_lines(settings.exclude) if settings.exclude else None
    config_root = str(config.root.resolve())
    top = os.path.abspath(root)
    top_display = display_path(root)
    out: list[Target] = []
    ignores: list[tuple[str, pathspec.PathSpec]] = []  # (folder, spec) of .gitignore files met

    def ignored(abs_path: str, is_dir: bool) -> bool:
        suffix = "/" if is_dir else ""
        if exclude is not None:
            rel = os.path.relpath(abs_path, config_root)
            if not rel.startswith("..") and exclude.match_file(rel + suffix):
                return True
        for base, spec in ignores:
            rel = os.path.relpath(abs_path, base)
            if not rel.startswith("..") and spec.match_file(rel + suffix):
                return True
        return False

    if settings.respect_gitignore:
        # .gitignore files above the walked folder, up to the repository root
        here = Path(top)
        for parent in here.parents:
            gi = parent / ".gitignore"
            if gi.is_file():
                ignores.append((str(parent), _read_gitignore(gi)))
            if (parent / ".git").exists():
                break

    for dirpath, dirnames, filenames in os.walk(top):
        if settings.respect_gitignore and ".gitignore" in filenames:
            ignores.append((dirpath, _read_gitignore(Path(dirpath) / ".gitignore")))
        dirnames[:] = sorted(d for d in dirnames
                             if d not in ALWAYS_SKIPPED_DIRS and not ignored(os.path.join(dirpath, d), True))
        rel_dir = os.path.relpath(dirpath, top)
        shown_dir = top_display if rel_dir == "." else f"{top_display}/{rel_dir}" if top_display != "." else rel_dir
        for name in sorted(filenames):
            if not any(fnmatch.fnmatchcase(name, pat) for pat in include):
                continue
            abs_path = os.path.join(dirpath, name)
            if (exclude is not None or ignores) and ignored(abs_path, False):
                continue
            shown = name if shown_dir == "." else f"{shown_dir}/{name}"
            out.append(Target(Path(abs_path), shown, config_key))
    return out


def _read_gitignore(path: Path) -> pathspec.PathSpec:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    return pathspec.GitIgnoreSpec.from_lines(lines)
