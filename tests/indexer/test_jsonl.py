from indexer.jsonl import BadLine, parse_lines
from newsarchive.article import Article


def test_bad_lines_are_reported_with_their_number_and_the_rest_is_read() -> None:
    lines = [
        '{"url": "http://h/a", "title": "A"}',
        "",
        "{not json",
        "[1, 2]",
        '{"title": "no url"}',
        '{"url": "http://h/b", "published_at": "2015-13-45"}',
        '{"url": "http://h/c"}',
    ]
    items = list(parse_lines(lines, source="f.jsonl"))
    articles = [i for i in items if isinstance(i, Article)]
    bad = {i.line: i.reason for i in items if isinstance(i, BadLine)}
    assert [a.url for a in articles] == ["http://h/a", "http://h/c"]
    assert set(bad) == {3, 4, 5, 6}
    assert bad[3].startswith("invalid JSON")
    assert "url" in bad[5]
    assert "published_at" in bad[6]


def test_a_validators_reason_reads_without_pydantics_prefix() -> None:
    (bad,) = parse_lines(['{"url": "http://h/long", "id": "' + "x" * 600 + '"}'])
    assert isinstance(bad, BadLine)
    assert "512" in bad.reason and "Value error" not in bad.reason
