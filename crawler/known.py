"""Which article URLs the index already holds, asked in batches by id.

Ids derive from canonical URLs, so one ``mget`` per sitemap page answers for
hundreds of URLs without a search round trip per article.
"""

from __future__ import annotations

from collections.abc import Iterable

from elasticsearch import Elasticsearch, NotFoundError

from newsarchive.urls import article_id


def indexed_ids(
    client: Elasticsearch, index: str, ids: Iterable[str], batch: int = 500
) -> set[str]:
    """The subset of ``ids`` the index holds (none when there is no index yet)."""
    wanted = list(ids)
    found: set[str] = set()
    for start in range(0, len(wanted), batch):
        try:
            response = client.mget(index=index, ids=wanted[start : start + batch], source=False)
        except NotFoundError:
            return set()
        found.update(doc["_id"] for doc in response["docs"] if doc.get("found"))
    return found


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
        present = indexed_ids(self.client, self.index, by_id, self.batch)
        return {url for article_id in present for url in by_id[article_id]}
