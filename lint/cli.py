"""The `scrapelint` command: check, rule, rules.

Exit codes (ruff's): 0 no finding at or above `--fail-on`, 1 findings,
2 usage, configuration or internal error.  `--exit-zero` turns 1 into 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from scrapelint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _examples(value: str) -> int | None:
    if value == "all":
        return None
    if not value.isdigit():
        raise argparse.ArgumentTypeError("a number of findings, or `all`")
    return int(value)


class _CheckingFormatter(argparse.HelpFormatter):
    """The formatter `add_argument` makes to check each argument's metavar:
    at a fixed width, since that check does not depend on it.  argparse's
    own asks the terminal for its width, importing shutil (and with it bz2
    and lzma) for every run: 6 M instructions of a one-file run.  Help,
    usage and errors are formatted by argparse's own (`build_parser` puts
    it back once the parser is built)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, 80 if width is None else width)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrapelint",
        description="A data-quality linter for scraped article metadata (Markdown front matter, JSONL, Parquet).",
        formatter_class=_CheckingFormatter,
    )
    parser.add_argument("--version", action="version", version=f"scrapelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", formatter_class=_CheckingFormatter, help="lint files, folders, datasets or stdin (-)",
                           description="Lint scraped articles: Markdown files with front matter, JSONL or Parquet datasets.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .); - reads stdin")
    check.add_argument("--format", default="text", help="output format: text, json, sarif, github, html (or a plugin's)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--select", type=_csv, metavar="RULES", help="comma-separated codes, prefixes, names or ALL; replaces the configured set")
    check.add_argument("--extend-select", type=_csv, default=[], metavar="RULES", help="rules to add to the selection")
    check.add_argument("--ignore", type=_csv, default=[], metavar="RULES", help="rules to disable")
    check.add_argument("--fail-on", choices=("error", "warning", "note"), help="lowest severity that fails the run (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--config", metavar="FILE", help="use this configuration file, not the discovered ones")
    check.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    check.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local: a process pool; dask: a Dask cluster (needs scrapelint[dask]), --jobs workers")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the scheduler of an existing cluster (default: a new LocalCluster)")
    check.add_argument("--statistics", action="store_true", help="count findings per rule instead of listing them")
    check.add_argument("--quiet", "-q", action="store_true", help="print nothing when there is no finding")
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place (atomic writes)")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes marked unsafe")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for stdin; its suffix sets the format (x.jsonl, x.jsonl.gz)")
    check.add_argument("--stdin-format", choices=("markdown", "jsonl"), help="what stdin holds (default: from --stdin-filename, else its first bytes)")
    check.add_argument("--extend-include", type=_csv, action="extend", default=[], metavar="GLOBS",
                       help="file-name globs added to `include` for folder walks (e.g. '*.jsonl,*.jsonl.gz')")
    check.add_argument("--follow-outside-links", action="store_true",
                       help="read (and with --fix, write) files that symbolic links point to outside the checked paths")
    check.add_argument("--no-color", action="store_true", help="never colour the text output")
    check.add_argument("--max-share", action="append", default=[], metavar="CODE_OR_PREFIX=PERCENT",
                       help="fail when more than PERCENT of the documents have a finding of these rules (repeatable); "
                            "rules under a cap do not fail the run by themselves")
    check.add_argument("--max-examples", type=_examples, default=20, metavar="N|all",
                       help="text output: show at most N dataset-record findings per rule, then a count of the rest (default 20)")
    check.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE (then exit 0)")
    check.add_argument("--timings", action="store_true",
                       help="after the run, print the time spent in each rule and shared analysis to stderr")

    rule = sub.add_parser("rule", formatter_class=_CheckingFormatter, help="explain a rule", description="Print a rule's page: what it checks, why, an example, the fix.")
    rule.add_argument("rule", metavar="CODE|NAME")
    rule.add_argument("--format", choices=("text", "json"), default="text")

    rules = sub.add_parser("rules", formatter_class=_CheckingFormatter, help="list every rule", description="A table of every known rule.")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    for built in (parser, check, rule, rules):
        built.formatter_class = argparse.HelpFormatter
    return parser


