"""Hostile sites, served for real on loopback: what a sitemap, a redirect or a page may not make the crawler do.

A second server on 127.0.0.2 stands in for another host (a private or
another outlet's address); a socket that accepts and never answers stands
in for an ftp server that stalls. Each crawl runs as a user runs it.
"""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from crawler.extract import decode_html
from crawler.targets import refusal

pytestmark = [pytest.mark.e2e, pytest.mark.faults]

WORDS = (
    "The regional council met on Tuesday to discuss the budget for the coming year, and "
    "members said the figures for schools, roads and hospitals were in line with plans. "
)


def article_html(title: str, extra_head: str = "", charset: str = "utf-8", text: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{title}</title>'
        f'<meta property="article:published_time" content="2015-11-20T10:00:00+00:00">'
        f"{extra_head}</head><body><article><h1>{title}</h1>"
        + "".join(f"<p>{title}. {text}{WORDS * 3}</p>" for _ in range(4))
        + "</article></body></html>"
    )


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, routes: dict[str, tuple[int, bytes, dict[str, str]]]) -> None:
        super().__init__((host, 0), Handler)
        self.routes = routes
        self.requests: list[str] = []

    @property
    def base(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.requests.append(self.path)
        status, body, headers = self.server.routes.get(self.path, (404, b"missing", {}))
        if self.path.startswith("/chain/"):  # a sitemap index chain that never ends
            number = int(self.path.split("/")[-1].split(".")[0])
            body = (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9"><sitemap><loc>{self.server.base}/chain/{number + 1}.xml</loc>'
                "</sitemap></sitemapindex>"
            ).encode()
            status, headers = 200, {"Content-Type": "application/xml"}
        self.send_response(status)
        for key, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Site) -> Site:
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return site


@pytest.fixture()
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says a word (a stalled ftp server)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield listener.getsockname()[1]
    listener.close()


def urlset(urls: list[tuple[str, str | None]]) -> bytes:
    rows = "".join(
        f"<url><loc>{u}</loc>{f'<lastmod>{d}</lastmod>' if d else ''}</url>" for u, d in urls
    )
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{rows}</urlset>"
    ).encode()


def crawl(tmp_path: Path, *args: str) -> tuple[int, dict[str, Any], list[dict[str, Any]]]:
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "newsarchive", "crawl", *args, "--no-index", "--json",
         "--output", str(out), "--timeout", "3", "--delay", "0"],
        capture_output=True, text=True, timeout=240, cwd=tmp_path,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    summary = json.loads(result.stdout)
    lines = [json.loads(x) for x in out.read_text().splitlines()] if out.exists() else []
    return result.returncode, summary, lines


def test_sitemaps_and_redirects_cannot_reach_files_other_hosts_or_stall(
    tmp_path: Path, silent_port: int
) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text(article_html("Local secret file that must stay local"))
    other = serve(Site("127.0.0.2", {"/a.html": (200, article_html("Other").encode(), {})}))
    html = {"Content-Type": "text/html; charset=utf-8"}
    routes: dict[str, tuple[int, bytes, dict[str, str]]] = {
        f"/news/{n}.html": (200, article_html(f"Real story number {n}").encode(), html)
        for n in range(6)
    }
    site = serve(Site("127.0.0.1", routes))
    routes["/redirect-away"] = (302, b"", {"Location": f"{other.base}/b.html"})
    routes["/redirect-file"] = (302, b"", {"Location": secret.as_uri()})
    routes["/canonical.html"] = (
        200,
        article_html(
            "A page claiming another outlet's URL",
            f'<link rel="canonical" href="{other.base}/a.html">',
        ).encode(),
        html,
    )
    deep = "[" * 50_000 + "]" * 50_000
    routes["/deep-json-ld.html"] = (
        200,
        article_html(
            "A page with absurdly nested JSON-LD",
            f'<script type="application/ld+json">{deep}</script>',
        ).encode(),
        html,
    )
    routes["/lying-charset.html"] = (
        200,
        article_html("Cafe owners protest", charset="iso-8859-1", text="Café naïve Montréal. ")
        .encode("utf-8"),
        {"Content-Type": "text/html; charset=iso-8859-1"},
    )  # fmt: skip
    routes["/sitemap.xml"] = (
        200,
        urlset(
            [(f"{site.base}/news/{n}.html", "2015-11-20") for n in range(6)]
            + [
                (secret.as_uri(), None),
                (f"ftp://127.0.0.1:{silent_port}/feed.xml", None),
                (f"{other.base}/a.html", None),
                (f"{site.base}/redirect-away", None),
                (f"{site.base}/redirect-file", None),
                (f"{site.base}/canonical.html", None),
                (f"{site.base}/deep-json-ld.html", None),
                (f"{site.base}/lying-charset.html", None),
            ]
        ),
        {"Content-Type": "application/xml"},
    )
    try:
        code, summary, articles = crawl(tmp_path, f"{site.base}/sitemap.xml")
    finally:
        site.shutdown()
        other.shutdown()
    assert code == 0
    titles = {a["title"] for a in articles}
    assert {f"Real story number {n}" for n in range(6)} <= titles
    assert "Local secret file that must stay local" not in titles
    assert other.requests == []  # neither the sitemap entry nor the redirect reached it
    skipped = summary["skipped"]
    assert skipped["unsupported-scheme"] == 3  # file:// twice (entry, redirect), ftp:// once
    assert skipped["off-site"] == 2  # the entry and the redirect
    # A foreign canonical URL gives no identity: the page keeps its own.
    claimed = next(a for a in articles if a["title"].startswith("A page claiming"))
    assert claimed["canonical_url"] == f"{site.base}/canonical.html"
    # Deep JSON-LD is read past, not a crash; the page is still an article.
    assert "A page with absurdly nested JSON-LD" in titles
    lying = next(a for a in articles if a["title"] == "Cafe owners protest")
    assert "Café naïve Montréal" in lying["body"]
    assert summary["flagged"] == {"charset-redetected": 1}


