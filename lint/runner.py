"""The run: inputs -> units of work -> the engine, on all cores -> results.

`Run` is what `scrapelint check` does, for any front end (the command line,
the Python API): it resolves the paths into configurations, linters and
targets, has them cut into units and linted on all cores
(`scrapelint.units`: a bounded window, so memory stays flat however large
the input, and results come back in input order whatever the number of
jobs), gathers what the dataset rules collect, drops the findings a
baseline knows and counts the summary.  It prints nothing: the caller hands
the results to reporters.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from scrapelint import timings
from scrapelint.config import Config
from scrapelint.digests import sha256
from scrapelint.engine import Linter, RunOptions
from scrapelint.guard import InternalError, failure_trace
from scrapelint.findings import Finding, Severity
from scrapelint.results import DocResult, Summary
from scrapelint.rule import DatasetRule
from scrapelint.units import (
    dataset_rules_of,
    iter_results,
    make_units,
    reader_table,
    readers_by_name,
)


class UsageError(Exception):
    """A problem with what the user asked for (a missing path, stdin twice)."""


class Run:
    """One run over paths (and stdin).  Building it checks everything that can
    be checked before any work: the paths exist, each configuration loads and
    its rule options are valid, the baseline file reads.  `results()` then
    yields each document's result in input order, the dataset rules' result
    last; `summary`, `errors` and `failing()` are complete once it is done.

    `max_share` caps the share of documents with findings of some rules
    (`--max-share CODE=PERCENT`, added to the first configuration's `[gate]`);
    a capped rule fails the run only through its cap.

    Raises UsageError, ConfigError, RegistryError, BaselineError or GateError."""

    def __init__(self, paths: Sequence[str], options: RunOptions = RunOptions(), *,
                 config_file: str | None = None, stdin: BinaryIO | None = None,
                 stdin_filename: str | None = None, stdin_format: str | None = None,
                 extend_include: Sequence[str] = (), jobs: int | None = None,
                 baseline_file: str | None = None, record_baseline: bool = False,
                 max_share: Sequence[str] = (), engine: str = "local", scheduler: str | None = None) -> None:
        from scrapelint import baseline
        from scrapelint.gate import Gate, parse_caps
        from scrapelint.rule import get_registry

        _check_engine(engine, scheduler, options, paths)
        self.options = options
        self.configs: list[Config] = []
        self.linters: list[Linter] = []
        self.targets: list = []
        self.stdin: tuple | None = None  # (bytes or a binary stream, name, config index, reader key)
        self.walked: list[tuple[Path, int]] = []  # the folders walked, with their configuration's index
        self._resolve(list(paths) or ["."], config_file, stdin, stdin_filename, stdin_format, list(extend_include))
        self.known = baseline.load(baseline_file) if baseline_file else None
        configured_caps = self.configs[0].settings.gate.max_share if self.configs else {}
        self.gate = Gate(parse_caps(list(max_share), configured_caps), get_registry())
        self.jobs = jobs if jobs and jobs > 0 else default_jobs()
        self.engine, self.scheduler = engine, scheduler
        self.learns = any(isinstance(r, DatasetRule) and r.learns for lin in self.linters for r in lin.rules)
        if self.learns and self.stdin is not None and not isinstance(self.stdin[0], bytes):
            raise UsageError("a rule that learns from the run (DS004) reads the input twice: give files, not a stream")
        self.record_baseline = record_baseline
        self.recorded: list[Finding] = []  # every finding, for --write-baseline
        self.errors: list[str] = []
        self.summary = Summary(files=len(self.targets) + (1 if self.stdin else 0))
        self._by_severity_and_code: Counter = Counter()  # for failing(): the gate exempts capped rules
        self.internal_errors = 0  # SL002 findings: a rule raised or ran past the time budget

    def _resolve(self, paths: list[str], config_file: str | None, stdin: BinaryIO | None,
                 stdin_filename: str | None, stdin_format: str | None, extend_include: list[str]) -> None:
        """The configurations (`config_file` for everything, else the closest to
        each path), their linters (built here, so a bad rule option stops the
        run before any work), the files to read, stdin's input if `-` was
        given, and the folders walked."""
        from scrapelint.config import find_config_file, load_config
        from scrapelint.discovery import (
            Target,
            check_root,
            display_path,
            file_problem,
            walk,
        )

        if paths.count("-") > 1:
            raise UsageError("stdin (-) can be read once")
        if config_file and not Path(config_file).is_file():
            raise UsageError(f"--config {config_file}: no such file")
        config_index: dict[Path | None, int] = {}

        def config_for(path: Path) -> int:
            file = Path(config_file) if config_file else find_config_file(path)
            key = file.resolve() if file else None
            if key not in config_index:
                config = load_config(file)
                if extend_include:
                    config.settings.extend_include = [*config.settings.extend_include, *extend_include]
                self.linters.append(Linter(config, self.options))
                config_index[key] = len(self.configs)
                self.configs.append(config)
            return config_index[key]

        reader_table()  # plugins' readers, before walking
        for raw in paths:
            if raw != "-" and not Path(raw).exists():
                raise UsageError(f"{raw}: no such file or directory")
        # the real folders the run may read and fix: links out of them are reported, not followed
        roots = tuple(sorted({check_root(Path(raw)) for raw in paths if raw != "-"}))
        self.options = self.options._replace(roots=roots)
        follow = self.options.follow_outside_links
        for raw in paths:
            if raw == "-":
                from scrapelint.readers import stdin_source

                key = config_for(Path.cwd())
                fmt, stream = stdin_source(stdin if stdin is not None else sys.stdin.buffer, stdin_filename, stdin_format)
                reader = readers_by_name().get(fmt)
                if reader is not None and reader.chunks is not None:
                    payload = stream
                elif reader is not None and reader.parse is not None:
                    # one byte more than the limit, so a larger document is reported as such
                    payload = stream.read(self.configs[key].settings.max_file_size + 1)
                else:
                    raise UsageError(f"no registered {fmt} reader can read stdin")
                self.stdin = (payload, stdin_filename or "-", key, reader.key)
                continue
            path = Path(raw)
            key = config_for(path)
            if path.is_dir():
                self.targets.extend(walk(path, self.configs[key], key, roots, follow))
                self.walked.append((path, key))
            else:
                self.targets.append(Target(path, display_path(path), key, file_problem(path, roots, follow)))

    @property
    def enabled_rules(self) -> list[type]:
        """Every rule class some configuration of the run enables, by code,
        and SL002, which reports a rule that failed whatever is selected."""
        classes = [*(type(r) for lin in self.linters for r in lin.rules), InternalError]
        return sorted({cls.code: cls for cls in classes}.values(), key=lambda r: r.code)

    @property
    def fail_on(self) -> Severity:
        """The configured lowest failing severity (of the first configuration)."""
        return Severity.parse(self.configs[0].settings.fail_on if self.configs else "warning")

    def results(self) -> Iterator[DocResult]:
        """Each document's result in input order, then the dataset rules' one.
        With `options.timings`, the workers' times go to `timings.TIMER`
        (the caller enables it and prints the table)."""
        dataset = DatasetCollector(self.linters)
        if self.learns and self.engine != "dask":  # the Dask engine learns on the cluster
            self.options = self._learn()
        if self.engine == "dask":  # the dataset rules finish on the cluster's side
            from scrapelint.dask import iter_results as iter_dask_results

            source = iter_dask_results(self.targets, self.configs, self.options, scheduler=self.scheduler,
                                       workers=self.jobs)
        else:
            source = iter_results(make_units(self.targets, self.stdin), self.configs, self.options, self.jobs)
        for result in source:
            yield self._account(result, dataset)
        timer = timings.TIMER
        if timer is None:
            dataset_result = dataset.finish()
        else:
            with timer.measure("stage: dataset rules, end of run"):
                dataset_result = dataset.finish()
        if dataset_result is not None:
            yield self._account(dataset_result, dataset)
        self.summary.gate = self.gate.results(self.summary.stats)

    def _learn(self) -> RunOptions:
        """The first pass of a run whose rules learn from it (DS004): the
        learning rules collect and merge over the whole input; the options of
        the second pass carry what they concluded to every worker."""
        learn = self.options._replace(learn=True, fix=False, diff=False, timings=False, context_lines=0)
        linters = [Linter(c, learn) for c in self.configs]
        collector = DatasetCollector(linters)
        for result in iter_results(make_units(self.targets, self.stdin), self.configs, learn, self.jobs):
            if result.collected:
                collector.add(result)
            self.errors.extend(result.errors)
        return self.options._replace(learned=conclude(collector))

    def _account(self, result: DocResult, dataset: DatasetCollector) -> DocResult:
        if result.timings and timings.TIMER is not None:
            timings.TIMER.merge(result.timings)
        if result.collected:
            dataset.add(result)
        if self.known is not None:
            before = len(result.findings)
            result.findings = [f for f in result.findings if f.extra.get("fingerprint") not in self.known]
            self.summary.baselined += before - len(result.findings)
        if self.record_baseline:
            self.recorded.extend(result.findings)
        self.summary.add(result)
        self.gate.add(result)
        tally = result.tally
        self._by_severity_and_code.update((severity, code) for code, _name, severity, _fixable in tally)
        self.internal_errors += sum(1 for code, *_ in tally if code == "SL002")
        self.errors.extend(result.errors)
        return result

    def failing(self, fail_on: Severity) -> int:
        """Findings reported so far at or above `fail_on`, set aside those of
        rules under a `max_share` cap."""
        return sum(n for (severity, code), n in self._by_severity_and_code.items()
                   if severity >= fail_on and self.gate.counts_for_fail_on(code))

    @property
    def gate_failed(self) -> bool:
        return any(not cap.passed for cap in self.summary.gate)

    def field_problems(self) -> list[str]:
        """Dataset field mappings that matched no record (a usage error)."""
        return self.summary.stats.field_problems([c.settings.fields for c in self.configs])

    def no_documents_message(self) -> str:
        """Why a run checked 0 documents, naming the datasets a walk skipped."""
        from scrapelint.dataset_checks import no_documents_message

        return no_documents_message(self.walked, self.configs)

    def write_baseline(self, path: str) -> None:
        from scrapelint import baseline

        baseline.write(path, self.recorded)


def _check_engine(engine: str, scheduler: str | None, options: RunOptions, paths: Sequence[str]) -> None:
    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if engine != "dask":
        return
    if options.fix or options.diff or "-" in paths:
        raise UsageError("--engine dask reads files (no stdin) and writes nothing (no --fix or --diff)")
    try:
        import scrapelint.dask  # noqa: F401
    except ModuleNotFoundError as exc:
        raise UsageError(str(exc)) from None


class DatasetCollector:
    """The main process's side of the dataset rules: merges the partial
    states of the units in input order, and asks each rule for its findings
    once the run is over."""

    def __init__(self, linters: list[Linter]) -> None:
        self.rules = dataset_rules_of(linters)
        self.states: dict = {code: rule.new_state() for code, rule in self.rules.items()}

    def add(self, result: DocResult) -> None:
        for code, state in result.collected.items():
            self.states[code] = self.rules[code].merge(self.states[code], state)
        result.collected = {}

    def finish(self) -> DocResult | None:
        findings: list[Finding] = []
        errors: list[str] = []
        for code, rule in self.rules.items():
            try:
                findings.extend(rule.finish(self.states[code]))
            except Exception:
                errors.append(f"rule {code} ({rule.name}) failed at the end of the run:\n" + failure_trace())
        if not findings and not errors:
            return None
        findings.sort(key=Finding.sort_key)
        for f in findings:
            key = f"{f.code}\0{f.path}\0{f.record or ''}\0{f.message}"
            f.extra["fingerprint"] = sha256(key.encode()).hexdigest()[:32]
        return DocResult("(dataset)", findings, errors=errors, documents=0)


def conclude(collector: DatasetCollector) -> tuple:
    """(rule code, what it learned) of each learning rule, for the second pass."""
    return tuple((code, rule.conclude(collector.states[code])) for code, rule in collector.rules.items()
                 if rule.learns)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1
