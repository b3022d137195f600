"""The scheduler of a resumable crawl: Scrapy's queue and duplicate filter on ``Frontier``.

Scrapy's own JOBDIR keeps its seen-set on disk as requests are queued, but
its queue's bookkeeping only when the crawl closes cleanly; after a SIGKILL
the next run believed every URL seen and fetched almost nothing. Here the
queue and the done-set are one table, changed as each request moves, and a
URL counts as done only once its outcome is recorded:

- a hub page (robots.txt, sitemap, feed, a page without an article) when its
  callback has finished, so its links are queued first;
- an article when every output has it on disk (``item_scraped``: the JSON
  lines file has flushed its line, the indexing pipeline has spooled it);
- a skip, an error or a dropped duplicate when it is counted.

Switched on by ``NEWSARCHIVE_STATE_DIR`` (``newsarchive crawl --resume``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.request import request_from_dict
from twisted.python.failure import Failure

from crawler.signals import request_settled
from crawler.state import STATE_FILE, Frontier

STAT = "newsarchive"


def request_urls(request: Request | None) -> list[str]:
    """The request's URL and every URL that redirected to it."""
    if request is None:
        return []
    return [*request.meta.get("redirect_urls", ()), request.url]


class FrontierScheduler:
    def __init__(self, crawler: Crawler, state_dir: Path) -> None:
        self.crawler = crawler
        self.path = state_dir / STATE_FILE
        self.frontier: Frontier | None = None
        self.spider: Spider | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        state_dir = crawler.settings.get("NEWSARCHIVE_STATE_DIR")
        if not state_dir:
            raise NotConfigured("FrontierScheduler needs NEWSARCHIVE_STATE_DIR")
        scheduler = cls(crawler, Path(state_dir))
        crawler.signals.connect(scheduler._on_settled, signal=request_settled)
        crawler.signals.connect(scheduler._on_item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(scheduler._on_item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(scheduler._on_item_dropped, signal=signals.item_error)
        crawler.signals.connect(scheduler._on_spider_error, signal=signals.spider_error)
        return scheduler

    # --- Scrapy's scheduler interface ------------------------------------------------

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.frontier = Frontier(self.path)
        requeued = self.frontier.begin()
        stats = self.crawler.stats
        assert stats is not None
        if self.frontier.resumed:
            stats.set_value(f"{STAT}/resume/requeued", requeued)

    def close(self, reason: str) -> None:
        if self.frontier is not None:
            self.frontier.finish(reason)
            self.frontier.close()

    def has_pending_requests(self) -> bool:
        return self.frontier is not None and self.frontier.pending > 0

    def __len__(self) -> int:
        return self.frontier.pending if self.frontier is not None else 0

    def enqueue_request(self, request: Request) -> bool:
        assert self.frontier is not None
        outcome = self.frontier.add(
            request.url,
            request.to_dict(spider=self.spider),
            priority=request.priority,
            hub=request.meta.get("hub", True),
            again=request.dont_filter,
        )
        if outcome == "queued":
            return True
        stats = self.crawler.stats
        assert stats is not None
        if request.meta.get("redirect_times"):
            stats.inc_value(f"{STAT}/errors/redirect-loop")
        elif outcome == "known":
            stats.inc_value(f"{STAT}/skipped/crawled-in-an-earlier-run")
        else:
            stats.inc_value(f"{STAT}/duplicates/same-url")
        # The pages that redirected here have no other outcome to wait for.
        self.frontier.settle(request.meta.get("redirect_urls", ()))
        return False

    def next_request(self) -> Request | None:
        assert self.frontier is not None
        data = self.frontier.take()
        if data is None:
            return None
        return request_from_dict(data, spider=self.spider)

    # --- outcomes ------------------------------------------------------------------

    def _settle(self, urls: Iterable[str]) -> None:
        if self.frontier is not None:
            self.frontier.settle(urls)

    def _on_settled(self, request: Request) -> None:
        self._settle(request_urls(request))

    def _on_item_scraped(self, item: Any, response: Response) -> None:
        if self.frontier is not None and isinstance(item, dict) and item.get("id"):
            self.frontier.settle(request_urls(response.request), str(item["id"]))

    def _on_item_dropped(self, item: Any, response: Response, **_: Any) -> None:
        self._settle(request_urls(response.request))

    def _on_spider_error(self, failure: Failure, response: Response) -> None:
        self._settle(request_urls(response.request))
