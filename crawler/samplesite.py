"""The bundled sample news site, served on 127.0.0.1 for the demo, tests and benchmarks.

Three outlets publish the articles of ``samples/site/articles.toml``, each
with its own markup (JSON-LD, OpenGraph, a bare ``<time>``), plus a robots.txt,
a sitemap index, a Google News sitemap, RSS and Atom feeds, and a set of
awkward pages that a crawler must survive. Every request is logged, so tests
can prove what was (and was not) fetched.

Run it: ``python -m crawler.samplesite --port 8765``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import html
import json
import threading
import time
import tomllib
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from newsarchive.article import Article

ARTICLES_FILE = Path(__file__).resolve().parent.parent / "samples" / "site" / "articles.toml"
HUGE_PAGE_BYTES = 30 * 1024 * 1024


@dataclass(frozen=True)
class SampleArticle:
    outlet: str
    outlet_name: str
    style: str
    slug: str
    published: dt.datetime
    author: str
    title: str
    description: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/{self.outlet}/{self.published:%Y/%m/%d}/{self.slug}.html"

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_article(self, base_url: str = "http://sample") -> Article:
        """The article as extraction would give it (for tests and benchmarks of later stages)."""
        return Article(
            url=f"{base_url}{self.path}",
            source=self.outlet_name,
            title=self.title,
            description=self.description,
            body=self.body,
            authors=[self.author],
            published_at=self.published,
        )


@dataclass(frozen=True)
class SampleSite:
    outlets: dict[str, dict[str, str]]
    articles: tuple[SampleArticle, ...]

    def by_outlet(self, outlet: str) -> list[SampleArticle]:
        return sorted(
            (a for a in self.articles if a.outlet == outlet),
            key=lambda a: a.published,
            reverse=True,
        )


def load_site(path: Path = ARTICLES_FILE, *, copies: int = 1) -> SampleSite:
    """The sample site; ``copies`` > 1 repeats every article under new slugs (benchmarks)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    outlets = data["outlets"]
    articles = []
    for copy in range(copies):
        for raw in data["article"]:
            outlet = outlets[raw["outlet"]]
            suffix = f"-{copy}" if copy else ""
            articles.append(
                SampleArticle(
                    outlet=raw["outlet"],
                    outlet_name=outlet["name"],
                    style=outlet["style"],
                    slug=raw["slug"] + suffix,
                    published=dt.datetime.fromisoformat(raw["published"]),
                    author=raw["author"],
                    title=raw["title"],
                    description=raw["description"],
                    paragraphs=tuple(p.strip() for p in raw["body"].strip().split("\n\n"))
                    # A copy is a distinct article (a follow-up), not a duplicate to drop.
                    + ((f"Follow-up report number {copy} on this story.",) if copy else ()),
                )
            )
    return SampleSite(outlets=outlets, articles=tuple(articles))


# --- rendering ------------------------------------------------------------------

e = html.escape


def _page(title: str, head: str, body: str, outlet: str = "", lang: str = "en") -> str:
    nav = " ".join(
        f'<a href="/{name}/">{label}</a>'
        for name, label in (
            ("meridian", "Meridian Wire"),
            ("harbour", "Harbour Daily"),
            ("northstar", "Northstar Times"),
        )
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<title>{e(title)}</title>{head}</head>\n<body class="{outlet}">'
        f'<header><nav class="site-nav">{nav} <a href="/">Home</a> '
        '<a href="/about.html">About</a> <a href="/subscribe.html">Subscribe</a></nav></header>\n'
        f"<main>{body}</main>\n"
        '<footer><p class="legal">Sample articles written for newsarchive\'s tests and demo; '
        "quotations are illustrative.</p><p>Terms of use · Privacy · Contact us</p></footer>"
        "</body></html>\n"
    )


