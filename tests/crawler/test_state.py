from pathlib import Path

from crawler.state import Frontier


def test_a_url_done_in_an_earlier_run_is_known_once_then_seen(tmp_path: Path) -> None:
    first = Frontier(tmp_path / "state.db")
    first.begin()
    assert first.add("http://h/a", {}, priority=0, hub=False, again=False) == "queued"
    assert first.take() is not None
    first.settle(["http://h/a"], article_id="a")
    first.finish("finished")
    first.close()

    second = Frontier(tmp_path / "state.db")
    second.begin()
    outcomes = [second.add("http://h/a", {}, priority=0, hub=False, again=False) for _ in range(3)]
    assert outcomes == ["known", "seen", "seen"]  # counted once as crawled before
    assert second.take() is None  # and never fetched again
    second.close()
