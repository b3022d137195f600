"""Which of an article's entity mentions are actors, which are places, and
under what names.

The small model's labels are a first guess. This module first gathers what
the whole article says about its names (``Evidence``: the people named in
full, the names the words around them make places, the storms), repairs the
entities the model cut or glued (most repairs live in ``indexer.mentions``;
the ones here need the gazetteer, the alias table or the tagger), and then
sorts each entity into an actor mention or a place mention, or drops it.
Resolving the mentions (``indexer.gazetteer``, ``indexer.actors``) is the
enricher's next step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from indexer.actors import ROYAL_STYLES, TITLE_WORDS, clean_mention, surname_keys
from indexer.context_words import (
    ACTOR_LABELS,
    ADJECTIVE_ENDING,
    ADMIN_WORDS,
    APPLE_STYLE_PRODUCT,
    BIG_CITY,
    BUILDING_METONYMS,
    CAPTURE_VERBS,
    CLUB_WORDS,
    CONGREGATION_WORDS,
    DEPARTMENTS,
    DISTANCE_AFTER,
    DOCUMENT_WORDS,
    EVENT_WORDS,
    FEATURE_WORDS,
    GATHERINGS,
    GIVEN_NAME_BEFORE,
    GRAND_TOUR,
    HOLIDAY_AFTER,
    IN_OR_AT,
    IN_THE_BUILDING,
    INSTITUTION_PLACES,
    KIND_OF_SITE,
    LANDMARK_PREFIXES,
    LANDMARK_WORDS,
    LED_BY,
    LISTED_BEFORE_SITES,
    MISREAD_LABELS,
    NAMED_THINGS,
    NATURAL_FEATURES,
    NOT_COUNTRY_SENSE,
    NOT_PLACES,
    NUMBER_WORDS,
    OFFICE_THEN_NAME,
    ORG_APPOSITION,
    ORGANISATION_WORDS,
    PARTY_GATHERING,
    PARTY_MEMBERS,
    PARTY_OF_LEADER,
    PARTY_PLURALS,
    PERSON_OF_PLACE,
    PLACE_APPOSITION,
    PLACE_COMMA_REGION,
    PLACE_CONTEXT,
    PLACE_LABELS,
    PLACE_NAME_ENDINGS,
    PLACE_TO_PLACE,
    RELIGIONS,
    ROLE_IN,
    SAINT,
    SENT_FROM,
    SHORE,
    SITE_IN_PLACE,
    SITE_NOUNS,
    SITE_OF_BEFORE,
    SPEAKING_WORDS,
    STORMED,
    STYLE_OF,
    THING_APPOSITION,
    THING_BEFORE,
    THING_NOUNS,
    THING_WORDS,
    TRUSTED_KINDS,
    TWO_ONE_WORD_NAMES,
    WHO_AFTER,
    WORK_NOUNS,
)
from indexer.gazetteer import Gazetteer, fold
from indexer.mentions import (
    AT_THE_BEFORE,
    COMPANY_NOUNS,
    DATELINE,
    NOT_NAME_WORDS,
    ORGANISATION_HEADS,
    Ent,
    MentionList,
    complete_by_what_follows,
    complete_hyphenated_name,
    complete_last_name,
    complete_organisation_name,
    complete_particle_name,
    complete_particle_tail,
    cut_at_verb,
    demonym_names_a_person,
    headline_names_as_in_body,
    in_company_context,
    is_denomination,
    join_adjacent_people,
    join_and_names,
    nationality,
    place_cues,
    possessive_landmark,
    sentence_from,
    split_and_names,
    split_at_commas,
    untagged_matches,
    within_paragraphs,
)
from indexer.resources import AliasTable, read_lines
from indexer.sentence_start import common_words, common_words_within, is_sentence_start
from indexer.untagged import UntaggedNames
from newsarchive.article import Article

Sorted = tuple[Literal["actor", "place"], str, str] | None


@dataclass
class Evidence:
    """What the whole article says about its names, gathered before any is sorted."""

    text: str
    # Surnames of people named in full: "Kerry" tagged as a place is still Kerry.
    surnames: set[str] = field(default_factory=set)
    surnames_as_written: set[str] = field(default_factory=set)
    # "Hurricane Matthew", and every later "Matthew": not actors.
    storms: set[str] = field(default_factory=set)
    # Names tagged as people or organisations that the gazetteer proves are places.
    proven_places: set[str] = field(default_factory=set)
    # "the village of Lytton", "at the Trocadero": places even where the gazetteer has none.
    named_as_places: set[str] = field(default_factory=set)
    # One-word "names" opening a sentence that the tagger reads as common words.
    common: set[str] = field(default_factory=set)
    # Entity start -> how strongly the words before it say a place follows.
    cues: dict[int, str] = field(default_factory=dict)
    # Names tagged as organisations somewhere in the article ("Alameda Research").
    organisations: set[str] = field(default_factory=set)
    # Names tagged as events somewhere in the article: "win Wimbledon" in a
    # headline is the tournament the body tags as one.
    events: set[str] = field(default_factory=set)
    # Names tagged as products somewhere in the article: "Concorde", so that
    # "the remaining Concordes" and "an Air France Concorde" are no actors.
    products: set[str] = field(default_factory=set)
    # Names the text calls a thing somewhere ("Boeing's Starliner capsule"):
    # things in the headline too ("Boeing's Starliner returns to Earth").
    things: set[str] = field(default_factory=set)


# "... of California", "... of the United States" ending an organisation's name.
OF_PLACE_AT_END = re.compile(r"\bof (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})$")


def _by_label(e: Ent) -> Sorted:
    """The model's own label decides (the typing rules switched off)."""
    name = clean_mention(e.text)
    if not name:
        return None
    if e.label in ("PERSON", "ORG"):
        return ("actor", name, e.label)
    if e.label in ("GPE", "LOC", "FAC"):
        return ("place", name, e.label)
    return None


