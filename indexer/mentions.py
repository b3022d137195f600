"""The model's entities as mentions, and the repairs the words around them allow.

Pure: text and entities in, entities (or names) out. The small NER model
stops names early ("Marine Le"), runs two into one ("Jonas Vingegaard of
Denmark"), or misses them after a title; the words around a name also say
whether it is a place ("the village of X", "in Mombasa, Kisumu and Eldoret").
The enricher applies these before it decides what each mention is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import chain

from indexer.actors import TITLE_WORDS, clean_mention
from indexer.context_words import (
    ACTOR_LABELS,
    BODY_HEADS,
    COMPANY_AFTER,
    COMPANY_BEFORE,
    DESCRIBING_TAILS,
    FACILITY_TAIL,
    LANDMARK_WORDS,
    NAME_BEFORE_HEAD,
    OF_TAIL,
    ORGANISATION_TAIL,
    ORGANISATION_WORDS,
    PLACE_LABELS,
    PLACE_PARTICLE_TAIL,
    PLACE_PREPOSITIONS,
)
from indexer.dates import past_words
from indexer.sentence_start import sentence_end

# "Most of the passengers were Chinese", "the victims were mostly German and Spanish".
_PREDICATE = re.compile(
    r"\b(?:were|are)\s+(?:(?:mostly|all|largely|mainly)\s+)?(?:[A-Z][a-z]+(?:,\s+|\s+and\s+))*$"
)
_LIST_GOES_ON = re.compile(r"(?:,\s+|\s+and\s+)[A-Z][a-z]+\b")
# Lower-case words, then a capitalised full name: "billionaire Richard Branson".
_DESCRIBED_PERSON = re.compile(r"((?:\s+[a-z][a-z-]+){1,3}),?\s+[A-Z][a-z]+\s+[A-Z][a-z]+")
# "the Serbian's winning run", "a 31-year-old Tunisian": a demonym used as a
# noun for one person, whose nationality is not the story's country.
_ONE_PERSON_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|their|his|her|its|our)\s+"
    r"(?:(?:first|second|third|last|only|youngest|oldest)\s+)?)$",
    re.IGNORECASE,
)
# Nationality nouns that only ever name one person ("The Scot served"); their
# plurals ("Scots voted") may still speak for the country.
ONE_PERSON_DEMONYMS = {"Scot", "Briton", "Brit", "Swede", "Spaniard", "Turk"}
_CRAFT_AFTER = re.compile(
    r"\s+(?:jets?|planes?|airliners?|aircraft|trains?|ships?|ferry|ferries)\b"
)
_AGED_BEFORE = re.compile(r"\d+-year-old\s+$")
_NOUN_ENDS_HERE = re.compile(
    r"(?:['’]s\b|[,.;:]|\s+who\b|\s+(?:has|had|is|was|said|says|told|denied|in|to|on|from|at|with)\b)"
)
# Collective forms ("the French, who...") name a people, which may act as its country.
_COLLECTIVE_ENDINGS = ("sh", "ch", "ss", "ese", "s")


# "Palestinian prisoners", "a Tunisian man": a nationality before a word for
# people says who they are, not which country the story is about.
PEOPLE_NOUNS = {
    "man",
    "woman",
    "men",
    "women",
    "boy",
    "girl",
    "boys",
    "girls",
    "child",
    "children",
    "prisoner",
    "prisoners",
    "hostage",
    "hostages",
    "refugee",
    "refugees",
    "migrant",
    "migrants",
    "holidaymakers",
    "visitors",
    "pilgrims",
    "tourist",
    "tourists",
    "citizen",
    "citizens",
    "national",
    "nationals",
    "passenger",
    "passengers",
    "worker",
    "workers",
    "student",
    "students",
    "fans",
    "teenager",
    "teenagers",
    "resident",
    "residents",
    "nurse",
    "doctor",
    "skydiver",
    "daredevil",
    "climber",
    "mountaineer",
    "swimmer",
    "cyclist",
    "skier",
    "athlete",
    "athletes",
    "runner",
    "sailor",
    "astronaut",
    "activist",
    "journalist",
    "champion",  # "the Chinese champion blundered"
    "star",  # "The Japanese star signed"
    "scientist",  # "A Chinese scientist, He Jiankui"
    "scientists",
    "researcher",
    "researchers",
}


# "a group of Chinese companies": a company's nationality is not the story's country.
COMPANY_NOUNS = {
    "chain",  # "the grocery chain Whole Foods Market"
    "maker",  # "the Taiwanese electronics maker Foxconn"
    "makers",
    "owner",  # "its Chinese owner, ByteDance"
    "start-up",
    "startup",
    "company",
    "companies",
    "firm",
    "firms",
    "carmaker",
    "carmakers",
    "newspaper",
    "newspapers",
    "broadcaster",
    "airline",
    "airlines",
    "club",
    "retailer",
    "retailers",
    "brand",
    "brands",
    "bank",
    "banks",
    "insurer",
    "insurers",
}
# "the Panamanian law firm", "a German oil company": one word between.
_COMPANY_AFTER = re.compile(r"\s+[a-z]+\s+(?:" + "|".join(sorted(COMPANY_NOUNS)) + r")\b")


def demonym_names_a_person(e: Ent, text: str) -> bool:
    """Whether a nationality word stands for people (or companies) rather than a country."""
    before = text[max(0, e.start - 30) : e.start]
    if (
        e.text in ONE_PERSON_DEMONYMS
        or _AGED_BEFORE.search(before)
        or (
            e.after.lower() in PEOPLE_NOUNS | COMPANY_NOUNS
            # "a Ukrainian passenger jet": a craft, whose nationality is its country's
            and not _CRAFT_AFTER.match(text, e.start + len(e.text) + 1 + len(e.after))
        )
    ):
        return True
    after = e.start + len(e.text)
    if _COMPANY_AFTER.match(text, after) or (
        _PREDICATE.search(before)
        and (_NOUN_ENDS_HERE.match(text, after) or _LIST_GOES_ON.match(text, after))
    ):
        return True
    # "the British billionaire Richard Branson": describing one person by
    # trade, not by an office of the state ("Ukrainian President Zelensky")
    described = _DESCRIBED_PERSON.match(text, after)
    if (
        described
        and _ONE_PERSON_BEFORE.search(before)  # "the British billionaire", not "Turkish police"
        and not {w.lower() for w in described.group(1).split()} & TITLE_WORDS
    ):
        return True
    return (
        not e.text.endswith(_COLLECTIVE_ENDINGS)
        and bool(_ONE_PERSON_BEFORE.search(before))
        and bool(_NOUN_ENDS_HERE.match(text, e.start + len(e.text)))
    )


DENOMINATIONS = {
    "catholic",
    "orthodox",
    "anglican",
    "protestant",
    "methodist",
    "baptist",
    "lutheran",
    "presbyterian",
    "evangelical",
    "episcopal",
}


def is_denomination(name: str) -> bool:
    """ "the Roman Catholic Church": an organisation, though it ends like a landmark."""
    words = name.lower().split()
    return words[-1] == "church" and bool(DENOMINATIONS & set(words))


# A wire dateline: "MOSCOW - ", "SAN BERNARDINO, California - ", AP's
# "MANASSAS, Va. (AP) -- ", and Reuters' city and date on a line of their own
# ("GLASGOW 1996-12-07"), after the reporter's byline where there is one
# ("Sami Aboudi AL-RAM, West Bank 1996-08-30").
DATELINE = re.compile(
    r"^(?:(?P<byline>[A-Z][a-z][\w'’-]*(?: [A-Z][\w'’.-]*){1,3})[ \n](?=[A-Z][A-Z]))?"
    r"(?P<city>[A-Z][A-Z .'’-]+?)(?:,\s*(?P<region>[A-Z][\w .]+?))?(?:\s+\([A-Z][\w .]*\))?"
    r"(?:\s+[-–—]+\s|[ \t]+\d{4}-\d\d-\d\d[ \t]*(?:\n|$))"
)


# (text as written, label): the label is spaCy's for actors (PERSON, ORG,
# NORP_PARTY) and says how sure the place is for places (GPE, LANDMARK,
# NAMED_PLACE, DATELINE, DEMONYM...).
MentionList = list[tuple[str, str]]


@dataclass(frozen=True)
class Ent:
    """A named entity with the words around it (context for the rules above)."""

    text: str
    label: str
    start: int
    before: str = ""
    after: str = ""


NAME_PARTICLES = {
    "le",
    "la",
    "de",
    "du",
    "van",
    "von",
    "der",
    "ten",
    "ter",
    "al",
    "el",
    "bin",
    "ben",
    "da",
    "di",
}


def complete_last_name(e: Ent, text: str, starts: set[int]) -> Ent:
    """ "Maria Corina" followed by "Machado": the model stopped before the surname."""
    end = e.start + len(e.text)
    follow = NEXT_NAME.match(text, end)
    if (
        e.label == "PERSON"
        and len(e.text.split()) >= 2
        and follow
        # "Robert Fico's Smer party" is not one name; "St John's Church" is
        and (not e.text.endswith(("'s", "’s")) or follow.group(1).lower() in LANDMARK_WORDS)
        and follow.start(1) not in starts
        and follow.group(1).lower() not in NOT_NAME_WORDS
    ):
        return replace(e, text=e.text + follow.group(0), after="")
    return e


def complete_particle_name(e: Ent) -> Ent:
    """ "Marine Le" followed by "Pen": the model stopped one word short of the name."""
    words = e.text.split()
    if (
        e.label == "PERSON"
        and len(words) >= 2
        and words[-1].lower() in NAME_PARTICLES
        and e.after[:1].isupper()
    ):
        return replace(e, text=f"{e.text} {e.after}", after="")
    return e


NEXT_NAME = re.compile(r" ([A-Z][a-z]+)\b(?! [A-Z])")
# " do Lago", " da Silva", " van der Leyen": the rest of a name after a particle.
PARTICLE_TAIL = re.compile(
    r"(?: (?:do|dos|das|da|de|del|della|di|du|van|von|der|den|ten|ter|le|la|bin|al))+ [A-Z][\w'’-]+\b"
)


def complete_particle_tail(e: Ent, text: str) -> Ent:
    """ "Andre Correa" followed by "do Lago", "Arquata" followed by "del Tronto",
    "Erik" followed by "ten Hag": the model stopped before the particle."""
    end = e.start + len(e.text)
    tail = PARTICLE_TAIL.match(text, end)
    if e.label == "PERSON" and tail:
        return replace(e, text=e.text + tail.group(0), after="")
    if (
        e.label in PLACE_LABELS
        and " " not in e.text
        and (tail := PLACE_PARTICLE_TAIL.match(text, end))
    ):
        return replace(e, text=e.text + tail.group(0), after="")
    return e


NOT_NAME_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "said",
    "the",
    "and",
    "but",
    "in",
    "on",
    "at",
}

POSSESSIVE_LANDMARK = re.compile(r"['’]s ([A-Z][a-z]+)\b")


def possessive_landmark(e: Ent, text: str) -> str | None:
    """ "St Peter" followed by "'s Square", or "St Peter's" by "Basilica": the
    place is "St Peter's Square", "St Peter's Basilica"."""
    follow = POSSESSIVE_LANDMARK.match(text, e.start + len(e.text))
    if follow and follow.group(1).lower() in LANDMARK_WORDS:
        return f"{clean_mention(e.text)}'s {follow.group(1)}"
    if e.text.endswith(("'s", "’s")) and e.after.istitle() and e.after.lower() in LANDMARK_WORDS:
        return f"{clean_mention(e.text[:-2])}'s {e.after}"
    return None


HYPHEN_TAIL = re.compile(r"-[a-z]+\b")
# Korean and Japanese place names end in these after a hyphen ("Hannam-dong",
# "Kashihara-shi"); any other lower-case tail is a word about the place.
PLACE_NAME_TAILS = {
    "dong",
    "gu",
    "ri",
    "si",
    "do",
    "eup",
    "myeon",
    "gun",
    "ku",
    "shi",
    "cho",
    "machi",
    "mura",
    "ken",
}


def complete_hyphenated_name(e: Ent, text: str) -> Ent:
    """ "Moon Jae" followed by "-in": the tokenizer split a hyphenated given
    name; "Hannam" followed by "-dong", a place's name."""
    end = e.start + len(e.text)
    tail = HYPHEN_TAIL.match(text, end)
    if tail and e.label in PLACE_LABELS and tail.group(0)[1:] not in PLACE_NAME_TAILS:
        return e  # "US-led", "Singapore-flagged": the place and a word about it
    if e.label in PLACE_LABELS | {"PERSON"} and tail and not _describes(tail.group(0)[1:]):
        return replace(e, text=e.text + tail.group(0), after="")
    return e


