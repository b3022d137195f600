import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.pipelines import DeduplicatePipeline, StoryClusters
from crawler.samplesite import load_site
from newsarchive.article import Article

SITE = load_site()


def _item(url: str, body: str) -> dict:  # type: ignore[type-arg]
    return Article(url=url, title="t", body=body).model_dump(mode="json")


def test_exact_duplicates_are_dropped_and_counted() -> None:
    crawler = get_crawler(settings_dict={})
    pipeline = DeduplicatePipeline.from_crawler(crawler)
    body = SITE.articles[0].body
    pipeline.process_item(_item("http://h/a", body))
    with pytest.raises(DropItem):
        pipeline.process_item(_item("http://h/a?utm_source=x", "different body " * 30))
    with pytest.raises(DropItem):
        pipeline.process_item(_item("http://h/b", body.upper()))
    stats = crawler.stats.get_stats()  # type: ignore[union-attr]
    assert stats["newsarchive/duplicates/same-url"] == 1
    assert stats["newsarchive/duplicates/same-body"] == 1


def test_syndicated_copies_share_a_story_id() -> None:
    clusters = StoryClusters()
    original = SITE.articles[3].body
    syndicated = "LONDON (Harbour Daily) - A rewritten opening line for this copy.\n\n" + original
    other = SITE.articles[10].body
    first = clusters.assign("a", original)
    assert first == "a"
    assert clusters.assign("b", syndicated) == "a"
    assert clusters.assign("c", other) == "c"
