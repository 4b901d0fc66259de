"""The bad-input catalogue: inputs an attacker or an unlucky user gives
scrapelint, each with the finding and exit code it must produce.

Each case builds a folder holding the bad input and `witness.md`, a file
with one known finding (FM001), so a run that stops early, or that drops
the good files next to a bad one, is seen.  `tests/test_catalogue.py` runs
every case (SARIF must stay valid, no traceback, no hang) and
`bench/redos.py --catalogue` prints each case's time and peak memory.

All inputs are invented here; none is copied from a real page.
"""

from __future__ import annotations

import os
import socket
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

MB = 1024 * 1024
WITNESS = "witness.md"
FM = "---\ntitle: A plain title for a plain test\n---\n\nThe body says very little here.\n"


@dataclass
class Case:
    name: str
    build: Callable[[Path], list[str]]  # writes the inputs, returns the extra command-line arguments
    code: str | None  # the finding the bad input must get (None: a usage or config error)
    exit: int
    path: str | None = None  # the reported path of the bad input (default: the first argument)
    witness: bool = True  # the witness file is in the run and must be reported
    needs: str | None = None  # a platform feature ("fifo", "root", "dev")
    text: list[str] = field(default_factory=list)  # substrings the text report must contain
    absent: list[str] = field(default_factory=list)  # substrings no report may contain
    max_message: int | None = None  # longest message allowed for `code`


CASES: list[Case] = []


def case(name: str, code: str | None, exit: int, **kw):
    def register(build: Callable[[Path], list[str]]):
        CASES.append(Case(name, build, code, exit, **kw))
        return build
    return register


def write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return name


def fm(yaml: str, body: str = "A short body.\n") -> str:
    return f"---\n{yaml}---\n\n{body}"


# -- reading: special files, links, sizes, encodings ---------------------------------


@case("fifo-in-walked-folder", "FM005", 1, path="pipe.md", needs="fifo")
def _(d):
    os.mkfifo(d / "pipe.md")
    return ["."]


@case("fifo-on-command-line", "FM005", 1, needs="fifo")
def _(d):
    os.mkfifo(d / "pipe.md")
    return ["pipe.md", WITNESS]


@case("fifo-named-jsonl", "FM005", 1, needs="fifo")
def _(d):
    os.mkfifo(d / "pipe.jsonl")
    return ["pipe.jsonl", WITNESS]


@case("link-to-dev-zero", "FM005", 1, path="zero.md", needs="dev")
def _(d):
    os.symlink("/dev/zero", d / "zero.md")
    return ["."]


@case("link-to-dev-urandom", "FM005", 1, path="random.md", needs="dev")
def _(d):
    os.symlink("/dev/urandom", d / "random.md")
    return ["."]


@case("link-to-dev-null", "FM005", 1, path="null.md", needs="dev")
def _(d):
    os.symlink("/dev/null", d / "null.md")
    return ["."]


@case("dev-zero-on-command-line", "FM005", 1, path="/dev/zero", needs="dev")
def _(d):
    return ["/dev/zero", WITNESS]


@case("socket-named-md", "FM005", 1, path="sock.md", needs="fifo")
def _(d):
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(d / "sock.md"))
    s.close()
    return ["."]


@case("symlink-loop", "FM005", 1, path="a.md")
def _(d):
    os.symlink("b.md", d / "a.md")
    os.symlink("a.md", d / "b.md")
    return ["."]


@case("symlink-to-itself", "FM005", 1, path="self.md")
def _(d):
    os.symlink("self.md", d / "self.md")
    return ["."]


@case("folder-link-loop", None, 1, path=WITNESS)
def _(d):
    (d / "sub").mkdir()
    os.symlink("..", d / "sub" / "up")
    os.symlink(".", d / "sub" / "again.md")  # a folder link named like a Markdown file
    return ["."]


@case("dangling-symlink", "FM005", 1, path="gone.md")
def _(d):
    os.symlink("never-written.md", d / "gone.md")
    return ["."]


@case("symlink-out-of-the-tree", "FM005", 1, path="inside/outside.md", absent=["Secret Outside Title"])
def _(d):
    write(d, "secret.md", fm("title: Secret Outside Title | Site\n"))
    (d / "inside").mkdir()
    os.symlink(d / "secret.md", d / "inside" / "outside.md")
    os.replace(d / WITNESS, d / "inside" / WITNESS)
    return ["inside"]


@case("file-over-size-limit", "FM005", 1, path="big.md")
def _(d):
    with open(d / "big.md", "wb") as f:  # sparse: 11 MiB claimed, nothing written
        f.truncate(11 * MB)
    return ["."]


@case("binary-file", "FM005", 1, path="image.md")
def _(d):
    write(d, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 50)
    return ["."]


