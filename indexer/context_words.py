"""The words and patterns around a name that the entity rules read.

What follows a name (", the federal aviation agency"), what precedes it
("a small helicopter, Ingenuity", "the village of"), the last word of a name
("... Falls", "... Cathedral"), and the thresholds the rules use. Kept apart
from ``indexer.sorting`` and ``indexer.mentions`` so those read as logic;
tuned values say why in a comment.
"""

from __future__ import annotations

import re

# "the Pacific coast", "the Atlantic shore": the sea whose shore it is.
SHORE = re.compile(r"(.+) (?:coast|shore|coastline|seaboard)")
# Last words of town names that no person or company name ends with.
PLACE_NAME_ENDINGS = {"Falls", "Springs", "Heights", "Harbour", "Harbor", "Island", "Islands"}


def _described_as(*heads: str) -> re.Pattern[str]:
    """ ", the federal aviation agency", ", an artificial island", ", Europe's
    busiest airport": an apposition after a name whose head noun says what
    the name is (not ", the city's..." nor ", the governor of the region",
    nor ", a city councillor", whose head is the person)."""
    return re.compile(
        r", (?:the|a|an|its|[A-Z][\w-]+['’]s) (?:(?!of\b)[\w-]+ ){0,3}(?:"
        + "|".join(heads)
        + r")\b(?!['’])(?! (?:councillors?|council|officials?|dwellers?|workers?|residents?|"
        r"planners?|managers?|mayor|governor)\b)"
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
    "craft",
    "capsule",
    "satellite",
    "helicopter",
    "asteroid",
    "moonlet",
    "comet",
    "era",
    "album",
    "novel",
    "shuttle",  # "the space shuttle Columbia"
    "booster",  # "the Super Heavy booster"
    "computer",  # "IBM's Deep Blue computer"
    "brand",  # "its Pontiac brand"
    "tool",  # "the CRISPR tool"
    "robot",
    "chatbot",
    "orbiter",
    "warship",
    "frigate",
    "destroyer",
    "cruiser",
    "lamb",  # "a lamb, named Dolly"
    "sheep",
    "panda",
    "gorilla",
    "whale",
    "rocket",  # "its Falcon Heavy rocket"
    "tablet",
    "smartphone",
    "smartphones",
)
THING_BEFORE = re.compile(
    r"(?:\b(?:"
    + "|".join(THING_NOUNS)
    + r"),?\s+(?:(?:named|called)\s+)?(?:the\s+)?|-flagged\s+|\b(?:called|named|dubbed)\s+the\s+)$",
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
    "maker",
    "manufacturer",
    "producer",
    "contractor",
    "conglomerate",
    "retailer",
    "insurer",
    "lender",
    "carrier",
    "developer",
)
# ", a few kilometres to the north": only a place lies some distance away.
DISTANCE_AFTER = re.compile(
    r",\s+(?:a few|some|about|\d+)\s+(?:kilometres|kilometers|miles|km)\b", re.IGNORECASE
)
# "the twin towers of the World Trade Center", "the ruins of Ur": a site.
SITE_OF_BEFORE = re.compile(
    r"\b(?:towers?|ruins|gates?|walls|grounds|steps|roof|lawns|rubble)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Buildings whose names stand for those who work in them ("the Pentagon
# said"), but are the buildings where the text is in, at or over them.
BUILDING_METONYMS = {"Pentagon", "Kremlin", "White House", "Downing Street", "Elysee Palace"}
IN_THE_BUILDING = re.compile(r"\b(?:in|at|into|inside|outside|over|near|from) (?:the )?$")

PLACE_APPOSITION = _described_as(
    "airport",
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
    "nightclub",
    "restaurant",
    "cafe",
    "hotel",
    "school",
)
THING_APPOSITION = _described_as(*THING_NOUNS)
# Only buildings are stormed: "gunmen stormed the Holey Artisan Bakery".
STORMED = re.compile(r"\bstormed (?:the )?$")
# Only people lead, found and chair: a name after these is a person's, whatever
# the model calls it.
LED_BY = re.compile(r"\b(?:led|headed|founded|chaired) by $")
# A capitalised word right before a name: a given name the model may have left out.
# A given name, or two initials ("MS Dhoni"), right before a surname.
GIVEN_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+|[A-Z]{2}) $")
# Words after a place name that make it the region rather than the city
# sharing its name ("Hatay province", "the Tver region").
ADMIN_WORDS = {"province", "region", "oblast", "prefecture", "governorate", "state"}
# "the governor of the Odesa region": a region the model did not tag ("the X
# state" is left out: "the Texas state legislature" is a description).
NAMED_REGION = re.compile(
    r"\bthe ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) ("
    + "|".join(sorted(ADMIN_WORDS - {"state"}))
    + r")\b"
)
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
    # "the Sudan strain", "the Delta variant": a name used to tell viruses apart
    "strain",
    "variant",
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
    "annex",
    "annexed",
    "annexing",
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
INSTITUTION_PLACES = {"university", "college", "school", "centre", "center", "court"}
IN_OR_AT = re.compile(r"\b(?:in|at|inside|outside) (?:the )?$")
# "inspected by teams from the Joint Coordination Centre": the body, not the building.
SENT_FROM = re.compile(
    r"\b(?:teams?|experts?|officials?|inspectors?|staff|scientists?|researchers?|"
    r"delegations?|envoys?|monitors?|representatives?) from (?:the )?$",
    re.IGNORECASE,
)
# What the small model calls a place it does not know: "a concert in Kursk"
# comes out as PRODUCT, "In Kyiv, an adviser..." as PERSON.
MISREAD_LABELS = {"ORG", "PERSON", "PRODUCT"}
# What a weaker context word ("and", "of", a comma) can prove a misread name is.
TRUSTED_KINDS = {"city", "state", "country", "island", "sea", "river"}
# A one-word PERSON naming a city this big is the city ("Russian missiles hit Mykolaiv").
BIG_CITY = 100_000
# Last words of football club names built on a place ("Manchester City").
CLUB_WORDS = {"city", "united", "fc", "rovers", "athletic", "wanderers", "albion", "hotspur"}


