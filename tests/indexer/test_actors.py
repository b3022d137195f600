import pytest

from indexer.actors import canonical_actors, clean_mention, slug, strip_titles, surname_keys
from indexer.resources import AliasTable, aliases


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Putin's", "Putin"),
        ("the Kremlin", "Kremlin"),
        ("  Ash\nCarter ", "Ash Carter"),
        ("“Merkel”", "Merkel"),
        ("Inter Milan 1-0", "Inter Milan"),
        ("Remco Evenepoel of", "Remco Evenepoel"),
        ("Millions of Texans", "Texans"),
        ("her Liberal Democratic Party", "Liberal Democratic Party"),
    ],
)
def test_clean_mention(raw: str, expected: str) -> None:
    assert clean_mention(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("US Defense Secretary Ash Carter", "Ash Carter"),
        ("Lt Gen Ben Hodges", "Ben Hodges"),
        ("Major General Igor Konashenkov", "Igor Konashenkov"),
        ("President Obama", "Obama"),
        ("Chief Constable Serena Kennedy", "Serena Kennedy"),
        ("Field Marshal Mohamed Hussein Tantawi", "Mohamed Hussein Tantawi"),
        ("Carter", "Carter"),
    ],
)
def test_titles_and_honorifics_are_dropped(raw: str, expected: str) -> None:
    assert strip_titles(raw) == expected


def test_partial_names_resolve_to_the_full_name_in_the_document() -> None:
    actors, by_mention = canonical_actors(
        [("Defense Secretary Ash Carter", "PERSON"), ("Carter", "PERSON"), ("Carter's", "PERSON")],
        AliasTable([]),
    )
    assert [(a.name, a.type, a.id) for a in actors] == [("Ash Carter", "person", "ash-carter")]
    assert by_mention["Carter's"].name == "Ash Carter"


def test_a_nickname_in_quotation_marks_is_dropped_and_names_the_person_alone() -> None:
    actors, by_mention = canonical_actors(
        [
            ("El Chapo's", "ORG"),
            ('Joaquin "El Chapo" Guzman', "PERSON"),
            ("Ovidio Guzman", "PERSON"),
        ],
        AliasTable([]),
    )
    assert {a.name for a in actors} == {"Joaquin Guzman", "Ovidio Guzman"}
    assert by_mention["El Chapo's"].name == "Joaquin Guzman"
    assert by_mention["El Chapo's"].type == "person"


def test_the_end_of_a_longer_name_is_that_name_whatever_its_case() -> None:
    actors, by_mention = canonical_actors(
        [("Peter R. de Vries", "PERSON"), ("De Vries", "PERSON")], AliasTable([])
    )
    assert by_mention["De Vries"].name == "Peter R. de Vries" and len(actors) == 1


def test_half_of_a_double_barrelled_surname_is_the_person() -> None:
    actors, by_mention = canonical_actors(
        [("Jennifer Geerlings-Simons", "PERSON"), ("Simons", "PERSON"), ("Tsai Ing-wen", "PERSON")],
        AliasTable([]),
    )
    assert by_mention["Simons"].name == "Jennifer Geerlings-Simons"
    assert [a.name for a in actors] == ["Jennifer Geerlings-Simons", "Tsai Ing-wen"]


def test_a_name_people_go_by_resolves_to_the_one_full_name_holding_it() -> None:
    actors, by_mention = canonical_actors(
        [
            ("Luiz Inacio Lula da Silva", "ORG"),
            ("Luiz Inacio Lula da Silva", "PERSON"),
            ("Lula", "PERSON"),
            ("Jair Bolsonaro", "PERSON"),
        ],
        AliasTable([]),
    )
    assert by_mention["Lula"].name == "Luiz Inacio Lula da Silva"
    assert "Lula" not in {a.name for a in actors}


def test_an_org_carrying_a_persons_title_is_a_person() -> None:
    actors, _ = canonical_actors([("King Felipe VI", "ORG")], AliasTable([]))
    assert [(a.name, a.type) for a in actors] == [("Felipe VI", "person")]


def test_a_possessive_inside_a_name_is_kept_an_owners_is_dropped() -> None:
    actors, _ = canonical_actors(
        [("the Taiwan People's Party", "ORG"), ("Trudeau's Liberals", "ORG")], AliasTable([])
    )
    assert [a.name for a in actors] == ["Taiwan People's Party", "Liberals"]


def test_a_full_name_tagged_org_is_a_person_called_by_that_surname() -> None:
    actors, by_mention = canonical_actors(
        [("Novak Djokovic", "ORG"), ("Djokovic", "PERSON"), ("Deutsche Bahn", "ORG")],
        AliasTable([]),
    )
    assert [(a.name, a.type) for a in actors] == [
        ("Novak Djokovic", "person"),
        ("Deutsche Bahn", "organization"),
    ]
    assert by_mention["Djokovic"].name == "Novak Djokovic"


def test_country_scoped_aliases_apply_only_where_the_article_names_the_country() -> None:
    table = AliasTable([["Congress", "US Congress", "organization", "US"]])
    american, _ = canonical_actors([("Congress", "ORG")], table.within(["US"]))
    peruvian, _ = canonical_actors([("Congress", "ORG")], table.within(["PE"]))
    assert [a.name for a in american] == ["US Congress"]
    assert peruvian == []  # an unnamed legislature is no actor
    # A person's row needs the country named, not the story to be about it.
    king = AliasTable([["King Abdullah", "Abdullah II of Jordan", "person", "JO"]])
    in_sochi, _ = canonical_actors([("King Abdullah", "PERSON")], king.within(["RU"], ["JO"]))
    in_riyadh, _ = canonical_actors([("King Abdullah", "PERSON")], king.within(["SA"], ["SA"]))
    assert [a.name for a in in_sochi] == ["Abdullah II of Jordan"]
    assert [a.name for a in in_riyadh] != ["Abdullah II of Jordan"]


