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

from indexer.actors import TITLE_WORDS
from indexer.context_words import (
    COMPANY_NAME,
    FACILITY_UNTAGGED,
    LANDMARK_BEFORE_NOUN,
    NAMED_REGION,
    NAMED_THINGS,
    NOT_NAME_OPENERS,
    ORGANISATION_UNTAGGED,
    PARTY_BY_NAME,
    PLACE_LABELS,
    SHARED_COUNTRY_NAMES,
    UNTAGGED_AFTER_PREPOSITION,
)
from indexer.gazetteer import Gazetteer
from indexer.mentions import (
    LIST_ITEM,
    NOT_NAME_WORDS,
    Ent,
    MentionList,
    in_company_context,
    overlaps,
    spans_of,
    titled_people_untagged,
    untagged_matches,
)
from indexer.resources import AliasTable

CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+")
# Two plain capitalised words: a given name and a surname, perhaps.
TWO_NAMES = re.compile(r"\b([A-Z][a-z]+ [A-Z][a-z]+)\b(?![ -][A-Z])")


class UntaggedNames:
    def __init__(self, aliases: AliasTable, gazetteer: Gazetteer) -> None:
        self.aliases = aliases
        self.gazetteer = gazetteer
        self._country_names: dict[str, list[str]] | None = None  # first word -> names

    def find(
        self, text: str, ents: list[Ent], surnames: set[str], title_length: int = 0
    ) -> tuple[MentionList, MentionList]:
        """(actor mentions, place mentions) the model left untagged in ``text``;
        ``surnames`` are the article's people, whose names are never places;
        the first ``title_length`` characters are the headline."""
        places = self._list_places(text, ents)
        places += self._regions(text, ents)
        places += self._countries(text, ents, surnames)
        places += [(n, "LANDMARK") for n in _names(FACILITY_UNTAGGED, text, ents)]
        places += [
            (m.group(1), "LANDMARK")
            for m in untagged_matches(LANDMARK_BEFORE_NOUN, text, ents)
            if m.group(1).split()[-1].lower() not in surnames
        ]
        actors = [(n, "ORG") for n in _names(ORGANISATION_UNTAGGED, text, ents)]
        actors += self._companies(text, ents, surnames)
        actors += [
            (m.group(1), "ORG")
            for pattern in PARTY_BY_NAME
            for m in untagged_matches(pattern, text, ents)
        ]
        places += self._after_prepositions(text, ents, surnames)
        actors += titled_people_untagged(text, ents)
        actors += self._people_by_recurring_surname(text, ents, actors, title_length)
        return actors, places

    def _companies(self, text: str, ents: list[Ent], surnames: set[str]) -> MentionList:
        """Companies (of up to three words) the model left untagged where the
        words around say what they are ("shares of GameStop", "the power
        company Enel"); the gazetteer is asked last, for the few that fit."""
        return [
            (name, "ORG")
            for match in untagged_matches(COMPANY_NAME, text, ents)
            if in_company_context(text, match.start(1), match.end(1))
            and (name := match.group(1)).lower() not in NOT_NAME_WORDS
            and name.lower() not in surnames
            and name not in NOT_NAME_OPENERS
            and not self.gazetteer.knows(name, towns=True)
        ]

    def _people_by_recurring_surname(
        self, text: str, ents: list[Ent], found: MentionList, title_length: int
    ) -> MentionList:
        """ "Petr Pavel, a retired general ... Pavel takes office": two plain
        capitalised words the model never tagged, whose second the text uses
        again on its own, as it does a surname. Not titles, months, nationalities,
        places the gazetteer knows, storms, nor names already found another way;
        and not in a headline, whose capitals say nothing ("Leftist Orsi wins")."""
        seen = {name for name, _label in found}
        people: MentionList = []
        for match in untagged_matches(TWO_NAMES, text, ents):
            name = match.group(1)
            first, last = name.split()
            if (
                match.start() < title_length
                or name in seen
                or {first.lower(), last.lower()} & (TITLE_WORDS | NOT_NAME_WORDS | NAMED_THINGS)
                or first in NOT_NAME_OPENERS
                or self.aliases.get(name) is not None
                or self.gazetteer.knows(name, towns=True)
                or self.gazetteer.knows(last, towns=True)
                or self.gazetteer.knows(first)
                or not re.search(rf"(?<!{first} )\b{re.escape(last)}\b(?![ -][A-Z])", text)
            ):
                continue
            seen.add(name)
            people.append((name, "PERSON"))
        return people

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
            self._country_names = {}
            for c in self.gazetteer.countries.values():
                if c.name not in SHARED_COUNTRY_NAMES and c.name[:1].isupper():
                    first = CAPITALISED_WORD.match(c.name)
                    if first is not None:
                        self._country_names.setdefault(first.group(0), []).append(c.name)
            for names in self._country_names.values():
                names.sort(key=len, reverse=True)  # "Guinea-Bissau" before "Guinea"
        spans = spans_of(ents)
        found = []
        # A scan of capitalised words and a lookup is far cheaper than one
        # regular expression of two hundred alternatives run over the text.
        for word in CAPITALISED_WORD.finditer(text):
            start = word.start()
            name = next(
                (
                    n
                    for n in self._country_names.get(word.group(0), ())
                    if text.startswith(n, start)
                    and not text[start + len(n) : start + len(n) + 1].isalnum()
                ),
                None,
            )
            if name is None:
                continue
            end = start + len(name)
            if (
                overlaps(spans, start, end)
                # "New Mexico", "Tour de France", "Bank of Japan": a longer name
                or re.search(
                    r"[A-Z][\w'’.-]*(?: (?:de|du|des|da|do|di|del|la|le|of|of the))? $",
                    text[max(0, start - 30) : start],
                )
                or re.match(r" [A-Z]|-[A-Za-z]", text[end : end + 2])
                or name.lower() in surnames
            ):
                continue
            found.append((name, "GPE"))
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
