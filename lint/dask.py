"""The same rules over a Dask collection, on a cluster or a LocalCluster.

    pip install 'scrapelint[dask]'

    from scrapelint.dask import DaskLint
    lint = DaskLint.from_paths(["s3://bucket/crawl/*.jsonl.gz"], extend_select=["DS"])
    lint.findings().to_parquet("s3://bucket/findings/")      # a Dask dataframe
    lint.write("findings.sarif")                               # or .jsonl, .parquet

Document rules are a map over the partitions: each partition is linted by
the engine's own unit code (`scrapelint.units.process_unit`), in a worker
that builds the run's linters once.  Dataset rules fold a partial state per
partition and merge the states in a tree (`Bag.reduction`, consecutive
partitions, left before right), so the findings are the ones `--jobs N`
gives, whatever the number of workers.

Inputs: each file's reader is the one the reader hook gives it, picked as
the command line's runner picks it (`readers.detect_format`: by suffix,
then by its first bytes), so a reader plugin works on both engines and they
never disagree.  The built-in JSONL reader's files go through
`dask.bag.read_text` (compression from their first bytes, else as fsspec
infers it from the suffix), one partition per file; the built-in Parquet
reader's through `dask.dataframe.read_parquet`, one partition per row group;
another dataset reader's (`Reader.chunks`) are cut by the reader itself in
a worker, one partition per file; the files of a whole-file reader
(Markdown) go in chunks to the workers, which read them as the runner's
workers do.  Paths may be any fsspec URL the workers can read (`s3://`,
`gs://`, `abfs://`, a shared mount); a remote file's first bytes are not
read, so its suffix names its format.

Only this module imports dask; the core install never does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

try:
    import dask
    import dask.bag as db
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
    raise ModuleNotFoundError("the Dask engine needs dask: pip install 'scrapelint[dask]'") from exc

from scrapelint import runner, units
from scrapelint.config import Config
from scrapelint.engine import Linter, RunOptions
from scrapelint.findings import Finding
from scrapelint.readers import Reader
from scrapelint.results import DocResult
from scrapelint.rule import DatasetRule

FILES_PER_PARTITION = 64
MERGE_FAN_IN = 8  # partial states merged per node of the tree

# The run a worker process has built linters for (a worker serves one run at a time).
_WORKER_RUN: str | None = None


def _ensure_worker(run_id: str, configs: list[Config], options: RunOptions) -> None:
    global _WORKER_RUN
    if _WORKER_RUN != run_id:
        units.init_worker(configs, options)
        _WORKER_RUN = run_id


@dataclass(frozen=True)
class Source:
    """One input: a path or fsspec URL, how findings name it, its
    configuration, and why it is reported and not opened (`Target.problem`:
    a special file, a dangling link), if it is."""

    url: str
    display: str
    config_key: int = 0
    problem: str | None = None


def reader_of(url: str, table: dict[str, Reader]) -> Reader:
    """The reader of a file among the registered ones (`table`, by suffix),
    picked as the runner picks it; a remote file's first bytes read as
    empty (`compression.read_head`), so its suffix decides."""
    from scrapelint.readers import detect_format

    return detect_format(Path(url), table)


# -- collections of units ---------------------------------------------------------


def _record_units(lines: list[str], source: Source) -> list[tuple]:
    """A file's lines (decoded with surrogateescape, so the engine sees the
    bytes as written) as the engine's units of the built-in JSONL reader's
    chunks, numbered from 1."""
    from scrapelint.readers import JSONL_READER

    out, chunk = [], []
    for n, line in enumerate(lines, 1):
        raw = line.encode("utf-8", "surrogateescape")
        if raw.strip():
            chunk.append((n, raw))
        if len(chunk) >= units.RECORDS_PER_UNIT:
            out.append(("chunk", JSONL_READER.key, source.display, source.config_key, source.url, chunk))
            chunk = []
    if chunk:
        out.append(("chunk", JSONL_READER.key, source.display, source.config_key, source.url, chunk))
    return out


# compression.sniff's names, as fsspec names them
_FSSPEC_COMPRESSION = {"gzip": "gzip", "bzip2": "bz2", "xz": "xz", "zstd": "zstd"}


def jsonl_units(source: Source, storage_options: dict | None = None) -> db.Bag:
    """The JSONL reader's chunks of a file, decompressed as its first bytes
    say (as the reader does: a `.jsonl` that is really gzip, a suffix-less
    shard), else as fsspec infers it from the suffix (a remote file)."""
    from scrapelint.readers import compression

    sniffed = compression.sniff(compression.read_head(Path(source.url)))
    lines = db.read_text(source.url, blocksize=None, compression=_FSSPEC_COMPRESSION.get(sniffed, "infer"),
                         encoding="utf-8", errors="surrogateescape", linedelimiter="\n",
                         storage_options=storage_options)
    return lines.map_partitions(_record_units, source)


def _row_units(frame, source: Source, start: int) -> list[tuple]:
    import pyarrow as pa
    from scrapelint.readers import PARQUET_READER, _day_if_midnight

    rows = pa.Table.from_pandas(frame, preserve_index=False).to_pylist()
    rows = [{k: _day_if_midnight(v) for k, v in row.items()} for row in rows]  # as the Parquet reader does
    return [("chunk", PARQUET_READER.key, source.display, source.config_key, source.url, (start + 1, rows))]


def parquet_units(source: Source, storage_options: dict | None = None) -> db.Bag:
    """Row groups as partitions; rows numbered across the file as the local
    reader numbers them (a record without an id is `#N`)."""
    import dask.dataframe as dd

    frame = dd.read_parquet(source.url, dtype_backend="pyarrow", storage_options=storage_options)
    sizes = frame.map_partitions(len).compute().tolist()
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    parts = frame.to_delayed()
    return db.from_delayed([dask.delayed(_row_units)(part, source, start) for part, start in zip(parts, starts)])


def file_units(sources: Sequence[Source]) -> db.Bag:
    """Files of whole-file readers (Markdown) in the runner's units of files."""
    batches = [("files", [(s.url, s.display, s.config_key) for s in sources[i:i + units.FILES_PER_UNIT]])
               for i in range(0, len(sources), units.FILES_PER_UNIT)]
    per_partition = max(1, FILES_PER_PARTITION // units.FILES_PER_UNIT)
    return db.from_sequence(batches, partition_size=per_partition)


def _cut(source: Source, reader_key: tuple, run_id: str, configs: list[Config], options: RunOptions) -> list[tuple]:
    """A dataset's units as its own reader cuts it (`Reader.chunks`), in a worker."""
    _ensure_worker(run_id, configs, options)
    reader = units.READERS_BY_KEY[reader_key]
    return list(units.chunk_units(reader, Path(source.url), source.display, source.config_key, source.url))


def chunked_units(source: Source, reader: Reader, run: tuple) -> db.Bag:
    """A file of a dataset reader other than the built-in JSONL and Parquet
    ones (a plugin's), one partition: its reader cuts it in a worker, as the
    runner's main process does."""
    return db.from_delayed([dask.delayed(_cut)(source, reader.key, *run)])


def units_of(sources: Sequence[Source], run: tuple, storage_options: dict | None = None) -> db.Bag:
    """Every source as a bag of the engine's units, in the order given
    (consecutive files of whole-file readers share partitions); `run` is
    (run id, configurations, options), what a worker builds its linters from."""
    from scrapelint.readers import JSONL_READER, PARQUET_READER

    table = units.reader_table()
    bags, whole_files = [], []

    def add_whole_files() -> None:
        if whole_files:
            bags.append(file_units(whole_files))  # cut into batches now: the list can be emptied
            whole_files.clear()

    for source in sources:
        if source.problem is not None:  # never opened (a FIFO would block): an unreadable unit, as the runner's
            add_whole_files()
            unit = ("unreadable", source.display, source.config_key, None, source.problem)
            bags.append(db.from_sequence([unit], npartitions=1))
            continue
        reader = reader_of(source.url, table)
        if reader.chunks is None:  # read in a worker, which picks the same reader (units.reader_for)
            whole_files.append(source)
            continue
        add_whole_files()
        if reader is JSONL_READER:
            bags.append(jsonl_units(source, storage_options))
        elif reader is PARQUET_READER:
            bags.append(parquet_units(source, storage_options))
        else:
            bags.append(chunked_units(source, reader, run))
    add_whole_files()
    if not bags:
        return db.from_sequence([], npartitions=1)
    return db.concat(bags) if len(bags) > 1 else bags[0]


# -- the run ----------------------------------------------------------------------


def _lint_partition(partition, run_id: str, configs: list[Config], options: RunOptions) -> list[tuple]:
    """One partition: (its results in order, the dataset rules' partial state)."""
    _ensure_worker(run_id, configs, options)
    results: list[DocResult] = []
    for unit in partition:
        results.extend(units.process_unit(unit))
    state: dict = {}
    for result in results:
        if isinstance(result.collected, dict):
            _merge_into(state, result.collected)
        result.collected = []
    return [(results, state)]


def _merge_into(state: dict, other: dict) -> dict:
    rules = units.DATASET_RULES
    for code, partial in other.items():
        state[code] = rules[code].merge(state[code], partial) if code in state else partial
    return state


def _merge_states(states: Iterator[dict], run_id: str, configs: list[Config], options: RunOptions) -> dict:
    """One node of the tree: states of consecutive stretches, in input order."""
    _ensure_worker(run_id, configs, options)
    merged: dict = {}
    for state in states:
        _merge_into(merged, state)
    return merged


FINDING_COLUMNS = {"code": "string", "name": "string", "severity": "string", "message": "string",
                   "path": "string", "record": "string", "line": "Int64", "column": "Int64",
                   "end_line": "Int64", "end_column": "Int64", "fingerprint": "string"}


def finding_row(f: Finding) -> dict:
    return {"code": f.code, "name": f.name, "severity": str(f.severity), "message": f.message, "path": f.path,
            "record": f.record, "line": f.line, "column": f.column, "end_line": f.end_line,
            "end_column": f.end_column, "fingerprint": f.extra.get("fingerprint")}


class DaskLint:
    """A lint of Dask collections: `results()` in input order, `findings()`
    as a Dask dataframe, `write(path)` to Parquet, JSONL or SARIF."""

    def __init__(self, sources: Sequence[Source], configs: list[Config], options: RunOptions = RunOptions(),
                 *, storage_options: dict | None = None) -> None:
        self.linters = [Linter(c, options) for c in configs]  # validates the options before any work
        if not options.learn and any(isinstance(r, DatasetRule) and r.learns for lin in self.linters for r in lin.rules):
            options = _learn(sources, configs, options, storage_options)
        self.configs = configs
        self.options = options
        self.run_id = uuid.uuid4().hex
        args = (self.run_id, configs, options)
        self.partitions = units_of(sources, args, storage_options).map_partitions(_lint_partition, *args)
        self.dataset_state = self.partitions.map(lambda part: part[1]).reduction(
            lambda states: _merge_states(states, *args), lambda states: _merge_states(states, *args),
            split_every=MERGE_FAN_IN)

    @classmethod
    def from_paths(cls, paths: Sequence[str], config: Config | None = None, *, select: Sequence[str] | None = None,
                   extend_select: Sequence[str] = (), ignore: Sequence[str] = (),
                   storage_options: dict | None = None) -> "DaskLint":
        """Paths or fsspec URLs (globs expanded by fsspec), one configuration."""
        import fsspec
        from scrapelint.config import load_config

        config = config or load_config(None)
        options = RunOptions(select=tuple(select) if select is not None else None,
                             extend_select=tuple(extend_select), ignore=tuple(ignore))
        sources = []
        for path in paths:
            for url in fsspec.open_files(path, **(storage_options or {})):
                full = url.full_name if "://" in path else url.path
                sources.append(Source(full, full, 0))
        return cls(sources, [config], options, storage_options=storage_options)

    def results(self, window: int = 8) -> Iterator[DocResult]:
        """Each document's result in input order, the dataset rules' last.
        On a distributed cluster at most `window` partitions' results come
        to the client at once; the tree reduction of the dataset states runs
        on the cluster from the same tasks (Dask computes a key once)."""
        from collections import deque

        parts = self.partitions.to_delayed()
        client = _client()
        if client is None:  # no cluster: one local computation, no task twice
            values, final = dask.compute(parts, self.dataset_state, scheduler=dask.config.get("scheduler", "processes"))
            for value in values:
                yield from self._unpack(value)
        else:
            state = client.compute(self.dataset_state)
            pending: deque = deque()
            for part in parts:
                pending.append(client.compute(part))
                if len(pending) >= window:
                    yield from self._unpack(pending.popleft().result())
            while pending:
                yield from self._unpack(pending.popleft().result())
            final = state.result()
        dataset_result = _finish(final, self.linters)
        if dataset_result is not None:
            yield dataset_result

    @staticmethod
    def _unpack(value) -> Iterator[DocResult]:
        for results, _ in value:
            yield from results

    def findings(self):
        """Every finding as a Dask dataframe (one row a finding, FINDING_COLUMNS)."""
        import dask.dataframe as dd
        import pandas as pd

        rows = self.partitions.map(lambda part: [finding_row(f) for r in part[0] for f in r.findings]).flatten()
        meta = pd.DataFrame({k: pd.Series(dtype=v) for k, v in FINDING_COLUMNS.items()})
        per_document = rows.to_dataframe(meta=meta)
        collector_rows = dask.delayed(_dataset_rows)(self.dataset_state, self.linters)
        return dd.concat([per_document, dd.from_delayed([collector_rows], meta=meta)])

    def write(self, path: str, *, format: str | None = None) -> int:
        """Write every finding to `path` (format from the suffix: .parquet,
        .jsonl, .sarif); returns the number of findings."""
        fmt = format or path.rsplit(".", 1)[-1].lower()
        if fmt == "parquet":
            frame = self.findings()
            frame.to_parquet(path)
            return int(frame.shape[0].compute())
        return _write_report(self.results(), path, fmt, self.linters)


def _compute(collection):
    client = _client()
    if client is not None:
        return client.compute(collection).result()
    return dask.compute(collection, scheduler=dask.config.get("scheduler", "processes"))[0]


def _learn(sources: Sequence[Source], configs: list[Config], options: RunOptions,
           storage_options: dict | None) -> RunOptions:
    """The first pass of a run whose rules learn from it (DS004): the same
    map and tree reduction with only the learning rules collecting; the
    options of the second pass carry what they concluded to every worker."""
    learn = options._replace(learn=True, fix=False, diff=False, timings=False, context_lines=0)
    first = DaskLint(sources, configs, learn, storage_options=storage_options)
    collector = runner.DatasetCollector(first.linters)
    collector.states.update({code: s for code, s in _compute(first.dataset_state).items() if code in collector.states})
    return options._replace(learned=runner.conclude(collector))


def _finish(state: dict, linters: list) -> DocResult | None:
    collector = runner.DatasetCollector(linters)
    collector.states.update({code: s for code, s in state.items() if code in collector.states})
    return collector.finish()


def _dataset_rows(state: dict, linters: list) -> Any:
    import pandas as pd

    result = _finish(state, linters)
    rows = [finding_row(f) for f in result.findings] if result else []
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS)).astype(FINDING_COLUMNS)