def _describes(tail: str) -> bool:
    return tail.endswith("ed") or tail in DESCRIBING_TAILS


PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:town|village|city|island|province|state|region|capital|district|county|port|"
    r"canton|department|prefecture|emirate|"
    r"suburb|hamlet|community|municipality|outskirts|"
    # "80 kilometres south-west of Pylos"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)s?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "came ashore near Cayo Costa": only a place is near a bare name.
NEAR_BEFORE = re.compile(r"\bnear\s+$", re.IGNORECASE)

PREPOSITION_BEFORE = re.compile(
    r"\b(?:bound for|"
    + "|".join(sorted(w for w in PLACE_PREPOSITIONS if w.isalpha()))
    + r")\s+(?:the\s+)?$",
    re.IGNORECASE,
)

AT_THE_BEFORE = re.compile(
    r"\b(?:in|at|on|from|near|outside|into|down|along|across) the $", re.IGNORECASE
)

LIST_ITEM = re.compile(r"(?:,\s+|,?\s+and\s+)([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\b")

PLACE_LIST_GAP = re.compile(r"^(?:,|,? and|,? or)\s+$")


def place_cues(text: str, ents: list[Ent]) -> dict[int, str]:
    """Entity start -> how strongly the words around it say "a place follows".

    "noun": after "the town of", "the island of", "near"... (a place even if
    the gazetteer lacks it), and listed after one ("the districts of Jajarkot
    and Rukum West"); "strong": after "in", "to"...; "list": listed right
    after a place ("Kamloops and Merritt", but also "Israel and Hamas").
    """
    cues: dict[int, str] = {}
    listing: set[int] = set()  # after "the districts of": what is listed next is one too
    previous: Ent | None = None
    for e in ents:
        before = text[max(0, e.start - 40) : e.start]
        if (noun := PLACE_NOUN_BEFORE.search(before)) or NEAR_BEFORE.search(before):
            cues[e.start] = "noun"
            if noun is not None and noun.group(0).split()[0].lower().endswith("s"):
                listing.add(e.start)
        elif PREPOSITION_BEFORE.search(before):
            cues[e.start] = "strong"
        elif (
            previous is not None
            and (previous.label in PLACE_LABELS or previous.start in cues)
            and PLACE_LIST_GAP.match(text[previous.start + len(previous.text) : e.start])
        ):
            if previous.start in listing:
                cues[e.start] = "noun"
                listing.add(e.start)
            else:
                cues[e.start] = "list"
        previous = e
    return cues


