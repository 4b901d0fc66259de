"""Configuration: `[tool.scrapelint]` in pyproject.toml, or scrapelint.toml.

Discovery follows ruff: from the checked path upwards, the first directory
holding a `scrapelint.toml`, or a `pyproject.toml` with a `[tool.scrapelint]`
table, wins (in one directory `scrapelint.toml` beats `pyproject.toml`);
`--config FILE` overrides.  Relative paths and globs in a configuration are
relative to the directory of its file.

A pydantic model validates the table.  A bad key or value is a ConfigError
naming the file, the key and what is allowed; the CLI exits 2 on it.  The
model is declared as a `scrapelint.lazymodel.LazyModel`: pydantic is
imported, and the validator built, only when a table sets something (a
pre-commit run without a configuration takes the defaults without it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from scrapelint.guard import DEFAULT_TIME_BUDGET
from scrapelint.lazymodel import Field, LazyModel, field_validator
from scrapelint.safeload import DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_YAML_NODES

CONFIG_FILES = ("scrapelint.toml", ".scrapelint.toml", "pyproject.toml")
CANONICAL_FIELDS = ("title", "source", "date", "description", "word_count", "author", "body")
SeverityName = Literal["error", "warning", "note"]


class ConfigError(Exception):
    pass


def _parse_size(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("a size: a number of bytes or a string like '10MB'")
    if isinstance(value, int):
        if value <= 0:
            raise ValueError("a size must be positive")
        return value
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?\s*", str(value), re.IGNORECASE)
    if not m:
        raise ValueError("a size: a number of bytes or a string like '10MB', '512KB', '1GB'")
    unit = (m.group(2) or "B").upper().rstrip("B").rstrip("I")
    return int(float(m.group(1)) * {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[unit])


class GateSettings(LazyModel):
    """The `[tool.scrapelint.gate]` table: a verdict on rates (scrapelint.gate)."""

    model_config = dict(extra="forbid", populate_by_name=True)

    max_share: dict[str, float] = Field(
        default_factory=dict, alias="max-share",
        description="Rule code, prefix or name -> the highest percentage of documents it may affect; "
                    "above it the run fails. Rules under a cap do not fail the run by themselves.")


def _check_pattern(pattern: str) -> None:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern])
    except ValueError:
        raise ValueError(f"{pattern!r} is not a gitignore-style pattern "
                         "(a trailing backslash escapes nothing)") from None


class Settings(LazyModel):
    """The `[tool.scrapelint]` table.  Keys are written with dashes."""

    model_config = dict(extra="forbid", populate_by_name=True, frozen=False)

    select: list[str] | None = Field(None, description="Rules to enable (codes, prefixes, names, ALL); replaces the default set.")
    extend_select: list[str] = Field(default_factory=list, alias="extend-select", description="Rules to enable on top of the default or `select`.")
    ignore: list[str] = Field(default_factory=list, description="Rules to disable.")
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores", description="Glob -> rules to disable for matching files.")
    severity: dict[str, SeverityName] = Field(default_factory=dict, description="Rule (code or name) -> severity override.")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Rule (code or name) -> options of that rule.")
    fields: dict[str, str] = Field(default_factory=dict, description="Canonical field -> key that holds it in front matter or dataset records.")
    schema_path: str | None = Field(None, alias="schema", description="JSON Schema for the front matter, replacing the built-in article schema.")
    include: list[str] = Field(default_factory=lambda: ["*.md", "*.markdown"], description="File-name globs picked up when walking a directory.")
    extend_include: list[str] = Field(default_factory=list, alias="extend-include", description="Globs added to `include` (e.g. '*.jsonl').")
    exclude: list[str] = Field(default_factory=list, description="gitignore-style patterns of paths never linted when walking directories.")
    respect_gitignore: bool = Field(True, alias="respect-gitignore", description="Skip files ignored by .gitignore files when walking directories.")
    max_file_size: int = Field(10 * 1024 * 1024, alias="max-file-size", description="Larger files are reported (FM005) and not read.")
    max_yaml_nodes: int = Field(DEFAULT_MAX_YAML_NODES, alias="max-yaml-nodes", gt=0, description="YAML front matter that expands to more nodes once its aliases are followed (an alias bomb) is reported (FM002) and not read.")
    max_nesting_depth: int = Field(DEFAULT_MAX_NESTING_DEPTH, alias="max-nesting-depth", gt=0, description="Front matter or records nested deeper are reported (FM002, FM005) and not read.")
    time_budget: float = Field(DEFAULT_TIME_BUDGET, alias="time-budget", ge=0, description="CPU seconds the rules may spend on one document; past it the document gets an SL002 finding and the run goes on (0: no budget).")
    fail_on: SeverityName = Field("warning", alias="fail-on", description="Lowest severity that makes the exit code 1.")
    gate: GateSettings = Field(default_factory=GateSettings.model_construct, description="Caps on the share of documents a rule or family may affect.")

    @field_validator("max_file_size", mode="before")
    @classmethod
    def _size(cls, value: Any) -> int:
        return _parse_size(value)

    @field_validator("exclude")
    @classmethod
    def _exclude(cls, value: list[str]) -> list[str]:
        for pattern in value:
            _check_pattern(pattern)
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _per_file_ignores(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for pattern in value:
            _check_pattern(pattern)
        return value

    @field_validator("fields")
    @classmethod
    def _fields(cls, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if key not in CANONICAL_FIELDS:
                raise ValueError(f"unknown field {key!r}; allowed: {', '.join(CANONICAL_FIELDS)}")
        return value


class Config:
    """Validated settings plus where they came from."""

    def __init__(self, settings: Settings, path: Path | None, root: Path) -> None:
        self.settings = settings
        self.path = path  # the file, or None for defaults
        self.root = root  # relative globs are relative to this

    def describe(self) -> str:
        return str(self.path) if self.path else "(defaults)"


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 (byte 0x{exc.object[exc.start]:02X} at offset {exc.start}); "
                          "TOML files are UTF-8") from None
    except (RecursionError, ValueError) as exc:
        from scrapelint.safeload import python_limit_message

        raise ConfigError(f"{path}: invalid TOML: {python_limit_message(exc) or exc}") from None


def table_of(path: Path) -> dict[str, Any] | None:
    """The scrapelint table of a config file, or None if it has none."""
    data = _load_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        if not isinstance(tool, dict) or "scrapelint" not in tool:
            return None
        table = tool["scrapelint"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: `tool.scrapelint` must be a table ([tool.scrapelint]), "
                              f"not a {type(table).__name__}")
        return table
    return data


def find_config_file(start: Path) -> Path | None:
    here = start if start.is_dir() else start.parent
    here = here.resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                if name != "pyproject.toml" or table_of(candidate) is not None:
                    return candidate
    return None


def _explain(exc, path: str) -> str:
    """pydantic's ValidationError, a line per problem."""
    lines = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            allowed = ", ".join(sorted(f.alias or n for n, f in Settings.model_fields.items()))
            lines.append(f"{path}: unknown key `{key}`; allowed keys: {allowed}")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            lines.append(f"{path}: invalid value for `{key}` ({err.get('input')!r}): {msg}")
    return "\n".join(lines)


