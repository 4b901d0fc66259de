"""No network access during a run, whatever the schema says: a `$ref` to a
server on 127.0.0.1 is refused when the configuration loads, and the server
sees no request (scrapelint.userschema)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import run


class Recorder:
    def __init__(self) -> None:
        requests = self.requests = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the standard library's name
                requests.append(self.path)
                body = json.dumps({"type": "string"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def write_schema(folder, schema: dict) -> None:
    (folder / "article.schema.json").write_text(json.dumps(schema))
    (folder / "scrapelint.toml").write_text('schema = "article.schema.json"\n')
    (folder / "a.md").write_text("---\ntitle: 5\n---\n\nbody\n")


def test_a_remote_ref_is_refused_and_never_fetched(folder, capsys):
    with Recorder() as server:
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
