"""The index definition, in one place, and its lifecycle behind an alias.

Documents live in a versioned concrete index (``news-v1``, ``news-v2``...)
and every reader and writer uses the alias (``news``). A mapping change bumps
``MAPPING_VERSION``; ``migrate`` copies the documents into the next version
and swaps the alias atomically, so readers never see a missing index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from elasticsearch import ApiError, Elasticsearch, helpers

from newsarchive.errors import IndexStateError

MAPPING_VERSION = 2  # 2: surface forms and aliases of actors and places

# The test distribution of Elasticsearch ships without the analysis-common
# module, which provides the language analyzers; the full distribution (and
# the Docker image) has them. There, English stemming comes from the hunspell
# token filter (in the server itself) with the en_US dictionary that
# `newsarchive es start` copies into the node's config; failing that, the
# standard analyzer. The choice is recorded in the index's _meta.
PREFERRED_BODY_ANALYZER = "english"
HUNSPELL_BODY_ANALYZER = "english_hunspell"
FALLBACK_BODY_ANALYZER = "standard"
HUNSPELL_FILTER = {"type": "hunspell", "locale": "en_US", "dedup": True}

KEYWORD = {"type": "keyword"}


def index_definition(body_analyzer: str = PREFERRED_BODY_ANALYZER) -> dict[str, Any]:
    """Settings and mappings of the article index. Facet fields are keywords."""
    text = {"type": "text", "analyzer": body_analyzer}
    settings: dict[str, Any] = {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "refresh_interval": "1s",
    }
    if body_analyzer == HUNSPELL_BODY_ANALYZER:
        settings["analysis"] = {
            "filter": {
                "english_stop": {"type": "stop", "stopwords": "_english_"},
                "english_hunspell": HUNSPELL_FILTER,
            },
            "analyzer": {
                HUNSPELL_BODY_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "english_stop", "english_hunspell"],
                }
            },
        }
    return {
        "settings": settings,
        "mappings": {
            "dynamic": "strict",
            "_meta": {"mapping_version": MAPPING_VERSION, "body_analyzer": body_analyzer},
            "properties": {
                "url": KEYWORD,
                "canonical_url": KEYWORD,
                "source": KEYWORD,
                "title": {**text, "fields": {"keyword": {"type": "keyword", "ignore_above": 512}}},
                "description": text,
                "body": text,
                "authors": KEYWORD,
                "language": KEYWORD,
                "published_at": {"type": "date"},
                "published_at_source": KEYWORD,
                "crawled_at": {"type": "date"},
                "actors": {
                    "properties": {
                        "id": KEYWORD,
                        "name": KEYWORD,
                        "type": KEYWORD,
                        "surface_forms": KEYWORD,
                        "aliases": KEYWORD,
                    },
                },
                "persons": KEYWORD,
                "organizations": KEYWORD,
                "places": {
                    "properties": {
                        "id": KEYWORD,
                        "name": KEYWORD,
                        "country_code": KEYWORD,
                        "location": {"type": "geo_point"},
                        "mention": KEYWORD,
                        "confidence": {"type": "float"},
                        "surface_forms": KEYWORD,
                        "aliases": KEYWORD,
                    },
                },
                "countries": KEYWORD,
                "mentioned_dates": {"type": "date", "format": "strict_date"},
                "quotes": {
                    "type": "nested",
                    "properties": {"speaker": KEYWORD, "text": text},
                },
                "story_id": KEYWORD,
            },
        },
    }


def concrete_name(alias: str, version: int) -> str:
    return f"{alias}-v{version}"


def _version_of(alias: str, index_name: str) -> int:
    match = re.fullmatch(re.escape(alias) + r"-v(\d+)", index_name)
    if not match:
        raise IndexStateError(
            f"alias {alias} points at {index_name}, which is not a versioned index"
        )
    return int(match.group(1))


def supported_body_analyzer(client: Elasticsearch) -> str:
    """The best English analysis this cluster offers: english, hunspell, or standard."""
    try:
        client.indices.analyze(analyzer=PREFERRED_BODY_ANALYZER, text="probe")
        return PREFERRED_BODY_ANALYZER
    except ApiError:
        pass
    try:
        client.indices.analyze(tokenizer="standard", filter=[HUNSPELL_FILTER], text="probes")
        return HUNSPELL_BODY_ANALYZER
    except ApiError:
        return FALLBACK_BODY_ANALYZER


def alias_target(client: Elasticsearch, alias: str) -> str | None:
    """The concrete index behind the alias, or None if the alias does not exist."""
    if not client.indices.exists_alias(name=alias):
        if client.indices.exists(index=alias):
            raise IndexStateError(
                f"{alias} is a concrete index, not an alias",
                hint="move its documents elsewhere or choose another NEWSARCHIVE_INDEX",
            )
        return None
    targets = sorted(client.indices.get_alias(name=alias))
    if len(targets) != 1:
        raise IndexStateError(
            f"alias {alias} points at {len(targets)} indices: {', '.join(targets)}"
        )
    return targets[0]


@dataclass(frozen=True)
class InitResult:
    index: str
    created: bool


def init_index(client: Elasticsearch, alias: str) -> InitResult:
    """Create the current version behind the alias; do nothing if the alias exists."""
    existing = alias_target(client, alias)
    if existing is not None:
        upgrade_mapping(client, existing)
        return InitResult(index=existing, created=False)
    name = concrete_name(alias, MAPPING_VERSION)
    body = index_definition(supported_body_analyzer(client))
    try:
        client.indices.create(
            index=name,
            settings=body["settings"],
            mappings=body["mappings"],
            aliases={alias: {"is_write_index": True}},
        )
    except ApiError as exc:
        if exc.meta.status == 400 and "resource_already_exists" in str(exc):
            # Someone else created it between our check and our create.
            return InitResult(index=alias_target(client, alias) or name, created=False)
        raise
    client.cluster.health(index=name, wait_for_status="yellow", timeout="30s")
    return InitResult(index=name, created=True)


def upgrade_mapping(client: Elasticsearch, index: str) -> bool:
    """Add the fields later mapping versions brought to an older index; True if it did.

    Every change since version 1 only adds fields, which Elasticsearch
    accepts on a live index, so an archive keeps taking new articles; the
    articles already in it get the new fields when re-enriched
    (`newsarchive index reenrich`).
    """
    mapping = client.indices.get_mapping(index=index)[index]["mappings"]
    version = int(mapping.get("_meta", {}).get("mapping_version", 1))
    if version >= MAPPING_VERSION:
        return False
    current = index_definition(
        mapping.get("_meta", {}).get("body_analyzer", FALLBACK_BODY_ANALYZER)
    )["mappings"]
    client.indices.put_mapping(
        index=index,
        properties=current["properties"],
        meta={**mapping.get("_meta", {}), "mapping_version": MAPPING_VERSION},
    )
    return True


@dataclass(frozen=True)
class MigrateResult:
    source: str
    target: str
    documents: int


# A rewrite of the documents on their way into the next version: (id, source)
# pairs in, (id, source) pairs out, streamed (re-enrichment is one).
Rewrite = Callable[[Iterator[tuple[str, dict[str, Any]]]], Iterator[tuple[str, dict[str, Any]]]]


def migrate_index(
    client: Elasticsearch,
    alias: str,
    *,
    delete_old: bool = False,
    rewrite: Rewrite | None = None,
) -> MigrateResult:
    """Copy every document into the next version and swap the alias atomically.

    The old index is made read-only first, so a writer that races the copy
    gets an error it can retry against the alias instead of losing a write;
    readers go on reading it through the alias until the swap. The copy
    runs scan + bulk from the client, which works on clusters without the
    reindex module (the test distribution has none). ``rewrite`` changes
    each document on the way (`newsarchive index reenrich` re-enriches them).
    """
    source = alias_target(client, alias)
    if source is None:
        raise IndexStateError(f"alias {alias} does not exist", hint="run `newsarchive index init`")
    target = concrete_name(alias, max(_version_of(alias, source) + 1, MAPPING_VERSION))
    if client.indices.exists(index=target):
        raise IndexStateError(
            f"{target} already exists",
            hint="an earlier migration stopped half-way; delete it and run migrate again",
        )
    body = index_definition(supported_body_analyzer(client))
    client.indices.create(index=target, settings=body["settings"], mappings=body["mappings"])
    client.indices.put_settings(index=source, settings={"index.blocks.write": True})
    try:
        _copy_documents(client, source, target, rewrite)
        client.indices.refresh(index=[source, target])
        expected = client.count(index=source)["count"]
        copied = client.count(index=target)["count"]
        if copied != expected:
            raise IndexStateError(
                f"copied {copied} of {expected} documents; alias left on {source}"
            )
    except BaseException:
        client.indices.put_settings(index=source, settings={"index.blocks.write": False})
        client.indices.delete(index=target, ignore_unavailable=True)
        raise
    client.indices.update_aliases(
        actions=[
            {"remove": {"index": source, "alias": alias}},
            {"add": {"index": target, "alias": alias, "is_write_index": True}},
        ]
    )
    if delete_old:
        client.indices.delete(index=source)
    return MigrateResult(source=source, target=target, documents=copied)


def _copy_documents(
    client: Elasticsearch, source: str, target: str, rewrite: Rewrite | None = None
) -> None:
    # helpers.reindex would do this, but it first asks the data-streams API,
    # which the test distribution lacks.
    hits = helpers.scan(client, index=source, size=500, preserve_order=False)
    documents: Iterator[tuple[str, dict[str, Any]]] = ((h["_id"], h["_source"]) for h in hits)
    if rewrite is not None:
        documents = rewrite(documents)
    actions = ({"_index": target, "_id": i, "_source": doc} for i, doc in documents)
    helpers.bulk(client, actions, chunk_size=500, max_retries=5, raise_on_error=True)


@dataclass(frozen=True)
class IndexCount:
    name: str
    documents: int
    aliases: list[str]


def index_counts(client: Elasticsearch, alias: str) -> list[IndexCount]:
    """Every index of this archive (alias-v*), with its document count and aliases."""
    pattern = f"{alias}-v*"
    aliases = client.indices.get_alias(index=pattern, ignore_unavailable=True)
    rows = []
    for name in sorted(aliases):
        # The count API counts articles; _cat/indices would also count the
        # hidden Lucene documents of nested quotes.
        rows.append(
            IndexCount(
                name=name,
                documents=int(client.count(index=name)["count"]),
                aliases=sorted(aliases[name].get("aliases", {})),
            )
        )
    return rows