def test_discovery_is_bounded_and_newest_first(tmp_path: Path) -> None:
    html = {"Content-Type": "text/html; charset=utf-8"}
    routes: dict[str, tuple[int, bytes, dict[str, str]]] = {
        f"/news/{n}.html": (200, article_html(f"Fresh story {n}").encode(), html) for n in range(6)
    }
    site = serve(Site("127.0.0.1", routes))
    junk = [(f"{site.base}/j/{n}", "2014-01-01") for n in range(100_000)]
    fresh = [(f"{site.base}/news/{n}.html", "2015-11-2" + str(n)) for n in range(6)]
    body = urlset(junk[:50_000] + fresh + junk[50_000:])
    routes["/big.xml"] = (
        200,
        gzip.compress(body),
        {"Content-Type": "application/xml", "Content-Encoding": "gzip"},
    )
    try:
        code, summary, articles = crawl(tmp_path, f"{site.base}/big.xml", "--max-articles", "6")
        assert code == 0
        assert {a["title"] for a in articles} == {f"Fresh story {n}" for n in range(6)}
        assert summary["skipped"]["sitemap-url-limit"] == 100_006 - 50_000
        code, summary, _ = crawl(tmp_path, f"{site.base}/chain/0.xml")
    finally:
        site.shutdown()
    assert code == 0
    chain = [r for r in site.requests if r.startswith("/chain/")]
    assert len(chain) == 6  # the start, then five levels down
    assert summary["skipped"]["sitemap-too-deep"] == 1


def test_the_target_policy_rules() -> None:
    seeds = [("news.example", 443)]
    assert refusal("https://news.example/a", seeds) is None
    assert refusal("http://news.example/a", seeds) is None  # http and https are one site
    assert refusal("https://www.news.example/a", seeds) is None
    assert refusal("file:///etc/passwd", seeds) == "unsupported-scheme"
    assert refusal("https://other.example/a", seeds) == "off-site"
    assert refusal("http://127.0.0.2/a", seeds, follow_offsite=True) == "private-address"
    assert refusal("http://169.254.169.254/a", seeds, follow_offsite=True) == "private-address"
    assert refusal("http://localhost:8080/", seeds, follow_offsite=True) == "private-address"
    assert refusal("http://10.0.0.1/", seeds, follow_offsite=True, allow_private=True) is None
    assert refusal("http://127.0.0.1:81/", [("127.0.0.1", 80)]) == "off-site"  # another port


def test_a_page_whose_charset_lies_is_read_as_what_it_is() -> None:
    assert decode_html("Café".encode(), "cp1252") == ("Café", True)
    assert decode_html("Café".encode("cp1252"), "utf-8") == ("Café", True)
    assert decode_html("Café".encode("latin-1"), "iso-8859-1") == ("Café", False)