@case("latin-1-file", "FM005", 1, path="latin.md")
def _(d):
    write(d, "latin.md", fm("title: Caf\xe9 cr\xe8me\n").encode("latin-1"))
    return ["."]


@case("newline-in-file-name", "FM001", 1, path="two\nlines.md", text=["two\\nlines.md:1:1: FM001"])
def _(d):
    write(d, "two\nlines.md", "no front matter\n")
    return ["."]


@case("ansi-escape-in-file-name", "FM001", 1, path="red\x1b[31m.md", text=["red\\x1b[31m.md"],
      absent=["\x1b[31m"])
def _(d):
    write(d, "red\x1b[31m.md", "no front matter\n")
    return ["."]


@case("control-characters-in-title", "FM003", 1, path="ctl.md", absent=["\x1b[2J"])
def _(d):
    write(d, "ctl.md", fm('title: ""\ndescription: "clear \\e[2J screen"\n'))
    return ["."]


@case("gitignore-lone-backslash", None, 1, path=WITNESS)
def _(d):
    write(d, ".gitignore", "\\\n*.tmp\n")
    return ["."]


@case("empty-file", "FM001", 1, path="empty.md")
def _(d):
    write(d, "empty.md", b"")
    return ["."]


@case("front-matter-never-closed", "FM002", 1, path="open.md")
def _(d):
    write(d, "open.md", "---\ntitle: t\n" + "line of text\n" * 20000)
    return ["."]


# -- parsing: YAML, JSON, TOML front matter; JSONL records -------------------------------


def laughs(key: str = "title") -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev, cur = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
    lines.append(f"{key}: *i")
    return "\n".join(lines) + "\n"


@case("yaml-alias-bomb-in-title", "FM002", 1, path="bomb.md")
def _(d):
    write(d, "bomb.md", fm(laughs("title")))
    return ["."]


@case("yaml-alias-bomb-in-author", "FM002", 1, path="bomb.md")
def _(d):
    write(d, "bomb.md", fm("title: t\n" + laughs("author")))
    return ["."]


@case("yaml-alias-bomb-in-duplicate-key", "FM002", 1, path="bomb.md")
def _(d):
    write(d, "bomb.md", fm("title: t\n" + laughs("title")))
    return ["."]


@case("yaml-recursive-alias", "FM002", 1, path="loop.md")
def _(d):
    write(d, "loop.md", fm("title: t\ntags: &a [x, *a]\n"))
    return ["."]


@case("yaml-deep-flow-nesting", "FM002", 1, path="deep.md")
def _(d):
    write(d, "deep.md", fm("tags: " + "[" * 100_000 + "]" * 100_000 + "\n"))
    return ["."]


@case("yaml-nesting-over-the-depth-limit", "FM002", 1, path="deep.md", text=["max-nesting-depth"])
def _(d):
    write(d, "deep.md", fm("tags: " + "[" * 500 + "]" * 500 + "\n"))
    return ["."]


@case("yaml-huge-integer", "FM002", 1, path="int.md", text=["PYTHONINTMAXSTRDIGITS"])
def _(d):
    write(d, "int.md", fm("word_count: " + "9" * 5000 + "\n"))
    return ["."]


@case("yaml-lone-cr", "FM002", 1, path="cr.md", text=["cr.md:2:"])
def _(d):
    write(d, "cr.md", "---\ntitle: a\rb: c: d\n---\n\nbody\n")
    return ["."]


@case("yaml-100kb-duplicate-value", "FM004", 1, path="dup.md", max_message=400)
def _(d):
    write(d, "dup.md", fm("title: first\ntitle: " + "x" * 100_000 + "\n"))
    return ["."]


@case("json-front-matter-huge-integer", "FM002", 1, path="int.md", text=["PYTHONINTMAXSTRDIGITS"])
def _(d):
    write(d, "int.md", '{\n"title": "t", "word_count": ' + "7" * 5000 + "\n}\nbody\n")
    return ["."]


@case("json-front-matter-deep-nesting", "FM002", 1, path="deep.md")
def _(d):
    write(d, "deep.md", '{\n"title": "t", "x": ' + "[" * 100_000 + "]" * 100_000 + "\n}\nbody\n")
    return ["."]


@case("toml-front-matter-huge-integer", "FM002", 1, path="int.md", text=["PYTHONINTMAXSTRDIGITS"])
def _(d):
    write(d, "int.md", "+++\ntitle = 't'\nword_count = " + "7" * 5000 + "\n+++\nbody\n")
    return ["."]


@case("toml-front-matter-deep-nesting", "FM002", 1, path="deep.md")
def _(d):
    write(d, "deep.md", "+++\ntitle = 't'\nx = " + "[" * 100_000 + "]" * 100_000 + "\n+++\nbody\n")
    return ["."]