def within_paragraphs(ents: list[Ent]) -> list[Ent]:
    """The entities without those spanning a paragraph break ("Slovenia\n\n The
    Freedom Movement", a headline's last word run into the body's first):
    tagging accidents, which must not hide the names inside them from the
    rules that look for untagged names."""
    kept = []
    for e in ents:
        name = e.text.strip()
        if name and "\n" not in name:  # "Inter Miami\n\n": a headline's name, kept
            kept.append(replace(e, text=name, start=e.start + e.text.index(name)))
    return kept


# Titles only people carry, written before a full name ("Archbishop Laurent
# Ulrich", "Justice Juan Merchan"): a name after one that the model missed is
# still a person.
TITLED_NAME = re.compile(
    r"\b(?:President|Prime Minister|Vice President|Governor|Mayor|Senator|Judge|Justice|"
    r"General|Gen\.|Archbishop|Cardinal|Bishop|Chancellor|Minister|Ambassador|Rabbi|Imam|"
    r"Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Colonel|Captain|Commander|Admiral|Sergeant|"
    r"Coach|Quarterback|Goalkeeper|Taoiseach|Tanaiste|Premier|Sheikh|Ayatollah|Speaker) "
    r"(?P<name>[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){1,2})\b"
)


# A monarch or pope by regnal name ("King Felipe VI", "Pope Leo XIV").
REGNAL_NAME = re.compile(
    r"\b(?:King|Queen|Pope|Emperor|Empress|Sultan) "
    r"(?P<name>[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)? [IVX]+)\b"
)


