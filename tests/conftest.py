"""Shared fixtures: a real Elasticsearch node for the whole session.

The node is the same one `newsarchive es start` runs (the official test
distribution from Maven Central), on a free port, with a throwaway data
dir. Set NEWSARCHIVE_TEST_ES_URL to use a running cluster instead. Under CI
(CI=true) a node that cannot start fails the run; it is never skipped.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from crawler.samplesite import load_site
from indexer.bulk import BulkIndexer
from indexer.deadletter import DeadLetters
from indexer.enrich import Enricher
from newsarchive import localnode
from newsarchive.errors import NewsarchiveError
from newsarchive.index import init_index
from newsarchive.search import Archive
from newsarchive.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up the developer's NEWSARCHIVE_* settings or colours."""
    for name in list(os.environ):
        if name.startswith("NEWSARCHIVE_") and name != "NEWSARCHIVE_TEST_ES_URL":
            monkeypatch.delenv(name)
    for name in ("FORCE_COLOR", "NO_COLOR", "COLUMNS", "TERM"):
        monkeypatch.delenv(name, raising=False)


def world_readable_tempdir(prefix: str) -> Path:
    """A temp dir the unprivileged Elasticsearch user can enter."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


@pytest.fixture(scope="session")
def es_url() -> Iterator[str]:
    external = os.environ.get("NEWSARCHIVE_TEST_ES_URL")
    if external:
        yield external
        return
    settings = Settings()
    with ExitStack() as stack:
        try:
            _, node = stack.enter_context(
                localnode.throwaway_node(
                    settings.es_version,
                    settings.cache_dir,
                    settings.es_user,
                    prefix="newsarchive-test-es-",
                )
            )
        except NewsarchiveError as exc:
            if os.environ.get("CI") == "true":
                pytest.fail(f"could not start Elasticsearch for the tests: {exc}")
            pytest.skip(f"no Elasticsearch: {exc}")
        yield node.url


@pytest.fixture()
def es_client(es_url: str) -> Iterator[Elasticsearch]:
    client = Elasticsearch(es_url, request_timeout=30)
    yield client
    client.close()


@pytest.fixture()
def alias(es_client: Elasticsearch) -> Iterator[str]:
    """A fresh alias name per test; its indices are deleted afterwards."""
    name = f"test-{uuid.uuid4().hex[:10]}"
    yield name
    es_client.indices.delete(index=f"{name}-v*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture()
def settings(es_url: str, alias: str) -> Settings:
    return Settings(es_url=es_url, index=alias)


@pytest.fixture(scope="session")
def corpus_alias(es_url: str) -> Iterator[str]:
    """An index holding the enriched sample corpus, built once per session."""
    client = Elasticsearch(es_url)
    alias = "search-test"
    client.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)
    init_index(client, alias)
    articles = [a.to_article() for a in load_site().articles]
    with DeadLetters(None) as dead:
        BulkIndexer(client, alias, dead).index_all(Enricher().enrich(articles))
    client.indices.refresh(index=alias)
    yield alias
    client.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)
    client.close()


@pytest.fixture()
def archive(es_url: str, corpus_alias: str) -> Archive:
    return Archive(Elasticsearch(es_url), corpus_alias, es_url)
