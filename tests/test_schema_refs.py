"""No network access during a run, whatever the schema says: a `$ref` to a
server on 127.0.0.1 is refused when the configuration loads, and the server
sees no request (scrapelint.userschema)."""

from __future__ import annotations

import json

from conftest import run
from localserver import RecordingServer


def write_schema(folder, schema: dict) -> None:
    (folder / "article.schema.json").write_text(json.dumps(schema))
    (folder / "scrapelint.toml").write_text('schema = "article.schema.json"\n')
    (folder / "a.md").write_text("---\ntitle: 5\n---\n\nbody\n")


def test_a_remote_ref_is_refused_and_never_fetched(folder, capsys):
    with RecordingServer(json.dumps({"type": "string"}).encode()) as server:
        write_schema(folder, {"type": "object", "properties": {"title": {"$ref": f"{server.url}/title.json"}}})
        code, out, err = run(capsys, "check", ".")
        assert code == 2 and "never fetches a schema" in err
        # a relative ref under a remote $id is remote too
        write_schema(folder, {"$id": f"{server.url}/schemas/a.json", "type": "object",
                              "properties": {"title": {"$ref": "title.json"}}})
        code, out, err = run(capsys, "check", ".")
        assert code == 2 and "never fetches a schema" in err
        # the control: the server does answer a request
        from urllib.request import urlopen

        with urlopen(f"{server.url}/control.json", timeout=10) as response:
            assert json.load(response) == {"type": "string"}
        assert server.requests == ["/control.json"]


def test_a_local_ref_is_resolved_next_to_the_schema(folder, capsys):
    (folder / "defs.json").write_text(json.dumps({"type": "string"}))
    write_schema(folder, {"type": "object", "properties": {"title": {"$ref": "defs.json"}}})
    code, out, err = run(capsys, "check", ".", "--select", "FM003")
    assert code == 1 and "FM003" in out and "`title` is 5" in out, out + err
