"""Who speaks a quotation, read from the dependency parse of its paragraph.

The regular expressions in ``quotes`` know a handful of shapes ("...," X
said); the parse knows the clause a quotation belongs to, whatever the verb
and word order. In order, the first that answers:

1. the clause the quotation hangs from: climbing from the quotation's tokens
   to the nearest speech verb outside it, whose subject speaks (a participle
   or conjunct without one takes its governor's: "..., saying "...""; a
   passive verb, its "by" agent);
2. "according to X" in the quotation's sentence;
3. an introducer ending in a colon ("X tweeted:"), in the quotation's
   sentence or the one before;
4. an attribution clause right after the quotation ("...," the senator said);
5. the subject of the sentence's main verb ("Trump attacked "..."").

The speech verbs are data (``data/speech_verbs.txt``). The answer is a
phrase as written, a pronoun, or a role noun ("the pope"); ``quotes``
resolves it to the article's actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from indexer.resources import read_lines

PRONOUNS = {"he", "she", "they"}
QUOTE_MARKS = '"“”'
# Clauses that share their governor's subject ("..., saying", "and added").
INHERITING = {"advcl", "conj", "xcomp", "pcomp", "acl"}


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(read_lines("speech_verbs.txt"))


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    return frozenset(read_lines("speaker_nouns.txt"))


@lru_cache(maxsize=2)
def load_parser(model: str) -> Any:
    """The model with its tagger, parser and lemmatizer, without NER (done before)."""
    import spacy

    return spacy.load(model, exclude=["ner", "senter"])


@dataclass(frozen=True)
class Who:
    """A speaker as the parse gives it: a name as written, a pronoun or a role."""

    text: str
    kind: str  # "name", "pronoun" or "role"
    phrase: str = ""  # a role's noun phrase as written ("A Dow spokeswoman")


def _subject(verb: Any, inside: range) -> Any | None:
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in inside:
                if child.dep_ == "nsubjpass":
                    for agent in (c for c in verb.children if c.dep_ == "agent"):
                        for pobj in (p for p in agent.children if p.dep_ == "pobj"):
                            return pobj
                return child
        if verb.dep_ in INHERITING and verb.head.i != verb.i:
            verb = verb.head
            if verb.pos_ == "ADP":
                verb = verb.head
        else:
            return None
    return None


def _who(token: Any, doc: Any) -> Who | None:
    """The speaker phrase a subject token stands for."""
    if token.pos_ == "PRON":
        return Who(token.lower_, "pronoun") if token.lower_ in PRONOUNS else None
    if token.pos_ != "PROPN":
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return _who(child, doc)  # "his adviser, Jake Sullivan"
        if token.pos_ != "NOUN":
            return None
        return Who(token.lower_, "role", doc[token.left_edge.i : token.i + 1].text)
    start = token.i
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].head.i in range(start, token.i + 1)
        and doc[start - 1].dep_ in ("compound", "flat")
    ):
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].head.i == token.i and doc[end].dep_ == "flat":
        end += 1
    return Who(doc[start:end].text, "name")


def _according_to(tokens: list[Any]) -> Any | None:
    for token in tokens:
        if token.lower_ == "according":
            for to in (c for c in token.children if c.lower_ == "to"):
                for pobj in (p for p in to.children if p.dep_ == "pobj"):
                    return pobj
    return None


def _speech_verb_subject(tokens: list[Any], inside: range) -> Any | None:
    verbs = speech_verbs()
    for token in tokens:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
            subject = _subject(token, inside)
            if subject is not None:
                return subject
    return None


def _introducer(tokens: list[Any], doc: Any) -> Who | None:
    """Who an introducer ending in a colon names: the subject of its speech
    verb ("Dr. Ward stated:"), or, in one without a verb, its first name
    ("Windsor Mann, editor of The Quotable Hitchens:", "Trump on Twitter:")."""
    if (subject := _speech_verb_subject(tokens, range(0))) is not None:
        return _who(subject, doc)
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    name = next((t for t in tokens if t.pos_ == "PROPN"), None)
    while name is not None and name.dep_ in ("compound", "flat") and name.head.pos_ == "PROPN":
        name = name.head
    return _who(name, doc) if name is not None else None


def introducer_of_next_paragraph(doc: Any) -> Who | None:
    """Who a paragraph ending in a colon hands the next paragraph's quotation to."""
    if not doc.text.rstrip().endswith(":") or len(doc) == 0:
        return None
    return _introducer(list(doc[len(doc) - 1].sent), doc)


def speaker_in_parse(doc: Any, start: int, end: int) -> Who | None:
    """Who speaks the quotation at characters [start, end) of a parsed paragraph."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    inside = range(span.start, span.end)
    verbs = speech_verbs()
    sentences = {token.sent.start: token.sent for token in span}
    outside = [t for s in sentences.values() for t in s if t.i not in inside]
    # 1. the clause the quotation hangs from
    for token in span:
        if token.head.i in inside or token.head.i == token.i:
            continue
        for ancestor in [token.head, *token.head.ancestors]:
            if ancestor.i in inside:
                continue
            if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in verbs:
                subject = _subject(ancestor, inside)
                if subject is None and ancestor.dep_ == "acl":
                    subject = ancestor.head  # "footage of Trump saying "...""
                if subject is not None and subject.i not in inside:
                    return _who(subject, doc)
                break
    # 2. according to X
    if (pobj := _according_to(outside)) is not None:
        return _who(pobj, doc)
    # 3. an introducer ending in a colon
    first = span[0].sent
    lead = doc.text[first.start_char : start]
    if re.search(r":\s*$", lead):
        if (who := _introducer([t for t in first if t.idx < start], doc)) is not None:
            return who
    elif not lead.strip() and first.start > 0:
        previous = doc[first.start - 1].sent
        if previous.text.rstrip().endswith(":") and (who := _introducer(list(previous), doc)):
            return who
    # 4. an attribution clause right after the quotation
    after = [t for t in doc[span.end : span.end + 12] if t.i not in inside]
    cut = next((k for k, t in enumerate(after) if t.text in QUOTE_MARKS), len(after))
    if (subject := _speech_verb_subject(after[:cut], inside)) is not None:
        return _who(subject, doc)
    # 5. the subject of the main verb of the sentence the quotation sits in
    root = first.root
    if root.i not in inside and root.pos_ in ("VERB", "AUX"):
        subject = _subject(root, inside)
        if subject is not None and subject.i not in inside:
            return _who(subject, doc)
    return None
