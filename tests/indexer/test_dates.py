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


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # The clause's own verb decides, not a "would" further on.
        ("Voters on Sunday rejected a text that would have changed much.", dt.date(2015, 10, 4)),
        (
            "A probe crashed into an asteroid on Monday, a test of whether we could.",
            dt.date(2015, 10, 5),
        ),
        ("He said he would travel to Paris on Monday.", dt.date(2015, 10, 12)),
        ("He said he would visit the affected areas on Sunday.", dt.date(2015, 10, 11)),
        ("Fans are expected to line the streets for a parade on Monday.", dt.date(2015, 10, 12)),
        # Deadlines and span ends look forward, unless a past verb owns them.
        ("Residents were ordered to leave by noon on Friday.", dt.date(2015, 10, 9)),
        ("Forecasters warned of more rain through Sunday.", dt.date(2015, 10, 11)),
        ("The strike lasted until Sunday.", dt.date(2015, 10, 4)),
        ("By Tuesday the toll had risen to 40.", dt.date(2015, 10, 6)),
        ("He declared a day of national mourning for Saturday.", dt.date(2015, 10, 10)),
        # The present tense of what is scheduled looks forward.
        ("The party opens its convention on Monday in Milwaukee.", dt.date(2015, 10, 12)),
        ("The president is to sign the law on Saturday.", dt.date(2015, 10, 10)),
        ("The convention opened on Monday.", dt.date(2015, 10, 5)),
    ],
)
def test_a_weekday_takes_the_tense_of_its_clause(sentence: str, day: dt.date) -> None:
    assert mentioned_dates(sentence, THURSDAY) == [day]


def test_relative_words_in_a_quotation_count_from_the_storys_day() -> None:
    spoken_on_tuesday = 'Talks failed on Tuesday.\n\n"Yesterday was a good day," he said.'
    assert mentioned_dates(spoken_on_tuesday, THURSDAY) == [
        dt.date(2015, 10, 5),
        dt.date(2015, 10, 6),
    ]
    assert mentioned_dates('"Today we vote," he said.', THURSDAY) == [dt.date(2015, 10, 8)]
    assert mentioned_dates("Talks resume today.", THURSDAY) == [dt.date(2015, 10, 8)]


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


def test_a_game_postponed_until_a_weekday_moves_ahead() -> None:
    wednesday = dt.datetime(2025, 1, 1, 20, tzinfo=dt.UTC)
    text = "The game at the Superdome was postponed until Thursday."
    assert mentioned_dates(text, wednesday) == [dt.date(2025, 1, 2)]


def test_a_weekday_owning_an_event_is_the_one_past_unless_its_clause_says_otherwise() -> None:
    monday = dt.datetime(2025, 11, 17, 6, tzinfo=dt.UTC)
    text = (
        "Jara and Kast will face each other after finishing first and second in Sunday's election."
    )
    assert mentioned_dates(text, monday) == [dt.date(2025, 11, 16)]
    text = "Voters will go to the polls in Sunday's election."
    assert mentioned_dates(text, monday) == [dt.date(2025, 11, 23)]
    thursday = dt.datetime(2004, 3, 11, 18, tzinfo=dt.UTC)
    text = "Aznar declared three days of mourning, three days before Sunday's general election."
    assert mentioned_dates(text, thursday) == [dt.date(2004, 3, 14)]
    text = "Turnout fell sharply in Sunday's general election."
    assert mentioned_dates(text, thursday) == [dt.date(2004, 3, 7)]


def test_a_weekday_declared_a_day_of_mourning_is_ahead() -> None:
    saturday = dt.datetime(2024, 3, 23, 12, tzinfo=dt.UTC)
    text = "Putin declared Sunday a day of national mourning."
    assert mentioned_dates(text, saturday) == [dt.date(2024, 3, 24)]


