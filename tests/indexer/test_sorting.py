"""Sorting hand-made entities into actor and place mentions (no NER model run)."""

import datetime as dt
import re

import pytest

from indexer.enrich import DEFAULT_MODEL
from indexer.gazetteer import gazetteer
from indexer.mentions import Ent
from indexer.resources import aliases, demonyms
from indexer.sorting import MentionSorter
from newsarchive.article import Article


@pytest.fixture(scope="module")
def sorter() -> MentionSorter:
    return MentionSorter(aliases(), demonyms(), gazetteer(), DEFAULT_MODEL)


def _sort(
    sorter: MentionSorter, body: str, tagged: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Actor and place mentions of ``body``, with ``tagged`` as the model's entities."""
    ents = []
    position = 0
    for name, label in tagged:  # in the order they occur
        start = body.index(name, position)
        position = start + len(name)
        before = re.findall(r"[\w'’-]+|[^\w\s]", body[:start])
        after = re.match(r"\s*([\w'’-]+|[^\w\s])", body[position:])
        ents.append(
            Ent(name, label, start, before[-1] if before else "", after[1] if after else "")
        )
    article = Article(
        url="http://h/a", title="", body=body, published_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    )
    actors, places, _ents = sorter.sort(article, body, ents)
    return actors, places


def test_an_unknown_place_described_as_an_agency_is_an_organisation(sorter: MentionSorter) -> None:
    actors, places = _sort(
        sorter, "Rosaviatsia, the federal aviation agency, said so.", [("Rosaviatsia", "GPE")]
    )
    assert actors == [("Rosaviatsia", "ORG")] and places == []
    actors, places = _sort(
        sorter, "Police held managers of Oreva, the clock maker.", [("Oreva", "GPE")]
    )
    assert actors == [("Oreva", "ORG")] and places == []


def test_a_sea_named_as_an_adjective_is_no_place_but_its_coast_is(sorter: MentionSorter) -> None:
    _actors, places = _sort(
        sorter,
        "It was among the strongest Atlantic storms. It hit Mexico's Pacific coast.",
        [("Atlantic", "LOC"), ("Pacific coast", "LOC")],
    )
    assert places == [("Pacific", "LOC"), ("Mexico", "GPE")]


def test_the_region_named_as_such_and_a_dateline_come_first(sorter: MentionSorter) -> None:
    _actors, places = _sort(
        sorter,
        "MOSCOW - The jet came down in the Tver region.",
        [("Tver", "GPE")],
    )
    assert places == [("Moscow", "DATELINE"), ("Tver region", "GPE")]


def test_a_nationality_for_one_person_is_no_place(sorter: MentionSorter) -> None:
    _actors, places = _sort(
        sorter,
        "It ended the Serbian's run. The Serbian government objected.",
        [("Serbian", "NORP"), ("Serbian", "NORP")],
    )
    assert [label for _name, label in places] == ["DEMONYM"]


def test_a_building_that_speaks_is_the_office_in_it(sorter: MentionSorter) -> None:
    actors, places = _sort(
        sorter,
        "The Queen died at Balmoral, Buckingham Palace said. The couple rode to Buckingham Palace.",
        [("Buckingham Palace", "FAC"), ("Buckingham Palace", "FAC")],
    )
    assert actors == [("Buckingham Palace", "ORG")]
    assert places == [("Buckingham Palace", "LANDMARK")]


def test_a_name_starting_in_lower_case_is_still_a_name_but_a_description_is_not(
    sorter: MentionSorter,
) -> None:
    actors, _places = _sort(
        sorter,
        "He once had links to al-Qaeda, the election commission said.",
        [("al-Qaeda", "ORG"), ("election commission", "ORG")],
    )
    assert actors == [("al-Qaeda", "ORG")]


def test_ships_craft_and_eras_named_as_such_are_not_actors(sorter: MentionSorter) -> None:
    actors, _places = _sort(
        sorter,
        "The rover carries a small helicopter, Ingenuity, which will fly. DART struck "
        "Dimorphos, a moonlet. The Sierra Leone-flagged Razoni sailed. NASA said so.",
        [("Ingenuity", "ORG"), ("Dimorphos", "PERSON"), ("Razoni", "ORG"), ("NASA", "ORG")],
    )
    assert actors == [("NASA", "ORG")]


def test_a_region_the_model_left_untagged_is_found_by_name(sorter: MentionSorter) -> None:
    _actors, places = _sort(
        sorter, "Maksym Marchenko, the governor of the Odesa region, spoke.", []
    )
    assert places == [("Odesa region", "GPE")]


def test_a_known_town_the_model_left_untagged_after_in_or_near(sorter: MentionSorter) -> None:
    _actors, places = _sort(
        sorter,
        "An army truck rolled over near Lismore. The vote came in March.",
        [],
    )
    assert places == [("Lismore", "GPE")]


def test_facilities_named_after_people_are_places(sorter: MentionSorter) -> None:
    actors, places = _sort(
        sorter,
        "Sam Ratulangi International Airport was closed. Students climbed out "
        "above Jan Palach Square.",
        [("Sam Ratulangi", "PERSON")],
    )
    assert actors == []
    assert places == [
        ("Sam Ratulangi International Airport", "LANDMARK"),
        ("Jan Palach Square", "LANDMARK"),
    ]


def test_given_names_the_model_left_out_mid_sentence_or_untagged(sorter: MentionSorter) -> None:
    actors, _places = _sort(
        sorter,
        "It ended years in which Milo Djukanovic dominated. Nayib Bukele won. "
        "Later Bukele spoke, and so did Democrat Pelosi.",
        [("Djukanovic", "PERSON"), ("Bukele", "PERSON"), ("Pelosi", "PERSON")],
    )
    assert ("Milo Djukanovic", "PERSON") in actors
    assert ("Nayib Bukele", "PERSON") in actors
    assert ("Pelosi", "PERSON") in actors  # a party, not a given name


def test_organisations_the_model_left_untagged_are_found_by_their_last_word(
    sorter: MentionSorter,
) -> None:
    actors, _places = _sort(
        sorter,
        "Merseyside Police arrested a boy. Gunmen of the Sinaloa Cartel fired. "
        "Her FAST party won. The Party met.",
        [],
    )
    assert actors == [("Merseyside Police", "ORG"), ("Sinaloa Cartel", "ORG"), ("FAST", "ORG")]


def test_a_name_read_as_a_works_title_is_a_person_when_its_surname_recurs(
    sorter: MentionSorter,
) -> None:
    actors, _places = _sort(
        sorter,
        "Yamandu Orsi of the Broad Front won. Orsi is a former teacher. "
        "She won the Nobel Peace Prize, and the Prize came late.",
        [("Yamandu Orsi", "WORK_OF_ART"), ("Nobel Peace Prize", "WORK_OF_ART")],
    )
    assert actors == [("Yamandu Orsi", "PERSON"), ("Broad Front", "ORG")]


def test_a_name_before_a_lower_case_state_or_province_is_that_region(
    sorter: MentionSorter,
) -> None:
    _actors, places = _sort(
        sorter,
        "It hit Sittwe in Myanmar's Rakhine state.",
        [("Myanmar", "GPE"), ("Rakhine", "PRODUCT")],
    )
    assert ("Rakhine", "GPE") in places


def test_a_country_the_model_left_untagged_is_found_unless_part_of_a_longer_name(
    sorter: MentionSorter,
) -> None:
    _actors, places = _sort(
        sorter,
        "Barbados became a republic. He rode the Tour de France and lived in New Mexico. "
        "Michael Jordan played.",
        [("Michael Jordan", "PERSON")],
    )
    assert places == [("Barbados", "GPE"), ("New Mexico", "GPE")]  # the state, not Mexico


def test_a_name_after_led_by_is_a_person_and_owned_parties_are_organisations(
    sorter: MentionSorter,
) -> None:
    actors, places = _sort(
        sorter,
        "The Democratic Party, led by Luvsannyam Gombojav, took 42 seats. "
        "Orban's Fidesz won again: his Fidesz party took 53 percent.",
        [("The Democratic Party", "ORG"), ("Luvsannyam Gombojav", "FAC"), ("Orban", "PERSON")],
    )
    assert ("Luvsannyam Gombojav", "PERSON") in actors
    assert ("Fidesz", "ORG") in actors
    assert places == []


def test_names_the_article_tags_as_organisations_or_events_elsewhere(
    sorter: MentionSorter,
) -> None:
    actors, places = _sort(
        sorter,
        "OpenAI fired him. Microsoft invested in OpenAI. Kestrel Research lent money; "
        "Ellison ran Kestrel. Alcaraz won Wimbledon. His first Wimbledon title came.",
        [
            ("OpenAI", "ORG"),
            ("Microsoft", "ORG"),
            ("OpenAI", "GPE"),
            ("Kestrel Research", "ORG"),
            ("Kestrel", "GPE"),
            ("Wimbledon", "ORG"),
            ("Wimbledon", "EVENT"),
        ],
    )
    assert places == []
    assert ("OpenAI", "ORG") in actors and ("Kestrel", "ORG") in actors
    assert ("Wimbledon", "ORG") not in actors


def test_centres_lakes_craft_and_strains(sorter: MentionSorter) -> None:
    actors, places = _sort(
        sorter,
        "Britain won bronze at the Ariake Gymnastics Centre. Teams from the Joint "
        "Coordination Centre inspected it. Drought lowered Gatun Lake. The craft, named "
        "Odysseus, landed. He had the Sudan strain.",
        [
            ("Britain", "GPE"),
            ("the Ariake Gymnastics Centre", "ORG"),
            ("the Joint Coordination Centre", "ORG"),
            ("Gatun Lake", "PERSON"),
            ("Odysseus", "PERSON"),
            ("Sudan", "GPE"),
        ],
    )
    assert actors == [("the Joint Coordination Centre", "ORG")]
    assert places == [
        ("Britain", "GPE"),
        ("Ariake Gymnastics Centre", "LANDMARK"),
        ("Gatun Lake", "LANDMARK"),
    ]


def test_schools_plazas_lagoons_and_airports_named_as_such_are_places(
    sorter: MentionSorter,
) -> None:
    actors, places = _sort(
        sorter,
        "He opened fire at Marjory Stoneman Douglas High School. The building, Rana Plaza, "
        "fell. A mine collapsed under the Mundau lagoon. La Aurora airport closed. "
        "Heathrow airport shut.",
        [
            ("Marjory Stoneman Douglas High School", "ORG"),
            ("Rana Plaza", "PERSON"),
            ("Mundau", "PERSON"),
            ("La Aurora", "PERSON"),
            ("Heathrow", "FAC"),
        ],
    )
    assert actors == []
    assert [name for name, _label in places] == [
        "Marjory Stoneman Douglas High School",
        "Rana Plaza",
        "Mundau",
        "La Aurora",
        "Heathrow",
    ]


def test_models_holidays_courts_and_two_companies_in_one_entity(sorter: MentionSorter) -> None:
    actors, places = _sort(
        sorter,
        "It grounded the 737 Max. He shot her on Valentine's Day. A judge at Westminster "
        "Magistrates' Court agreed; he was sent to face the International Criminal Court. "
        "Kingdom Holding owns stakes in Twitter and Citigroup. The Panamanian law firm "
        "Mossack Fonseca denied it.",
        [
            ("Max", "PERSON"),
            ("Valentine", "PERSON"),
            ("Westminster Magistrates' Court", "ORG"),
            ("the International Criminal Court", "ORG"),
            ("Kingdom Holding", "ORG"),
            ("Twitter and Citigroup", "ORG"),
            ("Panamanian", "NORP"),
        ],
    )
    assert places == [("Westminster Magistrates' Court", "LANDMARK")]
    assert actors == [
        ("the International Criminal Court", "ORG"),
        ("Kingdom Holding", "ORG"),
        ("Twitter", "ORG"),
        ("Citigroup", "ORG"),
        ("Mossack Fonseca", "ORG"),  # untagged here: found by "the law firm" before it
    ]


def test_a_thing_named_after_a_city_is_no_place(sorter: MentionSorter) -> None:
    _actors, places = _sort(
        sorter, "He came up in the narrow capsule, named Phoenix.", [("Phoenix", "GPE")]
    )
    assert places == []


def test_a_region_annexed_is_a_place_everywhere_in_the_article(sorter: MentionSorter) -> None:
    actors, places = _sort(
        sorter,
        "Putin signs treaty to annex Crimea. Crimea had always been Russian, he said.",
        [("Putin", "PERSON"), ("Crimea", "ORG"), ("Crimea", "ORG")],
    )
    assert ("Crimea", "ORG") not in actors
    assert [name for name, _label in places] == ["Crimea", "Crimea"]


def test_craft_named_before_their_kind_holidays_and_stormed_buildings(
    sorter: MentionSorter,
) -> None:
    actors, places = _sort(
        sorter,
        "The Philae lander was released by the Rosetta probe. People were celebrating "
        "Easter. Gunmen stormed the Holey Artisan Bakery; rioters stormed the National "
        "Congress.",
        [
            ("Philae", "PERSON"),
            ("Rosetta", "GPE"),
            ("Easter", "PERSON"),
            ("the Holey Artisan Bakery", "ORG"),
            ("the National Congress", "ORG"),
        ],
    )
    assert places == [("Holey Artisan Bakery", "LANDMARK")]
    # Easter is dropped with the other holidays when actors are made canonical.
    assert actors == [("Easter", "PERSON"), ("the National Congress", "ORG")]


def test_a_name_before_a_lower_case_hospital_is_that_hospital(sorter: MentionSorter) -> None:
    body = "Doctors at the Hadassah Ein Kerem hospital operated on him."
    actors, places = _sort(sorter, body, [("Hadassah Ein Kerem", "ORG")])
    assert places == [("Hadassah Ein Kerem", "LANDMARK")] and actors == []


def test_a_company_the_model_calls_a_place_is_an_actor_where_the_words_say_so(
    sorter: MentionSorter,
) -> None:
    body = "Intel fell behind the chipmaker Nvidia. It looked to the electronics maker Foxconn."
    actors, places = _sort(sorter, body, [("Nvidia", "GPE"), ("Foxconn", "GPE")])
    assert ("Nvidia", "ORG") in actors and ("Foxconn", "ORG") in actors
    assert places == []
