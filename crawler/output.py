"""The ``--output`` file: each kept article as one JSON line, written as soon as it is kept.

Scrapy's feed exports buffer lines in memory and write them in blocks, so a
killed crawl lost the articles still in the buffer while its frontier
counted them done. Here every line reaches the operating system before the
item goes on, a resumed crawl appends instead of truncating, and an article
already in the file (fetched again after a kill) is not written twice.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

STAT = "newsarchive"


def ids_in_jsonl(path: Path) -> set[str]:
    """Article ids of the complete lines of a JSON lines file."""
    found: set[str] = set()
    if not path.is_file():
        return found
    with path.open(encoding="utf-8", errors="replace") as stream:
        for line in stream:
            if not line.endswith("\n"):
                break  # cut short by a kill: never written whole
            try:
                found.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                continue
    return found


def drop_partial_last_line(path: Path) -> int:
    """Cut a last line left without its newline by a kill; returns the bytes cut."""
    if not path.is_file():
        return 0
    with path.open("rb+") as stream:
        size = stream.seek(0, os.SEEK_END)
        position = size
        while position > 0:
            step = min(65536, position)
            stream.seek(position - step)
            block = stream.read(step)
            newline = block.rfind(b"\n")
            if newline >= 0:
                position = position - step + newline + 1
                break
            position -= step
        stream.truncate(position)
        return size - position


class JsonLinesOutput:
    def __init__(self, crawler: Crawler, path: Path, append: bool) -> None:
        self.crawler = crawler
        self.path = path
        self.append = append
        self.written: set[str] = set()
        self.stream: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonLinesOutput:
        path = crawler.settings.get("NEWSARCHIVE_OUTPUT")
        if not path:
            raise NotConfigured("no NEWSARCHIVE_OUTPUT")
        return cls(crawler, Path(path), crawler.settings.getbool("NEWSARCHIVE_OUTPUT_APPEND"))

    def open_spider(self, spider: Any = None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.append:
            drop_partial_last_line(self.path)
            self.written = ids_in_jsonl(self.path)
        self.stream = self.path.open("a" if self.append else "w", encoding="utf-8")

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        assert self.stream is not None
        if item["id"] in self.written:
            # Fetched again after a kill: the line is there already. The item
            # goes on, since the index may not hold it yet.
            stats = self.crawler.stats
            assert stats is not None
            stats.inc_value(f"{STAT}/resume/already-in-output")
            return item
        self.stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        self.stream.flush()  # in the OS's hands: a kill from here on loses nothing
        self.written.add(item["id"])
        return item

    def close_spider(self, spider: Any = None) -> None:
        if self.stream is not None:
            self.stream.close()
