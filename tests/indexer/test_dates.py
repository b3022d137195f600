import datetime as dt

import pytest

from indexer.dates import mentioned_dates

THURSDAY = dt.datetime(2015, 10, 8, 9, 30, tzinfo=dt.UTC)


def test_weekdays_read_as_news_reads_them() -> None:
    assert mentioned_dates("The minister spoke on Thursday.", THURSDAY) == [dt.date(2015, 10, 8)]
    assert mentioned_dates("They met on Wednesday.", THURSDAY) == [dt.date(2015, 10, 7)]
    assert mentioned_dates("Fighting began last Friday.", THURSDAY) == [dt.date(2015, 10, 2)]


def test_future_sentences_look_forward() -> None:
    assert mentioned_dates("Schools will stay closed on Monday.", THURSDAY) == [
        dt.date(2015, 10, 12)
    ]
    assert mentioned_dates("A vote is due next Tuesday.", THURSDAY) == [dt.date(2015, 10, 13)]


def test_month_and_day_take_the_nearest_year() -> None:
    assert mentioned_dates("Turkey votes on Nov. 1.", THURSDAY) == [dt.date(2015, 11, 1)]
    late = dt.datetime(2016, 1, 5, tzinfo=dt.UTC)
    assert mentioned_dates("Since Dec. 28 the talks stalled.", late) == [dt.date(2015, 12, 28)]
    assert mentioned_dates("It opened on 3 March 2011.", late) == [dt.date(2011, 3, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "in recent days",
        "this week",
        "last year",
        "in August",
        "over the coming weeks",
        "in 2011",
        "on Feb. 30",
    ],
)
def test_vague_or_impossible_expressions_are_not_dates(text: str) -> None:
    assert mentioned_dates(f"It happened {text}.", THURSDAY) == []


def test_relative_dates_need_a_publication_date() -> None:
    assert mentioned_dates("On Wednesday and on 3 March 2011.", None) == [dt.date(2011, 3, 3)]
