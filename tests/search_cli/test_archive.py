"""The Python search API against the real node and the sample corpus."""

import datetime as dt

import pytest

from crawler.samplesite import load_site
from newsarchive.query import choose_interval
from newsarchive.search import Archive

pytestmark = pytest.mark.es
SITE = load_site()
CORPUS = len(SITE.articles)


def test_the_issue_query_finds_the_caspian_strike(archive: Archive) -> None:
    result = archive.search(
        "missile strikes", actors=["Ash Carter"], places=["Syria"], since="2015-10"
    )
    assert [h.title for h in result.hits] == [
        "Russian warships fire cruise missiles at Syria from the Caspian Sea"
    ]
    hit = result.hits[0]
    assert "<mark>" in (hit.snippet or "")
    assert hit.score and "Ash Carter" in hit.persons
    actors = {b.value: b.count for b in result.facets["actors"]}
    assert actors["Ash Carter"] == 1
    # Multi-select: the actors facet ignores the actor filter, so it also counts
    # the other "missile strikes" article about Syria.
    assert actors.get("Syrian Observatory for Human Rights") == 1
    assert result.timeline[0].date == dt.date(2015, 10, 7)


def test_facet_counts_match_the_corpus(archive: Archive) -> None:
    result = archive.search(size=0, facet_size=50)
    assert result.total == CORPUS
    sources = {b.value: b.count for b in result.facets["sources"]}
    expected = {}
    for article in SITE.articles:
        expected[article.outlet_name] = expected.get(article.outlet_name, 0) + 1
    assert sources == expected
    assert result.interval == "week"  # six months of articles


def test_filters_combine_and_each_kind_works(archive: Archive) -> None:
    putin = archive.search(actors=["Vladimir Putin"], size=50)
    syria_and_putin = archive.search(actors=["Vladimir Putin"], countries=["sy"], size=50)
    assert 0 < syria_and_putin.total < putin.total
    assert all("SY" in h.countries for h in syria_and_putin.hits)
    harbour = archive.search(sources=["Harbour Daily"], size=50)
    assert harbour.total == len(SITE.by_outlet("harbour"))
    either = archive.search(places=["Myanmar", "Argentina"])
    assert either.total == 2  # values within one facet are alternatives
    english = archive.search(languages=["en"], size=0)
    assert english.total == CORPUS


def test_dates_published_and_mentioned(archive: Archive) -> None:
    november = archive.search(since="2015-11", until="2015-11", size=50)
    in_november = [a for a in SITE.articles if (a.published.year, a.published.month) == (2015, 11)]
    assert november.total == len(in_november)
    mentioned = archive.search(
        mentioned_since=dt.date(2015, 12, 10), mentioned_until=dt.date(2015, 12, 10)
    )
    assert "Macri wins Argentina's presidential runoff" in {h.title for h in mentioned.hits}


def test_sorting_paging_and_search_after(archive: Archive) -> None:
    newest = archive.search(sort="newest", size=5)
    dates = [h.published_at for h in newest.hits]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    page2 = archive.search(sort="newest", size=5, page=2)
    after = archive.search(sort="newest", size=5, search_after=newest.search_after)
    assert [h.id for h in page2.hits] == [h.id for h in after.hits]
    assert not {h.id for h in newest.hits} & {h.id for h in page2.hits}


@pytest.mark.parametrize("odd", ['"unbalanced', "((", "-", "*", "AND OR NOT", "a~~~", "\\", "+-+"])
def test_odd_query_text_never_raises(archive: Archive, odd: str) -> None:
    archive.search(odd, size=1)


def test_an_empty_result_says_which_filter_emptied_it(archive: Archive) -> None:
    result = archive.search(actors=["Ash Carter"], places=["Myanmar"])
    assert result.total == 0
    assert set(result.empty_because) == {"actors", "places"}
    only_date = archive.search("Suu Kyi", since="2016")
    assert set(only_date.empty_because) == {"query", "since"}  # either one alone finds articles


def test_article_timeline_related_and_quotes(archive: Archive) -> None:
    hit = archive.search("Kunduz hospital", size=1).hits[0]
    article = archive.article(hit.id)
    assert article is not None and article.title == hit.title
    assert archive.article("no-such-id") is None
    interval, buckets = archive.timeline(actor="Vladimir Putin")
    putin = archive.search(actors=["Vladimir Putin"], sort="oldest", size=50)
    first, last = putin.hits[0].published_at, putin.hits[-1].published_at
    assert first and last
    assert interval == choose_interval(first.date(), last.date())
    assert sum(b.count for b in buckets) == putin.total
    interval, monthly = archive.timeline(actor="Vladimir Putin", interval="month")
    assert interval == "month" and all(b.date.day == 1 for b in monthly)
    related = {b.value for b in archive.related("Ash Carter")}
    assert related and "Ash Carter" not in related
    carter = archive.quotes(speaker="ash carter")
    assert carter and {q.speaker for q in carter} == {"Ash Carter"}
    gasoline = archive.quotes(query="gasoline")
    assert [q.speaker for q in gasoline] == ["Ash Carter"]
    total, top_places = archive.facet("places", top=3)
    assert total == CORPUS and len(top_places) == 3


def _ids(archive: Archive, **filters: list[str]) -> set[str]:
    return {h.id for h in archive.search(size=100, **filters).hits}  # type: ignore[arg-type]


def test_any_name_finds_what_the_canonical_name_finds(archive: Archive) -> None:
    """Surnames, aliases, codes and spellings with periods, in any case."""
    putin = _ids(archive, actors=["Vladimir Putin"])
    assert putin and _ids(archive, actors=["putin"]) == putin
    us = _ids(archive, places=["United States"])
    assert us
    for typed in ("USA", "US", "us", "U.S."):
        assert _ids(archive, places=[typed]) == us, typed
    islamic_state = _ids(archive, actors=["Islamic State"])
    assert islamic_state and _ids(archive, actors=["isis"]) == islamic_state
