"""Analyses of a document that several rules share, each computed once per
document: what the body's blocks are (article text or page furniture), the
language's stop words, how to edit a front-matter value as written.

Rules import these modules and the public types (`scrapelint.rule`,
`scrapelint.findings`, `scrapelint.document`), never another rule module:
import-linter checks it (`[tool.importlinter]` in pyproject.toml).
"""
