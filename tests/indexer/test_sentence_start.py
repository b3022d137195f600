import pytest

from indexer.enrich import DEFAULT_MODEL
from indexer.sentence_start import common_words, common_words_within, is_sentence_start


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Farmers blocked roads.", "Farmers", True),
        ("It rained. Farmers blocked roads.", "Farmers", True),
        ('He left.\n\n"Farmers are angry," she said.', "Farmers", True),
        ("Officials said Farmers Bank closed.", "Farmers", False),
    ],
)
def test_sentence_start(text: str, word: str, expected: bool) -> None:
    assert is_sentence_start(text, text.index(word)) is expected


def test_the_tagger_tells_common_words_from_names() -> None:
    sentences = [
        "Farmers also blocked roads.",
        "Turnout was 27 percent.",
        "Jubilant crowds filled the streets.",
        "Reuters reported the deal.",
        "Hamas said it fired rockets.",
    ]
    assert common_words(DEFAULT_MODEL, sentences) == {"Farmers", "Turnout", "Jubilant"}


def test_a_words_verdict_does_not_depend_on_where_it_was_seen_first() -> None:
    # Before, verdicts were remembered per word: "Rich" tagged once as an
    # adjective stayed a common word for every later article in the process.
    assert common_words(DEFAULT_MODEL, ["Rich countries pledged more money."]) == {"Rich"}
    assert common_words(DEFAULT_MODEL, ["Rich said he would stay on as coach."]) == set()
    assert common_words(DEFAULT_MODEL, ["Young said the club would appeal."]) == set()
    assert common_words(DEFAULT_MODEL, ["Young people voted in large numbers."]) == {"Young"}


def test_a_word_mid_sentence_is_read_with_the_words_before_it() -> None:
    sentence = (
        "A court found Anders Behring Breivik sane on Friday and sentenced him to 21 years "
        "in prison for killing 77 people in a bombing in Oslo and a shooting at a youth "
        "camp on the island of Utoya last July."
    )
    at = sentence.index("Anders")
    assert common_words_within(DEFAULT_MODEL, [(sentence, at)]) == set()
    # Cut to a fragment that opens with it, the tagger reads it as a common word.
    assert common_words(DEFAULT_MODEL, [sentence[at:]]) == {"Anders"}
    rich = "Leaders said Rich countries pledged more money."
    assert common_words_within(DEFAULT_MODEL, [(rich, rich.index("Rich"))]) == {"Rich"}
