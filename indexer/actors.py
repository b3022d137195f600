"""Canonical actors from NER mentions: titles dropped, partial names resolved, aliases applied.

Pure functions over strings; the enricher feeds them spaCy's entities.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from indexer.resources import AliasTable
from newsarchive.article import Actor, ActorType

# Titles and honorifics that precede a name ("Defense Secretary Ash Carter").
# Styles that stay with a single given name: "Prince William" is how he is known.
ROYAL_STYLES = {"prince", "princess"}

TITLE_WORDS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen",
    "lt",
    "lieutenant",
    "major",
    "maj",
    "colonel",
    "col",
    "captain",
    "capt",
    "admiral",
    "rear",  # "Rear Admiral Mary Landry"
    "corporal",
    "cpl",
    "duke",
    "duchess",  # "the Duchess" of Cambridge: a title alone is no actor
    "adm",
    "sergeant",
    "sgt",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "shaikh",
    "ayatollah",
    "emperor",
    "empress",
    "taoiseach",
    "tanaiste",
    "premier",
    "imam",
    "rabbi",
    "reverend",
    "rev",
    "father",
    "chancellor",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "transport",
    "health",
    "education",
    "energy",
    "environment",
    "trade",
    "agriculture",
    "economy",
    "labour",
    "culture",
    "justice",
    "judge",
    "chief",
    "sheriff",
    "marshal",
    "field",
    "constable",
    "inspector",
    "superintendent",
    "commissioner",
    "detective",
    "director",
    "director-general",
    "secretary-general",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "leader",
    "goalkeeper",
    "treasury",
    "quarterback",
    "railway",
    "railways",
    "striker",
    "midfielder",
    "defender",
    "coach",
    "manager",
    "winger",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "commander",
    "supreme",
    "state",
    "deputy",
    "acting",
    "former",
    "us",
    "u.s.",
    "russian",
    "french",
    "german",
    "british",
    "iranian",
    "syrian",
    "turkish",
    "chinese",
    "japanese",
    "house",
    "senate",
    "majority",
    "minority",
    "fed",
    "executive",
    "ceo",
    "officer",
    "emir",
    "crown",
    "grand",
    "mufti",
    "cardinal",
    "archbishop",
    "bishop",
    "un",
    "nato",
    "army",
    "gen.",
}
# Words that are titles or offices on their own, never an actor ("Defence" alone).
# A title and where it rules, with no name: the office, which the text may
# name elsewhere by the person holding it.
TITLE_OF_PLACE = re.compile(
    r"(?:Crown )?(?:Prince|Princess|King|Queen|Duke|Duchess|Earl|Countess|Emperor|Empress|"
    r"Sultan|Emir|Archbishop|Bishop|Mayor|Governor) of (?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*"
)

NOT_ACTORS = {
    # holidays the model takes for names ("celebrating Easter", "on Yom Kippur")
    "easter",
    "christmas",
    "ramadan",
    "eid",
    "diwali",
    "hanukkah",
    "passover",
    "yom kippur",
    "thanksgiving",
    # competitions and events the model tags ORG
    "champions league",
    "europa league",
    "conference league",
    "formula one",
    "formula 1",
    "big bang",
    "wildfire",
    "defence",
    "defense",
    "interior",
    "foreign",
    "state",
    "government",
    "parliament",
    "police",
    "army",
    "military",
    "court",
    "ministry",
    "party",
    "cabinet",
    "administration",
    "regime",
    "opposition",
    "rebels",
    "forces",
    "troops",
    "officials",
    "islamic",
    "house",
    "commission",
    "council",
    "committee",
    "agency",
    "congress",
    "senate",
    "turnout",
    "brexit",
    "thousands",
    "hundreds",
    "gunfire",
    "covid",
    "arab",
    "first nation",
    "voters",
    "protesters",
    "residents",
    "witnesses",
    "farmers",
    "lawmakers",
    "authorities",
    "analysts",
    "investors",
    "critics",
    "supporters",
    "bridge",
    "basilica",
    "palace",
    "dam",
    "airport",
    "station",
    "treasury",
    "railway",
    "transport",
    "health",
    "education",
    "energy",
    "trade",
    "economy",
}
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
SCORE = re.compile(r"\s+\d+-\d+$")  # "Inter Milan 1-0"
QUANTITY = re.compile(  # "Millions of Texans"
    r"^(?:millions|thousands|hundreds|dozens|tens of thousands|hundreds of thousands) of ",
    re.IGNORECASE,
)
TRAILING_WORD = re.compile(r"\s+(?:of|for|and|in|the|at)$")  # "Remco Evenepoel of"
# Plural nouns whose possessive is part of a name, not an owner ("Taiwan People's Party").
NAME_POSSESSIVES = {"people", "women", "men", "children", "veterans"}
# "the Federal Prosecutor's Office": a possessive that is part of a body's name.
NAMED_BODY_HEADS = {"Office", "Department", "Bureau", "Service", "Court", "Council", "Commission"}
# Where a party sits, written in lower case before its name ("the liberal
# Democratic Party", not Japan's Liberal Democratic Party).
POLITICAL_LEANINGS = {
    "liberal",
    "conservative",
    "centrist",
    "leftist",
    "left-wing",
    "right-wing",
    "far-right",
    "far-left",
    "hard-right",
    "hard-left",
    "centre-right",
    "centre-left",
    "nationalist",
    "populist",
    "socialist",
    "communist",
    "green",
    "progressive",
}
# A generic noun the model took into the name after it ("the communist party AKEL").
GENERIC_HEADS = {"party", "group", "movement", "militia", "coalition", "alliance"}
# Words describing an organisation that the model takes into its name; the
# capitalised ones are dropped as written, the rest only in lower case
# ("Militant Socialist Movement" keeps its first word).
CAPITALISED_DESCRIPTORS = {"Islamist", "Jihadist"}
DESCRIPTORS = {"islamist", "jihadist", "militant", "rebel", "ruling", "governing", "opposition"}
# Titles only a person carries: an ORG that starts with one is a person ("King Felipe VI").
PERSON_TITLES = {
    "corporal",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "sultan",
    "pope",
    "president",
}
LEADING_THE = re.compile(r"^(?:the|a|an|his|her|its|their|our)\s+", re.IGNORECASE)
# Joaquin "El Chapo" Guzman: a nickname in quotation marks inside a name.
NICKNAME = re.compile(r"\s+[\"“‘']([^\"”’']+)[\"”’']\s+")


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Initials written with periods ("U.S.", "U.N.", "E.U."): the last period
# belongs to the name, and the alias table and the gazetteer know it so.
INITIALS = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
# "the National Association of Purchasing Management (NAPM" cut before its bracket closed.
UNCLOSED_BRACKET = re.compile(r"\s*\([^)]*$")
LEADING_MONTH = re.compile(
    r"^(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?=[A-Z])"
)
ORG_TRAILING_KIND = re.compile(r"\s+news(?: agency)?$")


@lru_cache(maxsize=65536)  # called for every entity by several rules
def clean_mention(text: str) -> str:
    """Whitespace, possessives, leading articles and stray punctuation removed."""
    cleaned = UNCLOSED_BRACKET.sub("", NICKNAME.sub(" ", " ".join(text.split())))
    cleaned = QUANTITY.sub("", TRAILING_WORD.sub("", SCORE.sub("", cleaned)))
    cleaned = POSSESSIVE.sub("", cleaned).strip(" ,;:\"'“”‘’()[]-")
    if not INITIALS.search(cleaned):
        cleaned = cleaned.rstrip(" .").strip(" ,.;:\"'“”‘’()[]-")
    cleaned = POSSESSIVE.sub("", cleaned)
    return LEADING_THE.sub("", cleaned)


def strip_titles(name: str) -> str:
    """ "US Defense Secretary Ash Carter" -> "Ash Carter"; keeps at least one word,
    and a prince known by one name keeps his style ("Prince Harry", not "Harry")."""
    words = name.split()
    if len(words) == 2 and words[0].lower() in ROYAL_STYLES:
        return name
    while len(words) > 1 and _is_title(words[0], name):
        words.pop(0)
    # "Clark County Sheriff Joseph Lombardo": a title after the place it serves
    inner = [i for i, w in enumerate(words[:-2]) if i > 0 and _is_title(w, name)]
    if inner:
        words = words[inner[-1] + 1 :]
    return " ".join(words)


def _is_title(word: str, name: str) -> bool:
    """A title word, but not initials written like one ("MS Dhoni" is no "Ms")."""
    if word.isupper() and word.lower() in HONORIFICS and not name.isupper():
        return False
    return word.lower().rstrip(".") in TITLE_WORDS


HONORIFICS = {"mr", "mrs", "ms", "dr"}


def person_from_phrase(phrase: str) -> Actor | None:
    """A person named in a quote's attribution that NER missed ("Fed Chair Janet Yellen")."""
    name = strip_titles(clean_mention(phrase))
    words = name.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]):
        return Actor(id=slug(name), name=name, type="person")
    return None


