"""Common words the NER model mistakes for names because a sentence starts with them.

"Farmers also blocked roads", "Turnout was 27 percent", "Jubilant crowds...":
the small model tags the capitalised first word as an organisation. Its own
part-of-speech tagger, run only over the few sentences that start with a
one-word entity, knows a plural noun or an adjective from a proper noun
("Reuters reported", "Hamas said").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

PROPER_NOUN_TAGS = {"NNP", "NNPS"}


@lru_cache(maxsize=2)
def load_tagger(model: str) -> Any:
    """The same model with only its tagger: a few milliseconds per sentence."""
    import spacy

    return spacy.load(model, exclude=["ner", "parser", "lemmatizer", "senter"])


def is_sentence_start(text: str, start: int) -> bool:
    """Whether the character at ``start`` begins a sentence or a paragraph."""
    before = text[:start].rstrip(" \"“‘'")
    return not before or before.endswith((".", "!", "?", "\n", ":"))


def common_words(model: str, sentences: Iterable[str]) -> set[str]:
    """The first words of ``sentences`` that the tagger reads as anything but a name."""
    tagger = load_tagger(model)
    found = set()
    for doc in tagger.pipe(sentences):
        first = next((t for t in doc if t.is_alpha), None)
        if first is not None and first.tag_ not in PROPER_NOUN_TAGS:
            found.add(first.text)
    return found
