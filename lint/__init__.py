"""scrapelint: a data-quality linter for scraped article metadata.

Kept import-light on purpose: `scrapelint` runs as a pre-commit hook, where
start-up time is most of what the user waits for.  The public names are loaded
on first use: the Python API (`lint_text`, `lint_record`, `lint_paths`,
`fix_text`, `list_rules`, `Linter`; see `scrapelint.api`) and what a plugin
author needs (`hookimpl`, `Rule`, `RuleOptions`, `Field`, `Severity`,
`Finding`, `Document`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

_LAZY = {
    "hookimpl": "scrapelint.plugin",
    "Rule": "scrapelint.rule",
    "RuleOptions": "scrapelint.rule",
    "Field": "scrapelint.lazymodel",
    "Severity": "scrapelint.findings",
    "Finding": "scrapelint.findings",
    "Fix": "scrapelint.findings",
    "Edit": "scrapelint.findings",
    "Document": "scrapelint.document",
    "lint_text": "scrapelint.api",
    "lint_record": "scrapelint.api",
    "lint_paths": "scrapelint.api",
    "fix_text": "scrapelint.api",
    "list_rules": "scrapelint.api",
    "Linter": "scrapelint.api",
    "RuleInfo": "scrapelint.api",
    "RuleError": "scrapelint.api",
    "ConfigError": "scrapelint.config",
    "DocResult": "scrapelint.results",
}

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:  # what type checkers and IDEs see of the lazy names
    from scrapelint.api import Linter, RuleError, RuleInfo, fix_text, lint_paths, lint_record, lint_text, list_rules
    from scrapelint.config import ConfigError
    from scrapelint.document import Document
    from scrapelint.findings import Edit, Finding, Fix, Severity
    from scrapelint.lazymodel import Field
    from scrapelint.plugin import hookimpl
    from scrapelint.results import DocResult
    from scrapelint.rule import Rule, RuleOptions


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'scrapelint' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
