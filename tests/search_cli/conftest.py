"""A search index holding the enriched sample corpus, built once per module."""

from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch

from crawler.samplesite import load_site
from indexer.bulk import BulkIndexer
from indexer.deadletter import DeadLetters
from indexer.enrich import Enricher
from newsarchive.article import Article
from newsarchive.index import init_index
from newsarchive.search import Archive


@pytest.fixture(scope="module")
def corpus_alias(es_url: str) -> Iterator[str]:
    client = Elasticsearch(es_url)
    alias = "search-test"
    client.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)
    init_index(client, alias)
    articles = [
        Article(
            url=f"http://sample{a.path}",
            source=a.outlet_name,
            title=a.title,
            description=a.description,
            body=a.body,
            authors=[a.author],
            published_at=a.published,
        )
        for a in load_site().articles
    ]
    with DeadLetters(None) as dead:
        BulkIndexer(client, alias, dead).index_all(Enricher().enrich(articles))
    client.indices.refresh(index=alias)
    yield alias
    client.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)
    client.close()


@pytest.fixture()
def archive(es_url: str, corpus_alias: str) -> Archive:
    return Archive(Elasticsearch(es_url), corpus_alias, es_url)
