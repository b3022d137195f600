"""A crawl killed with SIGKILL at any moment, then resumed, loses and duplicates nothing.

Real processes, a real HTTP server and the real node: each crawl runs as a
user runs it (`newsarchive crawl --resume`), and is killed with SIGKILL once
the server has answered a random number of new article pages.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from crawler.samplesite import SampleSiteServer

pytestmark = [pytest.mark.e2e, pytest.mark.es, pytest.mark.faults]

COPIES = 11  # 451 articles over three outlets' sitemaps


@pytest.fixture(scope="module")
def big_site() -> Iterator[SampleSiteServer]:
    server = SampleSiteServer(0, copies=COPIES, slow_seconds=1)
    server.start_in_thread()
    yield server
    server.shutdown()
    server.server_close()


def seeds(site: SampleSiteServer) -> list[str]:
    return [
        f"{site.base_url}/sitemaps/meridian.xml",
        f"{site.base_url}/sitemaps/harbour.xml",
        f"{site.base_url}/news-sitemap.xml",
    ]


def crawl_command(site: SampleSiteServer, root: list[str], *options: str) -> list[str]:
    return [
        sys.executable, "-m", "newsarchive", *root, "crawl", *seeds(site), *options,
        "--quiet", "--timeout", "5", "--delay", "0", "--concurrency", "8",
    ]  # fmt: skip


def article_fetches(site: SampleSiteServer, since: int = 0) -> list[str]:
    return [r.split("?")[0] for r in site.requests[since:] if r.split("?")[0] in site.by_path]


def ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines() if line.strip()]


def test_five_kills_lose_and_repeat_nothing(
    big_site: SampleSiteServer, es_url: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSARCHIVE_")}
    env["NEWSARCHIVE_CACHE_DIR"] = str(tmp_path / "cache")

    # The reference: one clean crawl, no index.
    clean = subprocess.run(
        crawl_command(big_site, [], "--no-index", "--output", str(tmp_path / "clean.jsonl")),
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert clean.returncode == 0, clean.stderr
    expected = set(ids(tmp_path / "clean.jsonl"))
    assert len(expected) == len(big_site.site.articles)

    alias = "killed-crawl"
    output = tmp_path / "killed.jsonl"
    command = crawl_command(
        big_site, ["--es-url", es_url, "--index", alias], "--resume",
        "--output", str(output), "--dead-letter", str(tmp_path / "dead.jsonl"),
    )  # fmt: skip
    start = len(big_site.requests)
    rng = random.Random(18)
    kills = 0
    for _ in range(5):
        before = len(article_fetches(big_site))
        wanted = rng.randint(5, 70)
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            if len(article_fetches(big_site)) - before >= wanted:
                process.send_signal(signal.SIGKILL)
                kills += 1
                break
            time.sleep(0.01)
        process.wait(timeout=60)
    assert kills == 5, "every run was meant to be killed mid-crawl"
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr

    written = ids(output)
    assert Counter(written).most_common(1)[0][1] == 1, "an article was written twice"
    assert set(written) == expected
    client = Elasticsearch(es_url)
    try:
        client.indices.refresh(index=alias)
        assert client.count(index=alias)["count"] == len(expected)
        hits = client.search(index=alias, size=1000, source=False, query={"match_all": {}})
        assert {h["_id"] for h in hits["hits"]["hits"]} == expected
    finally:
        client.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)
        client.close()
    fetched = Counter(article_fetches(big_site, start))
    assert max(fetched.values()) <= 2, fetched.most_common(3)