# The model's labels, and the vocabulary of the repairs in indexer.mentions.
ACTOR_LABELS = {"PERSON", "ORG", "NORP"}

PLACE_LABELS = {"GPE", "LOC", "FAC"}

# Words before a name that make it a place ("near Hama", "in Flint").
PLACE_CONTEXT = {
    "in",
    "near",
    "at",
    "from",
    "outside",
    "around",
    "to",
    "across",
    "over",
    "into",
    "towards",
    "through",
    "along",
    "off",
    "via",
    "beyond",
    "toward",
    "and",
    "of",
    "the",
    ",",
    "'s",
    "’s",
}

PLACE_PREPOSITIONS = PLACE_CONTEXT - {"and", "of", "the", ",", "'s", "’s"}

# Words before a PERSON that make it a storm's name, not an actor.
NAMED_THINGS = {"hurricane", "storm", "superstorm", "typhoon", "cyclone", "tropical"}

# Last words that make a name a place (a landmark), whatever NER tagged it.
LANDMARK_WORDS = {
    "church",
    "cathedral",
    "mosque",
    "temple",
    "synagogue",
    "bridge",
    "bridges",
    "airport",
    "station",
    "square",
    "street",
    "avenue",
    "palace",
    "stadium",
    "museum",
    "market",
    "strait",
    "castle",
    "tower",
    "harbour",
    "harbor",
    "port",
    "arena",
    "river",
    "hotel",
    "hospital",
    "embassy",
    "consulate",
    "park",
    "abbey",
    "circuit",
    "crater",
    "basilica",
    "chapel",
    "base",
    "gallery",
    "country",
    "quarter",
    "pass",
    "hall",
    # geographic features no person or company name ends with
    "keys",
    "islands",
    "mountains",
    "hills",
    "peninsula",
    "sea",
    "ocean",
    "desert",
    "strip",
    "heights",
    "valley",
    "gulf",
    "archipelago",
    "lake",
    "bay",
    "plaza",
    "mall",
    "theatre",
    "theater",
    "roundabout",  # "Pearl Roundabout"
    "monument",
    "memorial",
    "cemetery",
    "building",
    "buildings",  # "the Union Buildings"
    "gate",  # "the Brandenburg Gate"
    "wall",  # "the Berlin Wall"
    "terminus",  # "Chhatrapati Shivaji Terminus"
    "terminal",
    "prison",  # "Victor Verster Prison"
    "jail",
    "road",  # "Edgware Road"
    "boulevard",
    "strasse",  # "Bornholmer Strasse"
    "bagh",  # "Liaquat Bagh": a garden, in Urdu and Punjabi
    "gardens",
    "tunnel",
    "dam",
    "pier",
    "zoo",
    "cottage",  # "Rideau Cottage"
    "trough",  # "the Nankai Trough"
    "trench",
    "shrine",  # "the Erawan Shrine"
}

