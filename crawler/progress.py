"""A Scrapy extension that shows the crawl's progress with Rich, on stderr."""

from __future__ import annotations

import time
from typing import Any

from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from newsarchive.console import make_console

STAT = "newsarchive"


def summarize(stats: dict[str, Any], elapsed: float | None = None) -> dict[str, Any]:
    """The crawl stats that matter to people, grouped: counts, skips and errors by reason."""

    def group(prefix: str) -> dict[str, int]:
        return {
            k.removeprefix(prefix): int(v)
            for k, v in sorted(stats.items())
            if k.startswith(prefix) and isinstance(v, int)
        }

    pages = int(stats.get(f"{STAT}/pages", 0))
    summary: dict[str, Any] = {
        "pages": pages,
        "articles": int(stats.get(f"{STAT}/articles", 0)),
        "articles_without_date": int(stats.get(f"{STAT}/articles-without-date", 0)),
        "duplicates": group(f"{STAT}/duplicates/"),
        "skipped": group(f"{STAT}/skipped/"),
        "errors": group(f"{STAT}/errors/"),
        # Kept, but worth a look: e.g. text decoded with another charset than declared.
        "flagged": group(f"{STAT}/flagged/"),
        "resume": group(f"{STAT}/resume/"),
        "indexed": int(stats.get(f"{STAT}/indexed", 0)),
        "index_failed": int(stats.get(f"{STAT}/index-failed", 0)),
        "finish_reason": stats.get("finish_reason"),
        "index_error": stats.get(f"{STAT}/index-error"),
    }
    if elapsed:
        summary["seconds"] = round(elapsed, 2)
        summary["pages_per_second"] = round(pages / elapsed, 1) if elapsed > 0 else None
    return summary


class RichProgress:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.total = crawler.settings.getint("CLOSESPIDER_ITEMCOUNT") or None
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=make_console(stderr=True),
            transient=False,
        )
        self.task_id = self.progress.add_task("starting", total=self.total)
        self.loop: task.LoopingCall | None = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RichProgress:
        if not crawler.settings.getbool("NEWSARCHIVE_PROGRESS"):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        self.progress.start()
        self.loop = task.LoopingCall(self.refresh)
        self.loop.start(0.5)

    def refresh(self) -> None:
        assert self.crawler.stats is not None
        s = summarize(self.crawler.stats.get_stats(), time.monotonic() - self.started)
        skipped = sum(s["skipped"].values()) + sum(s["duplicates"].values())
        self.progress.update(
            self.task_id,
            completed=s["articles"],
            description=(
                f"pages {s['pages']:,} · [ok]articles {s['articles']:,}[/] · "
                f"skipped {skipped:,} · [error]errors {sum(s['errors'].values()):,}[/] · "
                f"{s.get('pages_per_second') or 0:.1f} pages/s"
            ),
        )

    def closed(self, spider: Any) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.refresh()
        self.progress.stop()