def render_article(article: SampleArticle, site: SampleSite) -> str:
    paragraphs = "\n".join(f"<p>{e(p)}</p>" for p in article.paragraphs)
    related = [a for a in site.by_outlet(article.outlet) if a.slug != article.slug][:3]
    related_html = "".join(f'<li><a href="{a.path}">{e(a.title)}</a></li>' for a in related)
    aside = (
        f'<aside class="related"><h3>More from {e(article.outlet_name)}</h3>'
        f"<ul>{related_html}</ul></aside>"
        '<section class="comments"><h3>Comments</h3><p>Comments are closed.</p></section>'
    )
    iso = article.published.isoformat()
    canonical = f'<link rel="canonical" href="{article.path}">'
    if article.style == "json-ld":
        ld = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "@id": article.path, "name": article.title},
                {
                    "@type": "NewsArticle",
                    "headline": article.title,
                    "description": article.description,
                    "datePublished": iso,
                    "dateModified": iso,
                    "author": {"@type": "Person", "name": article.author},
                    "publisher": {"@type": "Organization", "name": article.outlet_name},
                    "inLanguage": "en",
                    "mainEntityOfPage": article.path,
                },
            ],
        }
        head = (
            f'{canonical}<meta name="description" content="{e(article.description)}">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        )
        body = (
            f'<article><h1>{e(article.title)}</h1><p class="dek">{e(article.description)}</p>'
            f'<div class="article-body">{paragraphs}</div></article>{aside}'
        )
        return _page(f"{article.title} | {article.outlet_name}", head, body, article.outlet)
    if article.style == "opengraph":
        head = (
            f'{canonical}<meta property="og:type" content="article">'
            f'<meta property="og:title" content="{e(article.title)}">'
            f'<meta property="og:site_name" content="{e(article.outlet_name)}">'
            f'<meta property="og:description" content="{e(article.description)}">'
            f'<meta property="article:published_time" content="{iso}">'
            f'<meta name="author" content="{e(article.author)}">'
        )
        body = (
            f'<div class="story"><h1 class="headline">{e(article.title)}</h1>'
            f'<div class="story-text">{paragraphs}</div></div>{aside}'
        )
        return _page(f"{article.title} - {article.outlet_name}", head, body, article.outlet)
    body = (
        f'<article><h1>{e(article.title)}</h1><p class="byline">By {e(article.author)} · '
        f'<time datetime="{iso}">{article.published:%B %d, %Y}</time></p>'
        f"{paragraphs}</article>{aside}"
    )
    return _page(f"{article.title} | {article.outlet_name}", canonical, body, article.outlet)


def render_section(outlet: str, site: SampleSite) -> str:
    items = "".join(
        f'<li><a href="{a.path}">{e(a.title)}</a> <span>{a.published:%d %b %Y}</span></li>'
        for a in site.by_outlet(outlet)
    )
    name = site.outlets[outlet]["name"]
    return _page(name, "", f'<h1>{e(name)}</h1><ul class="index">{items}</ul>', outlet)


def render_home(site: SampleSite) -> str:
    latest = sorted(site.articles, key=lambda a: a.published, reverse=True)[:12]
    items = "".join(f'<li><a href="{a.path}">{e(a.title)}</a></li>' for a in latest)
    sections = "".join(
        f'<li><a href="/{o}/">{e(v["name"])}</a></li>' for o, v in site.outlets.items()
    )
    return _page("Sample News", "", f"<h1>Latest</h1><ul>{items}</ul><ul>{sections}</ul>")


def render_sitemap_index(base: str) -> str:
    names = [
        "sitemaps/meridian.xml",
        "sitemaps/harbour.xml",
        "news-sitemap.xml",
        "sitemaps/awkward.xml",
    ]
    entries = "".join(f"<sitemap><loc>{base}/{n}</loc></sitemap>" for n in names)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    )


def render_urlset(base: str, rows: list[tuple[str, str | None]]) -> str:
    entries = "".join(
        f"<url><loc>{e(base + path)}</loc>"
        + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
        + "</url>"
        for path, lastmod in rows
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )


def render_news_sitemap(base: str, articles: list[SampleArticle]) -> str:
    entries = "".join(
        f"<url><loc>{base}{a.path}</loc><news:news><news:publication>"
        f"<news:name>{e(a.outlet_name)}</news:name><news:language>en</news:language>"
        f"</news:publication><news:publication_date>{a.published.isoformat()}"
        f"</news:publication_date><news:title>{e(a.title)}</news:title></news:news></url>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{entries}</urlset>"
    )


def render_rss(base: str, name: str, articles: list[SampleArticle]) -> str:
    items = "".join(
        f"<item><title>{e(a.title)}</title><link>{base}{a.path}?utm_source=rss&amp;utm_medium=feed"
        f"</link><guid>{base}{a.path}</guid><pubDate>"
        f"{a.published.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        f"<description>{e(a.description)}</description></item>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{e(name)}</title><link>{base}/</link>{items}</channel></rss>"
    )