# Groups named by what their members are: parties, when the model tags them NORP.
PARTY_PLURALS = {
    "Democrats",
    "Republicans",
    "Greens",
    "Liberals",
    "Conservatives",
    "Socialists",
    "Communists",
    "Tories",
    "Nationalists",
    "Unionists",
    "Moderates",
}

# First words that make a name a place ("Place de la Concorde", "River South Esk").
LANDMARK_PREFIXES = {
    "Cathedral",  # "the Cathedral of Christ the Saviour"
    "Estadio",  # "the Estadio da Luz"
    "Avenida",  # "Avenida Paulista"
    "Casa",  # "the Casa Rosada"
    "Rua",
    "Calle",
    "Rue",
    "Kfar",  # "Kfar Aza": a village, in Hebrew
    "Kibbutz",
    "Stade",
    "Stadio",
    "Basilica",
    "Castle",
    "Place",
    "Plaza",
    "Piazza",
    "Mount",
    "Monte",
    "Mont",
    "Lago",
    "Lac",
    "Lake",
    "River",
    "Cape",
    "Stadium",
    "Arc",
    "Pont",
    "Gare",
    "Palais",
    "Porta",
    "Puerta",
}

# Natural features written after a name in lower case: the name alone is the place.
NATURAL_FEATURES = {
    "river",
    "gorge",
    "valley",
    "volcano",
    "glacier",
    "creek",
    "lake",
    "square",
    # "the Idukki dam", "the Porton Down laboratory", "the Admiralty district"
    # (not "hotel": "a Trump hotel" is a brand)
    "dam",
    "port",
    "stadium",
    "arena",
    "area",
    "rivers",
    "lakes",
    "laboratory",
    "prison",
    "camp",
    "district",
    "ward",
    "neighbourhood",
    "lagoon",
    # "Notre-Dame cathedral", "the Tham Luang cave" (read as a person)
    "cathedral",
    "cave",
    "tower",
    "temple",
    "mosque",
    "monastery",
    "bridge",  # "the Morandi bridge"
    "forest",  # "the Sambisa forest"
    "station",  # "at Maelbeek station"
    "stations",  # "at Lubyanka and Park Kultury stations"
    "building",  # "the CTV building"
    "field",  # "the Khurais oil field"
    "hospital",  # "the Hadassah Ein Kerem hospital"
    "school",  # "the Vladislav Ribnikar primary school"
    "shrine",
}

# Every lower-case word that can say what kind of site a name is.
SITE_NOUNS = NATURAL_FEATURES | LANDMARK_WORDS

NUMBER_WORDS = {
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "old",
    "several",
    "many",
    "some",
}

# Last words of names of events, which the model tags ORG.
EVENT_WORDS = {
    "cup",
    "games",
    "olympics",
    "championship",
    "championships",
    "open",
    "prix",
    "festival",
    "marathon",
    "expo",
    "prize",
    "summit",
    "conference",  # "the Macworld conference"
    "invitational",  # "the Genesis Invitational"
}
# "the Republican National Convention": a party's gathering, not the party
# ("the All Basotho Convention" is one).
PARTY_GATHERING = re.compile(r"\bNational Convention$")

