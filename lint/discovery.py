"""Which files a `check` run reads.

A regular file named on the command line is always read (a reader is chosen
by its suffix; an unknown suffix is read as Markdown).  A directory is walked
recursively in sorted order, keeping files whose name matches `include`
(`*.md`, `*.markdown` by default), skipping `exclude` patterns, the usual
tool and VCS folders, and, unless `respect-gitignore = false`, what the
`.gitignore` files met on the way ignore.
"""

from __future__ import annotations

import errno
import fnmatch
import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from scrapelint.config import Config
from scrapelint.safeload import Unreadable, describe_os_error, file_kind, read_bounded

if TYPE_CHECKING:  # imported where a walk needs it: a run on named files never walks
    import pathspec

GITIGNORE_MAX_SIZE = 1024 * 1024

ALWAYS_SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache",
     ".pytest_cache", ".ruff_cache", "build", "dist", ".eggs"}
)


class Target(NamedTuple):
    path: Path
    display: str
    config_key: int  # index into the run's list of configurations
    problem: str | None = None  # why the file is reported and not read (a special file, a broken link)


def display_path(path: Path) -> str:
    """Relative to the working directory when below it, else absolute."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, os.getcwd())
    return absolute if rel == ".." or rel.startswith("../") else Path(rel).as_posix()


def check_root(path: Path) -> str:
    """The real folder a path argument lets a run read and fix: the folder
    itself, or the folder that holds a named file (a link named on the
    command line is a link like any other)."""
    return os.path.realpath(path if path.is_dir() else os.path.dirname(os.path.abspath(path)))


def inside(real: str, roots: tuple[str, ...]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def link_problem(path: str, roots: tuple[str, ...], follow_outside: bool) -> str | None:
    """Why a symbolic link is not read, or None when it is read (by its own path)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: the link never reaches a file; not read"
        return "dangling symbolic link: its target does not exist; not read"
    kind = file_kind(st.st_mode)
    if kind is not None:
        return f"symbolic link to {kind}, not to a regular file; not opened"
    if not follow_outside and not inside(os.path.realpath(path), roots):
        return ("symbolic link to a file outside the checked folders; not read "
                "(pass --follow-outside-links to read and fix such files)")
    return None


def file_problem(path: Path, roots: tuple[str, ...], follow_outside: bool = False) -> str | None:
    """Why a path named on the command line is reported and not read."""
    if os.path.islink(path):
        return link_problem(str(path), roots, follow_outside)
    try:
        kind = file_kind(os.stat(path).st_mode)
    except OSError as exc:
        return describe_os_error(exc)
    return None if kind is None else f"not a regular file but {kind}; not opened"


def walk(root: Path, config: Config, config_key: int, roots: tuple[str, ...] | None = None,
         follow_outside: bool = False) -> list[Target]:
    """The files under `root` that a run reads, in sorted order.

    Links to folders are not followed (git does not either: no loops, no
    tree outside the checked one).  A link to a file is read by its own path
    when its target lies inside the checked roots; a dangling link, a link
    loop, a link out of the roots and a special file (FIFO, device, socket)
    whose name matches `include` are Targets with a `problem`, reported and
    never opened.

    Paths are joined as strings from one absolute root, and the kind of each
    entry comes from `scandir` for free: resolving or stat-ing each of
    thousands of files costs more than linting them."""
    import pathspec

    settings = config.settings
    include = [*settings.include, *settings.extend_include]
    exclude = pathspec.GitIgnoreSpec.from_lines(settings.exclude) if settings.exclude else None
    config_root = str(config.root.resolve())
    top = os.path.abspath(root)
    roots = roots if roots is not None else (os.path.realpath(top),)
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
                ignores.append((str(parent), read_gitignore(gi)))
            if (parent / ".git").exists():
                break

    pending = [top]
    while pending:
        dirpath = pending.pop()
        try:
            with os.scandir(dirpath) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue  # an unreadable folder, as os.walk does
        if settings.respect_gitignore and any(e.name == ".gitignore" for e in entries):
            ignores.append((dirpath, read_gitignore(Path(dirpath) / ".gitignore")))
        rel_dir = os.path.relpath(dirpath, top)
        shown_dir = top_display if rel_dir == "." else f"{top_display}/{rel_dir}" if top_display != "." else rel_dir
        subdirs: list[str] = []
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_link = not is_dir and entry.is_symlink()
                is_file = not is_dir and not is_link and entry.is_file(follow_symlinks=False)
            except OSError:
                continue
            abs_path = os.path.join(dirpath, name)
            if is_dir:
                if name not in ALWAYS_SKIPPED_DIRS and not ignored(abs_path, True):
                    subdirs.append(abs_path)
                continue
            if not any(fnmatch.fnmatchcase(name, pat) for pat in include):
                continue
            if (exclude is not None or ignores) and ignored(abs_path, False):
                continue
            problem = None
            if is_link:
                if os.path.isdir(abs_path):
                    continue  # links to folders are not followed
                problem = link_problem(abs_path, roots, follow_outside)
            elif not is_file:
                try:
                    problem = f"not a regular file but {file_kind(entry.stat(follow_symlinks=False).st_mode)}; not opened"
                except OSError as exc:
                    problem = describe_os_error(exc)
            shown = name if shown_dir == "." else f"{shown_dir}/{name}"
            out.append(Target(Path(abs_path), shown, config_key, problem))
        pending.extend(reversed(subdirs))
    return out


def read_gitignore(path: Path) -> pathspec.PathSpec:
    """A .gitignore's patterns; a line git would not read as a pattern (a
    lone backslash) is skipped, as git skips it, instead of failing the walk."""
    import pathspec

    try:
        lines = read_bounded(path, GITIGNORE_MAX_SIZE).decode("utf-8", errors="replace").splitlines()
    except Unreadable:
        lines = []
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:
        return pathspec.GitIgnoreSpec.from_lines([line for line in lines if _valid_pattern(line)])


def _valid_pattern(line: str) -> bool:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True
