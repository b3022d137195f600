"""Downloader middlewares of the crawler."""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor, task


def backoff_delay(retry_times: int, base: float, cap: float) -> float:
    """Seconds to wait before the n-th retry: base, 2*base, 4*base... up to cap."""
    if retry_times <= 0:
        return 0.0
    return float(min(cap, base * 2 ** (retry_times - 1)))


class RetryBackoffMiddleware:
    """Waits before each retry, longer each time, so a struggling site gets room.

    Scrapy's retry middleware re-queues a failed request at once (at a lower
    priority); this one, placed before the download, delays the retried
    request by an exponentially growing pause. Only the retried request
    waits; the rest of the crawl goes on.
    """

    def __init__(self, base: float, cap: float) -> None:
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        base = crawler.settings.getfloat("NEWSARCHIVE_RETRY_BACKOFF", 1.0)
        if base <= 0:
            raise NotConfigured
        return cls(base, crawler.settings.getfloat("NEWSARCHIVE_RETRY_BACKOFF_MAX", 30.0))

    async def process_request(self, request: Request) -> None:
        delay = backoff_delay(int(request.meta.get("retry_times", 0)), self.base, self.cap)
        if delay:
            await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))
