"""The pure repairs of the model's entities, on hand-made entities."""

import pytest

from indexer.mentions import (
    Ent,
    complete_by_what_follows,
    complete_hyphenated_name,
    complete_last_name,
    complete_organisation_name,
    complete_particle_tail,
    cut_at_verb,
    demonym_names_a_person,
    headline_names_as_in_body,
    join_adjacent_people,
    join_and_names,
    place_cues,
    possessive_landmark,
    split_and_names,
    split_at_commas,
    titled_people_untagged,
    within_paragraphs,
)


def _ent(text: str, whole: str, label: str) -> Ent:
    return Ent(text, label, whole.index(text))


def test_place_cues_from_the_words_around_a_name() -> None:
    text = "It hit the village of Lytton. Shelters opened in Kamloops and Merritt. Ask Smith."
    ents = [
        _ent(name, text, label)
        for name, label in [
            ("Lytton", "ORG"),
            ("Kamloops", "GPE"),
            ("Merritt", "PERSON"),
            ("Smith", "PERSON"),
        ]
    ]
    cues = place_cues(text, ents)
    assert cues[text.index("Lytton")] == "noun"
    assert cues[text.index("Kamloops")] == "strong"
    assert cues[text.index("Merritt")] == "list"  # listed right after a place
    assert text.index("Smith") not in cues
    flight = "A jet bound for Nairobi crashed."
    assert place_cues(flight, [_ent("Nairobi", flight, "ORG")]) == {
        flight.index("Nairobi"): "strong"
    }


def test_names_the_model_cut_short_are_completed() -> None:
    text = "Leader Maria Corina Machado said so. The United Party for National Development won."
    person = complete_last_name(_ent("Maria Corina", text, "PERSON"), text, set())
    assert person.text == "Maria Corina Machado"
    party = complete_organisation_name(_ent("United Party", text, "ORG"), text)
    assert party.text == "United Party for National Development"


def test_an_office_split_at_and_is_one_name() -> None:
    text = "a spokesman for the Hong Kong and Macao Affairs Office said"
    ents = [_ent("Hong Kong", text, "GPE"), _ent("Macao Affairs Office", text, "ORG")]
    (joined,) = join_and_names(ents, text)
    assert (joined.text, joined.label) == ("Hong Kong and Macao Affairs Office", "ORG")


def test_a_body_named_for_two_kinds_of_members_is_one_name() -> None:
    text = "The Bangladesh Garment Manufacturers and Exporters Association said. Twitter and Citigroup Association met."
    ents = [
        _ent("The Bangladesh Garment Manufacturers", text, "ORG"),
        _ent("Exporters Association", text, "ORG"),
        _ent("Twitter", text, "ORG"),
        _ent("Citigroup Association", text, "ORG"),
    ]
    assert [e.text for e in join_and_names(ents, text)] == [
        "The Bangladesh Garment Manufacturers and Exporters Association",
        "Twitter",
        "Citigroup Association",
    ]


def test_a_headline_word_glued_to_a_name_is_dropped() -> None:
    title = "Libertarian Milei wins"
    text = title + "\n\nJavier Milei won on Sunday."
    (fixed,) = headline_names_as_in_body(
        [_ent("Libertarian Milei", text, "PERSON")], text, len(title)
    )
    assert fixed.text == "Milei" and text[fixed.start : fixed.start + 5] == "Milei"


def test_titled_names_the_model_missed_or_cut_to_the_surname() -> None:
    text = "Archbishop Laurent Ulrich spoke. The Justice Department did not."
    assert titled_people_untagged(text, []) == [("Laurent Ulrich", "PERSON")]
    text = "Mayor Sadiq Khan said questions had to be answered."
    assert titled_people_untagged(text, [_ent("Khan", text, "PERSON")]) == [
        ("Sadiq Khan", "PERSON")
    ]
    text = "King Felipe VI of Spain watched. The King Air landed."
    assert titled_people_untagged(text, [_ent("Spain", text, "GPE")]) == [("Felipe VI", "PERSON")]


def test_an_x_for_a_name_split_at_and_is_joined_but_two_named_bodies_stay_two() -> None:
    text = "The Center for Volcanology and Geological Hazard Mitigation said. NATO and the UN met."
    ents = [
        _ent("The Center for Volcanology", text, "ORG"),
        _ent("Geological Hazard Mitigation", text, "ORG"),
        _ent("NATO", text, "ORG"),
        _ent("the UN", text, "ORG"),
    ]
    joined = join_and_names(ents, text)
    assert [e.text for e in joined] == [
        "The Center for Volcanology and Geological Hazard Mitigation",
        "NATO",
        "the UN",
    ]


def test_a_makers_description_goes_and_a_long_name_and_a_short_one_are_two() -> None:
    text = "Shares of BlackBerry maker Research In Motion and Palm fell."
    listed = split_and_names(_ent("BlackBerry maker Research In Motion and Palm", text, "ORG"))
    assert [(e.text, e.start) for e in listed] == [
        ("Research In Motion", text.index("Research")),
        ("Palm", text.index("Palm")),
    ]


