"""Building search requests: pure functions from parameters to Elasticsearch bodies.

Nothing here talks to Elasticsearch, so every request can be tested as a
dict. Facets are multi-select: a facet's filter goes into ``post_filter``,
and each facet's counts are computed under every filter but its own, so
choosing "Syria" still shows how many articles name Iraq.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from newsarchive.errors import UsageError

Sort = Literal["relevance", "newest", "oldest"]
SORTS = ("relevance", "newest", "oldest")
TEXT_FIELDS = ["title^3", "description^2", "body"]
HIGHLIGHT_PRE, HIGHLIGHT_POST = "<mark>", "</mark>"
MAX_SIZE = 500

# Facet name -> the keyword field it counts.
FACET_FIELDS = {
    "actors": "actors.name",
    "persons": "persons",
    "organizations": "organizations",
    "places": "places.name",
    "countries": "countries",
    "sources": "source",
    "languages": "language",
}
# Filter parameter -> (facet it belongs to, fields a value may match).
# Actors and places match any name they are known by (see Actor.aliases):
# "putin", "ISIS", "USA" find what "Vladimir Putin", "Islamic State" and
# "United States" find.
FILTER_FIELDS = {
    "actors": ("actors", ["actors.name", "actors.aliases"]),
    "places": ("places", ["places.name", "places.mention", "places.aliases"]),
    "countries": ("countries", ["countries"]),
    "sources": ("sources", ["source"]),
    "languages": ("languages", ["language"]),
}


@dataclass(frozen=True)
class SearchParams:
    query: str | None = None
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    mentioned_since: dt.date | None = None
    mentioned_until: dt.date | None = None
    sort: Sort = "relevance"
    size: int = 20
    page: int = 1
    search_after: tuple[Any, ...] | None = None
    facet_size: int = 10
    facets: tuple[str, ...] = tuple(FACET_FIELDS)
    timeline: bool = True
    extra_filters: tuple[dict[str, Any], ...] = field(default=())

    def validated(self) -> SearchParams:
        if self.sort not in SORTS:
            raise UsageError(f"unknown sort {self.sort!r}: use one of {', '.join(SORTS)}")
        if not 0 <= self.size <= MAX_SIZE:
            raise UsageError(f"size must be between 0 and {MAX_SIZE}, not {self.size}")
        if self.page < 1:
            raise UsageError(f"page must be 1 or more, not {self.page}")
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"the range is empty: {self.since} is after {self.until}")
        if self.page > 1 and self.search_after is not None:
            raise UsageError("use either page or search_after, not both")
        if (self.page - 1) * self.size > 10_000:
            raise UsageError("pages beyond 10,000 results: use search_after instead")
        unknown = set(self.facets) - set(FACET_FIELDS)
        if unknown:
            raise UsageError(f"unknown facet {sorted(unknown)[0]!r}")
        return self

    def without(self, name: str) -> SearchParams:
        """The same search with one filter removed (to explain an empty result)."""
        empty: Any = () if name in FILTER_FIELDS else None
        if name == "query":
            empty = None
        return replace(self, **{name: empty})

    def active_filters(self) -> list[str]:
        names = ["query"] if self.query and self.query.strip() else []
        names += [n for n in FILTER_FIELDS if getattr(self, n)]
        names += [
            n for n in ("since", "until", "mentioned_since", "mentioned_until") if getattr(self, n)
        ]
        return names


def name_variants(value: str) -> list[str]:
    """A typed name as it may be stored: as typed, and without periods or spaces
    between initials ("U.S." and "US", "U. N." and "UN")."""
    text = " ".join(value.split())
    bare = text.replace(".", "")
    if re.fullmatch(r"[A-Za-z](?: [A-Za-z])+", bare):  # initials: "U N" from "U. N."
        bare = bare.replace(" ", "")
    return list(dict.fromkeys(v for v in (text, bare) if v))


def _values_query(fields: list[str], values: tuple[str, ...]) -> dict[str, Any]:
    """Any of the values in any of the fields, ignoring case (Syria = syria)."""
    should = [
        {"term": {f: {"value": v, "case_insensitive": True}}}
        for value in values
        for v in name_variants(value)
        for f in fields
    ]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def facet_filters(params: SearchParams) -> dict[str, dict[str, Any]]:
    """Facet name -> its filter, for the facet filters that are set."""
    filters = {}
    for name, (facet, fields) in FILTER_FIELDS.items():
        values = getattr(params, name)
        if values:
            filters[facet] = _values_query(fields, tuple(values))
    return filters


def _range(field_name: str, start: dt.date | None, end: dt.date | None) -> dict[str, Any] | None:
    if start is None and end is None:
        return None
    bounds: dict[str, str] = {}
    if start is not None:
        bounds["gte"] = start.isoformat()
    if end is not None:
        bounds["lt"] = (end + dt.timedelta(days=1)).isoformat()  # the whole last day
    return {"range": {field_name: bounds}}


def main_query(params: SearchParams) -> dict[str, Any]:
    """Text and dates: what every count, facets included, is taken under."""
    must: list[dict[str, Any]] = []
    text = (params.query or "").strip()
    if text:
        must.append(
            {
                "simple_query_string": {
                    "query": text,
                    "fields": TEXT_FIELDS,
                    "default_operator": "and",
                    "lenient": True,
                    "flags": "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE",
                }
            }
        )
    filters = [
        r
        for r in (
            _range("published_at", params.since, params.until),
            _range("mentioned_dates", params.mentioned_since, params.mentioned_until),
        )
        if r is not None
    ]
    filters.extend(params.extra_filters)
    if not must and not filters:
        return {"match_all": {}}
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filters}}


def _all_of(filters: list[dict[str, Any]]) -> dict[str, Any]:
    return {"bool": {"filter": filters}} if filters else {"match_all": {}}


def aggregations(params: SearchParams) -> dict[str, Any]:
    by_facet = facet_filters(params)
    aggs: dict[str, Any] = {}
    for facet in params.facets:
        others = [f for name, f in by_facet.items() if name != facet]
        aggs[facet] = {
            "filter": _all_of(others),
            "aggs": {
                "values": {"terms": {"field": FACET_FIELDS[facet], "size": params.facet_size}}
            },
        }
    if params.timeline:
        # Day buckets, regrouped to week, month or year by the client once the
        # span is known: one request whatever the range.
        aggs["timeline"] = {
            "filter": _all_of(list(by_facet.values())),
            "aggs": {
                "days": {
                    "date_histogram": {
                        "field": "published_at",
                        "calendar_interval": "day",
                        "min_doc_count": 1,
                    }
                }
            },
        }
    return aggs


def sort_clause(sort: Sort) -> list[Any]:
    # canonical_url is unique per article: a tiebreaker that makes search_after exact.
    if sort == "newest":
        return [{"published_at": {"order": "desc", "missing": "_last"}}, {"canonical_url": "asc"}]
    if sort == "oldest":
        return [{"published_at": {"order": "asc", "missing": "_last"}}, {"canonical_url": "asc"}]
    return [
        "_score",
        {"published_at": {"order": "desc", "missing": "_last"}},
        {"canonical_url": "asc"},
    ]


def build_search(params: SearchParams) -> dict[str, Any]:
    """The whole request body for one faceted search."""
    params = params.validated()
    body: dict[str, Any] = {
        "query": main_query(params),
        "size": params.size,
        "sort": sort_clause(params.sort),
        "track_total_hits": True,
        "aggs": aggregations(params),
    }
    post = list(facet_filters(params).values())
    if post:
        body["post_filter"] = _all_of(post)
    if params.search_after is not None:
        body["search_after"] = list(params.search_after)
    elif params.page > 1:
        body["from"] = (params.page - 1) * params.size
    if params.query and params.query.strip():
        body["highlight"] = {
            "pre_tags": [HIGHLIGHT_PRE],
            "post_tags": [HIGHLIGHT_POST],
            "fields": {
                "body": {"fragment_size": 180, "number_of_fragments": 1, "no_match_size": 180},
                "title": {"number_of_fragments": 0},
            },
        }
    return body


def choose_interval(start: dt.date, end: dt.date) -> str:
    """day, week, month or year: whatever keeps a timeline between a few and ~60 bars."""
    span = (end - start).days
    if span <= 62:
        return "day"
    if span <= 365:
        return "week"
    if span <= 365 * 5:
        return "month"
    return "year"


def bucket_start(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    if interval == "year":
        return day.replace(month=1, day=1)
    return day