class Terminated(BaseException):
    """SIGTERM: unwind like Ctrl-C, so the pool and temporary files are cleaned up."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the command's own process (a caller passing arguments keeps its `re` as it is)
        from scrapelint import gctuning, regexcache

        regexcache.install()
        gctuning.collect_less_often()
    code = _main(argv)
    if argv is None:
        _exit_without_teardown(code)
    return code


def _exit_without_teardown(code: int) -> None:
    """End the command's own process once its work is done, without the
    interpreter's teardown (freeing every module and object one by one: 40 M
    instructions, 6.5% of a one-file pre-commit run).  What that exit does
    that matters still happens first: the atexit handlers run (one saves the
    regex cache) and the standard streams are flushed.  Anything unusual (a
    thread still running, which a normal exit waits for; a stream that
    cannot be flushed, whose error a normal exit reports) leaves it to the
    normal exit, and so does a run under a profiler or tracer (`python -m
    cProfile` writes its report after main() returns)."""
    import atexit

    if sys.getprofile() is not None or sys.gettrace() is not None or _monitored():
        return
    threading = sys.modules.get("threading")
    if threading is not None and any(not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        return
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)  # CPython's; absent elsewhere
    if run_exit_handlers is None:
        return
    run_exit_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _monitored() -> bool:
    """Whether a tool watches this process through sys.monitoring (3.12+)."""
    monitoring = getattr(sys, "monitoring", None)
    return monitoring is not None and any(monitoring.get_tool(tool) is not None for tool in range(6))


def _main(argv: list[str] | None) -> int:
    import signal

    args = build_parser().parse_args(argv)
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (an embedding application)
        previous = None
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "rules":
            return cmd_rules(args)
        build_parser().print_help()
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Terminated:
        return 128 + signal.SIGTERM
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as exc:  # a bug: exit 2 (never 1, which CI reads as "findings")
        return _internal_error(exc)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _internal_error(exc: BaseException) -> int:
    import traceback

    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" (at {os.path.basename(where[0].filename)}:{where[0].lineno})" if where else ""
    print(f"scrapelint: internal error: {type(exc).__name__}: {exc}{place}; this is a bug, please report it",
          file=sys.stderr)
    if os.environ.get("SCRAPELINT_TRACEBACK"):
        traceback.print_exception(exc)
    return EXIT_ERROR


def error(message: str) -> int:
    print(f"scrapelint: error: {message}", file=sys.stderr)
    return EXIT_ERROR


# -- check ------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from scrapelint import timings
    from scrapelint.baseline import BaselineError
    from scrapelint.config import ConfigError
    from scrapelint.engine import RunOptions
    from scrapelint.findings import Severity
    from scrapelint.gate import GateError
    from scrapelint.progress import progress_for
    from scrapelint.reporters import ReportContext
    from scrapelint.rule import RegistryError
    from scrapelint.runner import Run, UsageError

    if args.fix and args.diff:
        return error("--fix and --diff exclude each other: --diff shows what --fix would write")
    options = RunOptions(
        select=tuple(args.select) if args.select is not None else None,
        extend_select=tuple(args.extend_select),
        ignore=tuple(args.ignore),
        fix=args.fix,
        diff=args.diff,
        unsafe_fixes=args.unsafe_fixes,
        timings=args.timings,
        follow_outside_links=args.follow_outside_links,
    )
    try:
        reporter_class = _reporter_class(args.format)
        if reporter_class.context_lines:
            options = options._replace(context_lines=reporter_class.context_lines)
        options = options._replace(fingerprints=bool(
            getattr(reporter_class, "uses_fingerprints", True) or args.baseline or args.write_baseline))
        if _writes_per_document(reporter_class) and not args.baseline:
            # a baseline drops findings in the main process, which then writes their text itself
            options = options._replace(rendered_format=args.format)
        run = Run(args.paths, options, config_file=args.config, stdin_filename=args.stdin_filename,
                  stdin_format=args.stdin_format, extend_include=args.extend_include, jobs=args.jobs,
                  baseline_file=args.baseline, record_baseline=bool(args.write_baseline), max_share=args.max_share,
                  engine=args.engine, scheduler=args.scheduler)
        out = _open_output(args.output)
    except (UsageError, ConfigError, RegistryError, BaselineError, GateError) as exc:
        return error(str(exc))

    fail_on = Severity.parse(args.fail_on) if args.fail_on else run.fail_on
    # with caps, uncapped rules fail the run only on an explicit fail-on (scrapelint.gate)
    run.gate.explicit_fail_on = bool(args.fail_on) or bool(run.configs and "fail_on" in run.configs[0].settings.model_fields_set)
    color = args.format == "text" and not args.output and not args.no_color and _color_wanted()
    context = ReportContext(rules=run.enabled_rules, color=color, statistics=args.statistics, quiet=args.quiet,
                            fix_mode="fix" if args.fix else "diff" if args.diff else None,
                            max_examples=args.max_examples)
    progress = progress_for(run.targets, run.stdin, quiet=args.quiet or args.no_progress)
    reporter = reporter_class(progress.guard(out), context)
    timer = timings.enable() if args.timings else None
    finished = False
    try:
        reporter.start()
        for result in run.results():
            if timer is None:
                reporter.document(result)
            else:
                with timer.measure("stage: output (reporter)"):
                    reporter.document(result)
            progress.update(result)
        progress.close()
        reporter.finish(run.summary)
        finished = True
    finally:
        progress.close()
        if out is not sys.stdout:
            out.commit() if finished else out.discard()
        if timer is not None:
            timings.disable()
            timings.print_table(timer.totals)
    for message in run.errors:
        print(f"scrapelint: error: {message}", file=sys.stderr)
    if run.errors:
        return EXIT_ERROR
    if run.internal_errors and not args.exit_zero:
        print(f"scrapelint: error: {run.internal_errors} internal error(s) (SL002): "
              "some documents were not fully checked", file=sys.stderr)
        return EXIT_ERROR
    if not run.summary.documents:
        return error(run.no_documents_message())
    problems = run.field_problems()
    for message in problems:
        print(f"scrapelint: error: {message}", file=sys.stderr)
    if problems:
        return EXIT_ERROR
    if args.write_baseline:
        run.write_baseline(args.write_baseline)
        print(f"scrapelint: recorded {len(run.recorded)} findings in {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    if args.exit_zero:
        return EXIT_CLEAN
    if args.diff:
        return EXIT_FINDINGS if run.summary.fixed else EXIT_CLEAN
    return EXIT_FINDINGS if run.failing(fail_on) or run.gate_failed else EXIT_CLEAN


def _writes_per_document(reporter_class: type) -> bool:
    """Whether the format's text for a document is a static method of the
    result alone (`Reporter.document_text`), which a worker can call."""
    import inspect  # already imported by pluggy

    return isinstance(inspect.getattr_static(reporter_class, "document_text", None), staticmethod)


def _reporter_class(name: str):
    from scrapelint.reporters import formats, reporter_class

    found = reporter_class(name)
    if found is None:
        from scrapelint.runner import UsageError

        raise UsageError(f"unknown format {name!r}; available: {', '.join(sorted(formats()))}")
    return found


def _open_output(path: str | None):
    """stdout, or a report file that appears only once it is complete."""
    from scrapelint.output import AtomicOutput
    from scrapelint.runner import UsageError

    if not path:
        return sys.stdout
    if os.path.isdir(path):
        raise UsageError(f"--output {path}: is a directory")
    try:
        return AtomicOutput(path)
    except OSError as exc:
        raise UsageError(f"--output {path}: {exc.strerror or exc}") from None


def _color_wanted() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


# -- rule, rules ----------------------------------------------------------------------


def _rule_info(rule) -> dict:
    from scrapelint.plugin import plugin_of
    from scrapelint.rule import FAMILIES

    options = []
    for name, field in rule.Options.model_fields.items():
        options.append({
            "name": field.alias or name,
            "type": getattr(field.annotation, "__name__", str(field.annotation)),
            "default": field.get_default(call_default_factory=True),
            "description": field.description or "",
        })
    return {
        "code": rule.code,
        "name": rule.name,
        "family": rule.family(),
        "family_description": FAMILIES.get(rule.family(), ""),
        "summary": rule.summary(),
        "severity": str(rule.severity),
        "fixable": rule.fixable,
        "default_enabled": rule.default_enabled,
        "plugin": plugin_of(rule),
        "options": options,
        "documentation": rule.documentation(),
    }


def _source_of(rule) -> dict:
    """Where a rule is implemented: its module, class, file and the line of
    its class statement (None where the source cannot be found, e.g. a rule
    made at run time)."""
    import inspect

    where = {"module": rule.__module__, "class": rule.__qualname__, "path": None, "line": None}
    try:
        where["path"] = inspect.getsourcefile(rule)
        where["line"] = inspect.getsourcelines(rule)[1]
    except (OSError, TypeError):
        pass
    return where


def cmd_rule(args: argparse.Namespace) -> int:
    from scrapelint.rule import get_registry

    rule = get_registry().lookup(args.rule)
    if rule is None:
        return error(f"unknown rule {args.rule!r}; `scrapelint rules` lists them")
    info = _rule_info(rule)
    info["source"] = source = _source_of(rule)
    if args.format == "json":
        print(json.dumps(info, indent=2, ensure_ascii=False, default=str))
        return EXIT_CLEAN
    print(f"# {info['code']} {info['name']}\n")
    print(f"Family: {info['family']} ({info['family_description']}). Default severity: {info['severity']}. "
          f"Fixable: {'yes' if info['fixable'] else 'no'}. "
          f"{'Enabled by default' if info['default_enabled'] else 'Off unless selected'}. Plugin: {info['plugin']}.")
    where = f"{source['module']}.{source['class']}"
    if source["line"]:
        where += f", line {source['line']} ({source['path']}:{source['line']})"
    print(f"Implemented in: {where}\n")
    print(info["documentation"])
    if info["options"]:
        print("\nOptions (under [tool.scrapelint.rules." + info["code"] + "]):")
        for opt in info["options"]:
            print(f"  {opt['name']} ({opt['type']}, default {opt['default']!r}): {opt['description']}")
    return EXIT_CLEAN


def cmd_rules(args: argparse.Namespace) -> int:
    from scrapelint.rule import get_registry

    infos = [_rule_info(r) for r in get_registry()]
    if args.format == "json":
        for info in infos:
            info.pop("documentation")
        print(json.dumps(infos, indent=2, ensure_ascii=False, default=str))
        return EXIT_CLEAN
    rows = [("code", "name", "family", "severity", "fix", "plugin")]
    rows += [(i["code"], i["name"], i["family"], i["severity"], "yes" if i["fixable"] else "", i["plugin"]) for i in infos]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
