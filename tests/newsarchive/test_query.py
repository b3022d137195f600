"""Query building, tested as dicts: no Elasticsearch needed."""

import datetime as dt

import pytest

from newsarchive.errors import UsageError
from newsarchive.query import (
    SearchParams,
    bucket_start,
    build_search,
    choose_interval,
)


def test_text_goes_through_simple_query_string_with_boosted_title() -> None:
    body = build_search(SearchParams(query='"missile strikes" -drill'))
    sqs = body["query"]["bool"]["must"][0]["simple_query_string"]
    assert sqs["query"] == '"missile strikes" -drill'
    assert sqs["fields"][0] == "title^3" and "body" in sqs["fields"]
    assert sqs["default_operator"] == "and" and sqs["lenient"] is True
    assert body["highlight"]["fields"]["body"]["number_of_fragments"] == 1


def test_facet_filters_go_to_post_filter_and_each_facet_ignores_its_own() -> None:
    body = build_search(SearchParams(actors=("Ash Carter",), places=("Syria",)))
    post = body["post_filter"]["bool"]["filter"]
    assert len(post) == 2
    places_agg_filter = body["aggs"]["places"]["filter"]["bool"]["filter"]
    actors_agg_filter = body["aggs"]["actors"]["filter"]["bool"]["filter"]
    assert "Ash Carter" in str(places_agg_filter) and "Syria" not in str(places_agg_filter)
    assert "Syria" in str(actors_agg_filter) and "Ash Carter" not in str(actors_agg_filter)
    # Sources are constrained by both.
    assert len(body["aggs"]["sources"]["filter"]["bool"]["filter"]) == 2
    # Without text the main query matches everything; facets never filter the query itself.
    assert body["query"] == {"match_all": {}}


def test_place_filter_matches_name_or_mention_ignoring_case() -> None:
    body = build_search(SearchParams(places=("raqqa",)))
    terms = body["post_filter"]["bool"]["filter"][0]["bool"]["should"]
    assert {next(iter(t["term"])) for t in terms} == {
        "places.name",
        "places.mention",
        "places.aliases",
    }
    assert all(next(iter(t["term"].values()))["case_insensitive"] for t in terms)


def test_date_ranges_include_the_whole_last_day() -> None:
    body = build_search(
        SearchParams(
            since=dt.date(2015, 10, 1),
            until=dt.date(2015, 10, 31),
            mentioned_since=dt.date(2015, 9, 1),
        )
    )
    ranges = body["query"]["bool"]["filter"]
    assert ranges[0] == {"range": {"published_at": {"gte": "2015-10-01", "lt": "2015-11-01"}}}
    assert ranges[1] == {"range": {"mentioned_dates": {"gte": "2015-09-01"}}}


def test_sorting_and_paging() -> None:
    newest = build_search(SearchParams(sort="newest", size=5, page=3))
    assert newest["sort"][0] == {"published_at": {"order": "desc", "missing": "_last"}}
    assert newest["from"] == 10 and newest["size"] == 5
    after = build_search(SearchParams(sort="oldest", search_after=(123, "http://x")))
    assert after["search_after"] == [123, "http://x"] and "from" not in after
    assert build_search(SearchParams())["sort"][0] == "_score"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (SearchParams(sort="random"), "unknown sort"),
        (SearchParams(size=-1), "size must be"),
        (SearchParams(page=0), "page must be"),
        (SearchParams(since=dt.date(2016, 1, 1), until=dt.date(2015, 1, 1)), "the range is empty"),
        (SearchParams(page=2, search_after=(1,)), "either page or search_after"),
    ],
)
def test_bad_parameters_are_usage_errors(params: SearchParams, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        build_search(params)


def test_timeline_interval_follows_the_range() -> None:
    start = dt.date(2015, 1, 1)
    assert choose_interval(start, start + dt.timedelta(days=20)) == "day"
    assert choose_interval(start, start + dt.timedelta(days=200)) == "week"
    assert choose_interval(start, start + dt.timedelta(days=900)) == "month"
    assert choose_interval(start, start + dt.timedelta(days=3650)) == "year"
    assert bucket_start(dt.date(2015, 10, 8), "week") == dt.date(2015, 10, 5)
    assert bucket_start(dt.date(2015, 10, 8), "month") == dt.date(2015, 10, 1)


def test_without_drops_one_filter() -> None:
    params = SearchParams(query="x", actors=("A",), since=dt.date(2015, 1, 1))
    assert params.active_filters() == ["query", "actors", "since"]
    assert params.without("actors").actors == ()
    assert params.without("since").since is None
    assert params.without("query").query is None


def test_typed_names_are_also_looked_up_without_periods() -> None:
    from newsarchive.query import name_variants

    assert name_variants("U.S.") == ["U.S.", "US"]
    assert name_variants("U. N.") == ["U. N.", "UN"]
    assert name_variants(" Vladimir  Putin ") == ["Vladimir Putin"]
    assert name_variants("St. Louis") == ["St. Louis", "St Louis"]