def join_adjacent_people(ents: list[Ent], text: str) -> list[Ent]:
    """ "Samia Suluhu" and "Hassan" tagged as two entities side by side: one
    person, when both are PERSON or a title before them says so
    ("President Samia Suluhu Hassan"); "the Social Democratic" and "Liberal
    Party", two organisations side by side: one organisation."""
    titled = [m.span("name") for m in TITLED_NAME.finditer(text)]
    joined: list[Ent] = []
    for e in ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label == "PERSON"
            and not previous.text.endswith(("'s", "’s"))  # "Donald Tusk's Civic Coalition"
            and previous.start + len(previous.text) + 1 == e.start
            and text[e.start - 1] == " "
            and e.text[:1].isupper()
            and (
                e.label == "PERSON"
                or (
                    e.label in ACTOR_LABELS | PLACE_LABELS
                    and " " not in e.text
                    and any(a <= previous.start and e.start + len(e.text) <= b for a, b in titled)
                )
            )
        ):
            joined[-1] = Ent(
                f"{previous.text} {e.text}", "PERSON", previous.start, previous.before, e.after
            )
        elif (
            previous is not None
            and previous.label == e.label == "ORG"
            and previous.text.split()[-1][:1].isupper()  # not "the communist party" + "AKEL"
            # a party's name split in two, not "an Alaska Airlines" + "Boeing" jet
            and e.text.split()[-1].lower() in ORGANISATION_HEADS
            and not previous.text.endswith(("'s", "’s"))
            and previous.start + len(previous.text) + 1 == e.start
            and text[e.start - 1] == " "
            and e.text[:1].isupper()
        ):
            joined[-1] = Ent(
                f"{previous.text} {e.text}", "ORG", previous.start, previous.before, e.after
            )
        else:
            joined.append(e)
    return joined


