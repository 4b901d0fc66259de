"""The pluggy plugin host, after sqlfluff's (`src/sqlfluff/core/plugin/`).

A plugin is a module (or object) with functions marked `@hookimpl`, found
through the entry-point group ``scrapelint`` (read through a cache:
`scrapelint.entrypoints`).  Each entry point is loaded on
its own: one that fails to import is reported as a warning and skipped, so a
broken third-party package never takes the linter down with it.  The built-in
rule families, readers and reporters are registered exactly the same way.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from types import FunctionType, MethodType, ModuleType
from typing import Any

import pluggy

from scrapelint.entrypoints import entry_points

PROJECT = "scrapelint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class PluginSpec:
    """The hooks a plugin may implement.  Each returns a list (or dict)."""

    @hookspec
    def scrapelint_rules(self) -> list[type]:
        """Rule classes (subclasses of `scrapelint.Rule`) this plugin adds."""

    @hookspec
    def scrapelint_readers(self) -> list[Any]:
        """Readers (`scrapelint.readers.Reader` instances) for input formats."""

    @hookspec
    def scrapelint_reporters(self) -> dict[str, Any]:
        """Output formats: a mapping of format name to a reporter class, or
        to its `module:Class` path (imported only by a run that writes it)."""

    @hookspec
    def scrapelint_post_check(self, doc: Any, findings: list[Any], suppressions: list[Any], rules: list[Any]) -> list[Any]:
        """More findings about a document, once its rules have run and its
        suppression comments are applied (SL001 reports the comments that
        silenced nothing).  `findings` are the rules' findings (a suppressed
        one has `suppressed` set; leave them as they are), `suppressions` the
        document's comments (`scrapelint.ignore_comments.Suppression`, with
        the rule words each `used`), `rules` the selected rules, configured,
        that apply to the document.  What it returns is never suppressed."""

    @hookspec
    def scrapelint_default_config(self) -> dict[str, Any]:
        """Configuration defaults, merged under the user's configuration."""


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, with a quick exact test in front of its lookup of
    each attribute of a module plugin.

    `register` asks `parse_hookimpl_opts` about every name in `dir(plugin)`,
    and pluggy looks each one up with `inspect.getattr_static`: for our
    twelve modules that is ~450 lookups, 7% of a one-file run, to find 13
    hook implementations.  In a plain module whose type defines no
    attribute of that name, the static lookup is the module's own
    `__dict__` entry; pluggy hooks only functions, static/class methods and
    bound methods, and reads a function's options from the attribute
    `HookimplMarker` sets on it.  Anything else is left to pluggy."""

    def parse_hookimpl_opts(self, plugin: object, name: str) -> Any:
        if type(plugin) is ModuleType and not hasattr(ModuleType, name):
            value = plugin.__dict__.get(name)
            if type(value) is FunctionType:
                if _IMPL_MARK not in value.__dict__:
                    return None
            elif not isinstance(value, (staticmethod, classmethod, MethodType)):
                return None
        return super().parse_hookimpl_opts(plugin, name)


_IMPL_MARK = PROJECT + "_impl"  # the attribute HookimplMarker sets on a function it marks


@lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    pm = _PluginManager(PROJECT)
    pm.add_hookspecs(PluginSpec)
    for ep in entry_points(group=PROJECT):
        if pm.has_plugin(ep.name):
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:  # any failure of a plugin is the plugin's, not ours
            print(
                f"scrapelint: warning: plugin {ep.name!r} ({ep.value}) failed to load and is skipped: "
                f"{type(exc).__name__}: {exc}",
                file=sys.stderr,
            )
    return pm


def plugin_of(obj: object) -> str:
    """The name of the plugin that registered the module an object lives in."""
    pm = get_plugin_manager()
    module = getattr(obj, "__module__", "")
    for name, plugin in pm.list_name_plugin():
        if getattr(plugin, "__name__", None) == module:
            return name
    return module.split(".")[0]
