"""Acronyms a story defines: "the Kurdistan Democratic Party (KDP)".

News spells an organisation out once, puts its acronym in brackets, and
uses the acronym from then on. The acronym is the same actor: it joins the
actor's written forms (so search finds the actor by it, and its facet
counts it once), and an actor the acronym alone made elsewhere in the story
folds into the one spelled out.

A linking step: it reads the entities the mention stage found and the
actors the typing stage made, and changes which actor a mention names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.mentions import Ent
from newsarchive.article import Actor

# "(KDP)", "(U.N.)", "(S&P)" right after a name.
BRACKETED = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z.&-]{1,9})\)")
INSIDE = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z.&-]{1,9})\)?$")


def defined_acronyms(
    text: str, ents: Iterable[Ent], actors_by_mention: dict[str, Actor]
) -> dict[str, Actor]:
    """Acronym -> the actor spelled out right before it in brackets.

    The acronym's first letter must begin a word of the name: "Washington
    (AP)" is a credit line, not Washington's acronym. One spelled out two
    ways in a story is ambiguous and left alone.
    """
    found: dict[str, Actor | None] = {}
    for e in ents:
        actor = actors_by_mention.get(e.text)
        # the bracket after the entity, or inside it where the model ran on into it
        bracket = BRACKETED.match(text, e.start + len(e.text)) or INSIDE.search(e.text)
        if actor is None or bracket is None or actor.type == "person":
            continue
        acronym = bracket["acronym"]
        name = e.text[: bracket.start()] if bracket.re is INSIDE else e.text
        initials = {word[0] for word in name.split() if word[:1].isupper()}
        if acronym[0] not in initials or acronym == name:
            continue
        known = found.get(acronym, actor)
        found[acronym] = actor if known is not None and known.id == actor.id else None
    return {acronym: actor for acronym, actor in found.items() if actor is not None}


def link_acronyms(
    text: str, ents: list[Ent], actors: list[Actor], by_mention: dict[str, Actor]
) -> tuple[list[Actor], dict[str, Actor], dict[str, list[str]]]:
    """(actors, mention -> actor, actor id -> acronyms it is written as).

    Mentions of a defined acronym name the spelled-out actor; an actor left
    with no mention of its own is dropped.
    """
    acronyms = defined_acronyms(text, ents, by_mention)
    if not acronyms:
        return actors, by_mention, {}
    relinked = {raw: acronyms.get(raw.strip(), actor) for raw, actor in by_mention.items()}
    replaced = {by_mention[raw].id for raw in by_mention if relinked[raw] is not by_mention[raw]}
    named = {actor.id for actor in relinked.values()}
    kept = [a for a in actors if a.id in named or a.id not in replaced]
    by_mention = relinked
    written: dict[str, list[str]] = {}
    for acronym, actor in acronyms.items():
        written.setdefault(actor.id, []).append(acronym)
    return kept, by_mention, written