NEXT_WORD = re.compile(r"\s*([\w'’-]+|[^\w\s])")


def complete_by_what_follows(e: Ent, text: str) -> Ent:
    """A name the model cut before the words that say what it names: the
    airport, square or stadium named after a person ("Sam Ratulangi
    International Airport"), or the cartel or party named after a place
    ("Sinaloa Cartel", "Europe Now movement")."""
    if e.label not in ACTOR_LABELS | PLACE_LABELS:
        return e
    end = e.start + len(e.text)
    label = "FAC"
    tail = FACILITY_TAIL.match(text, end)
    if tail is None:
        label = "ORG"
        tail = ORGANISATION_TAIL.match(text, end) or NAME_BEFORE_HEAD.match(text, end)
    if tail is None:
        return e
    added = tail.group(1) if tail.re is NAME_BEFORE_HEAD else tail.group(0)
    after = NEXT_WORD.match(text, end + len(added))
    return replace(e, text=e.text + added, label=label, after=after.group(1) if after else "")


def cut_at_verb(e: Ent) -> Ent:
    """ "Broad Front won Uruguay's": the model ran a name on over the verb
    after it; the name ends before the verb. So with words of time ("the
    Atlantic early on" Monday), an airport's destination ("Imam Khomeini
    International Airport for Kyiv") and a flight's word ("Ukraine
    International Airlines Flight" 752)."""
    words = e.text.split()
    for index, word in enumerate(words[1:], start=1):
        if (
            word in past_words()
            or word in _RUN_ON_WORDS
            or (word == "for" and words[index - 1] in ("Airport", "Station"))
        ):
            return replace(e, text=" ".join(words[:index]), after=word)
    if len(words) > 2 and words[-1] == "Flight":
        return replace(e, text=" ".join(words[:-1]), after="Flight")
    return e