def test_a_one_word_organisation_is_the_longer_name_holding_it() -> None:
    actors, by_mention = canonical_actors(
        [("Activision Blizzard", "ORG"), ("Activision", "ORG"), ("Microsoft", "ORG")],
        AliasTable([]),
    )
    assert [a.name for a in actors] == ["Activision Blizzard", "Microsoft"]
    assert by_mention["Activision"].name == "Activision Blizzard"


def test_a_generic_noun_the_model_took_into_a_name_is_dropped() -> None:
    actors, _ = canonical_actors(
        [("party AKEL", "ORG"), ("Militant Socialist Movement", "ORG")], AliasTable([])
    )
    assert [a.name for a in actors] == ["AKEL", "Militant Socialist Movement"]


def test_a_descriptor_the_model_took_into_a_name_is_dropped() -> None:
    actors, _ = canonical_actors([("the Islamist Ennahda", "ORG")], AliasTable([]))
    assert [a.name for a in actors] == ["Ennahda"]


def test_alias_table_canonicalises() -> None:
    actors, _ = canonical_actors(
        [
            ("ISIS", "ORG"),
            ("ISIL", "ORG"),
            ("Islamic State", "ORG"),
            ("Taliban", "NORP"),
            ("Putin", "PERSON"),
        ],
        aliases(),
    )
    assert {(a.name, a.type) for a in actors} == {
        ("Islamic State", "organization"),
        ("Taliban", "group"),
        ("Vladimir Putin", "person"),
    }


def test_short_acronyms_match_case_sensitively() -> None:
    table = aliases()
    assert table.get("IS") is not None and table.get("IS").canonical == "Islamic State"  # type: ignore[union-attr]
    assert table.get("is") is None
    assert table.get("the kremlin") is not None


def test_offices_and_noise_are_not_actors() -> None:
    actors, _ = canonical_actors(
        [("Defence", "ORG"), ("Supreme Leader", "ORG"), ("Su-24", "ORG"), ("GE", "ORG")],
        AliasTable([]),
    )
    assert actors == []


def test_ids_are_stable_slugs() -> None:
    assert slug("François Hollande") == "francois-hollande"


def test_a_fathers_name_after_bin_is_no_surname() -> None:
    actors, by_mention = canonical_actors(
        [("Mohammed bin Salman", "PERSON"), ("King Salman", "PERSON")], AliasTable([])
    )
    assert [a.name for a in actors] == ["Mohammed bin Salman", "Salman"]


def test_holidays_are_not_actors() -> None:
    actors, _ = canonical_actors([("Easter", "PERSON"), ("Yom Kippur", "ORG")], AliasTable([]))
    assert actors == []


def test_a_rank_alone_is_no_actor_and_a_short_form_is_its_organisation() -> None:
    actors, by_mention = canonical_actors(
        [
            ("The US Coast Guard", "ORG"),
            ("Rear Admiral", "ORG"),
            ("Mary Landry", "PERSON"),
            ("the Coast Guard", "ORG"),
        ],
        AliasTable([]),
    )
    assert [a.name for a in actors] == ["US Coast Guard", "Mary Landry"]
    assert by_mention["the Coast Guard"].name == "US Coast Guard"


def test_two_letter_acronyms_count_where_the_alias_table_knows_them() -> None:
    actors, _ = canonical_actors([("BP", "ORG"), ("GE", "ORG")], aliases())
    assert [a.name for a in actors] == ["BP"]


def test_a_family_name_written_first_is_a_key_and_numbered_names_are_no_people() -> None:
    assert "kim" in surname_keys("Kim Jong-un")
    assert surname_keys("Jennifer Geerlings-Simons") == ["geerlings-simons", "geerlings", "simons"]
    actors, _ = canonical_actors(
        [("Messier 87", "PERSON"), ("Kim", "PERSON"), ("Kim Jong-un", "PERSON")], AliasTable([])
    )
    assert [a.name for a in actors] == ["Kim Jong-un"]


def test_newspapers_keep_their_the_and_an_agency_its_full_name() -> None:
    actors, _ = canonical_actors([("Guardian", "ORG"), ("NSA", "ORG")], aliases())
    assert [a.name for a in actors] == ["The Guardian", "National Security Agency"]


def test_initials_are_no_title_but_an_honorific_is() -> None:
    assert strip_titles("MS Dhoni") == "MS Dhoni"
    assert strip_titles("Ms Dhoni") == "Dhoni"
    assert strip_titles("US Defense Secretary Ash Carter") == "Ash Carter"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the August Chicago NAPM", "Chicago NAPM"),  # the month a figure is for
        ("Interfax news agency", "Interfax"),  # the kind of body
        ("National Association of Purchasing Management (NAPM", "National Association of Purchasing Management"),
    ],
)  # fmt: skip
def test_words_around_an_organisations_name_are_no_part_of_it(raw: str, expected: str) -> None:
    actors, _ = canonical_actors([(raw, "ORG")], AliasTable([]))
    assert [a.name for a in actors] == [expected]


def test_a_person_named_after_a_month_keeps_the_name() -> None:
    actors, _ = canonical_actors([("April Ryan", "PERSON")], AliasTable([]))
    assert [a.name for a in actors] == ["April Ryan"]
