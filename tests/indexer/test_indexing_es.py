"""`newsarchive index` against the real local node: facets, dead letters, restarts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from crawler.samplesite import load_site
from indexer.bulk import BulkIndexer
from indexer.deadletter import DeadLetters
from newsarchive import localnode
from newsarchive.article import Article
from newsarchive.cli import main
from newsarchive.index import init_index
from newsarchive.settings import Settings

pytestmark = pytest.mark.es


def sample_corpus(path: Path, copies: int = 1) -> list[Article]:
    articles = [a.to_article() for a in load_site(copies=copies).articles]
    path.write_text("".join(a.model_dump_json() + "\n" for a in articles))
    return articles


# One process sends chunks from a second thread while it enriches; with
# worker processes enriching, it sends them itself.
@pytest.mark.parametrize("workers", ["1", "2"])
def test_index_command_stores_every_article_once_with_facets(
    es_url: str,
    es_client: Elasticsearch,
    alias: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    workers: str,
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    articles = sample_corpus(corpus)
    with corpus.open("a") as stream:
        stream.write("{broken json\n")
    args = [
        "--es-url",
        es_url,
        "--index",
        alias,
        "index",
        str(corpus),
        "--json",
        "--workers",
        workers,
        "--dead-letter",
        str(tmp_path / "dead.jsonl"),
    ]
    assert main(args) == 1  # a dead-lettered line is not a clean run, --json or not
    report = json.loads(capsys.readouterr().out)
    assert report["indexed"] == len(articles) and report["bad_lines"] == 1
    dead = [json.loads(line) for line in (tmp_path / "dead.jsonl").read_text().splitlines()]
    assert dead[0]["kind"] == "bad-line" and dead[0]["line"] == len(articles) + 1
    # Running it again updates in place: still one document per article.
    assert main(args) == 1
    capsys.readouterr()
    assert es_client.count(index=alias)["count"] == len(articles)
    # The load relaxed the refresh interval and put it back afterwards.
    refresh = es_client.indices.get_settings(index=alias, name="index.refresh_interval")
    assert [body["settings"]["index"]["refresh_interval"] for body in refresh.values()] == ["1s"]
    hit = es_client.get(index=alias, id=articles[3].id)["_source"]
    assert "Ash Carter" in hit["persons"]
    aleppo = next(p for p in hit["places"] if p["name"] == "Aleppo")
    assert aleppo["location"]["lat"] == pytest.approx(36.2, abs=0.2)
    assert hit["mentioned_dates"] == ["2015-10-07"]
    assert any(q["speaker"] == "Ash Carter" for q in hit["quotes"])
    with_places = es_client.count(index=alias, query={"exists": {"field": "places.location"}})
    assert with_places["count"] == len(articles)


@pytest.mark.parametrize("background", [True, False], ids=["sender-thread", "this-thread"])
def test_rejected_documents_go_to_the_dead_letter_file(
    es_client: Elasticsearch, alias: str, tmp_path: Path, background: bool
) -> None:
    init_index(es_client, alias)
    good = Article(url="http://h/good", title="fine")
    # A keyword longer than Lucene's 32,766-byte term limit is refused by Elasticsearch.
    bad = Article(url="http://h/bad", title="too long", source="x" * 40_000)
    with DeadLetters(tmp_path / "dead.jsonl") as dead:
        stats = BulkIndexer(es_client, alias, dead).index_all([good, bad], background=background)
    assert (stats.indexed, stats.failed) == (1, 1)
    record = json.loads((tmp_path / "dead.jsonl").read_text())
    assert record["id"] == bad.id and record["status"] == 400
    assert "failed to parse field [source]" in record["reason"]
    assert record["document"]["url"] == "http://h/bad"


def test_killing_elasticsearch_mid_index_then_rerunning_loses_and_duplicates_nothing(
    tmp_path: Path,
) -> None:
    """The issue's own scenario: kill the node during `newsarchive index`, restart, re-run."""
    corpus = tmp_path / "corpus.jsonl"
    # 4,100 articles in chunks of 10: hundreds of requests, so the kill lands mid-load.
    articles = sample_corpus(corpus, copies=100)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSARCHIVE_")}
    settings = Settings()
    with localnode.throwaway_node(
        settings.es_version,
        settings.cache_dir,
        settings.es_user,
        heap="512m",
        prefix="newsarchive-kill-",
    ) as (spec, node):
        command = [
            sys.executable,
            "-m",
            "newsarchive",
            "--es-url",
            spec.url,
            "index",
            str(corpus),
            "--no-enrich",
            "--chunk-size",
            "10",
            "--max-attempts",
            "2",
            "--quiet",
            "--dead-letter",
            str(tmp_path / "dead.jsonl"),
        ]
        client = Elasticsearch(spec.url, request_timeout=30)
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                client.indices.refresh(index="news")
                if client.count(index="news")["count"] > 100:
                    break
            except Exception:  # noqa: BLE001 - the index may not exist yet
                pass
            time.sleep(0.05)
        os.killpg(node.pid, 9)  # no goodbye: the node just disappears
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 3, stderr
        assert "unreachable" in stderr and "Traceback" not in stderr

        localnode.start(spec)  # same data dir: what was indexed is still there
        partial = client.count(index="news")["count"]
        assert 0 < partial < len(articles)
        rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        client.indices.refresh(index="news")
        assert client.count(index="news")["count"] == len(articles)
        ids = sorted({a.id for a in articles})
        assert len(ids) == len(articles)
        docs = client.mget(index="news", ids=ids, source=False)["docs"]
        assert [d["_id"] for d in docs if not d["found"]] == []
