"""ReDoS and bad-input benchmark: every rule on adversarial ~1 MB inputs, and
every case of the bad-input catalogue end to end.

    python bench/redos.py                 # rules x probes: seconds per MB, the worst per rule
    python bench/redos.py --catalogue     # each catalogue case: wall time, CPU time, peak memory
    python bench/redos.py --size 0.25     # smaller probes (MB), for a quick look

Targets (issue 11): at most 1 s per MB for every rule on every probe; at
most 2 s and 300 MB for every catalogue input.  A rule is timed on its own,
on a freshly parsed document, so the shared views it triggers count to it;
a measurement that runs past --cap seconds is stopped and shown as over it.
The probes are the shapes that made rules backtrack or loop over lines:
runs of one character, separators, repeated openers, mojibake, many
tokens looked up in a large code block.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

FM = "---\ntitle: {title}\nsource: https://www.example-news.test/world/2025/02/10/a-story\ndate: 2025-02-10\n---\n\n"


def _lines(line: str, size: int) -> str:
    return (line + "\n") * max(1, size // (len(line) + 1))


def probes(size: int) -> dict[str, str]:
    """name -> a whole Markdown document of about `size` characters."""
    plain = FM.format(title="A plain headline")
    one_line = lambda unit: unit * max(1, size // len(unit))  # noqa: E731
    title = lambda t: FM.format(title="'" + t.replace("'", "''") + "'") + "A short body.\n"  # noqa: E731
    return {
        "spaces between words": plain + _lines("a " * 40, size),
        "one line of spaced words": plain + one_line("word ") + "\n",
        "lines of asterisks": plain + _lines("*" * 60, size),
        "lines of spaced asterisks": plain + _lines("* " * 30, size),
        "lines of tabs": plain + _lines("\t" * 40 + "x", size),
        "lines of dashes": plain + _lines("-" * 60, size),
        "lines of underscores": plain + _lines("_" * 60, size),
        "one line of dashes": plain + one_line("-") + "\n",
        "lines of pipes": plain + _lines("| " * 30, size),
        "brackets and parentheses": plain + _lines("[" * 20 + "](" * 20, size),
        "link openers": plain + one_line("[a](") + "\n",
        "html openers": plain + _lines("<div " * 12, size),
        "an html opener and spaces": plain + "<div" + " " * size + "\n",
        "one run of camel humps": plain + one_line("abC") + "\n",
        "camel humps and apostrophes": plain + one_line("xyzAbc'") + "\n",
        # glued-looking tokens, each looked up in the page's code, which names them only at its end
        # (a fifth of the size each: both within the part read as Markdown, blocks.MAX_CHARS)
        "glued words and a code block": plain + _lines("harbourPass " * 8, size // 5) + "```\n"
        + _lines("renderTideTable(harbourPilot); " * 4, size // 5) + "harbourPass\n```\n" + _lines("Menu", size // 2),
        "digits and slashes": plain + _lines("2025/02/10 " * 6 + "10 Feb 2025 " * 2, size),
        "mojibake": plain + _lines("CafÃ© â€™ Ã¼ber â€œquoteâ€\x9d " * 3, size),
        "short lines": plain + _lines("Menu", size),
        "title of pipes": title("|" * size),
        "title of colon spaces": title(": " * (size // 2)),
        "title of photo credits": title("Photo: Jane Doe/Reuters " * (size // 24)),
        "title of datelines": title("LONDON, Feb 10 (Reuters) - " * (size // 27)),
        "title of dashes": title("- " * (size // 2)),
        "url of a megabyte": FM.replace("https://www.example-news.test/world/2025/02/10/a-story",
                                        "https://www.example-news.test/" + "a/" * (size // 2)).format(title="T") + "body\n",
    }


class Over(BaseException):
    pass


def _alarm(signum, frame):
    raise Over()


def time_rules(size_mb: float, cap: float) -> float:
    from scrapelint.config import Config, Settings
    from scrapelint.engine import Linter, RunOptions
    from scrapelint.readers.markdown import parse_markdown_text

    config = Config(Settings.model_validate({"select": ["ALL"], "time-budget": 0}), None, Path.cwd())
    linter = Linter(config, RunOptions(select=("ALL",)))
    rules = [r for r in linter.doc_rules]
    size = int(size_mb * 1024 * 1024)
    signal.signal(signal.SIGALRM, _alarm)
    worst: dict[str, tuple[float, str]] = {}
    for name, text in probes(size).items():
        mb = len(text.encode("utf-8")) / (1024 * 1024)
        row = []
        for rule in rules:
            doc = parse_markdown_text(text, "probe.md")
            signal.setitimer(signal.ITIMER_REAL, cap)
            start = time.perf_counter()
            try:
                for _ in rule.check(doc):
                    pass
                took = time.perf_counter() - start
            except Over:
                took = float("inf")
            except Exception as exc:  # a rule error is a finding of its own (SL002), shown here
                took = time.perf_counter() - start
                row.append(f"{rule.code}!{type(exc).__name__}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            per_mb = took / mb
            if per_mb > worst.get(rule.code, (-1.0, ""))[0]:
                worst[rule.code] = (per_mb, name)
            if per_mb > 0.2:
                row.append(f"{rule.code} {'>' + str(cap) if took == float('inf') else f'{per_mb:.2f}'}")
        print(f"{name:<28} {mb:5.2f} MB  slowest: {', '.join(row) or 'all rules under 0.2 s/MB'}", flush=True)
    print("\nworst seconds per MB, per rule:")
    for code, (per_mb, probe) in sorted(worst.items(), key=lambda kv: -kv[1][0]):
        shown = f">{cap / size_mb:.0f}" if per_mb == float("inf") else f"{per_mb:.3f}"
        print(f"  {code:<6} {shown:>8} s/MB  ({probe})")
    overall = max(per_mb for per_mb, _ in worst.values())
    print(f"\nWORST: {overall:.3f} s/MB over {len(rules)} rules x {len(probes(size))} probes (target <= 1 s/MB)")
    return overall


CHILD = """
import resource, sys, time
from scrapelint.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
sys.stderr.write(f"\\nMEASURE {wall:.3f} {usage.ru_utime + usage.ru_stime:.3f} {usage.ru_maxrss} {code}\\n")
"""


def time_catalogue() -> tuple[float, float]:
    import badinputs

    print(f"{'case':<44} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} exit")
    worst_time = worst_mem = 0.0
    for case in badinputs.CASES:
        if badinputs.platform_has(case.needs):
            print(f"{case.name:<44} skipped: {badinputs.platform_has(case.needs)}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            args = badinputs.build(case, folder)
            proc = subprocess.run([sys.executable, "-c", CHILD, "check", "--jobs", "1", *args, "--format", "sarif",
                                   "--output", os.path.join(tmp, "report.sarif")],
                                  cwd=folder, capture_output=True, text=True, timeout=120)
        line = [ln for ln in proc.stderr.splitlines() if ln.startswith("MEASURE ")]
        if not line:
            print(f"{case.name:<44} no measurement: {proc.stderr[-300:]}")
            continue
        wall, cpu, rss_kb, code = line[-1].split()[1:]
        mem = int(rss_kb) / 1024
        worst_time, worst_mem = max(worst_time, float(wall)), max(worst_mem, mem)
        print(f"{case.name:<44} {float(wall):7.2f} {float(cpu):7.2f} {mem:8.1f} {code}", flush=True)
    print(f"\nWORST: {worst_time:.2f} s wall, {worst_mem:.1f} MB peak over {len(badinputs.CASES)} cases "
          "(targets <= 2 s, <= 300 MB; wall time includes the interpreter's start-up)")
    return worst_time, worst_mem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalogue", action="store_true", help="time and measure the bad-input catalogue instead")
    parser.add_argument("--size", type=float, default=1.0, help="probe size in MB (default 1)")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds after which one measurement is stopped")
    args = parser.parse_args()
    if args.catalogue:
        time_catalogue()
    else:
        time_rules(args.size, args.cap)


if __name__ == "__main__":
    main()