def test_a_passive_participle_is_no_past_and_a_sunday_newspaper_no_day() -> None:
    monday = dt.datetime(2023, 6, 12, 12, tzinfo=dt.UTC)
    assert mentioned_dates("A funeral will be held on Wednesday.", monday) == [dt.date(2023, 6, 14)]
    assert mentioned_dates("It closed Britain's best-selling Sunday newspaper.", monday) == []
    assert mentioned_dates("He opened fire during Friday prayers.", monday) == [dt.date(2023, 6, 9)]


def test_a_birthday_ahead_looks_forward() -> None:
    saturday = dt.datetime(2016, 8, 20, 4, tzinfo=dt.UTC)
    assert mentioned_dates("Bolt, who turns 30 on Sunday, said so.", saturday) == [
        dt.date(2016, 8, 21)
    ]


def test_a_plural_subjects_present_looks_forward_but_not_an_infinitive() -> None:
    friday = dt.datetime(2019, 9, 20, 21, tzinfo=dt.UTC)
    text = "Leaders gather at the United Nations on Monday for a climate summit."
    assert mentioned_dates(text, friday) == [dt.date(2019, 9, 23)]
    sunday = dt.datetime(2018, 4, 8, 4, tzinfo=dt.UTC)
    text = "He handed himself in to police on Saturday to begin a 12-year sentence."
    assert mentioned_dates(text, sunday) == [dt.date(2018, 4, 7)]


def test_a_month_and_day_ahead_in_a_clause_that_looks_ahead_is_the_next_one() -> None:
    thursday = dt.datetime(2023, 1, 19, 4, tzinfo=dt.UTC)
    text = "The general election will be held on October 14."
    assert mentioned_dates(text, thursday) == [dt.date(2023, 10, 14)]
    text = "The storm hit the coast on October 14."
    assert mentioned_dates(text, thursday) == [dt.date(2022, 10, 14)]


def test_a_month_and_day_ending_a_span_looks_ahead() -> None:
    thursday = dt.datetime(2019, 4, 11, 6, tzinfo=dt.UTC)
    text = "Leaders agreed early on Thursday to delay Britain's departure until October 31."
    assert mentioned_dates(text, thursday) == [dt.date(2019, 4, 11), dt.date(2019, 10, 31)]


def test_as_soon_as_a_weekday_looks_ahead() -> None:
    tuesday = dt.datetime(2024, 11, 5, 6, tzinfo=dt.UTC)
    text = "They could return to the factories as soon as Wednesday."
    assert mentioned_dates(text, tuesday) == [dt.date(2024, 11, 6)]


def test_a_journey_in_the_present_tense_is_ahead() -> None:
    saturday = dt.datetime(2021, 3, 6, 14, tzinfo=dt.UTC)
    assert mentioned_dates("He flies to Mosul on Sunday.", saturday) == [dt.date(2021, 3, 7)]


def test_an_event_named_by_its_day_is_no_date() -> None:
    thursday = dt.datetime(2010, 4, 15, 18, tzinfo=dt.UTC)
    text = "It was shut for the first time since the September 11 attacks. It opens on April 20."
    assert mentioned_dates(text, thursday) == [dt.date(2010, 4, 20)]


def test_a_month_and_day_without_a_year_looks_back_unless_it_is_near() -> None:
    february = dt.datetime(1998, 2, 6, tzinfo=dt.UTC)
    # Six months ahead or six months back: news means the one gone by.
    assert mentioned_dates("Its record high, set on Aug. 6, stood.", february) == [
        dt.date(1997, 8, 6)
    ]
    # A few weeks ahead is the one to come.
    assert mentioned_dates("Talks resume on March 3.", february) == [dt.date(1998, 3, 3)]


