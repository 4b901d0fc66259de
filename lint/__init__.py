"""scrapelint: a data-quality linter for scraped article metadata.

Kept import-light on purpose: `scrapelint` runs as a pre-commit hook, where
start-up time is most of what the user waits for.  The public names a plugin
author needs are `hookimpl`, `Rule`, `RuleOptions`, `Severity`, `Finding` and
`Document`; they are loaded on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "hookimpl": "scrapelint.plugin",
    "Rule": "scrapelint.rule",
    "RuleOptions": "scrapelint.rule",
    "Severity": "scrapelint.findings",
    "Finding": "scrapelint.findings",
    "Fix": "scrapelint.findings",
    "Edit": "scrapelint.findings",
    "Document": "scrapelint.document",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'scrapelint' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
