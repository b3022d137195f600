"""Running one crawl in this process, from options to stats."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings as ScrapySettings
from scrapy.utils.project import get_project_settings

from crawler.progress import summarize
from crawler.spiders.news import NewsSpider


@dataclass
class CrawlOptions:
    seeds: list[str]
    allow: list[str] = field(default_factory=list)
    deny: list[str] = field(default_factory=list)
    depth: int = 2
    since: str | None = None
    source_name: str | None = None
    selectors: dict[str, str | None] = field(default_factory=dict)
    output: Path | None = None
    max_articles: int | None = None
    job_dir: Path | None = None  # set for --resume
    refresh: bool = False
    progress: bool = True
    timeout: float | None = None
    download_delay: float | None = None
    concurrency: int | None = None  # requests at once per site
    user_agent: str | None = None
    es_url: str | None = None  # None: do not index
    index: str = "news"
    dead_letter: Path | None = None
    extra_pipelines: dict[str, int] = field(default_factory=dict)


def job_dir_for(cache_dir: Path, seeds: list[str]) -> Path:
    """A stable resume directory per set of start URLs."""
    key = hashlib.sha1("\n".join(sorted(seeds)).encode()).hexdigest()[:12]
    return cache_dir / "jobs" / key


def build_settings(options: CrawlOptions) -> ScrapySettings:
    settings = get_project_settings()
    if not settings.get("BOT_NAME") or settings.get("BOT_NAME") == "scrapybot":
        settings.setmodule("crawler.settings", priority="project")
    overrides: dict[str, Any] = {
        "DEPTH_LIMIT": 0,  # the spider limits link depth itself (see NewsSpider)
        "NEWSARCHIVE_PROGRESS": options.progress,
        "NEWSARCHIVE_REFRESH": options.refresh,
        "NEWSARCHIVE_INDEX": options.index,
        "EXTENSIONS": {"crawler.progress.RichProgress": 500},
    }
    if options.user_agent:
        overrides["USER_AGENT"] = options.user_agent
    if options.timeout is not None:
        overrides["DOWNLOAD_TIMEOUT"] = options.timeout
    if options.download_delay is not None:
        overrides["DOWNLOAD_DELAY"] = options.download_delay
        if options.download_delay == 0:
            overrides["AUTOTHROTTLE_START_DELAY"] = 0.0
    if options.concurrency is not None:
        overrides["CONCURRENT_REQUESTS_PER_DOMAIN"] = options.concurrency
        overrides["CONCURRENT_REQUESTS"] = max(16, options.concurrency)
        # AutoThrottle spaces requests by latency / target concurrency.
        overrides["AUTOTHROTTLE_TARGET_CONCURRENCY"] = float(options.concurrency)
    if options.max_articles:
        overrides["CLOSESPIDER_ITEMCOUNT"] = options.max_articles
    pipelines = dict(settings.getdict("ITEM_PIPELINES"))
    if options.job_dir is not None:
        # A resumable crawl: the frontier and the done-set on disk (crawler.state).
        overrides["NEWSARCHIVE_STATE_DIR"] = str(options.job_dir)
        overrides["SCHEDULER"] = "crawler.scheduler.FrontierScheduler"
    if options.output is not None:
        overrides["NEWSARCHIVE_OUTPUT"] = str(options.output)
        overrides["NEWSARCHIVE_OUTPUT_APPEND"] = options.job_dir is not None
        pipelines["crawler.output.JsonLinesOutput"] = 900
    pipelines.update(options.extra_pipelines)
    overrides["ITEM_PIPELINES"] = pipelines
    if options.es_url:
        overrides["NEWSARCHIVE_ES_URL"] = options.es_url
        if options.dead_letter is not None:
            overrides["NEWSARCHIVE_DEAD_LETTER"] = str(options.dead_letter)
    settings.setdict(overrides, priority="cmdline")
    return settings


def run_crawl(options: CrawlOptions) -> dict[str, Any]:
    """Crawl until done (or the article limit); return the summarised stats.

    Twisted's reactor cannot restart, so this runs once per process.
    """
    process = CrawlerProcess(build_settings(options))
    crawler = process.create_crawler(NewsSpider)
    started = time.monotonic()
    process.crawl(
        crawler,
        start_urls=options.seeds,
        allow=options.allow,
        deny=options.deny,
        since=options.since,
        source_name=options.source_name,
        body_selector=options.selectors.get("body"),
        title_selector=options.selectors.get("title"),
        date_selector=options.selectors.get("date"),
        depth=options.depth,
    )
    process.start()
    assert crawler.stats is not None
    return summarize(crawler.stats.get_stats(), time.monotonic() - started)
