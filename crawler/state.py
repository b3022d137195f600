"""A resumable crawl's state on disk: its frontier, its done-set and what it has seen.

One SQLite file in write-ahead-log mode. Each change is committed as it
happens, so it is in the operating system's hands before the crawl goes on,
and a process killed at any instant (SIGKILL included) leaves a file that
the next run reads whole.

A request's row moves through these states:

- ``pending``: discovered, not yet handed to the downloader;
- ``taken``: handed out in this run (back to ``pending`` when a run starts,
  since a killed run never finished it);
- ``done``: its outcome is recorded: a hub page read, its article in every
  output's hands, a skip or an error counted.

An output has an article once it is on disk: the JSON lines file flushes
each line, the indexing pipeline spools each article before indexing it in
batches (indexer.spool), so ``item_scraped`` comes after both.
"""

from __future__ import annotations

import pickle
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS requests (
    url TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    hub INTEGER NOT NULL DEFAULT 0,
    article_id TEXT,
    run INTEGER NOT NULL,
    request BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS requests_queue ON requests (state, priority DESC, seq);
CREATE INDEX IF NOT EXISTS requests_article ON requests (article_id);
CREATE TABLE IF NOT EXISTS seen (
    key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    run INTEGER PRIMARY KEY,
    started REAL NOT NULL,
    finish_reason TEXT
);
"""

STATE_FILE = "crawl-state.sqlite"


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the state file; every statement commits on its own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    # NORMAL: a committed change survives the process being killed (it is in
    # the WAL, in the OS's page cache); only a power cut may lose the last ones.
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(SCHEMA)
    return db


class Frontier:
    """The request queue and done-set of a resumable crawl."""

    def __init__(self, path: Path) -> None:
        self.db = connect(path)
        self._seq = int(self.db.execute("SELECT coalesce(max(seq), 0) FROM requests").fetchone()[0])
        previous = self.db.execute(
            "SELECT finish_reason FROM runs ORDER BY run DESC LIMIT 1"
        ).fetchone()
        self.previous_finish = previous[0] if previous else None
        self.resumed = previous is not None
        cursor = self.db.execute("INSERT INTO runs (started) VALUES (?)", (time.time(),))
        self.run = int(cursor.lastrowid or 0)
        self.pending = 0

    # --- a run's start and end ---------------------------------------------------

    def begin(self) -> int:
        """Put back what a killed run had taken but not finished; returns how many.

        After a run that finished, hub pages (sitemaps, feeds, section pages)
        are forgotten so this run reads them again for new articles; after a
        killed one they stay as they were, and the crawl goes on.
        """
        with self.db:
            requeued = self.db.execute(
                "UPDATE requests SET state='pending' WHERE state='taken'"
            ).rowcount
            if self.previous_finish == "finished":
                self.db.execute(
                    "DELETE FROM requests WHERE hub=1 AND state='done' AND article_id IS NULL"
                )
        self.pending = int(
            self.db.execute("SELECT count(*) FROM requests WHERE state='pending'").fetchone()[0]
        )
        return int(requeued)

    def finish(self, reason: str) -> None:
        self.db.execute("UPDATE runs SET finish_reason=? WHERE run=?", (reason, self.run))

    def close(self) -> None:
        self.db.close()

    # --- the queue -----------------------------------------------------------------

    def add(
        self, url: str, request: dict[str, Any], *, priority: int, hub: bool, again: bool
    ) -> str:
        """Queue a request; returns ``"queued"``, ``"seen"`` (this run) or ``"known"`` (earlier).

        ``again`` (Scrapy's ``dont_filter``: seeds, retries) queues a known
        URL once more instead of refusing it.
        """
        self._seq += 1
        blob = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        row = self.db.execute("SELECT state, run FROM requests WHERE url=?", (url,)).fetchone()
        if row is None:
            self.db.execute(
                "INSERT INTO requests (url, seq, priority, state, hub, run, request) "
                "VALUES (?, ?, ?, 'pending', ?, ?, ?)",
                (url, self._seq, priority, int(hub), self.run, blob),
            )
            self.pending += 1
            return "queued"
        state, run = row
        if again and state != "pending":
            self.db.execute(
                "UPDATE requests SET state='pending', seq=?, priority=?, request=?, run=? "
                "WHERE url=?",
                (self._seq, priority, blob, self.run, url),
            )
            self.pending += 1
            return "queued"
        if again:
            return "queued"  # already waiting
        if run == self.run:
            return "seen"
        # Done in an earlier run: said once; later links to it in this run are
        # this run's duplicates, so the summary counts URLs, not links.
        self.db.execute("UPDATE requests SET run=? WHERE url=?", (self.run, url))
        return "known"

    def take(self) -> dict[str, Any] | None:
        """The next pending request (highest priority, then first queued), now taken."""
        row = self.db.execute(
            "SELECT url, request FROM requests WHERE state='pending' "
            "ORDER BY priority DESC, seq LIMIT 1"
        ).fetchone()
        if row is None:
            self.pending = 0
            return None
        self.db.execute("UPDATE requests SET state='taken' WHERE url=?", (row[0],))
        self.pending -= 1
        request: dict[str, Any] = pickle.loads(row[1])  # noqa: S301 - our own file
        return request

    # --- outcomes ------------------------------------------------------------------

    def settle(self, urls: Iterable[str], article_id: str | None = None) -> None:
        """These requests' outcome is recorded (``article_id``: the article it gave)."""
        self.db.executemany(
            "UPDATE requests SET state='done', article_id=coalesce(?, article_id) WHERE url=?",
            [(article_id, u) for u in urls],
        )


class SeenArticles:
    """Canonical URLs and body fingerprints already kept, each with its article id.

    The duplicate filter of a resumable crawl: a page seen again in a later
    run is a duplicate only if the key belongs to another article, so an
    article re-fetched after a kill is not mistaken for a copy of itself.
    """

    def __init__(self, path: Path) -> None:
        self.db = connect(path)

    def owner(self, key: str) -> str | None:
        row = self.db.execute("SELECT article_id FROM seen WHERE key=?", (key,)).fetchone()
        return str(row[0]) if row else None

    def claim(self, key: str, article_id: str) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO seen (key, article_id) VALUES (?, ?)", (key, article_id)
        )

    def close(self) -> None:
        self.db.close()
