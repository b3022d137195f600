from indexer.acronyms import defined_acronyms, link_acronyms
from indexer.mentions import Ent
from newsarchive.article import Actor

KDP = Actor(id="kdp-long", name="Kurdistan Democratic Party", type="organization")
SHORT = Actor(id="kdp-short", name="KDP", type="organization")
CITY = Actor(id="washington", name="Washington", type="organization")

TEXT = (
    "Kurdistan Democratic Party (KDP) forces attacked. The KDP said it won. "
    "Washington (AP) reported it."
)
ENTS = [
    Ent("Kurdistan Democratic Party", "ORG", 0),
    Ent("KDP", "ORG", TEXT.index("The KDP") + 4),
    Ent("Washington", "ORG", TEXT.index("Washington")),
]
BY_MENTION = {"Kurdistan Democratic Party": KDP, "KDP": SHORT, "Washington": CITY}


def test_an_acronym_in_brackets_after_a_name_is_that_name() -> None:
    assert defined_acronyms(TEXT, ENTS, BY_MENTION) == {"KDP": KDP}


def test_mentions_of_the_acronym_join_the_spelled_out_actor() -> None:
    actors, by_mention, written = link_acronyms(TEXT, ENTS, [KDP, SHORT, CITY], BY_MENTION)
    assert actors == [KDP, CITY]  # the acronym's own actor is folded in
    assert by_mention["KDP"] is KDP
    assert written == {"kdp-long": ["KDP"]}


def test_a_credit_line_or_a_person_is_no_acronym() -> None:
    person = Actor(id="p", name="John Smith", type="person")
    text = "John Smith (JS) spoke."
    assert defined_acronyms(text, [Ent("John Smith", "PERSON", 0)], {"John Smith": person}) == {}


def test_an_acronym_spelled_out_two_ways_is_left_alone() -> None:
    other = Actor(id="other", name="Kenya Defence Party", type="organization")
    text = "Kurdistan Democratic Party (KDP) and Kenya Defence Party (KDP) met."
    ents = [
        Ent("Kurdistan Democratic Party", "ORG", 0),
        Ent("Kenya Defence Party", "ORG", text.index("Kenya")),
    ]
    mapping = {"Kurdistan Democratic Party": KDP, "Kenya Defence Party": other}
    assert defined_acronyms(text, ents, mapping) == {}
