"""Direct quotations and who said them.

The speaker is read from the dependency parse of the quotation's paragraph
first (``speakers``: the clause it belongs to, whatever the verb and word
order), then from a few fixed shapes: ``"...," X said`` / ``"...," said X``,
``X said: "..."``, ``"...", according to X``. A pronoun speaker ("he said")
is the last person named before the quote; an unattributed quotation right
after an attributed one continues it, in the same paragraph or when it opens
the next. Speakers resolve to the document's canonical actors; a full name
that NER missed becomes a person actor of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from indexer.actors import clean_mention, person_from_phrase, strip_titles
from indexer.speakers import Who, introducer_of_next_paragraph, speaker_in_parse, speaker_nouns
from newsarchive.article import Actor, Quote

QUOTE_MARKS = re.compile(r"[\"“”]")
VERBS = (
    r"(?:said|says|told|added|declared|warned|wrote|insisted|stated|explained|replied|argued|"
    r"asked|announced)"
)
NAME = r"(?:(?:de|van|von|al|bin|le|la|du|der|den)\s+)?(?:[A-Z][\w'’.-]*\s*){1,5}"
NOMINAL = r"the\s+(?P<role>[a-z]+)"
AFTER_NAME_VERB = re.compile(rf"^\s*,?\s*(?:(?P<who>{NAME}|he|she|they)|{NOMINAL})\s+{VERBS}\b")
AFTER_VERB_NAME = re.compile(rf"^\s*,?\s*{VERBS}\s+(?:(?P<who>{NAME})|{NOMINAL})")
AFTER_ACCORDING = re.compile(rf"^\s*,?\s*according to\s+(?P<who>{NAME})")
# "Hollande warned that ... was "the end of Europe"": the sentence's subject speaks.
SENTENCE_SUBJECT = re.compile(rf"^\s*(?P<who>{NAME})\s+{VERBS}\b[^\"“]*$")
BEFORE = re.compile(
    rf"(?P<who>(?:[A-Z][\w'’.-]*\s+){{0,4}}[A-Z][\w'’.-]*|\b[Hh]e|\b[Ss]he)\s+{VERBS}\b"
    r"[^\"“.]{0,60}[:,]\s*$"
)
PRONOUNS = {"he", "she", "they"}


@dataclass(frozen=True)
class Mention:
    start: int
    actor: Actor


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, pairing marks in order within each paragraph."""
    spans = []
    offset = 0
    for paragraph in text.split("\n"):
        marks = [m.start() for m in QUOTE_MARKS.finditer(paragraph)]
        for opening, closing in zip(marks[0::2], marks[1::2], strict=False):
            spans.append((offset + opening, offset + closing + 1))
        offset += len(paragraph) + 1
    return spans


def _speaker(
    who: str | None, role: str | None, position: int, actors: list[Actor], mentions: list[Mention]
) -> tuple[str | None, Actor | None]:
    """The canonical speaker's name, and a new actor when the phrase names someone unknown."""
    if role:
        # "the pope said": the person whose name holds the role word.
        for actor in actors:
            if actor.type == "person" and role in actor.name.lower().split():
                return actor.name, None
        return None, None
    who = (who or "").strip()
    words = who.split()
    if not words:
        return None, None
    if words[0].lower() in PRONOUNS:
        before = [m for m in mentions if m.start < position and m.actor.type == "person"]
        return (before[-1].actor.name if before else None), None
    if (named := _actor_named(who, actors)) is not None:
        return named.name, None
    new = person_from_phrase(who or "")
    return (new.name, new) if new else (None, None)


