"""The one loader for the indexer's data files (aliases, extra places, demonyms)."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_tsv(name: str, data_dir: Path = DATA_DIR) -> Iterator[list[str]]:
    """Rows of a tab-separated data file, without comments and blank lines."""
    with (data_dir / name).open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip() and not line.startswith("#"):
                yield [cell.strip() for cell in line.rstrip("\n").split("\t")]


@dataclass(frozen=True)
class Alias:
    canonical: str
    type: str  # person, organization, group or place
    # Applies only in articles that name this country ("Congress" is the US
    # Congress in an American story, not in a Peruvian one).
    country: str | None = None


class AliasTable:
    """Alias -> canonical name and type. Short all-caps aliases match case-sensitively."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.exact: dict[str, Alias] = {}
        self.folded: dict[str, Alias] = {}
        self.countries: frozenset[str] | None = None  # None: every row applies
        self.named: frozenset[str] = frozenset()
        self._reverse: dict[str, list[str]] | None = None
        for alias, canonical, kind, *country in rows:
            entry = Alias(canonical, kind, country[0] if country and country[0] else None)
            self.exact[alias] = entry
            if not (alias.isupper() and len(alias) <= 4):
                self.folded.setdefault(alias.casefold(), entry)

    def get(self, name: str) -> Alias | None:
        entry = self.exact.get(name) or (
            None if name.isupper() and len(name) <= 4 else self.folded.get(name.casefold())
        )
        if entry and entry.country and self.countries is not None:
            # A person's row needs the country named; an institution's, the
            # story to be about it ("Congress" in a Peruvian story is Peru's).
            scope = self.countries | self.named if entry.type == "person" else self.countries
            return entry if entry.country in scope else None
        return entry

    def within(self, countries: Iterable[str], named: Iterable[str] = ()) -> AliasTable:
        """The table as it applies to an article about these countries that
        names those others too."""
        view = copy.copy(self)
        view.countries = frozenset(countries)
        view.named = frozenset(named)
        return view

    def names(self) -> list[str]:
        return list(self.exact)

    def names_for(self, canonical: str) -> list[str]:
        """Every alias of a canonical name ("Islamic State": ISIS, ISIL, IS, Daesh...)."""
        if self._reverse is None:
            reverse: dict[str, list[str]] = {}
            for alias, entry in self.exact.items():
                reverse.setdefault(entry.canonical, []).append(alias)
            self._reverse = reverse
        return self._reverse.get(canonical, [])


@lru_cache(maxsize=1)
def aliases() -> AliasTable:
    return AliasTable(list(read_tsv("aliases.tsv")))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    return {name: code for name, code in read_tsv("demonyms.tsv")}


def read_lines(name: str, data_dir: Path = DATA_DIR) -> Iterator[str]:
    """The words of a one-column data file, without comments and blank lines."""
    for row in read_tsv(name, data_dir):
        yield row[0]