class MentionSorter:
    def __init__(
        self,
        aliases: AliasTable,
        demonyms: dict[str, str],
        gazetteer: Gazetteer,
        model: str,
        ablate: frozenset[str] = frozenset(),
    ) -> None:
        self.aliases = aliases
        self.demonyms = demonyms
        self.gazetteer = gazetteer
        self.model = model
        self.ablate = ablate  # rule families switched off (indexer.enrich.RULE_FAMILIES)
        self.untagged = UntaggedNames(aliases, gazetteer)

    def sort(
        self, article: Article, text: str, ents: list[Ent]
    ) -> tuple[MentionList, MentionList, list[Ent]]:
        """(actor mentions, place mentions, the repaired entities) of one article."""
        off = self.ablate
        ents = within_paragraphs(ents)
        if "repairs" not in off:
            ents = join_adjacent_people(ents, text)
        dateline = _dateline_places(article.body) if "datelines" not in off else []
        evidence = self._evidence(text, ents, {name for name, _ in dateline})
        if "repairs" not in off:
            ents = self._repaired(article, text, ents)
        actor_mentions: MentionList = []
        place_mentions: MentionList = []
        for e in ents:
            sorted_as = self._sort(e, evidence) if "typing-rules" not in off else _by_label(e)
            if sorted_as is not None:
                kind, mention, label = sorted_as
                (actor_mentions if kind == "actor" else place_mentions).append((mention, label))
        if "untagged" not in off:
            untagged_actors, untagged_places = self.untagged.find(
                text, ents, evidence.surnames, len(article.title)
            )
            actor_mentions += untagged_actors
            place_mentions += untagged_places
        place_mentions = dateline + place_mentions
        if "places-in-names" not in off:
            place_mentions += self._places_in_names(actor_mentions)
        return actor_mentions, place_mentions, ents

    def _evidence(self, text: str, ents: list[Ent], dateline: set[str] | None = None) -> Evidence:
        full_names = [
            name
            for e in ents
            if e.label == "PERSON" and len((name := clean_mention(e.text)).split()) >= 2
        ]
        # "President Clinton" somewhere: "Clinton" is a person throughout
        titled = {
            clean_mention(e.text).lower()
            for e in ents
            if e.label == "PERSON" and e.before.lower().rstrip(".") in person_titles()
        }
        evidence = Evidence(
            text,
            surnames={key for name in full_names for key in surname_keys(name)} | titled,
            surnames_as_written={name.split()[-1] for name in full_names},
        )
        evidence.storms = {
            clean_mention(e.text)
            for e in ents
            if e.label == "PERSON" and e.before.lower() in NAMED_THINGS
        }
        evidence.storms |= {  # "Hurricane Irma" as one EVENT: "Irma" alone later is the storm
            " ".join(words[1:])
            for e in ents
            if len(words := clean_mention(e.text).split()) > 1 and words[0].lower() in NAMED_THINGS
        }
        evidence.cues = cues = place_cues(text, ents)
        evidence.organisations = {clean_mention(e.text) for e in ents if e.label == "ORG"}
        evidence.events = {clean_mention(e.text) for e in ents if e.label == "EVENT"}
        evidence.products = {clean_mention(e.text) for e in ents if e.label == "PRODUCT"}
        evidence.things = {
            name
            for e in ents
            if _owned_thing(e, text) and self.aliases.get(name := clean_mention(e.text)) is None
        }
        # "the remaining Concordes" beside "an Air France Concorde": a model's plural
        last_words = {n.rsplit(" ", 1)[-1] for e in ents if " " in (n := clean_mention(e.text))}
        evidence.products |= {
            n[:-1]
            for e in ents
            if (n := clean_mention(e.text)).endswith("s") and n[:-1] in last_words
        }
        tagged_places = {clean_mention(e.text) for e in ents if e.label in PLACE_LABELS}
        tagged_places |= dateline or set()  # "CHRISTCHURCH - ... struck Christchurch"
        evidence.proven_places = {
            clean_mention(e.text)
            for e in ents
            if self._is_misread_place(e, cues.get(e.start), evidence.surnames, tagged_places)
            # "Mary, who was born in Hobart": a person, whatever city shares the name
            and not (e.label == "PERSON" and text.startswith(", who ", e.start + len(e.text)))
        }
        evidence.named_as_places = {
            clean_mention(e.text)
            for e in ents
            if e.label in ACTOR_LABELS | PLACE_LABELS
            and not nationality(clean_mention(e.text), self.demonyms)  # "near Syrian border"
            and (
                cues.get(e.start) == "noun"
                # "Siargao, a surfing island"
                or PLACE_APPOSITION.match(text, e.start + len(e.text)) is not None
                or DISTANCE_AFTER.match(text, e.start + len(e.text)) is not None
                or SITE_OF_BEFORE.search(text, max(0, e.start - 30), e.start) is not None
                or (
                    e.label != "NORP"
                    and len(clean_mention(e.text).split()) == 1
                    and not clean_mention(e.text).isupper()  # "investigators from the BEA"
                    # "a message from the Queen", "into the Olympic rings"
                    and clean_mention(e.text).lower() not in TITLE_WORDS | ROYAL_STYLES | NOT_PLACES
                    and e.after.lower() not in EVENT_WORDS  # "at the Macworld conference"
                    and AT_THE_BEFORE.search(_words_before_name(e, text))
                    and self.aliases.get(clean_mention(e.text)) is None
                    and clean_mention(e.text).lower() not in evidence.surnames
                )
            )
        }
        evidence.common = self._common_words_at_sentence_start(text, ents)
        return evidence

    def _repaired(self, article: Article, text: str, ents: list[Ent]) -> list[Ent]:
        """The entities with the names the model cut short, dressed up or glued together fixed."""
        starts = {e.start for e in ents}
        ents = [
            complete_by_what_follows(
                complete_organisation_name(
                    complete_hyphenated_name(
                        complete_last_name(
                            complete_particle_tail(complete_particle_name(cut_at_verb(e)), text),
                            text,
                            starts,
                        ),
                        text,
                    ),
                    text,
                ),
                text,
            )
            for e in ents
        ]
        ents = self._first_names_left_out(text, ents)
        ents = headline_names_as_in_body(ents, text, len(article.title))
        ents = [
            part
            for e in ents
            for listed in (
                split_at_commas(e)
                if "," in e.text and self.aliases.get(clean_mention(e.text)) is None
                else [e]
            )
            for split in split_and_names(listed)
            for part in self._split_compound(split)
        ]
        return join_and_names(ents, text)

    def _sort(self, e: Ent, evidence: Evidence) -> Sorted:
        """One entity as an actor mention, a place mention, or nothing.

        The rules are tried in order, and the first that fits decides.
        """
        text = evidence.text
        name = clean_mention(e.text)
        if "\n" in e.text or " - " in e.text or not name:
            return None  # spanning a paragraph break or a dash: a tagging accident
        if not any(ch.isupper() for ch in name):
            return None  # "fled into the bush", "election commission": words, not names
        if name in BUILDING_METONYMS and IN_THE_BUILDING.search(_words_before_name(e, text)):
            return ("place", name, "LANDMARK")  # "crashed into the Pentagon"
        site = SITE_IN_PLACE.fullmatch(name)
        if (
            site
            and self.aliases.get(name) is None
            and site["site"].split()[-1].lower() in LANDMARK_WORDS | {"school"}
            and self.gazetteer.knows(site["place"], towns=True)
        ):
            return ("place", site["site"], "LANDMARK")  # the town is named elsewhere too
        if STYLE_OF.search(text, max(0, e.start - 20), e.start):
            return None  # "the Duchess of Cambridge": a title, not the town
        if (
            e.label == "ORG"
            and name.lower() in DEPARTMENTS
            and e.after in ("Secretary", "Minister")
        ):
            return None  # "Commerce Secretary Gina Raimondo": the office's first word
        if e.after in WORK_NOUNS and e.label != "NORP":  # "the American song tradition" counts
            return None  # "the new Batman film": a title, neither actor nor place
        if ROLE_IN.search(text, max(0, e.start - 20), e.start):
            return None  # "his role in King Richard": a film
        if e.label in ("PERSON", "ORG") and name in self.demonyms:
            return self._sort_group(
                replace(e, label="NORP"), name, evidence
            )  # "Azerbaijani forces"
        shore = SHORE.fullmatch(name) if e.label in PLACE_LABELS else None
        if shore:
            name = shore.group(1)  # "Mexico's Pacific coast": the Pacific
        alias = self.aliases.get(name)
        if name in evidence.storms or name.split()[0].lower() in NAMED_THINGS:
            return None  # Hurricane Matthew, "Tropical Storm Harvey", and every later "Matthew"
        if e.label == "PERSON" and OFFICE_THEN_NAME.match(text, e.start + len(e.text)):
            return None  # "London Fire" + "Commissioner Dany Cotton": the office's first words
        if (
            e.label in PLACE_LABELS
            and alias is None
            and WHO_AFTER.match(text, e.start + len(e.text))
            and not self.gazetteer.knows(name, towns=True)
        ):
            # "The White Helmets, who work...", "for Scholz, who served...": no building
            return ("actor", e.text, "ORG" if name.endswith("s") else "PERSON")
        if (
            alias is None
            and e.label in PLACE_LABELS | {"NORP", "PRODUCT", "LAW", "WORK_OF_ART"}
            and " " not in name
            and in_company_context(text, e.start, e.start + len(e.text))
            and not self.gazetteer.knows(name, towns=True)
        ):
            return ("actor", name, "ORG")  # "the chipmaker Nvidia" tagged GPE
        if alias is None and (landmark := possessive_landmark(e, text)):
            return ("place", landmark, "LANDMARK")  # "St Peter" + "'s Square"
        if alias is None and e.after.lower() == "party" and name[:1].isupper():
            return ("actor", e.text, "ORG")  # "the Morena party", not Morena, India
        if (
            alias is None
            and e.after.lower() in FEATURE_WORDS
            and name[:1].isupper()
            # "the New Mexico desert" is a desert in a state, not one named so
            and not any(c.kind in ("country", "state") for c in self.gazetteer.candidates(name))
        ):
            return ("place", f"{name} {e.after.title()}", "LANDMARK")
        if (
            alias is None
            # lower case: "the Seti river"; "La Aurora airport" read as a person
            # (a place the model tags as one keeps the gazetteer's airport)
            and (
                e.after in NATURAL_FEATURES
                or (e.after == "airport" and e.label in ACTOR_LABELS | {"FAC"})
                # "the CentralWorld shopping mall", "the Moria migrant camp"
                or (
                    (kind := KIND_OF_SITE.match(text, e.start + len(e.text))) is not None
                    and kind.group(1) in SITE_NOUNS
                )
                or _listed_before_sites(e, text)
            )
            and e.label != "NORP"  # "a Christian camp"
            and e.before.lower() not in ("a", "an")  # "a Sikh temple": a kind, not a name
            and not e.text.endswith(("'s", "’s"))  # "Antoni Gaudi's unfinished basilica"
            # "Motorway bridge collapses" over "a motorway": a headline's word
            and not _written_in_lower_case(name, text)
            and name[:1].isupper()
            and name not in evidence.surnames_as_written
            # "the US Coast Guard" ... "the Coast Guard district": the organisation
            and not any(o.endswith(f" {name}") for o in evidence.organisations)
        ):
            return ("place", name, "LANDMARK")
        words = name.split()
        if alias is None and len(words) > 1 and words[-1] == "school" and e.label in ACTOR_LABELS:
            return ("place", " ".join(words[:-1]), "LANDMARK")  # "a siege of the Beslan school"
        if (
            alias is None
            and len(words) > 1
            and words[-1].lower() in LANDMARK_WORDS
            and e.after.lower() in SPEAKING_WORDS
        ):
            return ("actor", e.text, "ORG")  # "Buckingham Palace said": those who work there
        visited = (
            words[-1].lower() in INSTITUTION_PLACES
            and evidence.cues.get(e.start) in ("strong", "noun")
            # "teams from the Joint Coordination Centre": people sent by it
            and not SENT_FROM.search(text, max(0, e.start - 40), e.start)
            # a court is a building only where the text is in or at it
            # ("at Westminster Magistrates' Court", not "to face the ICC")
            and (words[-1] != "Court" or IN_OR_AT.search(text, max(0, e.start - 20), e.start))
        )
        if (
            alias is None
            and len(words) > 1
            and e.before.lower() not in COMPANY_NOUNS  # "the grocery chain Whole Foods Market"
            and (
                words[-1].lower() in LANDMARK_WORDS
                or words[-1] == "Place"  # "BC Place"; not "took place"
                # "Monte Alejandro Rubido": a man, not a mountain
                or (words[0] in LANDMARK_PREFIXES and not (e.label == "PERSON" and len(words) > 2))
                or _site_of(words)
                or visited
            )
            # "the Episcopal Church": a denomination, unless the text is in or at
            # it ("a Bible study in the Emanuel ... Episcopal Church")
            and not (
                is_denomination(name)
                and not IN_OR_AT.search(evidence.text, max(0, e.start - 20), e.start)
            )
            # "the Good News International Church": a congregation, not a building
            and not (words[-1] == "Church" and CONGREGATION_WORDS & {w.lower() for w in words})
        ):
            # "Louvre museum": the generic word in lower case is not part of the name.
            return ("place", " ".join(words[:-1]) if words[-1].islower() else name, "LANDMARK")
        if (
            alias is not None
            and alias.type == "place"
            and e.label in MISREAD_LABELS
            and name.lower() not in evidence.surnames
        ):
            return ("place", name, "GPE")  # "Azerbaijan retook Karabakh" as a PERSON
        if (
            name in evidence.proven_places
            and e.label in ACTOR_LABELS | PLACE_LABELS | MISREAD_LABELS
        ):
            return ("place", name, "NAMED_PLACE" if name in evidence.named_as_places else "GPE")
        if name in evidence.named_as_places and alias is None and e.label in ACTOR_LABELS:
            return ("place", name, "NAMED_PLACE")
        if (
            alias is None
            and e.label in ACTOR_LABELS
            and len(words) > 1
            and STORMED.search(text, max(0, e.start - 20), e.start)
            and words[-1].lower() not in ORGANISATION_HEADS  # "stormed the National Congress"
        ):
            return ("place", name, "LANDMARK")  # "stormed the Holey Artisan Bakery"
        if (
            e.label in PLACE_LABELS | {"PRODUCT", "WORK_OF_ART"}
            and LED_BY.search(text, max(0, e.start - 20), e.start)
            and 2 <= len(words) <= 3
            and name.istitle()
            and not self.gazetteer.knows(name, towns=True)
        ):
            return ("actor", e.text, "PERSON")  # "The Democratic Party, led by Luvsannyam Gombojav"
        if e.label in PLACE_LABELS and _is_club(name, self.gazetteer):
            return ("actor", e.text, "ORG")
        if e.label in PLACE_LABELS:
            return self._sort_place(e, name, evidence, shore_of=bool(shore))
        if e.label == "NORP":
            return self._sort_group(e, name, evidence)
        if e.label in ACTOR_LABELS:
            return self._sort_actor(e, name, evidence)
        if e.label == "WORK_OF_ART" and _reads_as_a_person(e, name, text):
            return self._sort_actor(replace(e, label="PERSON"), name, evidence)
        return None

    def _sort_place(self, e: Ent, name: str, evidence: Evidence, *, shore_of: bool) -> Sorted:
        """An entity the model calls a place (GPE, LOC, FAC)."""
        alias = self.aliases.get(name)
        if name[:1].islower() or name.lower() in NOT_PLACES:
            return None  # "metro", "North": words, not place names
        if e.after.lower() in DOCUMENT_WORDS:
            return None  # "the Paris agreement": a treaty named after a city
        if _named_thing(e, evidence.text):
            return None  # "the capsule, named Phoenix", "the Rosetta probe": things
        if (
            alias is not None
            and not shore_of
            and " " not in name
            and e.before.lower() != "the"
            and not e.text.lower().startswith("the ")
            and e.after[:1].islower()
            and not SHORE.fullmatch(f"{name} {e.after}")
            and any(c.kind == "sea" for c in self.gazetteer.candidates(alias.canonical))
        ):
            return None  # "Atlantic storms": a kind of storm, not the ocean
        if (
            alias is None
            and not self.gazetteer.knows(name, towns=True)
            and ORG_APPOSITION.match(evidence.text, e.start + len(e.text))
        ):
            return ("actor", e.text, "ORG")  # "Rosaviatsia, the federal aviation agency"
        if name.lower() in evidence.surnames:
            return ("actor", e.text, "PERSON")
        if alias is None and self._organisation_named_so(e, name, evidence):
            return ("actor", e.text, "ORG")
        if alias is not None and alias.type != "place":
            return ("actor", e.text, "ORG")
        if e.after.lower() in ADMIN_WORDS and self.gazetteer.knows(f"{name} {e.after}"):
            return ("place", f"{name} {e.after.lower()}", e.label)  # the Tver region, not Tver
        # A place even where the gazetteer has none: "Guyana's Essequibo
        # region", or a name of several words the model calls a location
        # ("Sanibel Island"); facilities ("FAC") as often name buildings.
        named = (
            name in evidence.named_as_places
            or e.after.lower() in ADMIN_WORDS
            or (e.label == "LOC" and len(name.split()) >= 2 and name.istitle())
            # "in Sarachane": the model and the preposition agree
            or (
                e.label == "GPE"
                and evidence.cues.get(e.start) == "strong"
                and e.after.lower() not in LANDMARK_WORDS  # "Sheremetyevo airport"
                and not e.after[:1].isupper()  # "Banska" of Banska Bystrica, cut short
            )
            # "Yumeshima, an artificial island"
            or PLACE_APPOSITION.match(evidence.text, e.start + len(e.text)) is not None
        )
        return ("place", name, "NAMED_PLACE" if named else e.label)

    def _organisation_named_so(self, e: Ent, name: str, evidence: Evidence) -> bool:
        """ "invested billions in OpenAI", "who ran Alameda": a name the article
        tags as an organisation elsewhere, or the short form of one, is that
        organisation; unless the gazetteer knows it for sure (Paris is no short
        Paris Saint-Germain) or, for a short form, a place word comes before it."""
        if name in evidence.organisations:
            # only where a place word would otherwise make it a place ("in OpenAI")
            return e.start in evidence.cues and not self.gazetteer.knows(name, towns=True)
        short_of = any(
            len(words := o.split()) > 1
            and words[0] == name
            and words[-1].lower() not in EVENT_WORDS  # "the Emilia-Romagna Grand Prix"
            for o in evidence.organisations
        )
        return (
            short_of and e.start not in evidence.cues and self.gazetteer.clear_country(name) is None
        )

    def _sort_group(self, e: Ent, name: str, evidence: Evidence) -> Sorted:
        """A NORP: a nationality (its country, where it means the country), a
        place the model took for one, a party named by its members, or a
        group the alias table knows."""
        alias = self.aliases.get(name)
        if demonym := nationality(name, self.demonyms):
            # "four Russians", but not "Ten Belgian peacekeepers" (soldiers of a state)
            counted = (e.before.isdigit() or e.before.lower() in NUMBER_WORDS) and not (
                e.after[:1].islower() and e.text == demonym
            )
            one_person = demonym_names_a_person(e, evidence.text)
            if e.after.lower() in NOT_COUNTRY_SENSE or counted or one_person:
                return None  # not "four Russians" or "the 25-year-old Slovenian": people
            return ("place", demonym, "DEMONYM")
        if alias is None and self.gazetteer.knows(name):
            return ("place", name, "GPE")  # "the state of Maharashtra" tagged NORP
        if alias is None and name.split()[-1] in PARTY_PLURALS:
            # "the Social Democrats", "Greens"; "Sweden Democrats" when the model
            # left the first word out
            party = e.text
            if (
                " " not in name
                and e.before[:1].isupper()
                and not is_sentence_start(evidence.text, e.start - len(e.before) - 1)
            ):
                party = f"{e.before} {e.text}"
            return ("actor", party, "NORP_PARTY")
        if len(name.split()) >= 2 and all(nationality(w, self.demonyms) for w in name.split()):
            return None  # "Bosnian Serbs": a people within a country, neither actor nor place
        if (
            len(name.split()) >= 2
            and name.istitle()
            and alias is None
            and not ADJECTIVE_ENDING.search(name)  # "Central African", "Latin American"
        ):
            # "Saudi Aramco" tagged NORP for its first word: a company
            return self._sort_actor(replace(e, label="ORG"), name, evidence)
        return self._sort_actor(e, name, evidence)

    def _sort_actor(self, e: Ent, name: str, evidence: Evidence) -> Sorted:
        """A PERSON, ORG or NORP that no place rule claimed: an actor, unless it is
        a common word, a description, an event or a thing."""
        alias = self.aliases.get(name)
        if e.label == "PERSON" and e.before.lower() in NAMED_THINGS:
            return None
        if name in evidence.common:
            return None  # "Farmers also blocked roads": a word, not a name
        if e.start == 0 and e.label == "ORG" and alias is None:
            body = evidence.text[evidence.text.find("\n\n") + 2 :]
            if not any(re.search(rf"\b{re.escape(w)}\b", body) for w in name.split()):
                return None  # "Meteor explodes over Russian city", "Millions in Texas...":
                # a headline's first words the story never names again
        if name in evidence.events and alias is None:
            return None  # "Alcaraz beats Djokovic to win Wimbledon"
        if name.endswith("s") and name[:-1] in evidence.products:
            return None  # "the remaining Concordes": the aircraft
        maker, _, model = name.rpartition(" ")
        if (
            e.label == "ORG"
            and model in evidence.products
            and len(maker.split()) >= 2
            and model.lower() not in evidence.surnames
            and alias is None
        ):
            return ("actor", maker, e.label)  # "an Air France Concorde": the airline
        if PARTY_GATHERING.search(name):
            return None
        if (
            _named_thing(e, evidence.text)
            or name in evidence.things
            or THING_APPOSITION.match(evidence.text, e.start + len(e.text))
        ):
            return None  # "a small helicopter, Ingenuity", "the Philae lander": things
        if name.split()[-1].lower() in EVENT_WORDS | THING_WORDS or GRAND_TOUR.match(name):
            return None  # "the World Cup", "the James Webb Space Telescope": not actors
        possessive = e.text.endswith(("'s", "’s")) or evidence.text.startswith(
            ("'s", "’s"), e.start + len(e.text)
        )
        if SAINT.match(name) and possessive:
            return None  # "St Edward's Crown": a thing named after a saint
        if possessive and HOLIDAY_AFTER.match(evidence.text, e.start + len(e.text)):
            return None  # "Valentine's Day": a holiday
        if e.before.isdigit() and " " not in name:
            return None  # "the 737 Max": a model, not an actor
        if e.after.lower() in GATHERINGS and alias is None:
            return None  # "the Macworld conference": an event (but "the NATO summit")
        if APPLE_STYLE_PRODUCT.fullmatch(name):
            return None  # "the iPhone", "the iPod": products
        if name.split()[-1] in RELIGIONS:
            return None  # "Shiite Islam": a faith, not a body that acts
        if name.lower() in ORGANISATION_HEADS and alias is None:
            return None  # "the Union flag", "the Alliance": a kind of body, unnamed
        if e.label == "PERSON" and e.before.lower() in ("a", "an") and " " not in name:
            return None  # "waved a Saltire": a thing; a person is named, not counted
        if e.label == "PERSON" and " " not in name and e.before.lower() in ROYAL_STYLES:
            return ("actor", f"{e.before} {name}", e.label)  # "Prince" + "Harry"
        return ("actor", e.text, e.label)

    def _places_in_names(self, actor_mentions: MentionList) -> MentionList:
        """Countries and US states named inside an organisation's name: the story
        is about them too ("Texas Fire Service", "U.S. Attorney", "University
        of California"). The organisation stays an actor."""
        found: MentionList = []
        for name, label in actor_mentions:
            if label != "ORG":
                continue
            words = name.split()
            inner = [" ".join(words[:k]) for k in (3, 2, 1) if k < len(words)]
            tail = OF_PLACE_AT_END.search(name)
            if tail:
                inner.append(tail.group(1))
            local_body = words[-1] in LOCAL_BODY_WORDS
            for part in inner:
                if self._is_region(part) or (local_body and self._is_local_place(part)):
                    found.append((part, "GPE"))
                    break
        return found

    def _is_local_place(self, text: str) -> bool:
        """A county ("Douglas County" Hospital) or a city named exactly ("Boise" Police)."""
        return any(
            (c.kind == "district" or (c.kind == "city" and c.population >= BIG_CITY))
            and self.gazetteer.named_exactly(c, text)
            for c in self.gazetteer.candidates(text)
        )

    def _is_region(self, text: str) -> bool:
        """A country or US state named by its own name, an alias or an abbreviation."""
        return any(
            c.kind in ("country", "state") and self.gazetteer.named_exactly(c, text)
            for c in self.gazetteer.candidates(text)
        )

    def _split_compound(self, e: Ent) -> list[Ent]:
        """One entity the model made of two: "Jonas Vingegaard of Denmark" (a person
        and a country), "Abuja to Kaduna" (two places) or "Windsor, Ontario" (a
        town and its province), "Pakistani Kashmir" (a country's part of a region)."""
        nationality_word, _, region = e.text.partition(" ")
        if (
            e.label in PLACE_LABELS
            and nationality_word in self.demonyms
            and self.gazetteer.knows(region)
            and not self.gazetteer.knows(e.text)  # "American Samoa" is one place
            and self.aliases.get(e.text) is None
        ):
            return [
                Ent(nationality_word, "NORP", e.start, e.before, region.split()[0]),
                Ent(
                    region, e.label, e.start + len(nationality_word) + 1, nationality_word, e.after
                ),
            ]
        if (match := PARTY_OF_LEADER.fullmatch(e.text)) and not self.gazetteer.knows(
            match.group("who")
        ):
            return [  # "the Five Star Movement of Giuseppe Conte": a party and its leader
                Ent(match.group("party"), "ORG", e.start, e.before, "of"),
                Ent(match.group("who"), "PERSON", e.start + match.start("who"), "of", e.after),
            ]
        if match := PERSON_OF_PLACE.match(e.text):
            who, where = match.group("who"), match.group("where")
            if not ORGANISATION_WORDS & {w.lower() for w in who.split()} and any(
                c.kind in ("country", "city") for c in self.gazetteer.candidates(where)
            ):
                return [
                    Ent(who, "PERSON", e.start, e.before, "of"),
                    Ent(where, "GPE", e.start + match.start("where"), "of", e.after),
                ]
        if (
            e.label in PLACE_LABELS | MISREAD_LABELS
            and (match := PLACE_TO_PLACE.match(e.text))
            and not self.gazetteer.knows(e.text)  # "Bosnia and Herzegovina" is one
        ):
            start, end = match.group("start"), match.group("end")
            known_start = self.gazetteer.knows(start, towns=True)
            alias = self.aliases.get(end)
            known_end = self.gazetteer.knows(end) or (alias is not None and alias.type == "place")
            if known_end and (known_start or e.label in PLACE_LABELS):
                label = e.label if e.label in PLACE_LABELS else "GPE"
                return [
                    Ent(start, label, e.start, e.before, ""),
                    Ent(end, label, e.start + match.start("end"), "", e.after),
                ]
        if e.label == "ORG" and (match := TWO_ONE_WORD_NAMES.fullmatch(e.text)):
            # "stakes in Twitter and Citigroup": two, when the alias table knows
            # one as an organisation (not "Procter and Gamble")
            first, second = match.group(1), match.group(2)
            if self.aliases.get(e.text) is None and any(
                (a := self.aliases.get(n)) is not None and a.type == "organization"
                for n in (first, second)
            ):
                return [
                    Ent(first, "ORG", e.start, e.before, "and"),
                    Ent(second, "ORG", e.start + match.start(2), "and", e.after),
                ]
        if e.label in PLACE_LABELS and (match := PLACE_COMMA_REGION.match(e.text)):
            where = match.group("region")
            if any(c.kind != "city" for c in self.gazetteer.candidates(where)):
                return [
                    Ent(match.group("place"), e.label, e.start, e.before, ","),
                    Ent(where, e.label, e.start + match.start("region"), ",", e.after),
                ]
        return [e]

    def _first_names_left_out(self, text: str, ents: list[Ent]) -> list[Ent]:
        """ "Berit Reiss-Andersen, the chair of..." tagged as "Reiss-Andersen",
        "in which Milo Djukanovic dominated" as "Djukanovic": the model often
        leaves out a given name, above all one that opens a sentence, even
        before a name of two words ("Anders" of "Behring Breivik"); and
        "Nayib Bukele" may go untagged where a later "Bukele" is tagged. The
        word is joined on when it could be a given name and the tagger reads
        it as a name, not a common word."""
        left_out: dict[int, tuple[int, str]] = {}  # entity start -> (word start, word)
        for e in ents:
            if e.label != "PERSON" or len(e.text.split()) > 4:
                continue
            word = GIVEN_NAME_BEFORE.search(text, max(0, e.start - 30), e.start)
            if (
                word is not None
                and " " in e.text
                # "District Attorney Alvin Bragg": the last word of a title
                and CAPITALISED_BEFORE.search(text, max(0, word.start() - 30), word.start())
            ):
                continue
            if word is not None and self._could_be_given_name(word.group(1), text, word.start()):
                left_out[e.start] = (word.start(), word.group(1))
        surnames = {e.text for e in ents if e.label == "PERSON" and e.text.isalpha()}
        starts = {e.start for e in ents}
        untagged: list[Ent] = []
        if surnames:
            pattern = re.compile(
                r"\b([A-Z][a-z]+) (" + "|".join(map(re.escape, sorted(surnames))) + r")\b"
            )
            for match in untagged_matches(pattern, text, ents):
                if match.start(2) not in starts and self._could_be_given_name(
                    match.group(1), text, match.start()
                ):
                    untagged.append(Ent(match.group(0), "PERSON", match.start(), "", ""))
                    left_out[match.start()] = (match.start(), match.group(1))
        if not left_out:
            return ents
        common = common_words_within(
            self.model, [_sentence_holding(text, start) for start, _word in left_out.values()]
        )
        completed = []
        for e in ents:
            if e.start in left_out and (given := left_out[e.start])[1] not in common:
                e = Ent(f"{given[1]} {e.text}", e.label, given[0], "", e.after)
            completed.append(e)
        completed += [e for e in untagged if e.text.split()[0] not in common]
        return sorted(completed, key=lambda e: e.start)

    def _could_be_given_name(self, word: str, text: str, start: int) -> bool:
        """A capitalised word before a surname that is no title, month, party,
        nationality or place; mid-sentence, or opening one."""
        if word.isupper() and (self.aliases.get(word) is not None or self.gazetteer.knows(word)):
            return False  # "UN Secretary", "US Senator": not initials
        return (
            word.lower() not in NOT_NAME_WORDS
            and (word.isupper() or word.lower() not in TITLE_WORDS)  # "MS Dhoni", not "Ms"
            and word.lower() not in PARTY_MEMBERS
            and nationality(word, self.demonyms) is None
            and (is_sentence_start(text, start) or not self.gazetteer.knows(word))
        )

    def _common_words_at_sentence_start(self, text: str, ents: list[Ent]) -> set[str]:
        """One-word actors opening a sentence that are really common words."""
        suspects = {
            e.text: sentence_from(text, e.start)
            for e in ents
            if e.label in ACTOR_LABELS
            and e.text.isalpha()
            and self.aliases.get(e.text) is None
            and is_sentence_start(text, e.start)
            # A name seen capitalised mid-sentence too ("...said Putin") is a name.
            and not re.search(rf"[\w,] {re.escape(e.text)}\b", text)
        }
        # Written in lower case elsewhere ("Motorway bridge collapses" over "a
        # motorway"): a word, whatever the tagger reads at the start.
        lower_too = {w for w in suspects if _written_in_lower_case(w, text)}
        return lower_too | (common_words(self.model, suspects.values()) if suspects else set())

    def _is_misread_place(
        self, e: Ent, cue: str | None, surnames: set[str], tagged_places: set[str]
    ) -> bool:
        """An ORG, PERSON or PRODUCT the gazetteer proves is a place.

        Proof is a country's exact name, a dateline (KABUL - ...), the same
        name tagged as a place elsewhere, or the words around it: after
        "in", "near", "the town of", or next to another place ("Kamloops and
        Merritt"), any known place, small towns included; after "and", "of"
        or a comma only a city, state or country, since regions and rivers
        share their names with companies ("Google and Amazon"). A lone
        PERSON word that is a big city ("hit Mykolaiv") needs no context word.
        """
        if e.label not in MISREAD_LABELS:
            return False
        name = clean_mention(e.text)
        alias = self.aliases.get(name)
        if (alias is not None and alias.type != "place") or name.lower() in surnames:
            return False
        if name.lower() in ORGANISATION_HEADS:
            return False  # "the Union flag": an organisation's word, not Union, New Jersey
        candidates = self.gazetteer.candidates(name)
        if any(c.kind == "country" and self.gazetteer.named_exactly(c, name) for c in candidates):
            return True  # "Sri Lanka's president" tagged PERSON
        if e.after in ADMIN_WORDS and any(c.kind not in ("city", "town") for c in candidates):
            return True  # "Myanmar's Rakhine state" tagged PRODUCT
        if cue == "list":  # "Israel and Hamas": only a place under its own name
            return any(
                self.gazetteer.named_exactly(c, name)
                for c in self.gazetteer.candidates(name, towns=True)
            )
        if cue is not None:
            return self.gazetteer.knows(name, towns=True)
        if e.label == "PERSON" and e.before.lower() == "the":
            return bool(candidates)  # "the Bosphorus": no person is "the X"
        if (name.isupper() and len(name) > 3) or name in tagged_places:
            return self.gazetteer.knows(name, towns=True)
        if len(name.split()) >= 2 and any(
            (c.kind not in ("city", "town") or name.split()[-1] in PLACE_NAME_ENDINGS)
            and self.gazetteer.named_exactly(c, name)
            for c in candidates
        ):
            return True  # "the Australian Capital Territory" tagged ORG, "Niagara Falls" PERSON
        if e.before.lower() in CAPTURE_VERBS:
            # only land is seized or annexed: a region too ("annex Crimea")
            return any(
                c.kind in TRUSTED_KINDS | {"region"} and not c.needs_context for c in candidates
            )
        if e.before.lower() in PLACE_CONTEXT:
            return any(c.kind in TRUSTED_KINDS and not c.needs_context for c in candidates)
        # Only a PERSON: companies are named after cities (Toyota).
        big_cities = [c for c in candidates if c.kind == "city" and c.population >= BIG_CITY]
        if len(name.split()) >= 2:  # "seized El Fasher": a big city's full name
            return any(self.gazetteer.named_exactly(c, name) for c in big_cities)
        return e.label == "PERSON" and bool(big_cities)


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    return frozenset(read_lines("person_titles.txt"))


