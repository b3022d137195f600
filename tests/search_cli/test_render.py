"""Rich output pinned at a fixed width, from hand-made results (no Elasticsearch)."""

import datetime as dt

from rich.console import Console

from newsarchive.article import Actor, Place
from newsarchive.console import THEME
from newsarchive.search import Bucket, Hit, SearchResult, TimelineBucket
from search_cli.render import highlighted, search_view


def _result() -> SearchResult:
    hit = Hit(
        url="http://sample/a",
        title="Russian warships fire cruise missiles at Syria",
        source="Meridian Wire",
        published_at=dt.datetime(2015, 10, 7, 18, tzinfo=dt.UTC),
        snippet="The <mark>missiles</mark> flew over Iran and Iraq",
        actors=[Actor(id="ash-carter", name="Ash Carter", type="person")],
        persons=["Ash Carter"],
        places=[Place(name="Syria", country_code="SY")],
    )
    return SearchResult(
        total=1,
        hits=[hit],
        interval="day",
        facets={
            "actors": [Bucket(value="Ash Carter", count=1)],
            "places": [Bucket(value="Syria", count=2), Bucket(value="Iraq", count=1)],
            "sources": [Bucket(value="Meridian Wire", count=1)],
        },
        timeline=[TimelineBucket(date=dt.date(2015, 10, 7), count=1)],
    )


def test_search_view_reads_well_in_80_columns() -> None:
    console = Console(record=True, width=80, theme=THEME, color_system=None)
    console.print(search_view(_result(), '"missile strikes" · place: Syria'))
    text = console.export_text()
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith("1 articles")
    assert "Russian warships fire cruise missiles" in text
    assert "2015-10-07" in text and "Meridian" in text
    for title in ("actors", "places", "sources", "timeline (per day)"):
        assert title in text
    # The three facet panels share one row.
    assert any("actors" in line and "places" in line and "sources" in line for line in lines)
    assert "<mark>" not in text


def test_highlight_marks_become_the_match_style() -> None:
    text = highlighted("The <mark>missiles</mark> flew <mark>far</mark>")
    assert text.plain == "The missiles flew far"
    marked = [text.plain[s.start : s.end] for s in text.spans if s.style == "match"]
    assert marked == ["missiles", "far"]
