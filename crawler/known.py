"""Which article URLs the index already holds, asked in batches by id.

Ids derive from canonical URLs, so one ``mget`` per sitemap page answers for
hundreds of URLs without a search round trip per article.
"""

from __future__ import annotations

from collections.abc import Iterable

from elasticsearch import Elasticsearch, NotFoundError

from newsarchive.urls import article_id


class KnownArticles:
    def __init__(self, client: Elasticsearch, index: str, batch: int = 500) -> None:
        self.client = client
        self.index = index
        self.batch = batch

    def known(self, urls: Iterable[str]) -> set[str]:
        """The subset of ``urls`` whose article is already indexed."""
        by_id: dict[str, list[str]] = {}
        for url in urls:
            by_id.setdefault(article_id(url), []).append(url)
        ids = list(by_id)
        found: set[str] = set()
        for start in range(0, len(ids), self.batch):
            chunk = ids[start : start + self.batch]
            try:
                response = self.client.mget(index=self.index, ids=chunk, source=False)
            except NotFoundError:  # no index yet: nothing is known
                return set()
            for doc in response["docs"]:
                if doc.get("found"):
                    found.update(by_id[doc["_id"]])
        return found