def load_settings(table: dict[str, Any], source: str, defaults: dict[str, Any] | None = None) -> Settings:
    merged: dict[str, Any] = {}
    for key, value in (defaults or {}).items():
        merged[key] = value
    for key, value in table.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    if not merged:  # nothing to validate: the defaults, as validation would give them
        return Settings.model_construct()
    from pydantic import ValidationError

    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_explain(exc, source)) from None


def plugin_defaults() -> dict[str, Any]:
    from scrapelint.plugin import get_plugin_manager

    merged: dict[str, Any] = {}
    for part in get_plugin_manager().hook.scrapelint_default_config():
        for key, value in (part or {}).items():
            if isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            else:
                merged[key] = value
    return merged


def load_config(path: Path | None) -> Config:
    """The configuration in `path` (a file), or the defaults when None."""
    defaults = plugin_defaults()
    if path is None:
        return Config(load_settings({}, "(defaults)", defaults), None, Path.cwd())
    table = table_of(path)
    if table is None:
        table = {}
    return Config(load_settings(table, str(path), defaults), path, path.parent.resolve())


def settings_json_schema() -> dict[str, Any]:
    schema = Settings.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "scrapelint configuration ([tool.scrapelint] or scrapelint.toml)"
    return schema


def write_config_schema() -> None:
    """Regenerate schemas/config.schema.json from the Settings model."""
    import json

    from scrapelint.schemas import HERE

    text = json.dumps(settings_json_schema(), indent=2, ensure_ascii=False) + "\n"
    (HERE / "config.schema.json").write_text(text, encoding="utf-8")
