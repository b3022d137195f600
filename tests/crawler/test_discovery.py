from crawler.discovery import classify, parse_feed, parse_sitemap, robots_sitemaps
from crawler.samplesite import load_site, render_atom, render_news_sitemap, render_rss

SITE = load_site()
BASE = "http://h"


def test_kinds_are_told_from_the_response() -> None:
    assert classify(BASE + "/robots.txt", "text/plain", b"User-agent: *") == "robots"
    assert classify(BASE + "/s", "application/xml", b'<?xml version="1.0"?><urlset>') == "sitemap"
    assert classify(BASE + "/s", "text/xml", b"<sitemapindex>") == "sitemap"
    assert classify(BASE + "/f", "application/rss+xml", b"<rss version='2.0'>") == "feed"
    assert classify(BASE + "/f", "application/atom+xml", b"<feed xmlns='x'>") == "feed"
    assert classify(BASE + "/", "text/html; charset=utf-8", b"<html>") == "html"
    assert classify(BASE + "/a.pdf", "application/pdf", b"%PDF") == "other"


def test_robots_sitemaps() -> None:
    text = "User-agent: *\nDisallow: /private/\nSitemap: http://h/a.xml\nsitemap:http://h/b.xml\n"
    assert robots_sitemaps(text) == ["http://h/a.xml", "http://h/b.xml"]


def test_google_news_sitemap_dates() -> None:
    articles = SITE.by_outlet("northstar")
    doc = parse_sitemap(render_news_sitemap(BASE, articles).encode())
    assert not doc.is_index
    assert [(e.url, e.date) for e in doc.entries] == [
        (BASE + a.path, a.published) for a in articles
    ]


def test_rss_and_atom_entries() -> None:
    rss = parse_feed(render_rss(BASE, "M", SITE.by_outlet("meridian")).encode())
    atom = parse_feed(render_atom(BASE, "H", SITE.by_outlet("harbour")).encode())
    assert len(rss) == len(SITE.by_outlet("meridian")) and all(e.date for e in rss)
    assert [e.url for e in atom] == [BASE + a.path for a in SITE.by_outlet("harbour")]


def test_broken_xml_does_not_raise() -> None:
    assert (
        parse_sitemap(b"<urlset><url><loc>http://h/a</loc></url><url><loc>").entries[0].url
        == "http://h/a"
    )
    assert parse_feed(b"not xml at all") == []
