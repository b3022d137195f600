"""The words and patterns around a name that the sorting rules read.

What follows a name (", the federal aviation agency"), what precedes it
("a small helicopter, Ingenuity"), the last word of a name ("... Falls"), and
the thresholds the rules use. Kept apart from ``indexer.sorting`` so the
rules read as logic; tuned values say why in a comment.
"""

from __future__ import annotations

import re

# "the Pacific coast", "the Atlantic shore": the sea whose shore it is.
SHORE = re.compile(r"(.+) (?:coast|shore|coastline|seaboard)")
# Last words of town names that no person or company name ends with.
PLACE_NAME_ENDINGS = {"Falls", "Springs", "Heights", "Harbour", "Harbor", "Island", "Islands"}


def _described_as(*heads: str) -> re.Pattern[str]:
    """ ", the federal aviation agency", ", an artificial island": an apposition
    after a name whose head noun says what the name is (not ", the city's..."
    nor ", the governor of the region")."""
    return re.compile(
        r", (?:the|a|an|its) (?:(?!of\b)[\w-]+ ){0,3}(?:" + "|".join(heads) + r")\b(?!['’])"
    )


# Ships, craft, heavenly bodies and eras the model takes for actors: "a small
# helicopter, Ingenuity", "the lander, named Vikram", "Dimorphos, a moonlet",
# "the Sierra Leone-flagged Razoni".
THING_NOUNS = (
    "ship",
    "vessel",
    "tanker",
    "freighter",
    "liner",
    "yacht",
    "ferry",
    "submarine",
    "lander",
    "rover",
    "probe",
    "spacecraft",
    "satellite",
    "helicopter",
    "asteroid",
    "moonlet",
    "comet",
    "era",
    "album",
    "novel",
)
THING_BEFORE = re.compile(
    r"(?:\b(?:"
    + "|".join(THING_NOUNS)
    + r"),?\s+(?:(?:named|called)\s+)?(?:the\s+)?|-flagged\s+)$",
    re.IGNORECASE,
)
ORG_APPOSITION = _described_as(
    "agency",
    "company",
    "firm",
    "ministry",
    "authority",
    "regulator",
    "operator",
    "airline",
    "bank",
    "broadcaster",
    "channel",
    "network",
    "party",
    "union",
    "group",
    "militia",
)
PLACE_APPOSITION = _described_as(
    "island",
    "town",
    "village",
    "city",
    "port",
    "district",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "region",
    "province",
    "river",
    "lake",
    "volcano",
    "mountain",
    "valley",
)
THING_APPOSITION = _described_as(*THING_NOUNS)
# A capitalised word right before a name: a given name the model may have left out.
GIVEN_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
# Words after a place name that make it the region rather than the city
# sharing its name ("Hatay province", "the Tver region").
ADMIN_WORDS = {"province", "region", "oblast", "prefecture", "governorate", "state"}
# Treaties and pacts named after the city that signed them ("the Paris agreement").
DOCUMENT_WORDS = {
    "agreement",
    "agreements",
    "accord",
    "accords",
    "treaty",
    "protocol",
    "convention",
    "conventions",
    "declaration",
    "format",
}
# "Downing Street said", "a Buckingham Palace spokesman": a building that
# speaks is the office in it.
SPEAKING_WORDS = {
    "said",
    "says",
    "announced",
    "confirmed",
    "denied",
    "added",
    "stated",
    "warned",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
}
# Nationality and regional adjectives end so ("African", "Japanese", "Azerbaijani").
ADJECTIVE_ENDING = re.compile(r"(?:an|ese|ish|ic|i)$")
# Verbs whose object is a place when it is a known one ("after taking Homs").
CAPTURE_VERBS = {
    "taking",
    "took",
    "take",
    "seized",
    "seize",
    "seizing",
    "captured",
    "capture",
    "capturing",
    "retook",
    "retake",
    "entered",
    "shelled",
    "besieged",
    "liberated",
    "bombarded",
    "evacuated",
}
# Words that make a "... Church" an organisation, not a building.
CONGREGATION_WORDS = {"international", "ministries", "fellowship", "mission", "assembly"}
# Institutions that are places only where the text goes to them: "students
# gathered at Tsinghua University", but "Anne L'Huillier of Lund University".
INSTITUTION_PLACES = {"university", "college"}
# What the small model calls a place it does not know: "a concert in Kursk"
# comes out as PRODUCT, "In Kyiv, an adviser..." as PERSON.
MISREAD_LABELS = {"ORG", "PERSON", "PRODUCT"}
# What a weaker context word ("and", "of", a comma) can prove a misread name is.
TRUSTED_KINDS = {"city", "state", "country", "island", "sea", "river"}
# A one-word PERSON naming a city this big is the city ("Russian missiles hit Mykolaiv").
BIG_CITY = 100_000
# Last words of football club names built on a place ("Manchester City").
CLUB_WORDS = {"city", "united", "fc", "rovers", "athletic", "wanderers", "albion", "hotspur"}
