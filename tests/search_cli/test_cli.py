"""The terminal client's commands, run in-process: output and every error path."""

import json

import pytest

from newsarchive.cli import main
from newsarchive.localnode import free_port


@pytest.fixture(autouse=True)
def _width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "--from", "2015-13"], "invalid --from"),
        (["search", "--to", "yesterday-ish"], "invalid --to"),
        (["search", "--sort", "random"], "unknown sort"),
        (["search", "--limit", "-3"], "size must be"),
        (["search", "--page", "0"], "page must be"),
        (["actors", "--top", "0"], "--top must be"),
        (["timeline", "--interval", "fortnight"], "unknown interval"),
        (["quotes", "--limit", "0"], "--limit must be"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # No Elasticsearch is needed: these fail before any request.
    code = main(["--es-url", f"http://127.0.0.1:{free_port()}", *args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_search_without_elasticsearch_is_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--es-url", f"http://127.0.0.1:{free_port()}", "search", "x"]) == 3
    assert "cannot reach Elasticsearch" in capsys.readouterr().err


@pytest.mark.es
def test_search_json_has_the_documented_shape(
    es_url: str, corpus_alias: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--es-url",
            es_url,
            "--index",
            corpus_alias,
            "search",
            "missile strikes",
            "--actor",
            "Ash Carter",
            "--place",
            "Syria",
            "--from",
            "2015-10",
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1
    hit = data["hits"][0]
    assert hit["title"] == "Russian warships fire cruise missiles at Syria from the Caspian Sea"
    assert {"id", "url", "published_at", "actors", "places", "quotes", "snippet"} <= set(hit)
    assert {"actors", "places", "sources", "timeline"} <= set(data["facets"])
    assert data["facets"]["timeline"] == [{"date": "2015-10-07", "count": 1}]
    assert all(set(b) == {"value", "count"} for b in data["facets"]["places"])


@pytest.mark.es
def test_rich_search_output_fits_80_columns(
    es_url: str, corpus_alias: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--es-url", es_url, "--index", corpus_alias, "search", "Paris", "--limit", "3"]) == 0
    )
    out = capsys.readouterr().out
    assert "Coordinated attacks in Paris kill scores" in out
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.es
def test_no_results_names_the_filter_that_emptied_them(
    es_url: str, corpus_alias: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--es-url",
            es_url,
            "--index",
            corpus_alias,
            "search",
            "--actor",
            "Ash Carter",
            "--place",
            "Myanmar",
        ]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert "0 articles" in captured.out
    assert "no articles match; without --actor or --place there would be some" in captured.err


@pytest.mark.es
def test_show_actors_places_timeline_quotes(
    es_url: str, corpus_alias: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--es-url", es_url, "--index", corpus_alias]
    assert main([*base, "search", "Kunduz", "--json", "--limit", "1"]) == 0
    article_id = json.loads(capsys.readouterr().out)["hits"][0]["id"]
    assert main([*base, "show", article_id]) == 0
    shown = capsys.readouterr().out
    assert "Doctors Without Borders" in shown and "Meinie Nicolai" in shown and "quotes" in shown
    assert main([*base, "show", "nope"]) == 1
    assert "no article with id nope" in capsys.readouterr().err
    assert main([*base, "actors", "--top", "3", "--json"]) == 0
    actors = json.loads(capsys.readouterr().out)["actors"]
    assert len(actors) == 3 and actors[0]["count"] >= actors[-1]["count"]
    assert main([*base, "places", "--country", "SY", "--json"]) == 0
    assert "Syria" in {p["value"] for p in json.loads(capsys.readouterr().out)["places"]}
    assert (
        main([*base, "timeline", "--actor", "Vladimir Putin", "--interval", "month", "--json"]) == 0
    )
    timeline = json.loads(capsys.readouterr().out)
    assert timeline["interval"] == "month" and timeline["timeline"]
    assert main([*base, "quotes", "--speaker", "Ash Carter", "--json"]) == 0
    assert {q["speaker"] for q in json.loads(capsys.readouterr().out)} == {"Ash Carter"}
    assert main([*base, "related", "--actor", "Vladimir Putin", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["related"]


@pytest.mark.es
@pytest.mark.parametrize(
    ("option", "typed", "canonical"),
    [("--actor", "putin", "Vladimir Putin"), ("--place", "USA", "United States")],
)
def test_search_finds_by_any_name(
    es_url: str, corpus_alias: str, option: str, typed: str, canonical: str,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    def ids(value: str) -> set[str]:
        root = ["--es-url", es_url, "--index", corpus_alias]
        assert main([*root, "search", option, value, "--json", "--limit", "100"]) == 0
        return {hit["id"] for hit in json.loads(capsys.readouterr().out)["hits"]}

    found = ids(canonical)
    assert found and ids(typed) == found


@pytest.mark.es
def test_an_es_url_typed_without_its_scheme_works(
    es_url: str, corpus_alias: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = es_url.removeprefix("http://")
    assert main(["--es-url", bare, "--index", corpus_alias, "search", "Paris", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 1
