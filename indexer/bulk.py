"""The one bulk indexer, shared by `newsarchive index` and the crawler's pipeline.

Documents go in with their stable ids, so re-indexing the same article
overwrites it instead of duplicating it. ``streaming_bulk`` retries 429s;
this class also retries whole chunks while the cluster is unreachable, and
sends every document Elasticsearch still rejects to the dead-letter file.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import elastic_transport
from elasticsearch import Elasticsearch, helpers

from indexer.deadletter import DeadLetters
from newsarchive.article import Article
from newsarchive.errors import ClusterUnavailable, IndexBlocked

UNAVAILABLE = (elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout)
DISK_HINT = (
    "free disk space on the Elasticsearch node (it lifts the flood-stage block by itself once "
    "usage is below the high watermark), then run the same command again: documents are "
    "indexed by id, so nothing is duplicated; the unsent ones are in the dead-letter file"
)
BLOCK_HINT = (
    "lift the index's write block (PUT <index>/_settings with the index.blocks setting named "
    "above set to null), then run the same command again; the unsent documents are in the "
    "dead-letter file"
)


@dataclass
class BulkStats:
    indexed: int = 0
    failed: int = 0
    retries: int = 0
    errors: dict[str, int] = field(default_factory=dict)


@contextmanager
def relaxed_refresh(client: Elasticsearch, index: str, interval: str = "30s") -> Iterator[None]:
    """Refresh less often during a bulk load, as Elasticsearch advises; restore it after.

    A load killed half-way leaves the index refreshing every 30 s instead of
    every second: slower to show new documents, never wrong.
    """
    current = client.indices.get_settings(index=index, name="index.refresh_interval")
    previous = {
        name: body["settings"].get("index", {}).get("refresh_interval")
        for name, body in current.items()
    }

    def restore() -> None:
        for name, value in previous.items():
            client.indices.put_settings(index=name, settings={"refresh_interval": value})

    client.indices.put_settings(index=index, settings={"refresh_interval": interval})
    try:
        yield
    except BaseException:
        # The load failed: restore if the cluster is still there, but let the
        # load's own error be the one reported.
        with suppress(*UNAVAILABLE):
            restore()
        raise
    restore()


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class BulkIndexer:
    def __init__(
        self,
        client: Elasticsearch,
        index: str,
        dead_letters: DeadLetters,
        *,
        chunk_size: int = 500,
        max_attempts: int = 6,
        initial_backoff: float = 1.0,
        max_backoff: float = 30.0,
        bulk_retries: int = 5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.index = index
        self.dead_letters = dead_letters
        self.chunk_size = chunk_size
        self.max_attempts = max_attempts
        self.initial_backoff = initial_backoff
        self.max_backoff = max_backoff
        self.bulk_retries = bulk_retries  # rounds for documents refused with a busy 429
        self.sleep = sleep
        self.stats = BulkStats()
        # Which canonical URL each id was first sent for: a second article
        # claiming the same id would silently overwrite the first.
        self._claims: dict[str, str] = {}

    def _actions(self, chunk: list[Article]) -> list[dict[str, Any]]:
        return [
            {"_op_type": "index", "_index": self.index, "_id": a.id, "_source": a.to_document()}
            for a in chunk
        ]

    def index_all(
        self,
        articles: Iterable[Article],
        on_chunk: Callable[[int], None] | None = None,
        *,
        background: bool = True,
    ) -> BulkStats:
        """Index everything; raise ClusterUnavailable if the cluster stays away.

        With ``background`` chunks are sent from a second thread while this
        one keeps producing the next (enrichment in this process runs while
        the previous chunk is indexed); the queue holds two chunks at most, so
        memory stays bounded. Without it chunks are sent from this thread:
        better when enrichment runs in worker processes, which keep working
        while it waits, since a second thread here only fights the process
        pool's own thread for the GIL (measured: about 0.5 s of CPU per 1,640
        articles, some 4% of the wall time on two cores).
        """

        def index_and_report(chunk: list[Article]) -> None:
            try:
                self.index_chunk(chunk)
            except IndexBlocked as exc:
                self.dead_letter_unsent(chunk, exc)
                raise
            if on_chunk is not None:
                on_chunk(len(chunk))

        if not background:
            for chunk in _batched(articles, self.chunk_size):
                index_and_report(chunk)
            return self.stats
        chunks: queue.Queue[list[Article] | None] = queue.Queue(maxsize=2)
        failure: list[BaseException] = []

        def send() -> None:
            while (chunk := chunks.get()) is not None:
                if failure:
                    # Drain: the producer stops at its next put. Chunks already
                    # enriched are kept in the dead-letter file when the index
                    # refuses writes (a re-run would redo them otherwise).
                    if isinstance(failure[0], IndexBlocked):
                        self.dead_letter_unsent(chunk, failure[0])
                    continue
                try:
                    index_and_report(chunk)
                except BaseException as exc:  # handed to the producing thread below
                    failure.append(exc)

        sender = threading.Thread(target=send, name="bulk-sender", daemon=True)
        sender.start()
        try:
            for chunk in _batched(articles, self.chunk_size):
                if failure:
                    break
                chunks.put(chunk)
        finally:
            chunks.put(None)
            sender.join()
        if failure:
            raise failure[0]
        return self.stats

    def dead_letter_unsent(
        self, chunk: list[Article], exc: Exception, kind: str = "unsent"
    ) -> None:
        """Articles that were never indexed because the cluster stopped taking them."""
        for article in chunk:
            self.stats.failed += 1
            self.dead_letters.add(
                str(exc),
                kind=kind,
                id=article.id,
                url=article.url,
                document=article.model_dump(mode="json"),
            )

    def _unclaimed(self, chunk: list[Article]) -> dict[str, Article]:
        """The chunk by id, less articles whose id another article already holds.

        The same URL again is an update (the later version wins); another
        URL under the same id is a conflict, dead-lettered naming both.
        """
        by_id: dict[str, Article] = {}
        for article in chunk:
            first = self._claims.setdefault(article.id, article.canonical_url)
            if first != article.canonical_url:
                self.stats.failed += 1
                self.stats.errors["id-conflict"] = self.stats.errors.get("id-conflict", 0) + 1
                self.dead_letters.add(
                    f"id {article.id} is already taken by {first}; not indexed",
                    kind="id-conflict",
                    id=article.id,
                    url=article.url,
                    claimed_by=first,
                    document=article.model_dump(mode="json"),
                )
                continue
            by_id[article.id] = article
        return by_id

    def index_chunk(self, chunk: list[Article]) -> None:
        by_id = self._unclaimed(chunk)
        if not by_id:
            return
        backoff = self.initial_backoff
        for attempt in range(1, self.max_attempts + 1):
            try:
                self._send(by_id)
                return
            except UNAVAILABLE as exc:
                if attempt == self.max_attempts:
                    raise ClusterUnavailable(
                        f"Elasticsearch stayed unreachable after {attempt} attempts "
                        f"({self.stats.indexed:,} documents indexed so far)",
                        hint="documents are indexed by id, so running the same command again "
                        "resumes without duplicates",
                    ) from exc
                self.stats.retries += 1
                self.sleep(backoff)
                backoff = min(backoff * 2, self.max_backoff)

    def _send(self, by_id: dict[str, Article]) -> None:
        """Send one chunk; documents Elasticsearch turns away for a while are sent again.

        A 429 from a full write queue passes, so those documents are retried
        with backoff. A 429 (or 403) ``cluster_block_exception`` does not: a
        full disk's flood-stage block lasts until someone frees the disk, so
        it ends the run at once instead of after minutes of retries.
        """
        indexed = 0
        failures: list[dict[str, Any]] = []
        pending = by_id
        backoff = self.initial_backoff
        for attempt in range(self.bulk_retries + 1):
            results = helpers.streaming_bulk(
                self.client,
                self._actions(list(pending.values())),
                chunk_size=len(pending),
                max_retries=0,
                retry_on_status=(),
                raise_on_error=False,
                raise_on_exception=True,
            )
            again: dict[str, Article] = {}
            for ok, item in results:
                info = next(iter(item.values()))
                if ok:
                    indexed += 1
                    continue
                error = info.get("error") or {}
                reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
                kind = error.get("type", "rejected") if isinstance(error, dict) else "rejected"
                article = pending.get(str(info.get("_id")))
                busy = info.get("status") == 429 and kind != "cluster_block_exception"
                if busy and article is not None and attempt < self.bulk_retries:
                    again[article.id] = article
                    continue
                failures.append(
                    {
                        "reason": reason,
                        "kind": kind,
                        "status": info.get("status"),
                        "id": info.get("_id"),
                        "url": article.url if article else None,
                        "document": article.model_dump(mode="json") if article else None,
                    }
                )
            if not again:
                break
            self.stats.retries += 1
            self.sleep(backoff)
            backoff = min(backoff * 2, self.max_backoff)
            pending = again
        # Recorded only once the whole chunk went through, so a chunk retried
        # after a connection failure is never counted or dead-lettered twice.
        self.stats.indexed += indexed
        blocked = [f for f in failures if f["kind"] == "cluster_block_exception"]
        if blocked:
            # The whole index refuses writes (a full disk's flood stage, or a
            # read-only block): every later chunk would fail the same way.
            reason = str(blocked[0]["reason"])
            raise IndexBlocked(
                f"Elasticsearch refuses writes to {self.index} "
                f"({self.stats.indexed:,} documents indexed before): {reason}",
                hint=DISK_HINT if "disk" in reason or "flood" in reason else BLOCK_HINT,
            )
        for failure in failures:
            self.stats.failed += 1
            self.stats.errors[failure["kind"]] = self.stats.errors.get(failure["kind"], 0) + 1
            self.dead_letters.add(failure.pop("reason"), **failure)
