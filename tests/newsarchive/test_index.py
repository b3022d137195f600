"""The index lifecycle against the real local node."""

import datetime as dt

import pytest
from elasticsearch import Elasticsearch

from newsarchive.article import Actor, Article, GeoPoint, Place, Quote
from newsarchive.errors import IndexStateError
from newsarchive.index import (
    MAPPING_VERSION,
    alias_target,
    index_counts,
    index_definition,
    init_index,
    migrate_index,
)

pytestmark = pytest.mark.es


def _article(n: int) -> Article:
    return Article(
        url=f"https://example.com/story-{n}",
        title=f"Story {n}",
        body="Defence Secretary Ash Carter met officials in Aleppo.",
        published_at=dt.datetime(2015, 10, 1 + n % 28, tzinfo=dt.UTC),
        actors=[Actor(id="ash-carter", name="Ash Carter", type="person")],
        persons=["Ash Carter"],
        places=[Place(name="Aleppo", country_code="SY", location=GeoPoint(lat=36.2, lon=37.16))],
        countries=["SY"],
        quotes=[Quote(speaker="Ash Carter", text="We are watching closely")],
        mentioned_dates=[dt.date(2015, 9, 30)],
    )


def _load(client: Elasticsearch, alias: str, count: int) -> None:
    for n in range(count):
        article = _article(n)
        client.index(index=alias, id=article.id, document=article.to_document())
    client.indices.refresh(index=alias)


def test_init_is_idempotent(es_client: Elasticsearch, alias: str) -> None:
    first = init_index(es_client, alias)
    second = init_index(es_client, alias)
    assert first.created and not second.created
    assert first.index == second.index == f"{alias}-v{MAPPING_VERSION}"
    assert alias_target(es_client, alias) == first.index


def test_mapping_in_the_cluster_is_the_one_in_code(es_client: Elasticsearch, alias: str) -> None:
    name = init_index(es_client, alias).index
    live = es_client.indices.get_mapping(index=name)[name]["mappings"]
    expected = index_definition(live["_meta"]["body_analyzer"])["mappings"]
    assert live["properties"].keys() == expected["properties"].keys()
    assert live["properties"]["places"]["properties"]["location"]["type"] == "geo_point"
    assert live["properties"]["quotes"]["type"] == "nested"
    assert live["properties"]["persons"]["type"] == "keyword"


def test_article_round_trip(es_client: Elasticsearch, alias: str) -> None:
    init_index(es_client, alias)
    article = _article(1)
    es_client.index(index=alias, id=article.id, document=article.to_document(), refresh=True)
    hit = es_client.get(index=alias, id=article.id)
    assert Article.from_hit(hit["_id"], hit["_source"]) == article


def test_reindexing_the_same_url_updates_instead_of_duplicating(
    es_client: Elasticsearch, alias: str
) -> None:
    init_index(es_client, alias)
    first = Article(url="https://example.com/a?utm_source=feed", title="First")
    again = Article(url="https://example.com/a", title="Corrected")
    for article in (first, again):
        es_client.index(index=alias, id=article.id, document=article.to_document(), refresh=True)
    assert es_client.count(index=alias)["count"] == 1
    assert es_client.get(index=alias, id=first.id)["_source"]["title"] == "Corrected"


def test_migrate_keeps_every_document_and_swaps_the_alias(
    es_client: Elasticsearch, alias: str
) -> None:
    init_index(es_client, alias)
    _load(es_client, alias, 25)
    result = migrate_index(es_client, alias)
    now, after = f"{alias}-v{MAPPING_VERSION}", f"{alias}-v{MAPPING_VERSION + 1}"
    assert result.source == now and result.target == after
    assert result.documents == 25
    assert alias_target(es_client, alias) == after
    assert es_client.count(index=alias)["count"] == 25
    # Nested quotes and geo points survived the copy.
    hits = es_client.search(
        index=alias,
        query={"nested": {"path": "quotes", "query": {"term": {"quotes.speaker": "Ash Carter"}}}},
    )
    assert hits["hits"]["total"]["value"] == 25
    counts = {c.name: c for c in index_counts(es_client, alias)}
    assert counts[after].aliases == [alias]
    assert counts[now].aliases == []


def test_migrate_without_alias_is_a_clear_error(es_client: Elasticsearch, alias: str) -> None:
    with pytest.raises(IndexStateError, match="does not exist"):
        migrate_index(es_client, alias)


def test_a_concrete_index_under_the_alias_name_is_refused(
    es_client: Elasticsearch, alias: str
) -> None:
    es_client.indices.create(index=f"{alias}-v-plain")
    try:
        es_client.indices.put_alias(index=f"{alias}-v-plain", name=f"{alias}-x")
        with pytest.raises(IndexStateError, match="not a versioned index"):
            migrate_index(es_client, f"{alias}-x")
    finally:
        es_client.indices.delete(index=f"{alias}-v-plain")


def test_an_archive_of_an_older_mapping_takes_the_new_fields(
    es_client: Elasticsearch, alias: str
) -> None:
    """init on an index of mapping version 1 adds the later fields in place."""
    import copy

    from newsarchive.index import MAPPING_VERSION, index_definition, init_index

    old = copy.deepcopy(index_definition("standard"))
    for entity in ("actors", "places"):
        for field in ("surface_forms", "aliases"):
            del old["mappings"]["properties"][entity]["properties"][field]
    old["mappings"]["_meta"]["mapping_version"] = 1
    es_client.indices.create(
        index=f"{alias}-v1", settings=old["settings"], mappings=old["mappings"],
        aliases={alias: {"is_write_index": True}},
    )  # fmt: skip
    init_index(es_client, alias)
    mapping = es_client.indices.get_mapping(index=f"{alias}-v1")[f"{alias}-v1"]["mappings"]
    assert mapping["_meta"]["mapping_version"] == MAPPING_VERSION
    assert "aliases" in mapping["properties"]["actors"]["properties"]
    es_client.index(
        index=alias, id="a",
        document={"url": "http://h/a", "actors": [{"id": "x", "name": "X", "type": "person",
                                                   "surface_forms": ["X"], "aliases": ["X"]}]},
    )  # fmt: skip
