"""The news spider: from any start URL (homepage, robots.txt, sitemap, feed) to articles.

What each response is gets decided from the response itself (see
``crawler.discovery``); articles are extracted by ``crawler.extract``. Every
page that yields no article is counted under a reason in the crawl stats
(``newsarchive/skipped/...``, ``newsarchive/errors/...``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.discovery import Entry, classify, parse_feed, parse_sitemap, robots_sitemaps
from crawler.extract import ExtractOptions, Skip, decode_html, extract_or_skip
from crawler.signals import request_settled
from crawler.targets import RefusedTarget, site_of
from newsarchive.urls import canonicalize_url

STAT = "newsarchive"


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Dated entries newest first, then the undated in their own order."""
    dated = [e for e in entries if e.date is not None]
    dated.sort(key=lambda e: e.date or EPOCH, reverse=True)
    return dated + [e for e in entries if e.date is None]


def recency_priority(date: dt.datetime | None) -> int:
    """Newer articles first: the day number since 1990 (undated ones last).

    Above the priority 0 of sitemaps and feeds, so the articles already
    announced are fetched while further sitemaps wait.
    """
    if date is None:
        return 1
    return max(1, (date - EPOCH).days + 2)


EPOCH = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        start_urls: Iterable[str] = (),
        allow: Iterable[str] = (),
        deny: Iterable[str] = (),
        since: str | None = None,
        source_name: str | None = None,
        body_selector: str | None = None,
        title_selector: str | None = None,
        date_selector: str | None = None,
        depth: int | str = 2,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.seeds = [s for s in start_urls]
        # Link depth counts only hops between HTML pages: a sitemap index
        # three levels deep still reaches its articles.
        self.max_depth = int(depth)
        self.since = dt.datetime.fromisoformat(since) if since else None
        if self.since is not None and self.since.tzinfo is None:
            self.since = self.since.replace(tzinfo=dt.UTC)
        self.allowed_hosts = {urlsplit(u).netloc for u in self.seeds}
        # The start URLs' sites, which targets.TargetPolicyMiddleware keeps to.
        self.seed_sites = [site for u in self.seeds if (site := site_of(u)) is not None]
        # No allow_domains: Scrapy compares it with host:port, so a site with
        # an explicit port never had a link followed; parse_page checks hosts.
        self.links = LinkExtractor(
            allow=list(allow), deny=list(deny), deny_extensions=None, unique=True
        )
        self.deny = [re.compile(p) for p in deny]
        self.extract_options = ExtractOptions(
            source_name=source_name,
            body_selector=body_selector,
            title_selector=title_selector,
            date_selector=date_selector,
        )
        self.known: Any = None  # set in from_crawler when an index is configured
        self.robots_asked: set[str] = set()
        # Bounds on discovery (settings NEWSARCHIVE_SITEMAP_*; see from_crawler).
        self.sitemap_max_depth = 5
        self.sitemap_max_urls = 50_000
        self.sitemap_max_bytes = 512 * 1024 * 1024
        self.sitemap_bytes = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.sitemap_max_depth = settings.getint("NEWSARCHIVE_SITEMAP_MAX_DEPTH", 5)
        spider.sitemap_max_urls = settings.getint("NEWSARCHIVE_SITEMAP_MAX_URLS", 50_000)
        spider.sitemap_max_bytes = settings.getint("NEWSARCHIVE_SITEMAP_MAX_BYTES", 512 << 20)
        es_url = settings.get("NEWSARCHIVE_ES_URL")
        if es_url and not settings.getbool("NEWSARCHIVE_REFRESH"):
            from crawler.known import KnownArticles
            from newsarchive.connection import make_client
            from newsarchive.settings import Settings

            core = Settings(es_url=es_url, index=settings.get("NEWSARCHIVE_INDEX", "news"))
            spider.known = KnownArticles(make_client(core), core.index)
        return spider

    # --- helpers ------------------------------------------------------------------

    def _count(self, key: str, n: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"{STAT}/{key}", n)

    def _settled(self, request: scrapy.Request | None) -> None:
        """This request's outcome is counted and gave no article (see crawler.signals)."""
        if request is not None:
            self.crawler.signals.send_catch_log(request_settled, request=request)

    def _request(self, url: str, callback: Any, **meta: Any) -> scrapy.Request:
        return scrapy.Request(
            canonicalize_url(url), callback=callback, errback=self.on_error, meta=meta
        )

    def _denied(self, url: str) -> bool:
        return any(p.search(url) for p in self.deny)

    def _new_articles(self, entries: list[Entry], origin: str) -> Iterator[scrapy.Request]:
        """Article requests for entries that are recent enough, allowed and not yet indexed."""
        fresh: list[tuple[str, Entry]] = []
        for entry in entries:
            if self.since is not None and entry.date is not None and entry.date < self.since:
                self._count("skipped/older-than-since")
                continue
            if self._denied(entry.url):
                self._count("skipped/denied-by-pattern")
                continue
            fresh.append((canonicalize_url(entry.url), entry))
        known: set[str] = set()
        if self.known is not None and fresh:
            known = self.known.known(url for url, _ in fresh)
        for url, entry in fresh:
            if url in known:
                self._count("skipped/already-indexed")
                continue
            request = self._request(
                url, self.parse_article, date_hint=entry.date, date_hint_source=origin, hub=False
            )
            yield request.replace(priority=recency_priority(entry.date))

    # --- callbacks -------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for url in self.seeds:
            yield scrapy.Request(
                url,
                callback=self.parse_start,
                errback=self.on_error,
                dont_filter=True,
                meta={"seed": True},
            )

    def parse_start(self, response: Response) -> Iterator[Any]:
        """Any response whose kind is not known in advance."""
        self._count("pages")
        kind = classify(
            response.url,
            (response.headers.get("Content-Type") or b"").decode("latin-1"),
            response.body,
        )
        if kind == "robots":
            assert isinstance(response, TextResponse)
            for sitemap in robots_sitemaps(response.text):
                yield self._request(sitemap, self.parse_start)
        elif kind == "sitemap":
            yield from self._read_sitemap(response)
        elif kind == "feed":
            yield from self._new_articles(parse_feed(response.body), "feed")
        elif kind == "html":
            if response.meta.get("seed"):
                yield from self._robots_of(response.url)
            yield from self.parse_page(response, counted=True)
            return  # settled there
        else:
            self._count("skipped/not-html")
        self._settled(response.request)

    def _read_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """A sitemap or sitemap index, within the bounds that keep discovery finite.

        Entries go out newest first (``lastmod``), so the latest articles are
        fetched while the rest of a huge sitemap waits; ``--since`` drops
        older entries, and older child sitemaps of an index, before any fetch.
        """
        self.sitemap_bytes += len(response.body)
        if self.sitemap_bytes > self.sitemap_max_bytes:
            self._count("skipped/sitemap-byte-limit")
            return
        depth = response.meta.get("sitemap_depth", 0)
        doc = parse_sitemap(response.body)
        entries = newest_first(doc.entries)
        if len(entries) > self.sitemap_max_urls:
            self._count("skipped/sitemap-url-limit", len(entries) - self.sitemap_max_urls)
            entries = entries[: self.sitemap_max_urls]
        if not doc.is_index:
            yield from self._new_articles(entries, "sitemap")
            return
        if depth + 1 > self.sitemap_max_depth:
            self._count("skipped/sitemap-too-deep", len(entries))
            return
        for entry in entries:
            if self.since is not None and entry.date is not None and entry.date < self.since:
                self._count("skipped/sitemap-older-than-since")
                continue
            yield self._request(entry.url, self.parse_start, sitemap_depth=depth + 1)

    def _robots_of(self, url: str) -> Iterator[scrapy.Request]:
        """A homepage's robots.txt, for the sitemaps it names."""
        parts = urlsplit(url)
        if parts.netloc in self.robots_asked:
            return
        self.robots_asked.add(parts.netloc)
        yield self._request(f"{parts.scheme}://{parts.netloc}/robots.txt", self.parse_start)

    def parse_page(self, response: Response, counted: bool = False) -> Iterator[Any]:
        """A page reached by following links: maybe an article, maybe an index."""
        if not counted:
            self._count("pages")
        found_article = False
        for item in self._article_or_skip(response):
            found_article = True
            yield item
        depth = response.meta.get("link_depth", 0) + 1
        if isinstance(response, TextResponse) and depth <= self.max_depth:
            links = [link.url for link in self.links.extract_links(response)]
            entries = [Entry(u) for u in links if urlsplit(u).netloc in self.allowed_hosts]
            for request in self._new_articles(entries, "link"):
                yield request.replace(
                    callback=self.parse_page,
                    meta={**request.meta, "link_depth": depth, "hub": True},
                )
        if not found_article:
            self._settled(response.request)

    def parse_article(self, response: Response) -> Iterator[Any]:
        """A URL announced by a sitemap or feed as an article."""
        self._count("pages")
        found_article = False
        for item in self._article_or_skip(response):
            found_article = True
            yield item
        if not found_article:
            self._settled(response.request)

    def _article_or_skip(self, response: Response) -> Iterator[dict[str, Any]]:
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or (
            content_type and not content_type.startswith(("text/html", "application/xhtml"))
        ):
            self._count("skipped/not-html")
            return
        hint = response.meta.get("date_hint")
        options = self.extract_options
        if hint is not None:
            from dataclasses import replace

            options = replace(
                options,
                date_hint=hint,
                date_hint_source=response.meta.get("date_hint_source", "sitemap"),
            )
        text, redetected = decode_html(response.body, response.encoding)
        if redetected:
            self._count("flagged/charset-redetected")
        result = extract_or_skip(text, response.url, options)
        if isinstance(result, Skip):
            self._count(f"skipped/{result.reason}")
            return
        if result.published_at is None:
            self._count("articles-without-date")
        self._count("articles-extracted")
        yield result.model_dump(mode="json")

    def on_error(self, failure: Failure) -> None:
        """Every failed request is counted under a reason; none stops the crawl."""
        if isinstance(failure.value, RefusedTarget):
            self._count(f"skipped/{failure.value.reason}")
            self._settled(getattr(failure, "request", None))
            return
        if isinstance(failure.value, HttpError):
            response = failure.value.response
            reason = f"http-{response.status}"
            location = (response.headers.get("Location") or b"").decode("latin-1")
            if 300 <= response.status < 400 and site_of(urljoin(response.url, location)) is None:
                # A redirect Scrapy would not follow: to file://, ftp://...
                self._count("skipped/unsupported-scheme")
                self._settled(getattr(failure, "request", None))
                return
        elif failure.check(IgnoreRequest):
            message = str(failure.value).lower()
            if "robots" in message:
                # the site asked us not to: its choice, not a failure
                self._count("skipped/robots-disallowed")
                self._settled(getattr(failure, "request", None))
                return
            reason = "redirect-limit" if "redirect" in message else "ignored"
        else:
            name = type(failure.value).__name__
            reason = {
                "TimeoutError": "timeout",
                "DownloadTimeoutError": "timeout",
                "DNSLookupError": "dns",
                "ConnectionRefusedError": "connection-refused",
                "CancelledError": "too-large",
                "DownloadCancelledError": "too-large",
            }.get(name, re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower())
        self._count(f"errors/{reason}")
        request = getattr(failure, "request", None)
        self._settled(request)
        self.logger.info("failed %s: %s", request.url if request else "?", reason)