ARTICLE_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "an-")
PATRONYMIC_PARTICLES = {"bin", "ibn", "bint"}


def person_key(name: str) -> str:
    """The surname a lone mention would use: "Haider al-Abadi" -> "abadi"."""
    words = name.split()
    if not words:
        return ""
    if len(words) >= 3 and words[-2].lower() in PATRONYMIC_PARTICLES:
        return ""  # "Mohammed bin Salman": a father's name; a lone "Salman" is someone else
    last = words[-1].lower()
    for prefix in ARTICLE_PREFIXES:
        if last.startswith(prefix) and len(last) > len(prefix) + 1:
            return last[len(prefix) :]
    return last


def surname_keys(name: str) -> list[str]:
    """The keys a lone mention of this person could use: the surname, each
    half of a double-barrelled one ("Simons" for Jennifer Geerlings-Simons),
    and a family name written first ("Kim" for Kim Jong-un, not "un")."""
    key = person_key(name)
    words = name.split()
    halves = words[-1].split("-")
    if len(halves) == 2 and all(h[:1].isupper() and len(h) > 2 for h in halves):
        return [key, halves[0].lower(), halves[1].lower()]
    if len(words) == 2 and len(halves) == 2 and halves[0][:1].isupper() and halves[1].islower():
        return [key, words[0].lower()]
    return [key]