def test_a_one_word_name_goes_on_after_a_dutch_particle() -> None:
    text = "He criticised its manager, Erik ten Hag, on television."
    assert complete_particle_tail(_ent("Erik", text, "PERSON"), text).text == "Erik ten Hag"


def test_a_site_split_at_of_is_one_place() -> None:
    text = "He left a rally in the Kings of Israel Square."
    kings, square = _ent("Kings", text, "PERSON"), _ent("Israel Square", text, "FAC")
    (joined,) = join_and_names([kings, square], text)
    assert (joined.text, joined.label) == ("Kings of Israel Square", "FAC")


def test_two_banks_tagged_as_one_are_split_but_one_name_with_and_is_not() -> None:
    text = "First Republic Bank and Signature Bank fell. Procter and Gamble rose."
    banks = split_and_names(_ent("First Republic Bank and Signature Bank", text, "ORG"))
    assert [(e.text, e.start) for e in banks] == [
        ("First Republic Bank", 0),
        ("Signature Bank", text.index("Signature")),
    ]
    (one,) = split_and_names(_ent("Procter and Gamble", text, "ORG"))
    assert one.text == "Procter and Gamble"


def test_a_span_across_a_comma_is_the_names_in_it() -> None:
    text = "He spoke from the Union Buildings, Zuma said. Near Aldgate, Edgware Road and X."
    building, zuma = split_at_commas(_ent("the Union Buildings, Zuma", text, "ORG"))
    assert (building.text, zuma.text, zuma.start) == (
        "the Union Buildings",
        "Zuma",
        text.index("Zuma"),
    )
    assert building.after == ","
    listed = split_at_commas(_ent("Aldgate, Edgware Road and", text, "WORK_OF_ART"))
    assert [(e.text, e.after) for e in listed] == [("Aldgate", ","), ("Edgware Road", "and")]
    (one,) = split_at_commas(_ent("Union Buildings", text, "ORG"))
    assert one.text == "Union Buildings"


def test_a_nationality_word_standing_for_one_person() -> None:
    text = "It ended the Serbian's run. A 31-year-old Tunisian was held. The Serbian team won."
    assert demonym_names_a_person(_ent("Serbian", text, "NORP"), text)
    assert demonym_names_a_person(_ent("Tunisian", text, "NORP"), text)
    team = text.rindex("Serbian")
    assert not demonym_names_a_person(Ent("Serbian", "NORP", team), text)
    prisoners = "Israel freed Palestinian prisoners."
    at = prisoners.index("Palestinian")
    assert demonym_names_a_person(Ent("Palestinian", "NORP", at, "freed", "prisoners"), prisoners)


@pytest.mark.parametrize(
    ("text", "word", "people"),
    [
        ("It came after the British billionaire Richard Branson flew.", "British", True),
        ("The Swedish climate activist Greta Thunberg spoke.", "Swedish", True),
        ("Most of the passengers were Chinese.", "Chinese", True),
        ("It carried the Brazilian football club Chapecoense.", "Brazilian", True),
        ("The Panamanian law firm Mossack Fonseca denied it.", "Panamanian", True),
        ("Turkish police detained Ekrem Imamoglu.", "Turkish", False),
        ("He met the Ukrainian President Volodymyr Zelensky.", "Ukrainian", False),
        ("The victims were mostly German and Spanish.", "German", True),
        ("The victims were mostly German and Spanish.", "Spanish", True),
        ("The Australian has denied the allegations.", "Australian", True),
        ("The Austrian skydiver broke the record.", "Austrian", True),
        ("Shoppers at European and American retailers waited.", "American", True),
        ("Protests spread through the central Tunisian town.", "Tunisian", False),
        ("Ilan Ramon was the first Israeli in space.", "Israeli", True),
        ("The Scot served out the match.", "Scot", True),
        ("Scots voted to stay.", "Scots", False),
        ("Most of the passengers were Americans on their way home.", "Americans", True),
        ("Iran shot down a Ukrainian passenger jet.", "Ukrainian", False),
    ],
)
def test_a_nationality_word_describing_people_or_a_company_is_no_country(
    text: str, word: str, people: bool
) -> None:
    start = text.index(word)
    after = text[start + len(word) :].split()[0].strip(".,")
    assert demonym_names_a_person(Ent(word, "NORP", start, after=after), text) is people


def test_a_name_split_in_two_side_by_side_is_one_person_but_an_owner_is_not() -> None:
    text = "President Samia Suluhu Hassan won. Donald Tusk's Civic Coalition came second."
    ents = [
        _ent("Samia Suluhu", text, "PERSON"),
        _ent("Hassan", text, "GPE"),
        _ent("Donald Tusk's", text, "PERSON"),
        _ent("Civic Coalition", text, "ORG"),
    ]
    joined = join_adjacent_people(ents, text)
    assert [(e.text, e.label) for e in joined] == [
        ("Samia Suluhu Hassan", "PERSON"),
        ("Donald Tusk's", "PERSON"),
        ("Civic Coalition", "ORG"),
    ]
    assert titled_people_untagged("Taoiseach Micheal Martin congratulated her.", []) == [
        ("Micheal Martin", "PERSON")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moon Jae-in won.", "Moon Jae-in"),
        ("a Taylor Swift-themed class", "Taylor Swift"),
        ("a Putin-backed plan", "Putin"),
    ],
)
def test_a_hyphenated_tail_completes_a_name_unless_it_describes_something(
    text: str, expected: str
) -> None:
    name = expected.split("-")[0]
    e = Ent(name, "PERSON", text.index(name), "", "")
    assert complete_hyphenated_name(e, text).text == expected