def _write_report(results: Iterator[DocResult], path: str, fmt: str, linters: list) -> int:
    """JSONL or SARIF through the project's own reporters."""
    from scrapelint.reporters import ReportContext, Summary, reporter_class

    reporter = reporter_class(fmt) if fmt in ("jsonl", "sarif") else None
    if reporter is None:
        raise ValueError(f"cannot write {fmt!r}: use a .parquet, .jsonl or .sarif path")
    rules = sorted({type(r).__name__: type(r) for lin in linters for r in lin.rules}.values(), key=lambda r: r.code)
    summary = Summary(files=0)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        writer = reporter(out, ReportContext(rules=rules))
        writer.start()
        for result in results:
            summary.add(result)
            count += len(result.findings)
            writer.document(result)
        writer.finish(summary)
    return count


# -- the command line's engine -------------------------------------------------------


def _client():
    try:
        from distributed import default_client

        return default_client()
    except (ImportError, ValueError):
        return None


def start_client(scheduler: str | None, workers: int):
    """A client of the cluster at `scheduler`, or of a new LocalCluster with
    `workers` single-threaded worker processes (the rules are pure Python)."""
    try:
        from distributed import Client, LocalCluster
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError("the Dask engine needs dask.distributed: pip install 'scrapelint[dask]'") from exc
    import logging
    import os

    # the cluster's start and stop chatter is not the report's (workers read the variable as they start)
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "critical")
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def iter_results(targets: list, configs: list[Config], options: RunOptions, *, scheduler: str | None,
                 workers: int) -> Iterator[DocResult]:
    """`scrapelint check --engine dask`: the targets the command line found,
    linted on the cluster, each result in input order (the dataset rules'
    last, as with the process pool)."""
    sources = [Source(str(t.path), t.display, t.config_key, t.problem) for t in targets]
    client = start_client(scheduler, workers)
    try:
        yield from DaskLint(sources, configs, options).results()
    finally:
        cluster = client.cluster if scheduler is None else None
        client.close()
        if cluster is not None:
            cluster.close()
