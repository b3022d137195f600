"""Names the model left untagged, found where no entity stands.

The small model misses names outright, above all ones it has rarely seen:
the rest of a list it began ("in Mombasa, Kisumu and Eldoret"), a region
named as such ("the Odesa region"), a country standing alone ("Barbados
became a republic"), a town after a place preposition, a square or airport
("Jan Palach Square"), a police force or cartel ("Merseyside Police"), a
party named by its members ("her FAST party") and a person after a title.
Each finder looks only at text no entity covers, and most ask the gazetteer
for proof.
"""

from __future__ import annotations

import re

from indexer.context_words import (
    NAMED_REGION,
    NOT_NAME_OPENERS,
    PLACE_LABELS,
    SHARED_COUNTRY_NAMES,
    UNTAGGED_AFTER_PREPOSITION,
)
from indexer.gazetteer import Gazetteer
from indexer.mentions import (
    FACILITY_UNTAGGED,
    LIST_ITEM,
    NOT_NAME_WORDS,
    ORGANISATION_UNTAGGED,
    PARTY_BY_NAME,
    Ent,
    MentionList,
    titled_people_untagged,
    untagged_matches,
)
from indexer.resources import AliasTable


class UntaggedNames:
    def __init__(self, aliases: AliasTable, gazetteer: Gazetteer) -> None:
        self.aliases = aliases
        self.gazetteer = gazetteer
        self._country_names: re.Pattern[str] | None = None

    def find(
        self, text: str, ents: list[Ent], surnames: set[str]
    ) -> tuple[MentionList, MentionList]:
        """(actor mentions, place mentions) the model left untagged in ``text``;
        ``surnames`` are the article's people, whose names are never places."""
        places = self._list_places(text, ents)
        places += self._regions(text, ents)
        places += self._countries(text, ents, surnames)
        places += [(n, "LANDMARK") for n in _names(FACILITY_UNTAGGED, text, ents)]
        actors = [(n, "ORG") for n in _names(ORGANISATION_UNTAGGED, text, ents)]
        actors += [
            (m.group(1), "ORG")
            for pattern in PARTY_BY_NAME
            for m in untagged_matches(pattern, text, ents)
        ]
        places += self._after_prepositions(text, ents, surnames)
        actors += titled_people_untagged(text, ents)
        return actors, places

    def _list_places(self, text: str, ents: list[Ent]) -> MentionList:
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

    def _after_prepositions(self, text: str, ents: list[Ent], surnames: set[str]) -> MentionList:
        """ "flooding its harbour in Severo-Kurilsk", "near Lismore": a name the
        model left untagged after a place preposition, if the gazetteer knows
        it by that very name and it is nobody's surname or alias."""
        found = []
        for match in untagged_matches(UNTAGGED_AFTER_PREPOSITION, text, ents):
            name = match.group(1)
            if (
                name.lower() in surnames
                or name.split()[0].lower() in NOT_NAME_WORDS  # "in March", "on Monday"
                or self.aliases.get(name) is not None
            ):
                continue
            if any(
                c.kind in ("city", "town", "country", "state", "province", "island")
                and self.gazetteer.named_exactly(c, name)
                for c in self.gazetteer.candidates(name, towns=True)
            ):
                found.append((name, "GPE"))
        return found

    def _countries(self, text: str, ents: list[Ent], surnames: set[str]) -> MentionList:
        """ "Barbados became a republic" with nothing tagged: a country's own
        name is that country wherever it stands alone, unless people, states
        or cities share it (Jordan, Georgia, Chad) or it is part of a longer
        name ("New Mexico", "Kuwait City")."""
        if self._country_names is None:
            names = sorted(
                (
                    c.name
                    for c in self.gazetteer.countries.values()
                    if c.name not in SHARED_COUNTRY_NAMES and c.name[:1].isupper()
                ),
                key=len,
                reverse=True,
            )
            self._country_names = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
        found = []
        for match in untagged_matches(self._country_names, text, ents):
            start, end = match.span(1)
            if (
                # "New Mexico", "Tour de France", "Bank of Japan": a longer name
                re.search(
                    r"[A-Z][\w'’.-]*(?: (?:de|du|des|da|do|di|del|la|le|of|of the))? $",
                    text[max(0, start - 30) : start],
                )
                or re.match(r" [A-Z]|-[A-Za-z]", text[end : end + 2])
                or match.group(1).lower() in surnames
            ):
                continue
            found.append((match.group(1), "GPE"))
        return found

    def _regions(self, text: str, ents: list[Ent]) -> MentionList:
        """ "the Odesa region", "the Donetsk region" where the model tagged nothing:
        the region, if the gazetteer has one of that name."""
        found = []
        for match in untagged_matches(NAMED_REGION, text, ents):
            mention = f"{match.group(1)} {match.group(2)}"
            if any(c.kind not in ("city", "town") for c in self.gazetteer.candidates(mention)):
                found.append((mention, "GPE"))
        return found


def _names(pattern: re.Pattern[str], text: str, ents: list[Ent]) -> list[str]:
    """Names of two words or more that ``pattern`` finds where the model tagged
    nothing ("above Jan Palach Square", "Merseyside Police arrested"), without
    the word opening their sentence."""
    found = []
    for match in untagged_matches(pattern, text, ents):
        words = match.group(1).split()
        while words and words[0] in NOT_NAME_OPENERS:
            words.pop(0)
        if len(words) >= 2 and not (len(words) == 2 and words[0] == "International"):
            found.append(" ".join(words))
    return found