# Words a name never ends before: times ("the Atlantic early on" Monday) and
# the joints of a sentence ("the O2 Arena as" Nadal gathered round).
_RUN_ON_WORDS = {"early", "late", "earlier", "later", "as", "while", "when", "where", "which"}


def _end_of(e: Ent, text: str) -> int:
    """Where the titled name holding ``e`` ends, or -1 if no titled name holds it."""
    for match in TITLED_NAME.finditer(text, max(0, e.start - 60), e.start + len(e.text) + 1):
        if match.start("name") < e.start < match.end("name"):
            return match.end("name")
    return -1


def spans_of(ents: list[Ent]) -> list[tuple[int, int]]:
    return [(e.start, e.start + len(e.text)) for e in ents]


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of ``spans`` shares a character with ``start``..``end``."""
    return any(a < end and start < b for a, b in spans)


def untagged_matches(
    pattern: re.Pattern[str], text: str, ents: list[Ent]
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` whose first group no entity overlaps: names the model left out."""
    spans = spans_of(ents)
    for match in pattern.finditer(text):
        if not overlaps(spans, *match.span(1)):
            yield match


def titled_people_untagged(text: str, ents: list[Ent]) -> list[tuple[str, str]]:
    """Full names after a person's title that no entity covers, or that the
    model cut to the surname ("Mayor Sadiq Khan" with only "Khan" tagged),
    and regnal names ("King Felipe VI")."""
    covered = spans_of(
        [
            e
            for e in ents
            # A PERSON holding only the last words of the name does not cover it,
            # nor does a title the model read as a work ("Queen Margrethe II").
            if e.label in ACTOR_LABELS | PLACE_LABELS | {"PRODUCT"}
            and not (
                e.label == "PERSON" and e.start > 0 and e.start + len(e.text) == _end_of(e, text)
            )
        ]
    )
    found = []
    for match in chain(TITLED_NAME.finditer(text), REGNAL_NAME.finditer(text)):
        start, end = match.span("name")
        words = match.group("name").split()
        if overlaps(covered, start, end):
            continue
        if any(
            e.start > start and e.start + len(e.text) == end and e.label != "PERSON" for e in ents
        ):
            continue
        if {w.lower() for w in words} & (ORGANISATION_WORDS | NOT_NAME_WORDS):
            continue  # "Justice Department", "General Assembly"
        found.append((match.group("name"), "PERSON"))
    return found


# Last words of official bodies' names: "the Hong Kong and Macao Affairs Office"
# is one name the model splits at "and".
OFFICE_HEADS = {
    "Office",
    "Agency",
    "Authority",
    "Commission",
    "Council",
    "Ministry",
    "Department",
    "Committee",
    "Bureau",
    "Service",
    "Administration",
}