# The last word of a local body named after where it serves ("Douglas County
# Hospital", "Rapides Parish Fire"): the place in its name is the story's too.
LOCAL_BODY_WORDS = {
    "Hospital",
    "Court",
    "School",
    "Schools",
    "Police",
    "Fire",
    "Department",
    "Board",
    "Office",
    "Library",
    "College",
    "Commission",
    "Council",
    "Jail",
    "Sheriff",
}


def _sentence_holding(text: str, position: int) -> tuple[str, int]:
    """The sentence around ``position``, and the position's offset in it."""
    full_stop = text.rfind(". ", 0, position)
    start = max(full_stop + 2 if full_stop != -1 else 0, text.rfind("\n", 0, position) + 1)
    return sentence_from(text, start), position - start


CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.'’-]* $")


def _words_before_name(e: Ent, text: str, width: int = 12) -> str:
    """The characters before the name itself, with the "the" the model may
    have put inside the entity ("on the Champs-Elysees")."""
    before = text[max(0, e.start - width) : e.start]
    return before + e.text[:4] if e.text.lower().startswith("the ") else before


def _dateline_places(body: str) -> MentionList:
    """ "KAMLOOPS, British Columbia - ...": the dateline's place, then its region."""
    dateline = DATELINE.match(body)
    if not dateline:
        return []
    city = dateline.group("city").strip()
    found = [(city.title() if city.isupper() else city, "DATELINE")]
    if dateline.group("region"):
        found.append((dateline.group("region").strip(), "DATELINE"))
    return found


