"""The Scrapy pipeline that streams crawled articles into the index.

It owns its client (opened with the spider, closed with it), buffers
articles, enriches them in batches, and sends them through the same
``BulkIndexer`` as `newsarchive index`. Documents that cannot be indexed
go to the dead-letter file; if the cluster goes away, the crawl stops
(finish reason ``cluster-unavailable``) and the buffered articles are
dead-lettered, so nothing is lost. In a resumable crawl
(``NEWSARCHIVE_STATE_DIR``) every article is spooled on disk before it is
buffered (``indexer.spool``), and the next run indexes what is left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from indexer.bulk import BulkIndexer
from indexer.deadletter import DeadLetters
from indexer.spool import SPOOL_FILE, Spool
from newsarchive.article import Article
from newsarchive.errors import ClusterUnavailable

STAT = "newsarchive"


class IndexingPipeline:
    def __init__(
        self,
        crawler: Crawler,
        es_url: str,
        index: str,
        dead_letter: Path,
        buffer_size: int,
        enrich: bool,
        state_dir: Path | None = None,
    ) -> None:
        self.crawler = crawler
        self.es_url = es_url
        self.index = index
        self.dead_letter_path = dead_letter
        self.buffer_size = buffer_size
        self.enrich = enrich
        self.buffer: list[Article] = []
        self.indexer: BulkIndexer | None = None
        self.dead: DeadLetters | None = None
        self.state_dir = state_dir
        self.spool: Spool | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IndexingPipeline:
        settings = crawler.settings
        es_url = settings.get("NEWSARCHIVE_ES_URL")
        if not es_url:
            raise NotConfigured("no NEWSARCHIVE_ES_URL: not indexing")
        return cls(
            crawler,
            es_url=es_url,
            index=settings.get("NEWSARCHIVE_INDEX", "news"),
            dead_letter=Path(settings.get("NEWSARCHIVE_DEAD_LETTER", "dead-letter.jsonl")),
            buffer_size=settings.getint("NEWSARCHIVE_INDEX_BUFFER", 100),
            enrich=settings.getbool("NEWSARCHIVE_ENRICH", True),
            state_dir=Path(state) if (state := settings.get("NEWSARCHIVE_STATE_DIR")) else None,
        )

    def open_spider(self, spider: Any = None) -> None:
        from newsarchive.connection import make_client
        from newsarchive.settings import Settings

        client = make_client(Settings(es_url=self.es_url, index=self.index))
        self.dead = DeadLetters(self.dead_letter_path)
        self.indexer = BulkIndexer(client, self.index, self.dead)
        if self.state_dir is not None:
            self.spool = Spool(self.state_dir / SPOOL_FILE)
            self.buffer = self.spool.waiting()
            if self.buffer:
                assert self.crawler.stats is not None
                self.crawler.stats.set_value(f"{STAT}/resume/spooled", len(self.buffer))
                # Indexed now, before the first request: enriching them holds
                # Scrapy's reactor for seconds, and pages arriving meanwhile
                # would wait unsettled (a kill then costs them a third fetch).
                self._flush(stop_crawl=False)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        article = Article.model_validate(item)
        if self.spool is not None:
            self.spool.add(article)  # on disk before the crawl counts it done
        self.buffer.append(article)
        if len(self.buffer) >= self.buffer_size:
            self._flush()
        return item

    def _flush(self, stop_crawl: bool = True) -> None:
        if not self.buffer or self.indexer is None:
            return
        batch, self.buffer = self.buffer, []
        if self.enrich:
            from indexer.enrich import enrich_articles

            batch = enrich_articles(batch)
        stats = self.crawler.stats
        assert stats is not None
        before_ok, before_failed = self.indexer.stats.indexed, self.indexer.stats.failed
        try:
            self.indexer.index_chunk(batch)
        except ClusterUnavailable as exc:
            self.indexer.dead_letter_unsent(batch, exc, kind="cluster-unavailable")
            stats.inc_value(f"{STAT}/index-failed", len(batch))
            stats.set_value(f"{STAT}/index-error", str(exc))
            if stop_crawl:  # (at start, the crawl's first batch meets the same error)
                assert self.crawler.engine is not None
                deferred_from_coro(
                    self.crawler.engine.close_spider_async(reason="cluster-unavailable")
                )
            return  # left in the spool, if any: a resumed crawl tries them again
        if self.spool is not None:
            self.spool.remove(a.id for a in batch)  # indexed, or in the dead-letter file
        stats.inc_value(f"{STAT}/indexed", self.indexer.stats.indexed - before_ok)
        stats.inc_value(f"{STAT}/index-failed", self.indexer.stats.failed - before_failed)

    def close_spider(self, spider: Any = None) -> None:
        self._flush()
        if self.indexer is not None:
            self.indexer.client.indices.refresh(index=self.index)
            self.indexer.client.close()
        if self.dead is not None:
            self.dead.close()
        if self.spool is not None:
            self.spool.close()
