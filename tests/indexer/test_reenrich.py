"""`newsarchive index reenrich`: better facets reach the whole archive while search keeps answering."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from crawler.samplesite import load_site
from indexer.bulk import BulkIndexer
from indexer.deadletter import DeadLetters
from newsarchive.cli import main
from newsarchive.index import MAPPING_VERSION, alias_target, init_index

pytestmark = pytest.mark.es


def test_reenrich_swaps_in_enriched_articles_while_searches_answer(
    es_url: str, es_client: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    articles = [a.to_article() for a in load_site().articles]  # no facets yet
    init_index(es_client, alias)
    with DeadLetters(None) as dead:
        BulkIndexer(es_client, alias, dead).index_all(articles)
    es_client.indices.refresh(index=alias)

    answers: list[int] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def search_all_along() -> None:
        reader = Elasticsearch(es_url, request_timeout=30)
        while not done.is_set():
            try:
                found = reader.search(index=alias, query={"match": {"body": "minister"}}, size=0)
                answers.append(int(found["hits"]["total"]["value"]))
            except Exception as exc:  # noqa: BLE001 - any failure of a reader is the finding
                failures.append(exc)
        reader.close()

    reader = threading.Thread(target=search_all_along)
    reader.start()
    try:
        code = main(
            ["--es-url", es_url, "--index", alias, "index", "reenrich", "--quiet",
             "--workers", "1"]
        )  # fmt: skip
    finally:
        done.set()
        reader.join()
    assert code == 0
    assert not failures
    assert len(answers) > 10 and len(set(answers)) == 1 and answers[0] > 0
    assert alias_target(es_client, alias) == f"{alias}-v{MAPPING_VERSION + 1}"
    es_client.indices.refresh(index=alias)
    assert es_client.count(index=alias)["count"] == len(articles)
    with_actors = es_client.count(index=alias, query={"exists": {"field": "actors.name"}})
    assert with_actors["count"] > len(articles) * 0.9
