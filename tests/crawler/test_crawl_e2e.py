"""End to end: `newsarchive crawl` against the sample site on a real local HTTP server.

Each crawl runs in a subprocess, as a user runs it (Twisted's reactor runs
once per process). Nothing on the HTTP side is mocked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crawler.samplesite import AWKWARD, SampleSiteServer

pytestmark = pytest.mark.e2e


def crawl(
    *args: str, cwd: Path, root: tuple[str, ...] = (), env_extra: dict[str, str] | None = None
) -> tuple[int, dict[str, Any], str]:
    """Run `newsarchive [root options] crawl ARGS --json` as a user would."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSARCHIVE_")}
    env.update(env_extra or {})
    command = [
        sys.executable,
        "-m",
        "newsarchive",
        *root,
        "crawl",
        *args,
        "--json",
        "--timeout",
        "2",
        "--delay",
        "0",
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)
    summary = json.loads(result.stdout) if result.stdout.strip().startswith("{") else {}
    return result.returncode, summary, result.stderr


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def sitemap_crawl(sample_site: SampleSiteServer, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    workdir = tmp_path_factory.mktemp("crawl")
    before = len(sample_site.requests)
    code, summary, stderr = crawl(
        f"{sample_site.base_url}/sitemap.xml", "--output", "out.jsonl", "--no-index", cwd=workdir
    )
    assert code == 0, stderr
    return summary, read_jsonl(workdir / "out.jsonl"), sample_site.requests[before:]


def test_every_article_exactly_once_with_the_right_fields(
    sample_site: SampleSiteServer,
    sitemap_crawl,  # type: ignore[no-untyped-def]
) -> None:
    summary, articles, _ = sitemap_crawl
    by_url = {}
    for article in articles:
        assert article["canonical_url"] not in by_url, "an article was written twice"
        by_url[article["canonical_url"]] = article
    for sample in sample_site.site.articles:
        got = by_url.get(sample_site.base_url + sample.path)
        assert got is not None, f"missing {sample.path}"
        assert got["title"] == sample.title
        assert got["source"] == sample.outlet_name
        assert got["published_at"] is not None
        assert got["published_at"].replace("Z", "+00:00") == sample.published.isoformat()
        assert got["body"].split()[:12] == sample.body.split()[:12]
        assert got["body"].split()[-8:] == sample.body.split()[-8:]
    assert summary["articles"] == len(articles)
    # The tracking-parameter copy in the sitemap was not fetched a second time.
    assert summary["duplicates"].get("same-url", 0) >= 1


def test_robots_disallowed_path_is_never_requested(sitemap_crawl) -> None:  # type: ignore[no-untyped-def]
    summary, _, requests = sitemap_crawl
    assert not [r for r in requests if r.startswith("/private/")]
    assert summary["skipped"]["robots-disallowed"] == 1
    assert "robots-disallowed" not in summary["errors"]


def test_every_bad_page_is_survived_and_counted(sitemap_crawl) -> None:  # type: ignore[no-untyped-def]
    summary, articles, _ = sitemap_crawl
    assert summary["errors"]["http-500"] == 1
    assert summary["errors"]["http-404"] == 1
    assert summary["errors"]["timeout"] == 1
    assert summary["errors"]["too-large"] == 1
    assert summary["errors"]["redirect-loop"] == 1
    assert summary["skipped"]["not-html"] == 1
    assert summary["skipped"]["binary-content"] == 1
    assert summary["skipped"]["not-an-article"] >= 2  # the gallery and the empty page
    by_path = {a["url"].split("127.0.0.1")[-1].split("/", 1)[-1]: a for a in articles}
    broken = next(a for p, a in by_path.items() if p.endswith("awkward/broken.html"))
    assert broken["title"] == "Storm closes ports along the Adriatic coast"
    latin1 = next(a for p, a in by_path.items() if p.endswith("awkward/latin1.html"))
    assert latin1["title"] == "Café owners in Montréal protest new rules"
    assert "naïve" in latin1["body"]
    for name in ("nodate", "absurd-date", "future-date"):
        undated = next(a for p, a in by_path.items() if p.endswith(f"awkward/{name}.html"))
        assert undated["published_at"] is None
    assert summary["articles_without_date"] == 3
    assert len(AWKWARD) == 15  # every awkward page above is accounted for


def test_site_profile_with_feeds_links_and_since(
    sample_site: SampleSiteServer, tmp_path: Path
) -> None:
    code, summary, stderr = crawl(
        "--site",
        "sample",
        "--base-url",
        sample_site.base_url,
        "--no-index",
        "--since",
        "2016-01",
        "--output",
        "recent.jsonl",
        cwd=tmp_path,
    )
    assert code == 0, stderr
    articles = read_jsonl(tmp_path / "recent.jsonl")
    assert summary["skipped"]["older-than-since"] > 0
    urls = {a["canonical_url"] for a in articles}
    recent = [a for a in sample_site.site.articles if a.published.year == 2016]
    assert {sample_site.base_url + a.path for a in recent} <= urls


def test_max_articles_stops_the_crawl(sample_site: SampleSiteServer, tmp_path: Path) -> None:
    code, summary, stderr = crawl(
        f"{sample_site.base_url}/sitemap.xml",
        "--no-index",
        "--max-articles",
        "3",
        "--output",
        "few.jsonl",
        cwd=tmp_path,
    )
    assert code == 0, stderr
    assert summary["finish_reason"] == "closespider_itemcount"
    # Requests already in flight may still land, but the crawl stops well short.
    assert 3 <= len(read_jsonl(tmp_path / "few.jsonl")) < len(sample_site.site.articles)


def test_resume_continues_a_stopped_crawl_without_refetching(
    sample_site: SampleSiteServer, tmp_path: Path
) -> None:
    """A crawl cut short (here by --max-articles) continues where it stopped with --resume."""
    cache = {"NEWSARCHIVE_CACHE_DIR": str(tmp_path / "cache")}
    seeds = (
        f"{sample_site.base_url}/sitemaps/meridian.xml",
        f"{sample_site.base_url}/sitemaps/harbour.xml",
    )
    code, first, stderr = crawl(
        *seeds,
        "--no-index",
        "--resume",
        "--max-articles",
        "3",
        "--concurrency",
        "1",
        "--output",
        "first.jsonl",
        cwd=tmp_path,
        env_extra=cache,
    )
    assert code == 0, stderr
    assert first["finish_reason"] == "closespider_itemcount"
    before = len(sample_site.requests)
    code, second, stderr = crawl(
        *seeds, "--no-index", "--resume", "--output", "second.jsonl", cwd=tmp_path, env_extra=cache
    )
    assert code == 0, stderr
    one = {a["canonical_url"] for a in read_jsonl(tmp_path / "first.jsonl")}
    two = {a["canonical_url"] for a in read_jsonl(tmp_path / "second.jsonl")}
    expected = {
        sample_site.base_url + a.path
        for a in sample_site.site.articles
        if a.outlet in ("meridian", "harbour")
    }
    assert one and two and not one & two  # nothing fetched twice
    assert one | two == expected  # nothing lost
    refetched = [
        r
        for r in sample_site.requests[before:]
        if r.split("?")[0] in {u.removeprefix(sample_site.base_url) for u in one}
    ]
    assert refetched == []


def test_bad_arguments_are_one_line_errors(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsarchive", "crawl", "ftp://example.com/", "--no-index"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "not an http(s) URL" in result.stderr and "Traceback" not in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "newsarchive", "crawl", "--site", "nowhere", "--no-index"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2 and "no site profile 'nowhere'" in result.stderr


@pytest.mark.es
def test_crawl_into_the_index_then_recrawl_fetches_only_new_articles(
    sample_site: SampleSiteServer, es_url: str, tmp_path: Path
) -> None:
    from elasticsearch import Elasticsearch

    alias = f"crawl-{tmp_path.name[-8:].lower().replace('_', '-')}"
    sitemap = f"{sample_site.base_url}/news-sitemap.xml"
    root = ("--es-url", es_url, "--index", alias)
    code, first, stderr = crawl(sitemap, "--dead-letter", "dead.jsonl", cwd=tmp_path, root=root)
    assert code == 0, stderr
    client = Elasticsearch(es_url)
    try:
        northstar = len(sample_site.site.by_outlet("northstar"))
        assert first["indexed"] == northstar
        assert client.count(index=alias)["count"] == northstar
        doc = client.search(index=alias, query={"match_all": {}}, size=1)["hits"]["hits"][0][
            "_source"
        ]
        assert doc["places"] and doc["actors"]  # enriched on the way in
        before = len(sample_site.requests)
        code, again, stderr = crawl(sitemap, "--dead-letter", "dead.jsonl", cwd=tmp_path, root=root)
        assert code == 0, stderr
        assert again["skipped"]["already-indexed"] == northstar
        assert not [r for r in sample_site.requests[before:] if r.startswith("/northstar/")]
        assert client.count(index=alias)["count"] == northstar
    finally:
        client.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)


def test_links_are_followed_on_a_site_with_a_port(
    sample_site: SampleSiteServer, tmp_path: Path
) -> None:
    """Section pages are linked from the homepage only: reaching them means links were followed."""
    before = len(sample_site.requests)
    code, summary, stderr = crawl(
        f"{sample_site.base_url}/", "--no-index", "--depth", "1", "--max-articles", "5",
        "--output", "linked.jsonl", cwd=tmp_path,
    )  # fmt: skip
    assert code == 0, stderr
    sections = {f"/{outlet}/" for outlet in sample_site.site.outlets}
    assert sections & set(sample_site.requests[before:])
