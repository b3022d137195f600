"""Articles handed to the indexer and not yet answered for by Elasticsearch, kept on disk.

The crawl's indexing pipeline sends articles in batches, so up to a batch of
them lives only in memory between their fetch and their indexing. In a
resumable crawl each one is written here first (one SQLite row, committed)
and removed once Elasticsearch has taken it or the dead-letter file has it;
a killed crawl's next run indexes what is left before anything else, so
the article need not be fetched again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from newsarchive.article import Article

SPOOL_FILE = "index-spool.sqlite"


class Spool:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # survives a killed process
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS spool "
            "(seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, document TEXT NOT NULL)"
        )

    def add(self, article: Article) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO spool (id, document) VALUES (?, ?)",
            (article.id, article.model_dump_json()),
        )

    def remove(self, ids: Iterable[str]) -> None:
        self.db.executemany("DELETE FROM spool WHERE id=?", [(i,) for i in ids])

    def waiting(self) -> list[Article]:
        """What an earlier run spooled and never saw indexed, oldest first."""
        rows = self.db.execute("SELECT document FROM spool ORDER BY seq")
        return [Article.model_validate_json(row[0]) for row in rows]

    def close(self) -> None:
        self.db.close()
