"""One bad line never costs the good ones: every hostile case in one file, against the real node."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from crawler.samplesite import load_site
from indexer.jsonl import bounded_lines, parse_lines
from newsarchive.article import Article
from newsarchive.cli import main

pytestmark = [pytest.mark.es, pytest.mark.faults]


def hostile_file(path: Path) -> tuple[list[Article], dict[int, str]]:
    """20 good lines with every bad case between them; returns the good ones and
    the line numbers that must be dead-lettered, with a word their reason holds."""
    good = [a.to_article() for a in load_site().articles[:20]]
    lines = [a.model_dump_json() for a in good]
    surrogate = Article(url="http://bad.example/surrogate", title=good[0].title, body=good[0].body)
    surrogate_line = surrogate.model_dump_json().replace(
        '"body":"', '"body":"lone \\ud800 surrogate and a NUL \\u0000 here. '
    )
    bad: dict[int, str] = {}
    extra = [
        (surrogate_line, None),  # cleaned, then indexed
        ("[" * 100_000 + "]" * 100_000, "nested"),
        ('{"url": "http://bad.example/deep", "title": ' + "[" * 5000 + "]" * 5000 + "}", "nested"),
        (json.dumps({"url": "http://bad.example/long-id", "id": "x" * 600}), "512"),
        (
            json.dumps({"url": "http://bad.example/other", "id": good[1].id, "title": "Other"}),
            "already taken",
        ),
        ("{not json", "invalid JSON"),
        ('"a string"', "not a JSON object"),
    ]
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        if index < len(extra):
            text, reason = extra[index]
            out.append(text)
            if reason:
                bad[len(out)] = reason
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return good, bad


def test_overlong_lines_are_reported_without_being_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"url": "http://h/a"}\n' + "x" * 5000 + "\n" + '{"url": "http://h/b"}\n')
    with path.open(encoding="utf-8") as stream:
        items = list(parse_lines(bounded_lines(stream, max_chars=1000), max_chars=1000))
    assert [i.url for i in items if isinstance(i, Article)] == ["http://h/a", "http://h/b"]
    (bad,) = [i for i in items if not isinstance(i, Article)]
    assert bad.line == 2 and "too long" in bad.reason


def test_index_keeps_every_good_line_and_dead_letters_each_bad_one(
    es_url: str,
    es_client: Elasticsearch,
    alias: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "hostile.jsonl"
    good, bad = hostile_file(source)
    dead_path = tmp_path / "dead.jsonl"
    code = main(
        [
            "--es-url",
            es_url,
            "--index",
            alias,
            "index",
            str(source),
            "--json",
            "--workers",
            "1",
            "--dead-letter",
            str(dead_path),
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 1, "a --json run that dead-lettered lines must not exit 0"
    es_client.indices.refresh(index=alias)
    stored = {
        hit["_id"]: hit["_source"]
        for hit in es_client.search(index=alias, size=100, query={"match_all": {}})["hits"]["hits"]
    }
    # Every good line, plus the one whose text was cleaned.
    assert {a.id for a in good} <= set(stored)
    assert len(stored) == len(good) + 1
    cleaned = next(s for s in stored.values() if s["url"] == "http://bad.example/surrogate")
    assert "\ufffd surrogate" in cleaned["body"] and "\x00" not in cleaned["body"]
    # The article whose id another one claimed is still the original.
    assert stored[good[1].id]["url"] == good[1].url
    dead = [json.loads(line) for line in dead_path.read_text().splitlines()]
    by_line = {d["line"]: d["reason"] for d in dead if d["kind"] == "bad-line"}
    conflicts = [d for d in dead if d["kind"] == "id-conflict"]
    for number, word in bad.items():
        if word == "already taken":
            continue
        assert number in by_line and word in by_line[number], (number, by_line)
    assert len(conflicts) == 1
    assert conflicts[0]["url"] == "http://bad.example/other"
    assert conflicts[0]["claimed_by"] == good[1].canonical_url
    assert report["bad_lines"] == len(bad) - 1 and report["failed"] == 1


def test_enrich_survives_a_lone_surrogate(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    good, _ = hostile_file(source)
    out = tmp_path / "out.jsonl"
    code = main(
        [
            "enrich",
            str(source),
            "-o",
            str(out),
            "--dead-letter",
            str(tmp_path / "dead.jsonl"),
            "--quiet",
            "--workers",
            "1",
        ]
    )
    assert code == 1
    written = [json.loads(line) for line in out.read_text().splitlines()]
    # enrich writes what it read: the good lines, the cleaned one and the id claimant
    assert {a.id for a in good} <= {w["id"] for w in written}
    assert any("\ufffd" in w["body"] for w in written)
