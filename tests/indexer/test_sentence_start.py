import pytest

from indexer.enrich import DEFAULT_MODEL
from indexer.sentence_start import common_words, is_sentence_start


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