# A building and the town it stands in, tagged as one name: "Robb Elementary
# School in Uvalde", "University Hospital in Coventry".
SITE_IN_PLACE = re.compile(r"(?P<site>.+ [A-Z][a-z]+) in (?P<place>[A-Z][\w'’ -]+)")
# Lower-case words after a name that make it a work's title: "the new Batman
# film" (not Batman, Turkey).
# Lower-case words after a name that make it an event's: "the Macworld conference".
GATHERINGS = {"conference", "festival", "expo", "fair"}

# "the League of Matteo Salvini": a party, then the person who leads it.
PARTY_OF_LEADER = re.compile(
    r"(?P<party>(?:the |The )?(?:[A-Z][\w-]* )*(?:Movement|League|Party|Front|Alliance)"
    r"(?: for(?: [A-Z][\w-]*)+)?)"  # "the Party for Freedom of Geert Wilders"
    r" of (?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+)+)"
)

# Products named the way Apple names them: "iPhone", "iPod", "iPad".
APPLE_STYLE_PRODUCT = re.compile(r"i[A-Z][a-z]+s?")

# Faiths the model tags as organisations ("Shiite Islam's senior clerics").
RELIGIONS = {"Islam", "Christianity", "Judaism", "Hinduism", "Buddhism", "Sikhism", "Catholicism"}

# "for his role in King Richard": a work's title follows.
ROLE_IN = re.compile(r"\b(?:role|roles|starring|starred) in (?:the )?$", re.IGNORECASE)

WORK_NOUNS = {
    "film",
    "films",
    "movie",
    "novel",
    "book",
    "song",
    "album",
    "series",
    "musical",
    "address",  # "his State of the Union address"
    "speech",
    "award",  # "five Grammy awards"
    "awards",
}

# Last words of names of things the model tags ORG or PERSON.
THING_WORDS = {"telescope", "rocket", "satellite", "spacecraft", "rover", "capsule", "vaccine"}

SAINT = re.compile(r"^(?:St\.?|Saint) [A-Z]")

# Cycling's grand tours carry a country's name: "Air France" is an actor, "Tour de France" not.
GRAND_TOUR = re.compile(r"^(?:Tour de|Giro d|Vuelta a)\b")

ORGANISATION_WORDS = {
    "forces",
    "army",
    "front",
    "movement",
    "revolutionary",
    "national",
    "armed",
    "liberation",
    "democratic",
    "islamic",
    "federal",
    "royal",
    "central",
    "united",
    "state",
    "states",
    "communist",
    "socialist",
    "commission",
    "authority",
    "service",
    "police",
    "guard",
    "corps",
    "navy",
    "command",
    "people's",
    "bishop",
    "archbishop",
    "duke",
    "prince",
    "bank",
    "university",
    "institute",
    "ministry",
    "department",
    "council",
    "party",
    "union",
    "church",
    "college",
    "school",
    "court",
    "republic",
    "kingdom",
    "government",
    "office",
    "league",
    "association",
    "agency",
    "board",
    "bureau",
    "company",
    "group",
    "house",
}

PERSON_OF_PLACE = re.compile(  # no possessive: "Meloni's Brothers of Italy" is a party
    r"^(?P<who>[A-Z][\w-]+(?: [A-Z][\w-]+){1,2}) of (?P<where>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)$"
)

PLACE_COMMA_REGION = re.compile(r"^(?P<place>[A-Z][^,]+), (?P<region>[A-Z][^,]+)$")

# "from Abuja to Kaduna", "Flanders and Wallonia", "Olon on the Pacific coast"
# tagged as one entity.
PLACE_TO_PLACE = re.compile(
    r"^(?P<start>[A-Z][^,]*?) (?:to|and|on the|in) (?P<end>[A-Z][^,]*?)(?: coast)?$"
)

