"""The datatrove step (`scrapelint.integrations.datatrove`) in real datatrove
pipelines: a JSONL reader, the step, JSONL writers, a local executor."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from conftest import run  # noqa: E402
from scrapelint.integrations.datatrove import ScrapelintFilter  # noqa: E402

# Invented pages, as a crawler's datatrove reader would give them
CLEAN = {"id": "ferry", "text": "The harbour council voted on Tuesday to keep the night ferry running through "
         "the winter months.\n\nThe service carries about two hundred passengers a week.",
         "metadata": {"url": "https://news.example.org/2031/ferry-timetable", "title": "Night ferry to keep running"}}
TRACKED = {"id": "library", "text": "A new reading room opened at the town library this week, with long tables.",
           "metadata": {"url": "https://news.example.org/library-room?utm_source=feed&utm_medium=rss"}}
HTML = {"id": "bakery", "text": "The bakery on Mill Lane <div class=\"promo\">won a regional prize</div> for its rye loaf.",
        "metadata": {"url": "https://news.example.org/bakery"}}
SELECT = ["UR", "TX"]


def write_input(folder: Path, *shards: list[dict]) -> str:
    folder.mkdir()
    for number, records in enumerate(shards):
        (folder / f"part-{number}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(folder)


def read_output(folder: Path) -> dict[str, dict]:
    return {doc["id"]: doc for path in sorted(folder.glob("*.jsonl")) for doc in map(json.loads, path.read_text().splitlines())}


def run_pipeline(tmp_path: Path, step: ScrapelintFilter, *shards: list[dict], workers: int = 1) -> dict:
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(write_input(tmp_path / "in", *shards)), step,
                  JsonlWriter(str(tmp_path / "kept"), compression=None)],
        tasks=len(shards), workers=workers, logging_dir=str(tmp_path / "logs"))
    executor.run()
    return json.loads((tmp_path / "logs" / "stats.json").read_text())


def step_stats(stats: list[dict]) -> dict:
    return next(s["stats"] for s in stats if "scrapelint" in s["name"])


def test_drops_failing_documents_and_keeps_the_findings_in_their_metadata(tmp_path):
    rejected = JsonlWriter(str(tmp_path / "rejected"), compression=None)
    stats = run_pipeline(tmp_path, ScrapelintFilter(select=SELECT, exclusion_writer=rejected), [CLEAN, TRACKED, HTML])
    kept, dropped = read_output(tmp_path / "kept"), read_output(tmp_path / "rejected")
    assert set(kept) == {"ferry"} and set(dropped) == {"library", "bakery"}
    assert kept["ferry"]["metadata"]["scrapelint"] == []
    assert {i: d["metadata"]["filter_reason"] for i, d in dropped.items()} == {"library": "UR002", "bakery": "TX003"}
    library = dropped["library"]["metadata"]["scrapelint"]
    assert [(f["code"], f["name"], f["severity"], f["line"]) for f in library] == [
        ("UR002", "tracking-parameters", "warning", None)]
    assert "utm_source, utm_medium" in library[0]["message"]
    counts = step_stats(stats)
    assert (counts["dropped_UR002"], counts["dropped_TX003"], counts["forwarded"]) == (1, 1, 1)


def test_findings_are_those_of_the_cli_on_the_written_file(tmp_path, capsys):
    rejected = JsonlWriter(str(tmp_path / "rejected"), compression=None)
    run_pipeline(tmp_path, ScrapelintFilter(select=SELECT, exclusion_writer=rejected), [CLEAN, TRACKED, HTML])
    written = [str(p) for p in sorted((tmp_path / "rejected").glob("*.jsonl"))]
    code, out, err = run(capsys, "check", *written, "--select", ",".join(SELECT), "--format", "json", "--exit-zero")
    assert code == 0, err
    from_cli = sorted((f["record"], f["code"], f["message"]) for f in json.loads(out)["findings"])
    in_metadata = sorted((doc_id, f["code"], f["message"]) for doc_id, doc in read_output(tmp_path / "rejected").items()
                         for f in doc["metadata"]["scrapelint"])
    assert from_cli == in_metadata and len(in_metadata) == 2


def test_annotate_only_keeps_every_document(tmp_path):
    run_pipeline(tmp_path, ScrapelintFilter(select=SELECT, drop=False), [CLEAN, TRACKED, HTML])
    kept = read_output(tmp_path / "kept")
    assert {i: [f["code"] for f in d["metadata"]["scrapelint"]] for i, d in kept.items()} == {
        "ferry": [], "library": ["UR002"], "bakery": ["TX003"]}


def test_fail_on_and_configured_severities_choose_what_is_dropped(tmp_path):
    step = ScrapelintFilter(select=SELECT, fail_on="error", config={"severity": {"UR002": "error"}})
    run_pipeline(tmp_path, step, [CLEAN, TRACKED, HTML])
    kept = read_output(tmp_path / "kept")
    assert set(kept) == {"ferry", "bakery"}  # TX003 stays a warning, below fail_on
    assert kept["bakery"]["metadata"]["scrapelint"][0]["code"] == "TX003"


def test_two_tasks_on_a_process_pool_each_build_their_linter(tmp_path):
    step = ScrapelintFilter(select=SELECT)
    stats = run_pipeline(tmp_path, step, [CLEAN, TRACKED], [HTML], workers=2)
    assert set(read_output(tmp_path / "kept")) == {"ferry"}
    assert step_stats(stats)["dropped"] == 2


def test_fields_map_canonical_fields_to_the_documents_keys():
    page = Document(text="Volunteers planted forty oak saplings along the river path.", id="oaks",
                    metadata={"page": "https://news.example.org/oaks?utm_campaign=spring"})
    assert ScrapelintFilter(select=SELECT).filter(page) is True  # `page` is no known name for the source
    mapped = ScrapelintFilter(select=SELECT, fields={"source": "metadata.page"})
    assert mapped.filter(page) == (False, "UR002")
    assert page.metadata["scrapelint"][0]["code"] == "UR002"


def test_a_second_run_does_not_lint_the_first_runs_findings():
    step = ScrapelintFilter(select=SELECT, drop=False)
    doc = Document(text=CLEAN["text"], id="ferry", metadata=dict(CLEAN["metadata"]))
    doc.metadata["scrapelint"] = [{"code": "TX003", "message": "<div> from an earlier run"}]
    assert step.filter(doc) is True and doc.metadata["scrapelint"] == []


def test_the_step_copies_without_its_linter_and_rebuilds_it():
    step = ScrapelintFilter(select=SELECT)
    copy = pickle.loads(pickle.dumps(step))
    assert copy._linter is None and copy.linter.codes == step.linter.codes


def test_a_bad_selection_fails_where_the_pipeline_is_defined():
    with pytest.raises(Exception, match="NOPE"):
        ScrapelintFilter(select=["NOPE999"])
