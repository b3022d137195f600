"""`newsarchive kibana import` against a local HTTP server that answers like Kibana.

Kibana itself cannot run on these machines, so this server stands in for its
saved objects API (the one part that is mocked in this project); everything
on our side, the HTTP client and the multipart upload included, is real.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from newsarchive.cli import main
from newsarchive.kibana import SAVED_OBJECTS
from newsarchive.localnode import free_port


class FakeKibana(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.version = "8.19.21"
        self.status_code = 200
        self.import_answer: dict[str, Any] | None = None
        self.requests: list[dict[str, Any]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeKibana

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        self.server.requests.append(
            {"method": "GET", "path": self.path, "headers": dict(self.headers)}
        )
        if self.server.status_code != 200:
            return self._answer(self.server.status_code, {"message": "Unauthorized"})
        self._answer(200, {"version": {"number": self.server.version}})

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers["Content-Length"])
        raw = self.rfile.read(length)
        message = BytesParser(policy=default).parsebytes(
            f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + raw
        )
        parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
        upload = parts.get("file")
        content = upload.get_payload(decode=True) if upload is not None else b""
        self.server.requests.append(
            {
                "method": "POST",
                "path": self.path,
                "headers": dict(self.headers),
                "filename": upload.get_filename() if upload is not None else None,
                "content": content,
            }
        )
        lines = [line for line in content.splitlines() if line.strip()]
        answer = self.server.import_answer or {"success": True, "successCount": len(lines)}
        self._answer(200, answer)


@pytest.fixture()
def kibana() -> Iterator[FakeKibana]:
    server = FakeKibana()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_import_uploads_the_ndjson_with_overwrite(
    kibana: FakeKibana, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kibana", "import", "--url", kibana.url, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    objects = len(SAVED_OBJECTS.read_text().splitlines())
    assert result == {"imported": objects, "kibana_version": "8.19.21"}
    post = next(r for r in kibana.requests if r["method"] == "POST")
    assert post["path"] == "/api/saved_objects/_import?overwrite=true"
    assert post["headers"]["kbn-xsrf"]
    assert post["headers"]["Content-Type"].startswith("multipart/form-data")
    assert post["filename"] == "newsarchive.ndjson"
    sent = [json.loads(line) for line in post["content"].decode().splitlines()]
    assert sent == [json.loads(line) for line in SAVED_OBJECTS.read_text().splitlines()]
    # Twice is harmless: the same request again, overwriting.
    assert main(["kibana", "import", "--url", kibana.url]) == 0
    assert [r["path"] for r in kibana.requests if r["method"] == "POST"][-1].endswith(
        "overwrite=true"
    )


def test_space_goes_into_the_path(kibana: FakeKibana) -> None:
    assert main(["kibana", "import", "--url", kibana.url, "--space", "newsroom"]) == 0
    post = next(r for r in kibana.requests if r["method"] == "POST")
    assert post["path"].startswith("/s/newsroom/api/saved_objects/_import")


def test_kibana_down(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kibana", "import", "--url", f"http://127.0.0.1:{free_port()}"]) == 3
    err = capsys.readouterr().err
    assert "cannot reach Kibana" in err and "Traceback" not in err


@pytest.mark.faults
def test_any_8x_kibana_takes_them_and_the_data_view_follows_the_index(
    kibana: FakeKibana, capsys: pytest.CaptureFixture[str]
) -> None:
    kibana.version = "8.15.3"
    assert main(["--index", "archive2", "kibana", "import", "--url", kibana.url]) == 0
    assert "Kibana 8.15.3" in capsys.readouterr().err
    post = next(r for r in kibana.requests if r["method"] == "POST")
    views = [
        o for o in map(json.loads, post["content"].decode().splitlines())
        if o["type"] == "index-pattern"
    ]  # fmt: skip
    assert views and all(v["attributes"]["title"] == "archive2" for v in views)


def test_version_mismatch(kibana: FakeKibana, capsys: pytest.CaptureFixture[str]) -> None:
    kibana.version = "7.17.9"
    assert main(["kibana", "import", "--url", kibana.url]) == 1
    assert "Kibana is 7.17.9, but the dashboards are for 8.x" in capsys.readouterr().err
    assert not [r for r in kibana.requests if r["method"] == "POST"]


def test_failed_auth(kibana: FakeKibana, capsys: pytest.CaptureFixture[str]) -> None:
    kibana.status_code = 401
    assert main(["kibana", "import", "--url", kibana.url]) == 1
    assert "refused the credentials (HTTP 401)" in capsys.readouterr().err


def test_objects_kibana_refuses_are_reported(
    kibana: FakeKibana, capsys: pytest.CaptureFixture[str]
) -> None:
    kibana.import_answer = {
        "success": False,
        "successCount": 8,
        "errors": [{"type": "map", "id": "newsarchive-map", "error": {"type": "unsupported_type"}}],
    }
    assert main(["kibana", "import", "--url", kibana.url]) == 1
    err = capsys.readouterr().err
    assert "refused 1" in err and "map newsarchive-map: unsupported_type" in err
