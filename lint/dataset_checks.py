"""No silent pass: what a run says when it checked nothing, or when a
dataset's fields were not found (each is a usage error, exit 2)."""

from __future__ import annotations

from pathlib import Path

from scrapelint.config import Config

DATASET_GLOBS = ("*.jsonl", "*.ndjson", "*.jsonl.gz", "*.jsonl.bz2", "*.jsonl.xz", "*.jsonl.zst",
                 "*.ndjson.gz", "*.ndjson.zst", "*.parquet")


def skipped_datasets(folder: Path, config: Config) -> list[str]:
    """Dataset files under `folder` that its walk left out (`include` is
    Markdown unless the configuration adds them)."""
    from scrapelint.discovery import walk

    settings = config.settings.model_copy(update={"include": list(DATASET_GLOBS), "extend_include": []})
    return [t.display for t in walk(folder, Config(settings, config.path, config.root), 0)]


def no_documents_message(walked: list[tuple[Path, int]], configs: list[Config]) -> str:
    """Why 0 documents were checked, and how to include the datasets a
    folder walk skipped."""
    found: list[str] = []
    for folder, key in walked:
        found += skipped_datasets(folder, configs[key])
    message = "no documents checked: nothing to lint was found"
    if not found:
        return message + " (folders are walked for `include`, *.md and *.markdown by default)"
    shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
    globs = sorted({"*" + "".join(Path(name).suffixes[-2:]) if name.endswith((".gz", ".bz2", ".xz", ".zst"))
                    else "*" + Path(name).suffix for name in found})
    return (f"{message}, but the folder walk skipped {len(found)} dataset file{'s' if len(found) > 1 else ''} "
            f"({shown}): folder walks read Markdown only unless told; name the files on the command line, "
            f"pass --extend-include '{','.join(globs)}', or add them to `extend-include` in the configuration")
