"""The CLI's error boundary and the core commands, run in-process."""

import json

import pytest

from newsarchive.cli import main
from newsarchive.index import MAPPING_VERSION
from newsarchive.localnode import free_port


def test_unreachable_elasticsearch_is_one_line_and_exit_3(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    code = main(["--es-url", url, "index", "init"])
    err = capsys.readouterr().err
    assert code == 3
    assert f"cannot reach Elasticsearch at {url}" in err
    assert "newsarchive es start" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("where", ["first", "last"])
def test_debug_shows_the_traceback(where: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--es-url", f"http://127.0.0.1:{free_port()}", "es", "status"]
    code = main(["--debug", *args] if where == "first" else [*args, "--debug"])
    assert code == 3
    assert "Traceback" in capsys.readouterr().err


def test_stop_without_a_node(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["es", "stop", "--data-dir", str(tmp_path)]) == 1
    assert "no Elasticsearch started by newsarchive" in capsys.readouterr().err


def test_bad_heap_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["es", "start", "--heap", "lots"]) == 2
    assert "--heap" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2


@pytest.mark.es
def test_index_init_twice_then_status(
    es_url: str, alias: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--es-url", es_url, "--index", alias]
    assert main([*base, "index", "init", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main([*base, "index", "init", "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert first["created"] and not second["created"]
    assert main([*base, "es", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["alias_target"] == f"{alias}-v{MAPPING_VERSION}"
    assert status["body_analyzer"] in ("english", "english_hunspell", "standard")
    assert status["status"] in ("green", "yellow")
    assert status["indices"] == [
        {"name": f"{alias}-v{MAPPING_VERSION}", "documents": 0, "aliases": [alias]}
    ]


@pytest.mark.faults
@pytest.mark.parametrize(
    "args",
    [
        ["index", "init"],
        ["index", "{corpus}"],
        ["search", "missile"],
        ["actors"],
        ["es", "status"],
        ["crawl", "http://127.0.0.1:9/", "--quiet"],
    ],
)
def test_credentials_in_the_url_never_reach_the_screen(
    args: list[str],
    tmp_path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"url": "http://h/a", "title": "A", "body": "b"}\n')
    monkeypatch.setenv("NEWSARCHIVE_ES_URL", f"http://reader:s3cret-pw@127.0.0.1:{free_port()}")
    code = main([a.format(corpus=corpus) for a in args])
    out = capsys.readouterr()
    assert code == 3
    assert "s3cret-pw" not in out.err + out.out
    assert "http://***@127.0.0.1" in out.err