def _members_then_head(first: str, second: str) -> bool:
    """Plural members, then more members and the head: "Garment Manufacturers"
    + "Exporters Association" ("Twitter" and "Citigroup" are two)."""
    last, words = first.split()[-1], second.split()
    return (
        len(words) >= 2
        and words[-1].lower() in ORGANISATION_HEADS
        and last[:1].isupper()
        and last.endswith("s")
        and last.lower() not in ORGANISATION_HEADS
        and words[0][:1].isupper()
        and words[0].endswith("s")
    )


def join_and_names(ents: list[Ent], text: str) -> list[Ent]:
    """One organisation the model split at "and": "the" + X + " and " + Y where
    Y ends like an office's name ("the Hong Kong and Macao Affairs Office"),
    one named for two kinds of members ("the Garment Manufacturers and
    Exporters Association"), or an "X for A" name going on with " and B"
    ("the Center for Volcanology and Geological Hazard Mitigation"); and one
    site split at "of" ("Kings" + "Israel Square")."""
    joined: list[Ent] = []
    skip = False
    followers: list[Ent | None] = [*ents[1:], None] if ents else []
    for first, second in zip(ents, followers, strict=True):
        if skip:
            skip = False
            continue
        gap_start = first.start + len(first.text)
        if (
            second is not None
            and text[gap_start : second.start] == " and "
            and (
                (
                    second.text.split()[-1] in OFFICE_HEADS
                    and text[max(0, first.start - 4) : first.start].lower() == "the "
                )
                or (
                    first.label == second.label == "ORG"
                    and _members_then_head(first.text, second.text)
                )
                or (
                    first.label == second.label == "ORG"
                    and " for " in first.text
                    and second.text[:1].isupper()
                    and not second.text.lower().startswith("the ")
                    and second.text.split()[-1].lower() not in ORGANISATION_HEADS
                    and second.text.split()[-1] not in OFFICE_HEADS
                )
            )
        ):
            name = text[first.start : second.start + len(second.text)]
            joined.append(Ent(name, "ORG", first.start, first.before, second.after))
            skip = True
        elif (
            second is not None
            and text[gap_start : second.start] == " of "
            and clean_mention(first.text)[:1].isupper()
            and (
                (second.text.split()[-1].lower() in LANDMARK_WORDS and second.label in PLACE_LABELS)
                # "the Great Mosque" + "al-Nuri" (not "the Great Mosque of Mecca": two places)
                or (
                    first.text.split()[-1].lower() in LANDMARK_WORDS
                    and first.label in PLACE_LABELS
                    and second.label not in PLACE_LABELS
                )
            )
        ):
            name = text[first.start : second.start + len(second.text)]
            joined.append(Ent(name, "FAC", first.start, first.before, second.after))
            skip = True
        else:
            joined.append(first)
    return joined


# Last words that end a company's or a body's name, so "First Republic Bank
# and Signature Bank" is two of them.
NAME_ENDINGS = {
    "Bank",
    "Airlines",
    "Airways",
    "Group",
    "Company",
    "Corporation",
    "Holdings",
    "Motors",
    "Party",
    "Inc",
    "Ltd",
}
_TWO_NAMES = re.compile(
    r"(?P<first>.+? (?P<end>\w+)) and (?P<second>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)* (?P=end))"
)


_LONG_AND_SHORT = re.compile(
    r"(?P<first>(?:[A-Z][\w'’.-]*\s+){2,}[A-Z][\w'’.-]*) and (?P<second>[A-Z][\w'’.-]+)"
)
_MAKER = re.compile(r"(?:[A-Z][\w-]*\s+)+(?:maker|owner|operator)\s+(?=[A-Z])")


