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


def sentence_end(text: str, position: int) -> int | None:
    """Where the sentence holding ``position`` ends (its ". " or line break), if it does."""
    ends = [i for i in (text.find(". ", position), text.find("\n", position)) if i != -1]
    return min(ends) if ends else None


def is_sentence_start(text: str, start: int) -> bool:
    """Whether the character at ``start`` begins a sentence or a paragraph."""
    before = text[:start].rstrip(" \"“‘'")
    return not before or before.endswith((".", "!", "?", "\n", ":"))


# Sentence -> whether the tagger read its first word as a common word. Keyed
# by the sentence, not the word, so that a word's fate never depends on which
# article the process happened to see it in first; the same sentence openers
# still come back ("Police said on Monday"), and are tagged once.
_VERDICTS: dict[str, bool] = {}
MAX_REMEMBERED = 100_000


def common_words(model: str, sentences: Iterable[str]) -> set[str]:
    """The first words of ``sentences`` that the tagger reads as anything but a name."""
    sentences = list(dict.fromkeys(sentences))
    unknown = [s for s in sentences if s not in _VERDICTS]
    if unknown:
        if len(_VERDICTS) > MAX_REMEMBERED:
            _VERDICTS.clear()
        for sentence, doc in zip(unknown, load_tagger(model).pipe(unknown), strict=True):
            first = next((t for t in doc if t.is_alpha), None)
            _VERDICTS[sentence] = first is not None and first.tag_ not in PROPER_NOUN_TAGS
    return {_first_word(s) for s in sentences if _VERDICTS[s]}


def _first_word(sentence: str) -> str:
    return next((w.strip("\"“‘'") for w in sentence.split() if w.strip("\"“‘'").isalpha()), "")
