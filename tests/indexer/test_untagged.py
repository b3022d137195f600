"""Finding names the model left untagged, on hand-made entities (no NER model run)."""

import pytest

from indexer.gazetteer import gazetteer
from indexer.mentions import Ent
from indexer.resources import aliases
from indexer.untagged import UntaggedNames


@pytest.fixture(scope="module")
def finder() -> UntaggedNames:
    return UntaggedNames(aliases(), gazetteer())


def test_only_text_no_entity_covers_is_searched(finder: UntaggedNames) -> None:
    text = "Barbados became a republic."
    assert finder.find(text, [], set()) == ([], [("Barbados", "GPE")])
    tagged = [Ent("Barbados", "ORG", 0)]
    assert finder.find(text, tagged, set()) == ([], [])


def test_places_found_by_their_own_words_or_the_gazetteer(finder: UntaggedNames) -> None:
    text = (
        "Fighting reached the Odesa region. Students climbed above Jan Palach Square. "
        "It rained in Mombasa, Kisumu and Eldoret."
    )
    mombasa = Ent("Mombasa", "GPE", text.index("Mombasa"))
    _actors, places = finder.find(text, [mombasa], set())
    assert places == [
        ("Kisumu", "GPE"),
        ("Eldoret", "GPE"),
        ("Odesa region", "GPE"),
        ("Jan Palach Square", "LANDMARK"),
    ]


def test_a_surname_of_the_article_is_never_an_untagged_place(finder: UntaggedNames) -> None:
    text = "The coach Sam Kenya spoke. Later Kenya left for Nairobi."
    _actors, places = finder.find(text, [], {"kenya"})
    assert ("Kenya", "GPE") not in places


def test_organisations_and_people_after_a_title(finder: UntaggedNames) -> None:
    text = "Merseyside Police arrested him. Her FAST party won. Mayor Femke Halsema spoke."
    actors, _places = finder.find(text, [], set())
    assert actors == [
        ("Merseyside Police", "ORG"),
        ("FAST", "ORG"),
        ("Femke Halsema", "PERSON"),
    ]


def test_two_names_whose_second_recurs_alone_are_a_person(finder: UntaggedNames) -> None:
    title = "Leftist Orsi wins"
    text = (
        f"{title}\n\nPetr Pavel, a retired general, won. Pavel takes office in March. "
        "Cyclone Chido hit Mayotte; Chido was the strongest storm. Orsi won too."
    )
    actors, _places = finder.find(text, [], set(), title_length=len(title))
    assert actors == [("Petr Pavel", "PERSON")]


def test_a_party_owned_by_a_leader_the_model_left_untagged(finder: UntaggedNames) -> None:
    text = "It was backed by Marine Le Pen's National Rally."
    pen = Ent("Marine Le Pen's", "PERSON", text.index("Marine"))
    actors, _places = finder.find(text, [pen], set())
    assert actors == [("National Rally", "ORG")]


def test_a_name_before_a_lower_case_building_is_a_landmark(finder: UntaggedNames) -> None:
    text = "The Dharahara tower collapsed. Cracks ran through the Rana Plaza building."
    _actors, places = finder.find(text, [], set())
    assert ("Dharahara", "LANDMARK") in places and ("Rana Plaza", "LANDMARK") in places
    _actors, places = finder.find("They met at the Trump tower.", [], {"trump"})
    assert places == []  # a person's name, not a building's


def test_one_word_companies_found_by_the_words_around_them(finder: UntaggedNames) -> None:
    text = (
        "Traders bought shares of GameStop. Protesters burned the offices of the power "
        "company Enel. Renfe, the state rail company, said the train was inspected. "
        "Shares of Paris rose. Madrid, the capital, was calm."
    )
    actors, _places = finder.find(text, [], set())
    assert ("GameStop", "ORG") in actors
    assert ("Enel", "ORG") in actors
    assert ("Renfe", "ORG") in actors
    assert not {name for name, _ in actors} & {"Paris", "Madrid", "Traders", "Protesters"}
