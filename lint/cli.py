"""The `scrapelint` command: check, rule, rules.

Exit codes (ruff's): 0 no finding at or above `--fail-on`, 1 findings,
2 usage, configuration or internal error.  `--exit-zero` turns 1 into 0.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrapelint",
        description="A data-quality linter for scraped article metadata (Markdown front matter, JSONL, Parquet).",
    )
    parser.add_argument("--version", action="version", version=f"scrapelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint files, folders, datasets or stdin (-)",
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
    check.add_argument("--statistics", action="store_true", help="count findings per rule instead of listing them")
    check.add_argument("--quiet", "-q", action="store_true", help="print nothing when there is no finding")
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place (atomic writes)")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes marked unsafe")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for stdin; its suffix sets the format (x.jsonl, x.jsonl.gz)")
    check.add_argument("--stdin-format", choices=("markdown", "jsonl"), help="what stdin holds (default: from --stdin-filename, else its first bytes)")
    check.add_argument("--extend-include", type=_csv, action="extend", default=[], metavar="GLOBS",
                       help="file-name globs added to `include` for folder walks (e.g. '*.jsonl,*.jsonl.gz')")
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

    rule = sub.add_parser("rule", help="explain a rule", description="Print a rule's page: what it checks, why, an example, the fix.")
    rule.add_argument("rule", metavar="CODE|NAME")
    rule.add_argument("--format", choices=("text", "json"), default="text")

    rules = sub.add_parser("rules", help="list every rule", description="A table of every known rule.")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
    except BrokenPipeError:
        return EXIT_CLEAN


def error(message: str) -> int:
    print(f"scrapelint: error: {message}", file=sys.stderr)
    return EXIT_ERROR


# -- check ------------------------------------------------------------------------


class UsageError(Exception):
    """A problem with what the user asked for: reported, exit code 2."""


def cmd_check(args: argparse.Namespace) -> int:
    from scrapelint import baseline, timings
    from scrapelint.config import ConfigError
    from scrapelint.engine import DatasetCollector, RunOptions, default_jobs, make_units, run_units
    from scrapelint.findings import Severity
    from scrapelint.gate import Gate, GateError, parse_caps
    from scrapelint.progress import progress_for
    from scrapelint.reporters import ReportContext, Summary
    from scrapelint.rule import RegistryError, get_registry

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
    )
    try:
        reporter_class = _reporter_class(args.format)
        if reporter_class.context_lines:
            options = dataclasses.replace(options, context_lines=reporter_class.context_lines)
        configs, linters, targets, stdin, walked = _resolve_inputs(args, options)
        known = baseline.load(args.baseline) if args.baseline else None
        gate = Gate(parse_caps(args.max_share, configs[0].settings.gate.max_share if configs else {}), get_registry())
        out = _open_output(args.output)
    except (UsageError, ConfigError, RegistryError, baseline.BaselineError, GateError) as exc:
        return error(str(exc))

    fail_on = Severity.parse(args.fail_on or (configs[0].settings.fail_on if configs else "warning"))
    color = args.format == "text" and not args.output and not args.no_color and _color_wanted()
    enabled = sorted({type(r).__name__: type(r) for lin in linters for r in lin.rules}.values(), key=lambda r: r.code)
    context = ReportContext(rules=enabled, color=color, statistics=args.statistics, quiet=args.quiet,
                            fix_mode="fix" if args.fix else "diff" if args.diff else None,
                            max_examples=args.max_examples)
    reporter = reporter_class(out, context)
    summary = Summary(files=len(targets) + (1 if stdin else 0))
    failing = 0
    errors: list[str] = []
    recorded: list = []
    dataset = DatasetCollector(linters)

    timer = timings.enable() if args.timings else None
    progress = progress_for(targets, stdin, quiet=args.quiet or args.no_progress)

    def on_result(result) -> None:
        nonlocal failing
        if result.timings:
            timer.merge(result.timings)
        if result.collected:
            dataset.add(result)
        if known is not None:
            before = len(result.findings)
            result.findings = [f for f in result.findings if f.extra.get("fingerprint") not in known]
            summary.baselined += before - len(result.findings)
        if args.write_baseline:
            recorded.extend(result.findings)
        summary.add(result)
        gate.add(result)
        if timer is None:
            reporter.document(result)
        else:
            with timer.measure("stage: output (reporter)"):
                reporter.document(result)
        failing += sum(1 for f in result.findings if f.severity >= fail_on and gate.counts_for_fail_on(f.code))
        errors.extend(result.errors)
        progress.update(result)

    jobs = args.jobs if args.jobs and args.jobs > 0 else default_jobs()
    try:
        reporter.start()
        run_units(make_units(targets, stdin), configs, options, jobs, on_result)
        if timer is None:
            dataset_result = dataset.finish()
        else:
            with timer.measure("stage: dataset rules, end of run"):
                dataset_result = dataset.finish()
        if dataset_result is not None:
            on_result(dataset_result)
        progress.close()
        summary.gate = gate.results(summary.stats)
        reporter.finish(summary)
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
        if timer is not None:
            timings.disable()
            timings.print_table(timer.totals)
    for message in errors:
        print(f"scrapelint: error: {message}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    if not summary.documents:
        from scrapelint.dataset_checks import no_documents_message

        return error(no_documents_message(walked, configs))
    problems = summary.stats.field_problems([c.settings.fields for c in configs])
    for message in problems:
        print(f"scrapelint: error: {message}", file=sys.stderr)
    if problems:
        return EXIT_ERROR
    if args.write_baseline:
        baseline.write(args.write_baseline, recorded)
        print(f"scrapelint: recorded {len(recorded)} findings in {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    if args.exit_zero:
        return EXIT_CLEAN
    if args.diff:
        return EXIT_FINDINGS if summary.fixed else EXIT_CLEAN
    gate_failed = any(not cap.passed for cap in summary.gate)
    return EXIT_FINDINGS if failing or gate_failed else EXIT_CLEAN


def _reporter_class(name: str):
    from scrapelint.plugin import get_plugin_manager

    reporters: dict = {}
    for batch in get_plugin_manager().hook.scrapelint_reporters():
        reporters.update(batch or {})
    if name not in reporters:
        raise UsageError(f"unknown format {name!r}; available: {', '.join(sorted(reporters))}")
    return reporters[name]


def _resolve_inputs(args: argparse.Namespace, options) -> tuple[list, list, list, tuple | None, list]:
    """The configurations (--config for everything, else the closest to each
    path), their linters (built here, so a bad rule option stops the run
    before any work), the files to read, stdin's input if `-` was given,
    and the folders walked with their configuration's index."""
    from scrapelint.config import find_config_file, load_config
    from scrapelint.discovery import Target, display_path, walk
    from scrapelint.engine import Linter, reader_table

    paths = args.paths or ["."]
    if paths.count("-") > 1:
        raise UsageError("stdin (-) can be read once")
    if args.config and not Path(args.config).is_file():
        raise UsageError(f"--config {args.config}: no such file")
    configs: list = []
    linters: list = []
    config_index: dict[Path | None, int] = {}

    def config_for(path: Path) -> int:
        file = Path(args.config) if args.config else find_config_file(path)
        key = file.resolve() if file else None
        if key not in config_index:
            config = load_config(file)
            if args.extend_include:
                config.settings.extend_include = [*config.settings.extend_include, *args.extend_include]
            linters.append(Linter(config, options))
            config_index[key] = len(configs)
            configs.append(config)
        return config_index[key]

    targets: list[Target] = []
    walked: list[tuple[Path, int]] = []
    stdin = None
    reader_table()  # plugins' readers, before walking
    for raw in paths:
        if raw == "-":
            from scrapelint.readers import stdin_source

            _, payload = stdin_source(sys.stdin.buffer, args.stdin_filename, args.stdin_format)
            stdin = (payload, args.stdin_filename or "-", config_for(Path.cwd()))
            continue
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such file or directory")
        key = config_for(path)
        if path.is_dir():
            targets.extend(walk(path, configs[key], key))
            walked.append((path, key))
        else:
            targets.append(Target(path, display_path(path), key))
    return configs, linters, targets, stdin, walked


def _open_output(path: str | None):
    if not path:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--output {path}: {exc.strerror or exc}") from None


def _color_wanted() -> bool:
    import os

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


def cmd_rule(args: argparse.Namespace) -> int:
    from scrapelint.rule import get_registry

    rule = get_registry().lookup(args.rule)
    if rule is None:
        return error(f"unknown rule {args.rule!r}; `scrapelint rules` lists them")
    info = _rule_info(rule)
    if args.format == "json":
        print(json.dumps(info, indent=2, ensure_ascii=False, default=str))
        return EXIT_CLEAN
    print(f"# {info['code']} {info['name']}\n")
    print(f"Family: {info['family']} ({info['family_description']}). Default severity: {info['severity']}. "
          f"Fixable: {'yes' if info['fixable'] else 'no'}. "
          f"{'Enabled by default' if info['default_enabled'] else 'Off unless selected'}. Plugin: {info['plugin']}.\n")
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