def _actor_named(who: str, actors: list[Actor]) -> Actor | None:
    """The actor a speaker phrase names, the closest match first.

    Every word of the name as written, titles aside, among the actor's words
    ("Mr. Obama" is Barack Obama, "Eric Trump" is not Donald Trump); then a
    one-word name as an actor's last word, then as its first ("Hillary"); then
    an actor's whole name inside a longer phrase ("Trump campaign manager Paul
    Manafort" aside, "the Clinton campaign"). People before organisations.
    """
    name = strip_titles(clean_mention(who))
    words = [re.sub(r"(?:'s|’s)$", "", w.lower()).strip(".,'’") for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return None
    ranked = sorted(
        actors, key=lambda a: SPEAKER_KINDS.index(a.type) if a.type in SPEAKER_KINDS else 9
    )
    parts = {id(a): a.name.lower().split() for a in ranked}
    for test in (
        lambda a: parts[id(a)] == words,
        lambda a: len(words) > 1 and set(words) <= set(parts[id(a)]),
        lambda a: len(words) == 1 and parts[id(a)][-1] == words[0],
        lambda a: len(words) == 1 and parts[id(a)][0] == words[0],
        lambda a: a.name.lower() in who.lower(),
    ):
        for actor in ranked:
            if actor.type in SPEAKER_KINDS and parts[id(actor)] and test(actor):
                return actor
    return None


SPEAKER_KINDS = ["person", "organization", "group"]


def _plainly_said(after: str, actors: list[Actor]) -> Actor | None:
    """The actor of '"...," Carter said' or '"...," said Carter': no parse needed."""
    after = after.split("\n", 1)[0]
    plain = AFTER_NAME_VERB.match(after) or AFTER_VERB_NAME.match(after)
    if plain and plain["who"] and plain["who"].split()[0].lower() not in PRONOUNS:
        return _actor_named(plain["who"], actors)
    return None


def _resolve(
    who: Who, position: int, actors: list[Actor], mentions: list[Mention]
) -> tuple[str | None, Actor | None]:
    """A speaker the parse found, as the story's actor; a name no actor holds, as written."""
    if who.kind == "role":
        speaker, new = _speaker(None, who.text, position, actors, mentions)
        if speaker is None and who.text in speaker_nouns() and who.phrase:
            speaker = who.phrase  # "a Dow spokeswoman": unnamed, as written
        return speaker, new
    speaker, new = _speaker(who.text, None, position, actors, mentions)
    if speaker is None and who.kind == "name":
        speaker = who.text  # named, though no actor of the story: as written
    return speaker, new


class Paragraphs:
    """The paragraphs of a text, parsed when first asked for, once each.

    Parsing costs about what NER does per word, so only the paragraphs a
    speaker is looked for in are parsed: a quotation's whose speaker the
    plain "...," X said shape does not already name, and the one before it.
    """

    def __init__(self, text: str, nlp: Any | None) -> None:
        self.text = text
        self._nlp = nlp
        self._docs: dict[int, Any] = {}

    def prefetch(self, positions: list[int]) -> None:
        """Parse the paragraphs holding ``positions`` together (one batch is faster)."""
        if self._nlp is None:
            return
        begins = sorted({self.text.rfind("\n", 0, p) + 1 for p in positions} - set(self._docs))
        texts = [self._paragraph(begin) for begin in begins]
        self._docs.update(zip(begins, self._nlp.pipe(texts), strict=True))

    def _paragraph(self, begin: int) -> str:
        end = self.text.find("\n", begin)
        return self.text[begin : end if end != -1 else len(self.text)]

    def _doc(self, begin: int) -> Any | None:
        if self._nlp is None:
            return None
        if begin not in self._docs:
            self._docs[begin] = self._nlp(self._paragraph(begin))
        return self._docs[begin]

    def before(self, position: int) -> Any | None:
        """The paragraph before the one holding ``position``, blank lines skipped,
        parsed if it ends in a colon (it may hand the quotation its speaker)."""
        end = self.text.rfind("\n", 0, position)
        while end > 0 and not self.text[self.text.rfind("\n", 0, end) + 1 : end].strip():
            end = self.text.rfind("\n", 0, end)
        if end <= 0 or not self.text[:end].rstrip().endswith(":"):
            return None
        return self._doc(self.text.rfind("\n", 0, end) + 1)

    def parsed(self, position: int) -> tuple[Any, int] | None:
        """(parsed paragraph, its offset in the text) holding ``position``."""
        begin = self.text.rfind("\n", 0, position) + 1
        doc = self._doc(begin)
        return (doc, begin) if doc is not None else None


def extract_quotes(
    text: str,
    actors: list[Actor],
    mentions: list[Mention],
    parse: Any | None = None,
) -> tuple[list[Quote], list[Actor]]:
    """The quotations in ``text``, and speakers that were not among ``actors``.

    ``parse`` (a spaCy pipeline with a parser) reads speakers from the clause
    a quotation belongs to; without it, only the fixed shapes are read.
    """
    quotes: list[Quote] = []
    new_actors: dict[str, Actor] = {}
    known = list(actors)
    last_end = -1
    paragraphs = Paragraphs(text, parse)
    spans = quoted_spans(text)
    paragraphs.prefetch(
        [start for start, end in spans if _plainly_said(text[end : end + 120], actors) is None]
    )
    for start, end in spans:
        inner = " ".join(text[start + 1 : end - 1].split()).rstrip(",")
        if len(inner) < 12:
            continue
        after = text[end : end + 120].split("\n", 1)[0]
        before = text[max(0, start - 160) : start].rsplit("\n", 1)[-1]
        speaker: str | None = None
        attributed = False
        new: Actor | None = None
        if (named := _plainly_said(after, known)) is not None:
            speaker, attributed = named.name, True
        parsed = None if attributed else paragraphs.parsed(start)
        who = speaker_in_parse(parsed[0], start - parsed[1], end - parsed[1]) if parsed else None
        if who is not None:
            speaker, new = _resolve(who, start, known, mentions)
            attributed = speaker is not None
        for pattern in () if attributed else (AFTER_VERB_NAME, AFTER_NAME_VERB, AFTER_ACCORDING):
            found = pattern.match(after)
            if found:
                groups = found.groupdict()
                speaker, new = _speaker(
                    groups.get("who"), groups.get("role"), start, known, mentions
                )
                attributed = True
                break
        else:
            sentence = re.split(r"(?<=[.!?])\s+", before)[-1]
            found = (
                None if attributed else BEFORE.search(before) or SENTENCE_SUBJECT.match(sentence)
            )
            if found:
                speaker, new = _speaker(found.group("who"), None, start, known, mentions)
                attributed = True
        opens_paragraph = not text[:start].rsplit("\n", 1)[-1].strip()
        lead = paragraphs.before(start) if opens_paragraph and not attributed else None
        if lead is not None and (who := introducer_of_next_paragraph(lead)) is not None:
            speaker, new = _resolve(who, start, known, mentions)  # "Dr. Ward stated:"
            attributed = speaker is not None
        if new is not None:
            new_actors.setdefault(new.id, new)
            known.append(new)
        if not attributed:
            between = text[last_end:start] if last_end >= 0 else ""
            # Only blank lines after the rest of the last quotation's paragraph
            # ("...," he said. / "And then..."): the next paragraph goes on.
            next_paragraph = opens_paragraph and not "".join(between.split("\n")[1:]).strip()
            if quotes and last_end >= 0 and ("\n" not in between or next_paragraph):
                # the same speaker, continuing: in this paragraph, or opening the next
                speaker = quotes[-1].speaker
            elif len(inner.split()) < 6:
                continue  # an unattributed phrase in quotes, not a quotation
        quotes.append(Quote(speaker=speaker, text=inner))
        last_end = end
    return quotes, list(new_actors.values())
