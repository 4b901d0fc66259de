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
    """Relative to the working directory when below it, else as absolute."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def walk(root: Path, config: Config, config_key: int) -> list[Target]:
    settings = config.settings
    include = [*settings.include, *settings.extend_include]
    exclude = pathspec.GitIgnoreSpec.from_lines(settings.exclude) if settings.exclude else None
    out: list[Target] = []
    ignores: list[tuple[Path, pathspec.PathSpec]] = []

    def ignored(path: Path, is_dir: bool) -> bool:
        rel = _relative(path, config.root)
        if exclude is not None and rel is not None and exclude.match_file(rel + ("/" if is_dir else "")):
            return True
        for base, spec in ignores:
            rel_here = _relative(path, base)
            if rel_here is not None and spec.match_file(rel_here + ("/" if is_dir else "")):
                return True
        return False

    if settings.respect_gitignore:
        # .gitignore files above the walked folder, up to the repository root
        resolved = root.resolve()
        for parent in (resolved, *resolved.parents):
            gi = parent / ".gitignore"
            if parent != resolved and gi.is_file():
                ignores.append((parent, _read_gitignore(gi)))
            if (parent / ".git").exists():
                break

    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if settings.respect_gitignore and ".gitignore" in filenames:
            ignores.append((here.resolve(), _read_gitignore(here / ".gitignore")))
        dirnames[:] = sorted(d for d in dirnames if d not in ALWAYS_SKIPPED_DIRS and not ignored(here / d, True))
        for name in sorted(filenames):
            if not any(fnmatch.fnmatchcase(name, pat) for pat in include):
                continue
            path = here / name
            if ignored(path, False):
                continue
            out.append(Target(path, display_path(path), config_key))
    return out


def _read_gitignore(path: Path) -> pathspec.PathSpec:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    return pathspec.GitIgnoreSpec.from_lines(lines)
