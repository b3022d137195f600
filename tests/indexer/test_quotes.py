import pytest

from indexer.quotes import Mention, extract_quotes, quoted_spans
from newsarchive.article import Actor, Article

CARTER = Actor(id="ash-carter", name="Ash Carter", type="person")
PUTIN = Actor(id="vladimir-putin", name="Vladimir Putin", type="person")
NATO = Actor(id="nato", name="NATO", type="organization")


def _quotes(text: str, actors: list[Actor], mentions: list[Mention] | None = None):  # type: ignore[no-untyped-def]
    quotes, _ = extract_quotes(text, actors, mentions or [])
    return [(q.speaker, q.text) for q in quotes]


def test_said_after_the_quote() -> None:
    text = 'Ash Carter spoke in Rome. "It is pouring gasoline on the fire," Mr Carter said.'
    assert _quotes(text, [CARTER]) == [("Ash Carter", "It is pouring gasoline on the fire")]


def test_said_with_a_colon_before_the_quote() -> None:
    text = 'Putin said: "We are acting pre-emptively against terrorists."'
    assert _quotes(text, [PUTIN]) == [
        ("Vladimir Putin", "We are acting pre-emptively against terrorists.")
    ]


def test_according_to() -> None:
    text = '"The alliance stands with Turkey," according to NATO officials.'
    assert _quotes(text, [NATO]) == [("NATO", "The alliance stands with Turkey")]


def test_a_pronoun_is_the_last_person_named() -> None:
    text = 'Putin met Carter. Later Carter spoke. "We will not stop these flights," he said.'
    mentions = [Mention(0, PUTIN), Mention(18, CARTER)]
    assert _quotes(text, [PUTIN, CARTER], mentions)[0][0] == "Ash Carter"


def test_an_unattributed_follow_up_continues_the_same_speaker() -> None:
    text = '"We have a plan," Carter said. "And we will carry it out in full."'
    assert [s for s, _ in _quotes(text, [CARTER])] == ["Ash Carter", "Ash Carter"]


def test_an_unknown_full_name_in_the_attribution_becomes_a_person() -> None:
    quotes, new = extract_quotes(
        '"The recovery has come a long way," Fed Chair Janet Yellen said.', [], []
    )
    assert quotes[0].speaker == "Janet Yellen"
    assert [a.name for a in new] == ["Janet Yellen"]


def test_scare_quotes_are_not_quotations_and_marks_pair_per_paragraph() -> None:
    text = 'The rules were "obsolete" and must change.\n\nHe called it "the end of Europe".'
    assert len(quoted_spans(text)) == 2
    assert _quotes(text, []) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Speakers the fixed shapes missed, read from the clause the quotation belongs to.
        ('Trump lawyer Marc Kasowitz said in a statement that the report was "a total '
         'fabrication from start to finish."', "Marc Kasowitz"),
        ('The president\'s adviser, Jake Sullivan, told reporters: "We will respond at a '
         'time and place of our choosing."', "Jake Sullivan"),
        ('"We are not going to back down from this fight, not now and not ever," Senator '
         'Elizabeth Warren tweeted on Monday.', "Elizabeth Warren"),
    ],
)  # fmt: skip
def test_speakers_come_from_the_parse(text: str, speaker: str) -> None:
    from indexer.enrich import Enricher

    (enriched,) = Enricher().enrich([Article(url="http://h/q", title="Quotes", body=text)])
    assert [q.speaker for q in enriched.quotes] == [speaker]


def test_a_speaker_resolves_to_the_closest_name_not_the_first_that_shares_a_word() -> None:
    donald = Actor(id="donald-trump", name="Donald Trump", type="person")
    eric = Actor(id="eric-trump", name="Eric Trump", type="person")
    junk = Actor(id="trump-says-he", name="Trump Says He", type="organization")
    obama = Actor(id="barack-obama", name="Barack Obama", type="person")
    text = (
        '"We will win this state easily," Eric Trump said.\n\n'
        '"The economy is in far better shape," Mr. Obama said.\n\n'
        '"I hope to have a good relationship with him," Trump told ITV.'
    )
    assert [s for s, _ in _quotes(text, [junk, donald, eric, obama])] == [
        "Eric Trump",
        "Barack Obama",
        "Donald Trump",
    ]


def test_a_quotation_opening_the_next_paragraph_goes_on_with_the_same_speaker() -> None:
    text = (
        '"I happen to think we need a plan," said Carter. "It will take time."\n\n'
        '"And groups that want to talk should be heard as well."'
    )
    assert [s for s, _ in _quotes(text, [CARTER])] == ["Ash Carter"] * 3


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A paragraph ending in a colon hands its speaker to the next one's quotation.
        ('Dr. Amy Ward, who leads the clinic, stated:\n\n"The department is not ready for '
         'what comes next."', "Amy Ward"),
        # An introducer without a verb names the speaker first.
        ('Windsor Mann, editor of The Quotable Hitchens: "Clinton has convinced many people '
         'that she means it."', "Windsor Mann"),
        # A role no actor holds is kept as written.
        ('"We are reviewing the decision carefully," a Dow spokeswoman said on Monday.',
         "a Dow spokeswoman"),
    ],
)  # fmt: skip
def test_introducers_and_unnamed_roles_from_the_parse(text: str, speaker: str) -> None:
    from indexer.enrich import Enricher

    (enriched,) = Enricher().enrich([Article(url="http://h/q2", title="Quotes", body=text)])
    assert [q.speaker for q in enriched.quotes] == [speaker]