# Words after a name that make name and word one place ("Noto peninsula").
FEATURE_WORDS = {"peninsula", "canal", "delta", "desert", "mountains", "corridor"}

NOT_PLACES = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "brent",
    "earth",
    "heaven",
    "capital",
    "city",
    "state",
    "olympic",  # "the Olympic rings", not Olympic, Hong Kong
    "oscars",  # "at the Oscars": a ceremony
    "grammys",
    "emmys",
    "baftas",
    # heavenly bodies: no point on a map ("19 billion kilometres from the Sun")
    "sun",
    "moon",
    "mars",
    "jupiter",
    "saturn",
    "venus",
    "neptune",
    "uranus",
    "pluto",
}

# A demonym followed by one of these is about a language or a name, not a country.
NOT_COUNTRY_SENSE = {
    # "a Norwegian citizen of Iranian origin": ancestry, not the story's country
    "origin",
    "descent",
    "heritage",
    "initials",
    "language",
    "name",
    "names",
    "word",
    "words",
    "translation",
    "accent",
    "acronym",
    "abbreviation",
}

# "in Lismore", "near Katari": a capitalised name right after a place
# preposition, checked against the gazetteer before it counts.
UNTAGGED_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|near|outside|from|to)\s+([A-Z][a-z][\w'’-]*(?:\s[A-Z][a-z][\w'’-]*)?)\b"
)

# Countries whose names people, US states or rivers share: never taken untagged.
SHARED_COUNTRY_NAMES = {"Georgia", "Jordan", "Chad", "Niger", "Guinea", "Dominica", "Turkey"}
# Capitalised words a sentence may open with before a facility's name.
NOT_NAME_OPENERS = {"The", "A", "An", "In", "At", "On", "From", "To", "Near", "By", "And", "But"}

# Words around a one-word name that make it a company, whatever the model
# called it (or if it tagged nothing): "shares of GameStop", "its rival
# Dynegy", "the power company Enel", "Renfe, the state rail company".
_COMPANY_WORDS = (
    r"company|firm|maker|carmaker|chipmaker|retailer|start-up|startup|app|platform|"
    r"broadcaster|airline|exchange|insurer|lender|unit|subsidiary|conglomerate"
)
COMPANY_BEFORE = re.compile(
    rf"\b(?:shares (?:of|in)|rivals?|(?:{_COMPANY_WORDS}))\s+$", re.IGNORECASE
)
COMPANY_AFTER = re.compile(
    r"(?:['’]s (?:shares|chief executive|founder|co-founder|chairman|board)\b"
    rf"|, (?:the|a|an|its) (?:[\w-]+ ){{0,4}}?(?:{_COMPANY_WORDS})\b)"
)
# A name of up to three words, CamelCase or with digits too ("GameStop",
# "Point72", "Mossack Fonseca").
COMPANY_NAME = re.compile(
    r"\b([A-Z][A-Za-z0-9.&-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9.&-]*[A-Za-z0-9]){0,2})\b"
)


# Words after a name that say what it names, and the names the model leaves
# untagged that they find (indexer.mentions, indexer.untagged).

# A capitalised office and a full name after a name: the name was the
# office's first words ("London Fire" + "Commissioner Dany Cotton").
OFFICE_THEN_NAME = re.compile(
    r" (?:Commissioner|Chief|Secretary|Minister|Director|Chairman|Chairwoman)"
    r" [A-Z][\w'’-]+ [A-Z][\w'’-]+"
)
# "the Duchess of Cambridge": the place in a title is no place of the story.
STYLE_OF = re.compile(r"\b(?:Duke|Duchess|Earl|Countess|Marquess|Prince|Princess) of (?:the )?$")
# "Commerce Secretary Gina Raimondo": a department's name before its office.
DEPARTMENTS = {
    "commerce",
    "treasury",
    "defence",
    "defense",
    "interior",
    "health",
    "energy",
    "transport",
    "education",
    "justice",
    "labor",
    "labour",
    "finance",
    "trade",
    "environment",
    "agriculture",
}
# "The White Helmets, who work...": people, whatever the model's label.
WHO_AFTER = re.compile(r",? who\b")