def render_atom(base: str, name: str, articles: list[SampleArticle]) -> str:
    entries = "".join(
        f'<entry><title>{e(a.title)}</title><link href="{base}{a.path}"/>'
        f"<id>{base}{a.path}</id><updated>{a.published.isoformat()}</updated>"
        f"<published>{a.published.isoformat()}</published></entry>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{e(name)}</title><id>{base}/</id>{entries}</feed>"
    )


# The awkward pages, each one thing a crawler must survive. The value says
# what a correct crawler does with it.
AWKWARD = {
    "/awkward/broken.html": "an article in unclosed, broken markup: extracted",
    "/awkward/latin1.html": "an article in ISO-8859-1 declared only in a meta tag: decoded right",
    "/awkward/nodate.html": "an article with no date anywhere: kept, without a date",
    "/awkward/absurd-date.html": "an article whose metadata says 2015-13-45: that date is ignored",
    "/awkward/future-date.html": "an article dated 2099: the date is rejected",
    "/awkward/binary.html": "random bytes served as text/html: skipped",
    "/awkward/gallery.html": "a photo gallery, not an article: skipped",
    "/awkward/empty.html": "an empty page: skipped",
    "/awkward/huge.html": "a 30 MB page: cut off by the size limit",
    "/awkward/loop": "a redirect loop: given up after the redirect limit",
    "/awkward/error500": "a server error: retried, then counted",
    "/awkward/missing.html": "a 404: counted",
    "/awkward/slow.html": "a page slower than the timeout: counted",
    "/awkward/report.pdf": "a PDF: not HTML, skipped",
    "/private/internal-memo.html": "disallowed by robots.txt: never requested",
}

FILLER = (
    "The committee met again on Tuesday to review the figures for the quarter, "
    "and members said the numbers were broadly in line with what they had expected. "
)


def _awkward_article(title: str, body_html: str, head: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{e(title)}'
        f"</title>{head}</head><body><article><h1>{e(title)}</h1>{body_html}</article></body></html>"
    )


def _long_body(lead: str) -> str:
    return "".join(f"<p>{lead} {FILLER * 2}</p>" for _ in range(4))


class SampleSiteServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int = 0, *, copies: int = 1, slow_seconds: float = 5.0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.site = load_site(copies=copies)
        self.by_path = {a.path: a for a in self.site.articles}
        self.slow_seconds = slow_seconds
        self.requests: list[str] = []
        self._lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up (the crawler's timeout or size limit) is not an error here."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def log_request_path(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread


class _Handler(BaseHTTPRequestHandler):
    server: SampleSiteServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _send(
        self,
        status: int,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        server = self.server
        path = urlsplit(self.path).path
        server.log_request_path(self.path)
        base = server.base_url
        site = server.site
        article = server.by_path.get(path)
        if article is not None:
            return self._send(200, render_article(article, site))
        outlet = path.strip("/")
        if path.endswith("/") and outlet in site.outlets:
            return self._send(200, render_section(outlet, site))
        xml = "application/xml; charset=utf-8"
        routes: dict[str, tuple[str, str]] = {
            "/": (render_home(site), "text/html; charset=utf-8"),
            "/robots.txt": (
                "User-agent: *\nDisallow: /private/\n\n"
                f"Sitemap: {base}/sitemap.xml\nSitemap: {base}/news-sitemap.xml\n",
                "text/plain; charset=utf-8",
            ),
            "/sitemap.xml": (render_sitemap_index(base), xml),
            "/news-sitemap.xml": (render_news_sitemap(base, site.by_outlet("northstar")), xml),
            "/sitemaps/meridian.xml": (
                render_urlset(
                    base,
                    [(a.path, a.published.date().isoformat()) for a in site.by_outlet("meridian")]
                    # The same article again, under a tracking parameter.
                    + [(site.by_outlet("meridian")[0].path + "?utm_source=sitemap", None)],
                ),
                xml,
            ),
            "/sitemaps/harbour.xml": (
                render_urlset(
                    base, [(a.path, a.published.isoformat()) for a in site.by_outlet("harbour")]
                ),
                xml,
            ),
            "/sitemaps/awkward.xml": (render_urlset(base, [(p, None) for p in AWKWARD]), xml),
            "/meridian/feed.rss": (
                render_rss(base, "Meridian Wire", site.by_outlet("meridian")),
                "application/rss+xml",
            ),
            "/harbour/feed.atom": (
                render_atom(base, "Harbour Daily", site.by_outlet("harbour")),
                "application/atom+xml",
            ),
        }
        if path in routes:
            body, content_type = routes[path]
            return self._send(200, body, content_type)
        return self._awkward(path)

    def _awkward(self, path: str) -> None:
        if path == "/awkward/broken.html":
            body = (
                "<html><head><title>Storm closes ports along the Adriatic coast</title><body>"
                "<div><h1>Storm closes ports along the Adriatic coast<p>SPLIT, Croatia - A storm "
                "closed ports along the Adriatic coast on Monday. <b>Ferries stayed in harbour"
                + "".join(f"<p>{FILLER * 2}" for _ in range(4))
                + '<time datetime="2015-11-30T08:00:00+00:00">30 November 2015</time>'
            )
            return self._send(200, body)
        if path == "/awkward/latin1.html":
            page = _awkward_article(
                "Café owners in Montréal protest new rules",
                _long_body(
                    "MONTRÉAL - Café owners protested on Friday against rules they said were naïve."
                ),
                head='<meta property="article:published_time" content="2015-11-20T10:00:00+00:00">',
                charset="iso-8859-1",
            )
            return self._send(200, page.encode("iso-8859-1"), "text/html")
        if path == "/awkward/nodate.html":
            return self._send(
                200,
                _awkward_article(
                    "Council approves new cycle lanes",
                    _long_body("The city council approved new cycle lanes."),
                ),
            )
        if path == "/awkward/absurd-date.html":
            return self._send(
                200,
                _awkward_article(
                    "Museum reopens after renovation",
                    _long_body("The national museum reopened its doors."),
                    head='<meta property="article:published_time" content="2015-13-45T10:00:00">',
                ),
            )
        if path == "/awkward/future-date.html":
            return self._send(
                200,
                _awkward_article(
                    "Harbour bridge repairs finish early",
                    _long_body("Repairs to the harbour bridge finished."),
                    head='<meta property="article:published_time" content="2099-01-01T10:00:00+00:00">',
                ),
            )
        if path == "/awkward/binary.html":
            noise = bytes((i * 7919 + 13) % 256 for i in range(50_000))
            return self._send(200, noise, "text/html")
        if path == "/awkward/gallery.html":
            images = "".join(
                f'<figure><img src="/img/{i}.jpg"><figcaption>Photo {i}</figcaption></figure>'
                for i in range(12)
            )
            return self._send(
                200,
                _page(
                    "Pictures of the week",
                    '<meta property="og:type" content="website">',
                    f"<h1>Pictures of the week</h1>{images}",
                ),
            )
        if path == "/awkward/empty.html":
            return self._send(200, "<html><head><title></title></head><body></body></html>")
        if path == "/awkward/huge.html":
            return self._send_huge()
        if path == "/awkward/loop":
            return self._send(302, "", headers={"Location": "/awkward/loop-again"})
        if path == "/awkward/loop-again":
            return self._send(302, "", headers={"Location": "/awkward/loop"})
        if path == "/awkward/error500":
            return self._send(500, "<h1>Internal Server Error</h1>")
        if path == "/awkward/slow.html":
            time.sleep(self.server.slow_seconds)
            return self._send(200, _awkward_article("Slow", _long_body("Slow page.")))
        if path == "/awkward/report.pdf":
            return self._send(200, b"%PDF-1.4\n" + b"0" * 2000, "application/pdf")
        if path.startswith("/private/"):
            return self._send(
                200, _awkward_article("Internal memo", _long_body("Not for crawlers."))
            )
        return self._send(404, "<h1>Not found</h1>")

    def _send_huge(self) -> None:
        chunk = ("<p>" + FILLER * 20 + "</p>\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(HUGE_PAGE_BYTES))
        self.end_headers()
        sent = 0
        try:
            while sent < HUGE_PAGE_BYTES:
                piece = chunk[: HUGE_PAGE_BYTES - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the sample news site on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--copies", type=int, default=1, help="repeat the articles (benchmarks)")
    args = parser.parse_args()
    server = SampleSiteServer(args.port, copies=args.copies)
    print(f"sample site on {server.base_url}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