def split_and_names(e: Ent) -> list[Ent]:
    """ "First Republic Bank and Signature Bank" tagged as one ORG: two, when
    both names end in the same word that ends such names, or a long name and
    a one-word one ("Research In Motion and Palm"; not "Procter and Gamble").
    A maker's description before them goes ("BlackBerry maker ...")."""
    if e.label == "ORG" and (described := _MAKER.match(e.text)):
        e = Ent(e.text[described.end() :], e.label, e.start + described.end(), "maker", e.after)
    match = _TWO_NAMES.fullmatch(e.text) if e.label == "ORG" else None
    if match is None or match.group("end") not in NAME_ENDINGS:
        match = _LONG_AND_SHORT.fullmatch(e.text) if e.label == "ORG" else None
    if match is None:
        return [e]
    return [
        Ent(match.group("first"), "ORG", e.start, e.before, "and"),
        Ent(match.group("second"), "ORG", e.start + match.start("second"), "and", e.after),
    ]


_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and$")


def split_at_commas(e: Ent) -> list[Ent]:
    """One span across a comma ("the Union Buildings, Zuma said", "Aldgate,
    Edgware Road and" before "King's Cross stations"): its names, each on
    its own. A name never holds a comma; a trailing "and" is the list going on."""
    if "," not in e.text:
        return [e]
    parts: list[Ent] = []
    position = 0
    for separator in [*_LIST_SEPARATOR.finditer(e.text), None]:
        end = separator.start() if separator else len(e.text)
        piece = e.text[position:end]
        if piece[:1].isupper() or piece.startswith("the "):
            before = e.before if position == 0 else ","
            after = e.after if separator is None else separator.group().strip(", ") or ","
            parts.append(Ent(piece, e.label, e.start + position, before, after))
        position = separator.end() if separator else len(e.text)
    return parts or [e]


def in_company_context(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` make it a company: "shares
    of GameStop", "the chipmaker Nvidia", "Renfe, the state rail company"."""
    return bool(
        COMPANY_BEFORE.search(text, max(0, start - 30), start) or COMPANY_AFTER.match(text, end)
    )


def sentence_from(text: str, start: int) -> str:
    end = sentence_end(text, start)
    return text[start : end + 1 if end is not None else len(text)]


# Last words of organisation names that often go on with "for ..." ("United
# Party for National Development"), where the small model stops early.
ORGANISATION_HEADS = {
    "party",
    "front",
    "movement",
    "alliance",
    "union",
    "council",
    "committee",
    "league",
    "congress",
    "association",
    "federation",
    "coalition",
    "organisation",
    "organization",
}

FOR_TAIL = re.compile(r" for(?: (?:the|and|of)| [A-Z][\w'’-]*)+")


def complete_organisation_name(e: Ent, text: str) -> Ent:
    """ "United Party" followed by "for National Development", "Supreme Court"
    followed by "of Appeal": one name."""
    if e.label != "ORG":
        return e
    last = e.text.split()[-1].lower()
    if last in BODY_HEADS and (of_tail := OF_TAIL.match(text, e.start + len(e.text))):
        return replace(e, text=e.text + of_tail.group(0), after="")
    if last not in ORGANISATION_HEADS:
        return e
    tail = FOR_TAIL.match(text, e.start + len(e.text))
    if tail is None or tail.group(0).split()[-1].lower() in {"the", "and", "of"}:
        return e
    return replace(e, text=e.text + tail.group(0), after="")


def headline_names_as_in_body(ents: list[Ent], text: str, title_length: int) -> list[Ent]:
    """ "Libertarian Milei wins": a headline word glued to a name the body
    never writes that way is dropped, so the name resolves to the body's."""
    body = text[title_length:]
    fixed = []
    for e in ents:
        words = e.text.split()
        if (
            e.start < title_length
            and e.label == "PERSON"
            and len(words) >= 2
            and e.text not in body
            and re.search(rf"\b{re.escape(words[-1])}\b", body)
        ):
            start = e.start + e.text.rindex(words[-1])
            e = replace(e, text=words[-1], start=start, before=words[-2])
        fixed.append(e)
    return fixed


def nationality(name: str, table: dict[str, str]) -> str | None:
    """The table's form of a nationality word, singular or plural (Colombians)."""
    if name in table:
        return name
    if name.endswith("s") and name[:-1] in table:
        return name[:-1]
    return None