@case("jsonl-huge-integer", "FM005", 1, path="data.jsonl")
def _(d):
    write(d, "data.jsonl", '{"id": 1, "text": "ok"}\n{"id": ' + "5" * 5000 + ', "text": "x"}\n')
    return ["data.jsonl", WITNESS]


@case("jsonl-deep-nesting", "FM005", 1, path="data.jsonl")
def _(d):
    write(d, "data.jsonl", '{"id": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    return ["data.jsonl", WITNESS]


@case("jsonl-line-over-size-limit", "FM005", 1, path="data.jsonl")
def _(d):
    write(d, "scrapelint.toml", 'max-file-size = "64KB"\n')
    write(d, "data.jsonl", '{"id": 1, "text": "' + "word " * 40_000 + '"}\n{"id": 2, "text": "fine"}\n')
    return ["data.jsonl", WITNESS]


@case("impossible-date", "FM003", 1, path="date.md", text=["2019-02-30"])
def _(d):
    write(d, "date.md", fm("title: t\ndate: 2019-02-30\n"))
    return ["."]


# -- configuration -----------------------------------------------------------------------


@case("config-exclude-lone-backslash", None, 2)
def _(d):
    write(d, "scrapelint.toml", 'exclude = ["\\\\"]\n')
    return ["."]


@case("config-per-file-ignores-lone-backslash", None, 2)
def _(d):
    write(d, "scrapelint.toml", '[per-file-ignores]\n"\\\\" = ["FM001"]\n')
    return ["."]


@case("config-not-utf8", None, 2)
def _(d):
    write(d, "scrapelint.toml", "# r\xe9sum\xe9\nselect = [\"FM\"]\n".encode("latin-1"))
    return ["."]


@case("pyproject-tool-scrapelint-not-a-table", None, 2)
def _(d):
    write(d, "pyproject.toml", "[tool]\nscrapelint = 5\n")
    return ["."]


@case("config-huge-integer", None, 2)
def _(d):
    write(d, "scrapelint.toml", "max-file-size = " + "9" * 5000 + "\n")
    return ["."]


# -- output bounds -----------------------------------------------------------------------


@case("one-megabyte-url", "UR001", 1, path="url.md", max_message=400)
def _(d):
    write(d, "url.md", fm("title: t\nsource: https://" + "a" * MB + "\n"))
    return ["."]


@case("one-megabyte-title-without-words", "TI003", 1, path="title.md")
def _(d):
    write(d, "title.md", fm("title: '" + "-" * MB + "'\n"))
    return ["."]


def platform_has(need: str | None) -> str | None:
    """Why a case cannot run here, or None."""
    if need in ("fifo", "dev") and not hasattr(os, "mkfifo"):
        return "no FIFOs or sockets on this platform"
    if need == "dev" and not (os.path.exists("/dev/zero") and stat.S_ISCHR(os.stat("/dev/zero").st_mode)):
        return "no /dev/zero"
    return None


def build(case: Case, folder: Path) -> list[str]:
    """Write the case's inputs (and the witness) into `folder`; the arguments."""
    write(folder, WITNESS, "A witness without front matter.\n")
    return case.build(folder)


# -- user schemas (the `schema` configuration key) -----------------------------------------


def schema_config(d: Path, schema: str | bytes) -> None:
    write(d, "article.schema.json", schema)
    write(d, "scrapelint.toml", 'schema = "article.schema.json"\n')


@case("schema-ref-to-etc-passwd", None, 2, absent=["root:"])
def _(d):
    schema_config(d, '{"type": "object", "properties": {"title": {"$ref": "file:///etc/passwd"}}}')
    return ["."]


@case("schema-ref-to-a-parent-folder", None, 2)
def _(d):
    schema_config(d, '{"type": "object", "properties": {"title": {"$ref": "../elsewhere.json"}}}')
    return ["."]


@case("schema-that-is-not-a-schema", None, 2, absent=["hunter2"])
def _(d):
    schema_config(d, '["password: hunter2", "not a schema at all"]')
    return ["."]


@case("schema-that-is-not-json", None, 2, absent=["hunter2"])
def _(d):
    schema_config(d, "password = hunter2\n")
    return ["."]


@case("schema-invalid-keyword-value", None, 2, absent=["hunter2"])
def _(d):
    schema_config(d, '{"type": "hunter2"}')
    return ["."]


@case("schema-local-ref-in-the-same-folder", None, 1, path=WITNESS)
def _(d):
    write(d, "defs.json", '{"type": "string", "minLength": 1}')
    schema_config(d, '{"type": "object", "properties": {"title": {"$ref": "defs.json"}}}')
    return ["."]
