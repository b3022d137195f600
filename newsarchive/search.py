"""The Python search API: ``Archive`` over the index, returning typed results.

    from newsarchive.search import Archive
    archive = Archive.from_settings()
    result = archive.search("missile strikes", actors=["Ash Carter"], places=["Syria"],
                            since=date(2015, 10, 1))
    for hit in result.hits:
        print(hit.published_at, hit.title, hit.snippet)

It builds requests with ``newsarchive.query`` (pure) and only runs them here.
It imports no spaCy: searching stays light.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError
from pydantic import BaseModel, Field

from newsarchive.article import Article
from newsarchive.connection import make_client, translate_errors
from newsarchive.query import (
    FACET_FIELDS,
    SearchParams,
    Sort,
    bucket_start,
    build_search,
    choose_interval,
    facet_filters,
    main_query,
)
from newsarchive.settings import Settings


class Bucket(BaseModel):
    value: str
    count: int


class TimelineBucket(BaseModel):
    date: dt.date
    count: int


class Hit(Article):
    """An article as found: its fields, plus the score and a highlighted snippet."""

    score: float | None = None
    snippet: str | None = None
    sort: list[Any] | None = None  # pass the last hit's value as search_after


class SearchResult(BaseModel):
    total: int
    hits: list[Hit]
    facets: dict[str, list[Bucket]] = Field(default_factory=dict)
    timeline: list[TimelineBucket] = Field(default_factory=list)
    interval: str = "month"
    empty_because: list[str] = Field(default_factory=list)

    @property
    def search_after(self) -> list[Any] | None:
        return self.hits[-1].sort if self.hits else None

    def to_json(self) -> dict[str, Any]:
        """The documented --json shape: total, hits, facets (with the timeline)."""
        facets: dict[str, Any] = {
            name: [b.model_dump() for b in buckets] for name, buckets in self.facets.items()
        }
        facets["timeline"] = [{"date": b.date.isoformat(), "count": b.count} for b in self.timeline]
        return {
            "total": self.total,
            "hits": [h.model_dump(mode="json") for h in self.hits],
            "facets": facets,
            "interval": self.interval,
            "empty_because": self.empty_because,
        }


class QuoteHit(BaseModel):
    speaker: str | None
    text: str
    article_id: str
    title: str
    source: str | None
    published_at: dt.datetime | None


def _as_dates(value: dt.date | str | None, end: bool = False) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from newsarchive.dates import parse_user_date

    return parse_user_date(value, end=end)


class Archive:
    """Search over the archive's alias. Construct from settings or from a client."""

    def __init__(self, client: Elasticsearch, index: str = "news", url: str = "") -> None:
        self.client = client
        self.index = index
        self.url = url

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Archive:
        settings = settings or Settings()
        return cls(make_client(settings), settings.index, settings.es_url)

    def _search(self, **body: Any) -> Any:
        with translate_errors(self.url or "the configured cluster"):
            return self.client.search(index=self.index, **body)

    def search(
        self,
        query: str | None = None,
        *,
        actors: Sequence[str] = (),
        places: Sequence[str] = (),
        countries: Sequence[str] = (),
        sources: Sequence[str] = (),
        languages: Sequence[str] = (),
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        mentioned_since: dt.date | str | None = None,
        mentioned_until: dt.date | str | None = None,
        sort: Sort = "relevance",
        size: int = 20,
        page: int = 1,
        search_after: Sequence[Any] | None = None,
        facet_size: int = 10,
        explain_empty: bool = True,
    ) -> SearchResult:
        """Faceted search. Dates accept date objects or "2015", "2015-10", "2015-10-07"."""
        params = SearchParams(
            query=query,
            actors=tuple(actors),
            places=tuple(places),
            countries=tuple(c.upper() for c in countries),
            sources=tuple(sources),
            languages=tuple(languages),
            since=_as_dates(since),
            until=_as_dates(until, end=True),
            mentioned_since=_as_dates(mentioned_since),
            mentioned_until=_as_dates(mentioned_until, end=True),
            sort=sort,
            size=size,
            page=page,
            search_after=tuple(search_after) if search_after is not None else None,
            facet_size=facet_size,
        )
        return self.run(params, explain_empty=explain_empty)

    def run(self, params: SearchParams, *, explain_empty: bool = True) -> SearchResult:
        response = self._search(**build_search(params))
        result = self._parse(params, response)
        if result.total == 0 and explain_empty:
            result.empty_because = self.why_empty(params)
        return result

    def count(self, params: SearchParams) -> int:
        query = main_query(params)
        filters = list(facet_filters(params).values())
        if filters:
            query = {"bool": {"must": [query], "filter": filters}}
        with translate_errors(self.url or "the configured cluster"):
            return int(self.client.count(index=self.index, query=query)["count"])

    def why_empty(self, params: SearchParams) -> list[str]:
        """The filters without which the search would find something."""
        active = params.active_filters()
        if not active or self.count(SearchParams()) == 0:
            return []
        return [name for name in active if self.count(params.without(name)) > 0]

    def _parse(self, params: SearchParams, response: Any) -> SearchResult:
        hits = []
        for raw in response["hits"]["hits"]:
            source = raw["_source"]
            highlight = raw.get("highlight", {})
            snippet = (highlight.get("body") or [None])[0]
            if snippet is None:
                snippet = _plain_snippet(source)
            hits.append(
                Hit.model_validate(
                    {
                        **source,
                        "id": raw["_id"],
                        "score": raw.get("_score"),
                        "snippet": snippet,
                        "sort": raw.get("sort"),
                    }
                )
            )
        aggs = response.get("aggregations", {})
        facets = {
            name: [
                Bucket(value=str(b["key"]), count=b["doc_count"])
                for b in aggs[name]["values"]["buckets"]
            ]
            for name in params.facets
            if name in aggs
        }
        timeline, interval = _timeline(
            aggs.get("timeline", {}).get("days", {}).get("buckets", []), params.since, params.until
        )
        return SearchResult(
            total=response["hits"]["total"]["value"],
            hits=hits,
            facets=facets,
            timeline=timeline,
            interval=interval,
        )

    def article(self, article_id: str) -> Article | None:
        with translate_errors(self.url or "the configured cluster"):
            try:
                raw = self.client.get(index=self.index, id=article_id)
            except NotFoundError:
                return None
        return Article.from_hit(raw["_id"], raw["_source"])

    def facet(
        self, name: str, query: str | None = None, *, top: int = 20, **filters: Any
    ) -> tuple[int, list[Bucket]]:
        """The top values of one facet (actors, places...) under a search."""
        if name not in FACET_FIELDS:
            from newsarchive.errors import UsageError

            raise UsageError(f"unknown facet {name!r}")
        result = self.search(query, size=0, facet_size=top, explain_empty=False, **filters)
        return result.total, result.facets.get(name, [])

    def timeline(
        self,
        *,
        actor: str | None = None,
        place: str | None = None,
        query: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        interval: str | None = None,
    ) -> tuple[str, list[TimelineBucket]]:
        """Articles over time for an actor and/or place; the interval follows the range."""
        result = self.search(
            query,
            actors=[actor] if actor else [],
            places=[place] if place else [],
            since=since,
            until=until,
            size=0,
            facet_size=1,
            explain_empty=False,
        )
        if interval and interval != result.interval:
            return interval, _regroup(result.timeline, interval)
        return result.interval, result.timeline

    def related(self, actor: str, *, size: int = 10) -> list[Bucket]:
        """Actors that appear with ``actor`` more than chance would have it (significant_terms)."""
        params = SearchParams(actors=(actor,))
        body = {
            "size": 0,
            "query": {"bool": {"filter": list(facet_filters(params).values())}},
            "aggs": {
                "related": {
                    "significant_terms": {
                        "field": "actors.name",
                        "size": size + 1,
                        "min_doc_count": 1,
                    }
                }
            },
        }
        response = self._search(**body)
        return [
            Bucket(value=str(b["key"]), count=b["doc_count"])
            for b in response["aggregations"]["related"]["buckets"]
            if str(b["key"]).casefold() != actor.casefold()
        ][:size]

    def quotes(
        self, *, speaker: str | None = None, query: str | None = None, size: int = 20
    ) -> list[QuoteHit]:
        """Quotations, by speaker and/or words, newest first."""
        nested_must: list[dict[str, Any]] = []
        if speaker:
            nested_must.append(
                {"term": {"quotes.speaker": {"value": speaker, "case_insensitive": True}}}
            )
        if query:
            nested_must.append(
                {
                    "simple_query_string": {
                        "query": query,
                        "fields": ["quotes.text"],
                        "default_operator": "and",
                        "lenient": True,
                    }
                }
            )
        body = {
            "size": size,
            "_source": ["title", "source", "published_at"],
            "sort": [{"published_at": {"order": "desc", "missing": "_last"}}],
            "query": {
                "nested": {
                    "path": "quotes",
                    "query": {"bool": {"must": nested_must or [{"match_all": {}}]}},
                    "inner_hits": {"size": 5, "_source": ["quotes.speaker", "quotes.text"]},
                }
            },
        }
        response = self._search(**body)
        found = []
        for raw in response["hits"]["hits"]:
            for inner in raw["inner_hits"]["quotes"]["hits"]["hits"]:
                quote = inner["_source"]
                found.append(
                    QuoteHit(
                        speaker=quote.get("speaker"),
                        text=quote["text"],
                        article_id=raw["_id"],
                        title=raw["_source"].get("title", ""),
                        source=raw["_source"].get("source"),
                        published_at=raw["_source"].get("published_at"),
                    )
                )
        return found[:size]


def _plain_snippet(source: dict[str, Any], length: int = 180) -> str | None:
    text = source.get("description") or source.get("body") or ""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def _timeline(
    days: Iterable[dict[str, Any]], since: dt.date | None, until: dt.date | None
) -> tuple[list[TimelineBucket], str]:
    points = [
        (dt.datetime.fromtimestamp(b["key"] / 1000, dt.UTC).date(), int(b["doc_count"]))
        for b in days
    ]
    if not points:
        return [], "month"
    start = since or points[0][0]
    end = until or points[-1][0]
    interval = choose_interval(start, end)
    return _regroup([TimelineBucket(date=d, count=c) for d, c in points], interval), interval


def _regroup(buckets: Iterable[TimelineBucket], interval: str) -> list[TimelineBucket]:
    counts: Counter[dt.date] = Counter()
    for bucket in buckets:
        counts[bucket_start(bucket.date, interval)] += bucket.count
    return [TimelineBucket(date=d, count=counts[d]) for d in sorted(counts)]