@pytest.mark.parametrize(
    ("text", "tagged", "label", "expected"),
    [
        ("Sam Ratulangi International Airport closed.", "Sam Ratulangi", "PERSON", "FAC"),
        ("Gunmen of the Sinaloa Cartel fired.", "Sinaloa", "ORG", "ORG"),
        ("a founder of the Europe Now movement", "Europe", "LOC", "ORG"),
        ("Merseyside Police arrested him.", "Merseyside", "GPE", "ORG"),
    ],
)
def test_a_name_cut_before_the_words_that_say_what_it_names(
    text: str, tagged: str, label: str, expected: str
) -> None:
    completed = complete_by_what_follows(_ent(tagged, text, label), text)
    assert completed.label == expected
    assert completed.text in {
        "Sam Ratulangi International Airport",
        "Sinaloa Cartel",
        "Europe Now",
        "Merseyside Police",
    }


def test_a_name_run_on_over_a_verb_ends_before_it() -> None:
    text = "Yamandu Orsi of the Broad Front won Uruguay's runoff."
    assert cut_at_verb(_ent("Broad Front won Uruguay's", text, "ORG")).text == "Broad Front"
    assert cut_at_verb(_ent("Party of the Regions", "the Party of the Regions", "ORG")).text == (
        "Party of the Regions"
    )


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("the Atlantic early on", "the Atlantic"),
        ("Imam Khomeini International Airport for Kyiv", "Imam Khomeini International Airport"),
        ("Ukraine International Airlines Flight", "Ukraine International Airlines"),
        ("Center for Volcanology", "Center for Volcanology"),
    ],
)
def test_a_name_run_on_over_words_of_time_or_a_destination_ends_before_them(
    span: str, name: str
) -> None:
    assert cut_at_verb(_ent(span, f"It flew from {span} 752 on Monday.", "ORG")).text == name


def test_two_organisations_side_by_side_are_one() -> None:
    text = "a coalition with the Social Democratic Liberal Party after"
    ents = [_ent("the Social Democratic", text, "ORG"), _ent("Liberal Party", text, "ORG")]
    assert [e.text for e in join_adjacent_people(ents, text)] == [
        "the Social Democratic Liberal Party"
    ]


def test_a_name_listed_after_the_districts_of_is_a_place_too() -> None:
    text = "It hit the districts of Jajarkot and Rukum West, near Munich and Anne Smith."
    ents = [
        _ent("Jajarkot", text, "GPE"),
        _ent("Rukum West", text, "PERSON"),
        _ent("Munich", text, "GPE"),
        _ent("Anne Smith", text, "PERSON"),
    ]
    cues = place_cues(text, ents)
    assert cues[ents[1].start] == "noun"  # "the districts of X and Y"
    assert cues[ents[3].start] == "list"  # "near X and Y" says nothing of Y


def test_an_entity_across_a_paragraph_break_is_dropped() -> None:
    text = "Newcomer wins in Slovenia\n\nThe Freedom Movement won."
    ents = [_ent("Slovenia\n\nThe Freedom Movement", text, "ORG"), _ent("won", text, "ORG")]
    assert [e.text for e in within_paragraphs(ents)] == ["won"]


def test_a_name_ending_a_headline_keeps_without_the_break_after_it() -> None:
    text = "Messi signs with Inter Miami\n\n  MIAMI - Inter Miami said"
    ents = [Ent("Inter Miami\n\n  ", "ORG", text.index("Inter Miami"))]
    assert [(e.text, e.start) for e in within_paragraphs(ents)] == [("Inter Miami", 17)]


def test_a_place_name_goes_on_after_a_particle() -> None:
    text = "The villages of Accumoli and Arquata del Tronto were damaged."
    assert complete_particle_tail(_ent("Arquata", text, "GPE"), text).text == "Arquata del Tronto"
    text = "Students came from a school in Haltern am See."
    assert complete_particle_tail(_ent("Haltern", text, "GPE"), text).text == "Haltern am See"


def test_a_court_goes_on_after_of() -> None:
    text = "The Supreme Court of Appeal overturned it."
    completed = complete_organisation_name(_ent("The Supreme Court", text, "ORG"), text)
    assert completed.text == "The Supreme Court of Appeal"


def test_a_saints_possessive_and_the_building_after_it_are_one_place() -> None:
    text = "the balcony of St Peter's Basilica"
    saint = Ent("St Peter's", "PERSON", text.index("St"), after="Basilica")
    assert possessive_landmark(saint, text) == "St Peter's Basilica"
    text = "He waved from St Peter's Square."
    assert possessive_landmark(Ent("St Peter", "PERSON", text.index("St")), text) == (
        "St Peter's Square"
    )
