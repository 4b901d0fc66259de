"""The built-in rules, one module per family.  Each module is a plugin of
its own, registered through the `scrapelint` entry-point group like any
third-party package."""