def canonical_actors(
    mentions: list[tuple[str, str]], aliases: AliasTable
) -> tuple[list[Actor], dict[str, Actor]]:
    """Actors for a document's (text, label) mentions, and a map mention -> actor.

    Labels are spaCy's: PERSON, ORG, NORP (groups only where the alias table
    says so), and NORP_PARTY for parties the enricher recognised ("Greens").
    A short mention ("Carter") resolves to the document's full name ("Ash
    Carter") sharing its last word.
    """
    cleaned: list[tuple[str, str, str]] = []  # (raw, cleaned, label)
    person_words = {
        clean_mention(raw).split()[-1].lower()
        for raw, label in mentions
        if label == "PERSON" and clean_mention(raw)
    }
    for raw, label in mentions:
        name = clean_mention(raw)
        words = name.split()
        if (
            label == "ORG"
            and 2 <= len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and words[-1].lower() in person_words
            and aliases.get(name) is None
        ):
            label = "PERSON"  # "Novak Djokovic" tagged ORG, "Djokovic" PERSON later
        if (
            label == "ORG"
            and len(words) >= 2
            and (
                # "the militant Hamas", "the Islamist Ennahda party"; not the
                # capitalised first word of "Militant Socialist Movement"
                (
                    words[0].islower()
                    and words[0] in DESCRIPTORS | POLITICAL_LEANINGS | GENERIC_HEADS
                )
                or words[0] in CAPITALISED_DESCRIPTORS
            )
        ):
            name = " ".join(
                words[1:]
            )  # "the Islamist Ennahda party", "the liberal Democratic Party"
        if (
            label == "ORG"
            and len(words) >= 2
            and words[0].lower().rstrip(".") in PERSON_TITLES
            and words[1][:1].isupper()
        ):
            label = "PERSON"
        if label == "PERSON" and aliases.get(name) is None:  # "King Abdullah" may be an alias
            name = strip_titles(name)
        elif label == "ORG" and aliases.get(name) is None and (owner := _owner(name)):
            # "Trudeau's Liberals", "Suu Kyi's National League for Democracy";
            # an owner named in full is an actor too ("Giorgia Meloni's Brothers of Italy")
            name = name[len(owner) :].lstrip("'’s ")
            if len(owner.split()) >= 2 and owner.istitle():
                cleaned.append((owner, owner, "PERSON"))
        if not name or not any(ch.isalpha() for ch in name):
            continue
        if TITLE_OF_PLACE.fullmatch(name) and aliases.get(name) is None:
            continue  # "the Princess of Wales", "the Mayor of London": a title, not a name
        if name.lower() in NOT_ACTORS and aliases.get(name) is None:
            continue  # "Parliament", "Congress" where no alias names which one
        if label == "ORG" and name.endswith(" party") and aliases.get(name) is None:
            name = name[: -len(" party")]  # "ZANU-PF party" -> "ZANU-PF"
        if label == "ORG" and aliases.get(name) is None:
            # "the August Chicago NAPM" index, "Interfax news agency": the month
            # a figure is for and the kind of body are no part of the name
            name = ORG_TRAILING_KIND.sub("", LEADING_MONTH.sub("", name)) or name
        if (
            label == "ORG"
            and re.fullmatch(r"\w+ Ministry", name)
            and name.split()[0].lower() in TITLE_WORDS
        ):
            continue  # "the Interior Ministry": an office, not which country's
        if aliases.get(name) is None and all(
            w.lower().rstrip(".") in TITLE_WORDS for w in name.split()
        ):
            continue  # "Supreme Leader", "Prime Minister": an office, not who holds it
        if (
            label in ("ORG", "PERSON")
            and any(ch.isdigit() for ch in name)
            and aliases.get(name) is None
        ):
            continue  # "Su-24", "CSI 300", "Messier 87": models, indices, galaxies
        cleaned.append((raw, name, label))

    # One-word organisation mentions inside exactly one longer organisation
    # name of the document are that organisation ("Aramco", "Activision"),
    # and so are longer ones that end it ("the Coast Guard" after "the US
    # Coast Guard").
    org_names = {name for _raw, name, label in cleaned if label == "ORG" and " " in name}
    short_orgs: dict[str, str] = {}
    for _raw, name, label in cleaned:
        if label == "ORG" and name[:1].isupper() and (" " not in name or aliases.get(name) is None):
            holders = [
                o
                for o in org_names
                if (name in o.split() if " " not in name else o.endswith(f" {name}"))
            ]
            if len(holders) == 1:
                short_orgs[name] = holders[0]
    cleaned = [(raw, short_orgs.get(name, name), label) for raw, name, label in cleaned]

    full_names: dict[str, str] = {}  # last word -> longest person name in the document
    first_names: dict[str, str] = {}  # first word -> that name (Tsai -> Tsai Ing-wen)
    for _raw, name, label in cleaned:
        alias = aliases.get(name)
        if alias is not None and alias.type == "person":
            name = alias.canonical
        elif label != "PERSON":
            continue
        if len(name.split()) >= 2:
            for key in surname_keys(name):
                if len(name) > len(full_names.get(key, "")):
                    full_names[key] = name
            first_names.setdefault(name.split()[0].lower(), name)
    # "El Chapo" alone, after Joaquin "El Chapo" Guzman: the person.
    nicknames = {
        nick.lower(): clean_mention(raw)
        for raw, label in mentions
        if label == "PERSON"
        for nick in NICKNAME.findall(" ".join(raw.split()))
    }
    cleaned = [
        (raw, nicknames.get(name.lower(), name), "PERSON" if name.lower() in nicknames else label)
        for raw, name, label in cleaned
    ]

    actors: dict[str, Actor] = {}
    by_mention: dict[str, Actor] = {}
    for raw, name, label in cleaned:
        actor = _resolve(name, label, aliases, full_names, first_names)
        if actor is None:
            continue
        actors.setdefault(actor.id, actor)
        by_mention[raw] = actors[actor.id]
    return list(actors.values()), by_mention


