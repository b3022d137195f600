"""The one loader for the indexer's data files (aliases, extra places, demonyms)."""

from __future__ import annotations

from collections.abc import Iterator
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


class AliasTable:
    """Alias -> canonical name and type. Short all-caps aliases match case-sensitively."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.exact: dict[str, Alias] = {}
        self.folded: dict[str, Alias] = {}
        for alias, canonical, kind in rows:
            entry = Alias(canonical, kind)
            self.exact[alias] = entry
            if not (alias.isupper() and len(alias) <= 4):
                self.folded.setdefault(alias.casefold(), entry)

    def get(self, name: str) -> Alias | None:
        return self.exact.get(name) or (
            None if name.isupper() and len(name) <= 4 else self.folded.get(name.casefold())
        )

    def names(self) -> list[str]:
        return list(self.exact)


@lru_cache(maxsize=1)
def aliases() -> AliasTable:
    return AliasTable(list(read_tsv("aliases.tsv")))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    return {name: code for name, code in read_tsv("demonyms.tsv")}
