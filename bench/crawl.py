"""Crawl and extraction speed, and extraction quality.

    .venv/bin/python bench/crawl.py [--copies 120]

1. Crawl+extract: `newsarchive crawl` over a scaled-up sample site (each
   article repeated under new URLs) served on 127.0.0.1, --no-index.
2. Extraction alone: `extract()` over the same rendered pages, one process.
3. Quality: token-level F1 of the extracted body against the text the page
   was rendered from, for every sample page (three different markups), next
   to plain trafilatura with its default settings.
Writes the numbers to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_section  # noqa: E402
from crawler.extract import extract  # noqa: E402
from crawler.samplesite import SampleSiteServer, load_site, render_article  # noqa: E402


def token_f1(predicted: str, truth: str) -> float:
    p, t = Counter(predicted.split()), Counter(truth.split())
    overlap = sum((p & t).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def crawl_speed(copies: int, concurrency: int | None = None) -> dict[str, float]:
    server = SampleSiteServer(0, copies=copies)
    server.start_in_thread()
    base = server.base_url
    seeds = [
        f"{base}/sitemaps/meridian.xml",
        f"{base}/sitemaps/harbour.xml",
        f"{base}/news-sitemap.xml",
    ]
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "newsarchive",
                "crawl",
                *seeds,
                "--no-index",
                "--json",
                "--delay",
                "0",
                "--output",
                "out.jsonl",
                *(["--concurrency", str(concurrency)] if concurrency else []),
            ],
            capture_output=True,
            text=True,
            cwd=work,
            check=True,
        )
        wall = time.perf_counter() - started
        summary = json.loads(result.stdout)
        written = len((Path(work) / "out.jsonl").read_text().splitlines())
    server.shutdown()
    return {
        "pages": summary["pages"],
        "articles": written,
        "seconds": summary["seconds"],
        "pages_per_second": summary["pages"] / summary["seconds"],
        "wall": wall,
    }


def extraction_speed(copies: int) -> dict[str, float]:
    site = load_site(copies=copies)
    pages = [(render_article(a, site), f"http://127.0.0.1:8765{a.path}") for a in site.articles]
    extract(*pages[0])  # warm up trafilatura and the language model
    started = time.perf_counter()
    for html, url in pages:
        extract(html, url)
    seconds = time.perf_counter() - started
    return {
        "pages": len(pages),
        "seconds": seconds,
        "pages_per_second": len(pages) / seconds,
        "ms_per_page": 1000 * seconds / len(pages),
    }


def extraction_quality() -> dict[str, float]:
    import trafilatura

    site = load_site()
    ours, plain = [], []
    for article in site.articles:
        html = render_article(article, site)
        url = f"http://127.0.0.1:8765{article.path}"
        got = extract(html, url)
        ours.append(token_f1(got.body if got else "", article.body))
        baseline = trafilatura.extract(html, url=url) or ""
        plain.append(token_f1(baseline, article.body))
    return {
        "pages": len(ours),
        "ours": sum(ours) / len(ours),
        "trafilatura": sum(plain) / len(plain),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=120, help="scale: 41 articles x copies")
    args = parser.parse_args()
    polite = crawl_speed(args.copies)
    crawl = crawl_speed(args.copies, concurrency=16)
    alone = extraction_speed(max(1, args.copies // 4))
    quality = extraction_quality()
    body = (
        f"Measured {dt.date.today().isoformat()}.\n\n"
        "| measure | result |\n| --- | ---: |\n"
        f"| crawl + extract, loopback, default politeness (4 per site, AutoThrottle), "
        f"{polite['pages']:,} pages ({polite['articles']:,} articles) "
        f"| {polite['pages_per_second']:.1f} pages/s ({polite['seconds']:.1f} s) |\n"
        f"| crawl + extract, loopback, --concurrency 16, {crawl['pages']:,} pages "
        f"({crawl['articles']:,} articles) "
        f"| {crawl['pages_per_second']:.1f} pages/s ({crawl['seconds']:.1f} s) |\n"
        f"| extraction alone, {alone['pages']:,} pages, one process | "
        f"{alone['pages_per_second']:.1f} pages/s ({alone['ms_per_page']:.1f} ms/page) |\n"
        f"| body token F1, {quality['pages']} sample pages, newsarchive | {quality['ours']:.3f} |\n"
        f"| body token F1, same pages, plain trafilatura | {quality['trafilatura']:.3f} |\n\n"
        "Target: 80 pages/s crawl+extract; F1 0.97. The quality set is the bundled sample "
        "site (three outlets' markup), not held-out real-world pages: no such set can be "
        "fetched here, so the real-world F1 remains unmeasured."
    )
    print(body)
    write_section("Crawler", body)


if __name__ == "__main__":
    main()
