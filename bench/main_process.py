#!/usr/bin/env python3
"""What a parallel run's main process spends per document, against a worker.

    python bench/main_process.py [--docs 400] [--rounds 5] [--instructions] [PATH ...]

With --jobs N, N workers lint the documents and the main process does the
rest: it unpickles each unit's results, accounts them (summary, statistics,
--max-share gate, fail-on counts) and writes the report.  Its share of the
workers' CPU bounds how far a run scales: on 2 cores every point of it is a
point off the 2x, and on many cores the main process becomes the limit once
N times its work per document reaches a worker's.

Reads the first --docs Markdown files under PATH (default: ../shared/corpus),
lints them in this process as a pool worker would (`process_unit_in_pool`,
writing the JSON report's text), pickles each unit's results as the pool does, then times the main
process's three steps (best of --rounds, microseconds per document) and the
lint itself, and prints each step's share of the lint.  --instructions
counts instead (valgrind, one core, repeatable on a busy machine): each step
in its own child process, its count with the step done twice less once.
"""

from __future__ import annotations

import io
import pickle
import sys
import time
from pathlib import Path

import stagebench  # bench/, beside this script

STEPS = ("lint", "unpickle", "account", "json report")
ACCOUNT_ROUNDS = 12  # at most this many rounds time the accounting


def prepare(paths: list[Path], docs: int):
    """(run, the pickled results of each unit, the results, document count)."""
    from scrapelint import units
    from scrapelint.engine import RunOptions
    from scrapelint.runner import Run

    run = Run([str(p) for p in paths], RunOptions(fingerprints=True, rendered_format="json"), jobs=1)
    run.targets = [t for t in run.targets if t.path.suffix == ".md"][:docs]
    units.init_worker(run.configs, run.options)
    units.init_rendering(run.options)
    work = list(units.make_units(run.targets, None))
    pickled = [pickle.dumps(units.process_unit_in_pool(u), protocol=pickle.HIGHEST_PROTOCOL) for u in work]
    results = [r for blob in pickled for r in pickle.loads(blob)]
    return run, work, pickled, results


def steps(run, work, pickled, results) -> dict:
    from scrapelint import units
    from scrapelint.reporters import ReportContext
    from scrapelint.reporters.json import JsonReporter
    from scrapelint.runner import DatasetCollector, Run

    def lint():
        for unit in work:
            units.process_unit_in_pool(unit)

    def unpickle():
        for blob in pickled:
            pickle.loads(blob)

    # each round accounts into a run of its own, built beforehand (as many
    # for every count, so that counting one pass against two subtracts them)
    fresh_runs = [Run([str(run.targets[0].path)], run.options, jobs=1) for _ in range(ACCOUNT_ROUNDS)]

    def account():
        fresh = fresh_runs.pop()
        dataset = DatasetCollector(fresh.linters)
        for result in results:
            fresh._account(result, dataset)

    context = ReportContext(rules=run.enabled_rules)

    def report():
        reporter = JsonReporter(io.StringIO(), context)
        reporter.start()
        for result in results:
            reporter.document(result)

    for _ in range(2):
        report()  # past the encoder's hand-over to orjson, as a long run is
    return {"lint": lint, "unpickle": unpickle, "account": account, "json report": report}


def main() -> None:
    ap = stagebench.arguments(__doc__, stage="the main process's steps", digest="nothing", rounds=5)
    stagebench.add_count_options(ap, versions=False)
    ap.add_argument("--step", choices=STEPS, help=stagebench.argparse.SUPPRESS)  # the child's step
    ap.set_defaults(docs=400)
    a = ap.parse_args()
    if a.rounds > ACCOUNT_ROUNDS:
        sys.exit(f"--rounds: at most {ACCOUNT_ROUNDS}")
    paths = a.paths if a.paths != stagebench.DEFAULT_PATHS else [stagebench.SHARED / "corpus"]
    if not stagebench.all_present(paths):
        sys.exit(2)
    if a.passes is not None:  # valgrind's child: one step, a.passes times
        prepared = prepare(paths, a.docs)
        run = steps(*prepared)[a.step]
        for _ in range(a.passes):
            run()
        print(len(prepared[3]))
        return
    if a.instructions:
        stagebench.need_valgrind()
        per_doc = {}
        for step in STEPS:
            child = [sys.executable, __file__, "--step", step, "--docs", str(a.docs), *map(str, paths)]
            per_doc[step] = stagebench.pass_instructions(child)
        unit = "k instructions"
        shown = {step: n / 1e3 for step, n in per_doc.items()}
    else:
        prepared = prepare(paths, a.docs)
        best = stagebench.best_times(steps(*prepared), a.rounds)
        unit = "us"
        shown = {step: best[step] / len(prepared[3]) * 1e6 for step in STEPS}
    print(f"{'per document':14} {unit:>15} {'share of lint':>14}")
    for step in STEPS:
        print(f"{step:14} {shown[step]:15.1f} {shown[step] / shown['lint']:14.2%}")
    main_share = sum(shown[s] for s in STEPS[1:]) / shown["lint"]
    print(f"main process: {main_share:.2%} of a worker's work; 2 cores can give at most {2 / (1 + main_share):.2f}x")


if __name__ == "__main__":
    main()