def test_an_initial_or_an_abbreviation_ends_no_sentence() -> None:
    friday = dt.datetime(1989, 10, 27, tzinfo=dt.UTC)
    # "will" governs Monday though "P." comes between: the Monday to come.
    found = mentioned_dates("He will succeed Daniel P. Davison on Monday.", friday)
    assert found == [dt.date(1989, 10, 30)]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # "planned" is a past tense unless a form of "be" or an article leads it.
        ("On Friday, the government planned to pay the victims.", dt.date(2015, 10, 2)),
        ("A vote is planned for Friday.", dt.date(2015, 10, 9)),
        # "plan", "set", "likely" look ahead only before "to".
        ("The talks are set to resume Monday in Belfast.", dt.date(2015, 10, 12)),
        ("The thrift announced the plan Oct. 1.", dt.date(2015, 10, 1)),
        ("Protesters were planning to drive around the airport on Monday.", dt.date(2015, 10, 12)),
        # What had been due is past.
        ("The offer had been due to expire Friday evening.", dt.date(2015, 10, 2)),
        # A deadline at a time of day looks forward.
        ("The agency extended its deadline until 9 a.m. EST Tuesday.", dt.date(2015, 10, 13)),
        # A span end's clause cut by a comma is read in its sentence.
        ("Until Tuesday, they had not called him a suspect.", dt.date(2015, 10, 6)),
        ("The fair is this coming Sunday.", dt.date(2015, 10, 11)),
    ],
)
def test_tense_words_in_their_places(sentence: str, day: dt.date) -> None:
    assert mentioned_dates(sentence, THURSDAY) == [day]


def test_a_weekday_written_with_its_date_is_that_date() -> None:
    text = "The paper said in an editorial on Saturday, Oct. 10: the court erred."
    assert mentioned_dates(text, THURSDAY) == [dt.date(2015, 10, 10)]


def test_recurring_weekdays_and_our_time_are_no_days() -> None:
    assert mentioned_dates("Flights leave each Thursday from Bombay.", THURSDAY) == []
    assert mentioned_dates("What sense does it make in today's world?", THURSDAY) == []
    assert mentioned_dates("He chose the people of tomorrow.", THURSDAY) == []
    assert mentioned_dates("This is VOA Today.", THURSDAY) == []
    assert mentioned_dates("Today's meeting was cancelled.", THURSDAY) == [dt.date(2015, 10, 8)]


def test_holidays_take_their_year_as_a_month_day_would() -> None:
    assert mentioned_dates("He was found on Independence Day at sea.", THURSDAY) == [
        dt.date(2015, 7, 4)
    ]
    assert mentioned_dates("He was found last Thanksgiving.", THURSDAY) == [dt.date(2014, 11, 27)]
    assert mentioned_dates("Stores will open on Thanksgiving Day.", THURSDAY) == [
        dt.date(2015, 11, 26)
    ]
    assert mentioned_dates("He left last Christmas Eve.", THURSDAY) == [dt.date(2014, 12, 24)]


def test_days_and_weeks_ago_count_back_unless_approximate() -> None:
    assert mentioned_dates("A rifle was found 11 days ago.", THURSDAY) == [dt.date(2015, 9, 27)]
    assert mentioned_dates("They met two weeks ago.", THURSDAY) == [dt.date(2015, 9, 24)]
    assert mentioned_dates("The quake struck nearly two weeks ago.", THURSDAY) == []


def test_two_days_of_one_month_and_a_recent_event_named_by_its_day() -> None:
    assert mentioned_dates("The summit will be held on Oct. 24 and 25.", THURSDAY) == [
        dt.date(2015, 10, 24),
        dt.date(2015, 10, 25),
    ]
    assert mentioned_dates("Since the Oct. 1 bombings, the city is calm.", THURSDAY) == [
        dt.date(2015, 10, 1)
    ]
    assert mentioned_dates("Since the March 11 attacks, much changed.", THURSDAY) == []


@pytest.mark.parametrize("family", ["tense-cues", "holidays", "days-ago"])
def test_each_date_rule_family_can_be_switched_off(family: str) -> None:
    text = "Schools will reopen on Monday. It was found on Thanksgiving Day, 11 days ago."
    on = set(mentioned_dates(text, THURSDAY))
    off = set(mentioned_dates(text, THURSDAY, frozenset({family})))
    assert on != off
