import pytest

from newsarchive.cli import main
from newsarchive.localnode import free_port


def test_crawl_into_an_unreachable_index_stops_before_fetching(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    assert main(["--es-url", url, "crawl", "http://127.0.0.1:9/sitemap.xml"]) == 3
    err = capsys.readouterr().err
    assert f"cannot reach Elasticsearch at {url}" in err and "--no-index" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "--no-index"], "nothing to crawl"),
        (["crawl", "http://x/", "--no-index", "--since", "last week"], "invalid --since"),
    ],
)
def test_crawl_usage_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err