# Capitalised words after a name that make it a building or public space:
# "Sam Ratulangi" (a person to the model) + "International Airport".
FACILITY_TAIL = re.compile(r" (?:International )?(?:Airport|Square|Stadium|Bridge)\b")
# The same where the model tagged nothing at all: "above Jan Palach Square".
FACILITY_UNTAGGED = re.compile(
    r"\b((?:[A-Z][\w'’-]+ ){1,3}(?:International )?(?:Airport|Square|Stadium|Bridge))\b"
)
# Two lower-case words after a name, the last saying what kind of site it
# is: "the CentralWorld shopping mall", "the Moria migrant camp".
KIND_OF_SITE = re.compile(r" [a-z]+ ([a-z]+)\b")
# A name in a list that ends in the plural of a kind of site: "at Aldgate,
# Edgware Road and King's Cross stations".
LISTED_BEFORE_SITES = re.compile(
    r"(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)+\s+([a-z]+s)\b"
)
# A name before a lower-case building or site, the model having tagged
# nothing: "The Dharahara tower", "the Rana Plaza building".
LANDMARK_BEFORE_NOUN = re.compile(
    r"\b[Tt]he ((?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+) "
    r"(?:tower|cathedral|temple|mosque|monastery|cave|building)\b"
)
# Capitalised last words of armed groups' and parties' names the model leaves
# off ("the Sinaloa" + "Cartel", a state to the gazetteer otherwise).
ORGANISATION_TAIL = re.compile(r" (?:Cartel|Party|Front|Movement|Alliance|Brigades?|Police)\b")
# The same where the model tagged nothing: "Merseyside Police arrested".
ORGANISATION_UNTAGGED = re.compile(
    # no possessive in the run: "Marine Le Pen's National Rally" is "National Rally"
    r"\b((?:[A-Z][\w-]+ ){1,3}(?:Cartel|Party|Front|Movement|Alliance|Rally|League|Police))\b"
)
# "her FAST party", "his Fidesz party": a party's own name, in capitals or owned.
PARTY_BY_NAME = (
    re.compile(r"\b([A-Z]{2,6}) (?:party|movement)\b"),
    re.compile(r"\b(?:his|her|its|their) ([A-Z][a-z]+) party\b"),
)
# "the Europe Now movement": a name of several words before a lower-case
# head; the model tagged only its first word (a place, here).
NAME_BEFORE_HEAD = re.compile(r"((?: [A-Z][\w'’-]+)+) (?:movement|party|alliance|coalition)\b")
# "Taylor Swift-themed", "Kremlin-backed", "Taliban-style": a word made from the name.
DESCRIBING_TAILS = {"style", "run", "born", "era", "like", "friendly", "bound", "wide", "free"}
# " del Tronto", " de la Frontera", " am See": the rest of a town's name after a particle.
PLACE_PARTICLE_TAIL = re.compile(r"(?: (?:de|del|della|di|do|da|la|le|am|an der))+ [A-Z][\w'’-]+\b")
# Courts and academies whose names go on with "of": "Supreme Court of Appeal".
BODY_HEADS = {"court", "academy", "institute", "tribunal"}
OF_TAIL = re.compile(r" of [A-Z][a-z]+\b(?! [A-Z])")
# "Valentine's Day": a possessive name before "Day" is a holiday.
HOLIDAY_AFTER = re.compile(r"(?:['’]s)? Day\b")
# "Twitter and Citigroup" as one entity.
TWO_ONE_WORD_NAMES = re.compile(r"([A-Z][\w-]+) and ([A-Z][\w-]+)")
# "Democrat Biden", "Tory Johnson": a party, not a given name.
PARTY_MEMBERS = {
    "democrat",
    "republican",
    "conservative",
    "tory",
    "liberal",
    "labour",
    "socialist",
    "communist",
    "green",
    "independent",
}
