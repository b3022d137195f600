"""Item pipelines: exact duplicates dropped, near-duplicates grouped into stories."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from datasketch import MinHash, MinHashLSH
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.state import STATE_FILE, SeenArticles

STAT = "newsarchive"
WORD = re.compile(r"\w+")


def body_fingerprint(body: str) -> str:
    """Equal for bodies that differ only in case, spacing and punctuation."""
    words = WORD.findall(body.lower())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def shingles(body: str, size: int = 5) -> set[bytes]:
    words = WORD.findall(body.lower())
    if len(words) < size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


class StoryClusters:
    """Groups near-duplicate bodies (syndicated copies) under one story id.

    MinHash over word 5-shingles with LSH: two bodies whose estimated Jaccard
    similarity is above the threshold share the story id of the first one
    seen. 0.6 groups a wire story re-run with a new top paragraph while
    keeping apart different stories on the same event.
    """

    def __init__(self, threshold: float = 0.6, num_perm: int = 128) -> None:
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.story_of: dict[str, str] = {}

    def _minhash(self, body: str) -> MinHash:
        signature = MinHash(num_perm=self.num_perm)
        signature.update_batch(list(shingles(body)))
        return signature

    def assign(self, article_id: str, body: str) -> str:
        if article_id in self.story_of:
            return self.story_of[article_id]
        signature = self._minhash(body)
        matches = self.lsh.query(signature)
        story = self.story_of[matches[0]] if matches else article_id
        self.lsh.insert(article_id, signature)
        self.story_of[article_id] = story
        return story


class DeduplicatePipeline:
    """Drops exact duplicates (same canonical URL, same body); sets ``story_id``.

    In a resumable crawl what was kept is also remembered on disk
    (``SeenArticles``), so a page whose body a killed run already kept under
    another URL is still a duplicate after the restart, while the same
    article fetched again is not a duplicate of itself.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.seen_urls: set[str] = set()
        self.seen_bodies: set[str] = set()
        state_dir = crawler.settings.get("NEWSARCHIVE_STATE_DIR")
        self.earlier: SeenArticles | None = (
            SeenArticles(Path(state_dir) / STATE_FILE) if state_dir else None
        )
        self.stories = StoryClusters(
            threshold=crawler.settings.getfloat("NEWSARCHIVE_NEAR_DUPLICATE_THRESHOLD", 0.6)
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DeduplicatePipeline:
        return cls(crawler)

    def _count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"{STAT}/{key}")

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        url = item["canonical_url"]
        if url in self.seen_urls:
            self._count("duplicates/same-url")
            raise DropItem(f"duplicate of an article already crawled: {url}")
        fingerprint = body_fingerprint(item["body"])
        owner = self.earlier.owner(fingerprint) if self.earlier is not None else None
        if fingerprint in self.seen_bodies or owner not in (None, item["id"]):
            self._count("duplicates/same-body")
            raise DropItem(f"same body as an article already crawled: {url}")
        self.seen_urls.add(url)
        self.seen_bodies.add(fingerprint)
        if self.earlier is not None:
            self.earlier.claim(fingerprint, item["id"])
        item["story_id"] = self.stories.assign(item["id"], item["body"])
        self._count("articles")
        return item

    def close_spider(self, spider: Any = None) -> None:
        if self.earlier is not None:
            self.earlier.close()