def _is_club(name: str, places: Gazetteer) -> bool:
    """ "Manchester City" tagged as a place: a club, unless the gazetteer knows the
    whole name (Mexico City, Kansas City)."""
    words = name.split()
    return (
        len(words) >= 2
        and words[-1].lower() in CLUB_WORDS
        and places.knows(" ".join(words[:-1]))
        and not places.by_name.get(fold(name))
    )


def _reads_as_a_person(e: Ent, name: str, text: str) -> bool:
    """ "Yamandu Orsi of the Broad Front won" read as a work's title: two or
    three plain capitalised words, not in quotation marks, whose last word
    the text uses again on its own ("Orsi, a former teacher"), as it does a
    surname and not the last word of a title ("the Nobel Peace Prize")."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() and w.istitle() for w in words)
        and text[e.start - 1 : e.start] not in {'"', "“", "‘", "'"}
        and re.search(rf"(?<!{re.escape(words[-2])} )\b{re.escape(words[-1])}\b", text) is not None
    )


def _written_in_lower_case(name: str, text: str) -> bool:
    """Whether the text also writes the name as a plain word ("a motorway")."""
    return re.search(rf"\b{re.escape(name.lower())}\b", text) is not None


def _site_of(words: list[str]) -> bool:
    """ "the Great Hall of the People", "the Palace of Westminster": a site's
    word before "of" (not "the Church of England", a body)."""
    return any(
        word.lower() in LANDMARK_WORDS and word != "Church" and after == "of"
        for word, after in zip(words, words[1:], strict=False)
    )


def _owned_thing(e: Ent, text: str) -> bool:
    """A thing by name wherever the text names it: "the spacecraft Phoenix",
    "Boeing's Starliner capsule" (but "a NASA spacecraft" is NASA's)."""
    before = _words_before_name(e, text, width=40)
    return bool(THING_BEFORE.search(before)) or (
        e.after in THING_NOUNS and before.endswith(("'s ", "’s "))
    )


def _listed_before_sites(e: Ent, text: str) -> bool:
    """ "El Pozo" in "at El Pozo and Santa Eugenia stations"."""
    listed = LISTED_BEFORE_SITES.match(text, e.start + len(e.text))
    if listed is None:
        return False
    plural = listed.group(1)
    return (
        plural in SITE_NOUNS
        or plural.removesuffix("s") in SITE_NOUNS
        or (plural.endswith("es") and plural.removesuffix("es") in SITE_NOUNS)
    )


def _named_thing(e: Ent, text: str) -> bool:
    """A craft, ship or gadget by what the text calls it: "the capsule, named
    Phoenix", "the Rosetta probe", "its Falcon Heavy rocket", "a steel wedge
    called the Cybertruck"."""
    before = _words_before_name(e, text, width=40)
    return bool(THING_BEFORE.search(before)) or e.after in THING_NOUNS