def _resolve(
    name: str,
    label: str,
    aliases: AliasTable,
    full_names: dict[str, str],
    first_names: dict[str, str],
) -> Actor | None:
    alias = aliases.get(name)
    if alias is not None:
        if alias.type == "place":
            return None
        canonical = alias.canonical
        if alias.type == "person" and len(canonical.split()) == 1:
            canonical = full_names.get(person_key(canonical), canonical)
        return Actor(id=slug(canonical), name=canonical, type=_actor_type(alias.type))
    single = len(name.split()) == 1
    if single and name.lower() in full_names:
        full = full_names[name.lower()]
        return Actor(id=slug(full), name=full, type="person")
    if single and label == "PERSON" and name.lower() in first_names:
        # Family name first (Tsai Ing-wen, Park Geun-hye): "Tsai" is Tsai Ing-wen.
        full = first_names[name.lower()]
        return Actor(id=slug(full), name=full, type="person")
    if single and label == "PERSON":
        # A middle name people go by ("Lula" in Luiz Inacio Lula da Silva), if only one fits.
        holders = {f for f in full_names.values() if name.lower() in f.lower().split()[1:-1]}
        if len(holders) == 1:
            full = holders.pop()
            return Actor(id=slug(full), name=full, type="person")
    if label == "PERSON" and not single:
        # "De Wever" after "Bart De Wever": the end of one longer name in the document
        holders = {f for f in full_names.values() if f.lower().endswith(f" {name.lower()}")}
        if len(holders) == 1:
            full = holders.pop()
            return Actor(id=slug(full), name=full, type="person")
    if label == "PERSON":
        return Actor(id=slug(name), name=name, type="person")
    if label == "NORP_PARTY":
        return Actor(id=slug(name), name=name, type="group")
    if label == "ORG":
        if name.isupper() and len(name) <= 2:
            return None  # two-letter acronyms the alias table does not know are noise
        return Actor(id=slug(name), name=name, type="organization")
    return None  # NORP, GPE...: actors only through the alias table


def _owner(name: str) -> str | None:
    """The owner in "Owner's Name", unless the possessive is part of the name."""
    match = re.search(r"^(.+?)['’]s\s", name)
    if match is None or match.group(1).split()[-1].lower() in NAME_POSSESSIVES:
        return None
    if name[match.end() :] in NAMED_BODY_HEADS:
        return None  # "the Federal Prosecutor's Office" is one body
    return match.group(1)


def _actor_type(kind: str) -> ActorType:
    return "group" if kind == "group" else "person" if kind == "person" else "organization"
