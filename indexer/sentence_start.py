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


# (Sentence, offset) -> whether the tagger read the word there as a common
# word. Keyed by the sentence, not the word, so that a word's fate never depends on which
# article the process happened to see it in first; the same sentence openers
# still come back ("Police said on Monday"), and are tagged once.
_VERDICTS: dict[tuple[str, int], bool] = {}
MAX_REMEMBERED = 100_000


def common_words(model: str, sentences: Iterable[str]) -> set[str]:
    """The first words of ``sentences`` that the tagger reads as anything but a name."""
    return common_words_within(model, ((s, 0) for s in sentences))


def common_words_within(model: str, places: Iterable[tuple[str, int]]) -> set[str]:
    """The words at (sentence, offset) that the tagger, reading the whole
    sentence, takes for anything but a name: "Anders" mid-sentence is read
    with the words before it, not as the first word of a fragment."""
    places = list(dict.fromkeys(places))
    unknown = list(dict.fromkeys(s for s in places if s not in _VERDICTS))
    if unknown:
        if len(_VERDICTS) > MAX_REMEMBERED:
            _VERDICTS.clear()
        docs = load_tagger(model).pipe(sentence for sentence, _offset in unknown)
        for (sentence, offset), doc in zip(unknown, docs, strict=True):
            word = next((t for t in doc if t.is_alpha and t.idx >= offset), None)
            _VERDICTS[sentence, offset] = word is not None and word.tag_ not in PROPER_NOUN_TAGS
    return {_first_word(s[offset:]) for s, offset in places if _VERDICTS[s, offset]}


def _first_word(sentence: str) -> str:
    return next((w.strip("\"“‘'") for w in sentence.split() if w.strip("\"“‘'").isalpha()), "")
