"""Telling robots.txt, sitemaps, feeds and pages apart, and reading the first three.

Pure functions over bytes: the spider fetches, these read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from crawler.extract import parse_date

Kind = Literal["robots", "sitemap", "feed", "html", "other"]


@dataclass(frozen=True)
class Entry:
    """A URL announced by a sitemap or feed, with the date it gives, if any."""

    url: str
    date: dt.datetime | None = None


@dataclass(frozen=True)
class SitemapDoc:
    is_index: bool
    entries: list[Entry]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _root_tag(body: bytes) -> str:
    head = body[:4096].lstrip()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    match = re.search(rb"<(?![?!])([\w:.-]+)", head)
    return match.group(1).decode("ascii", "replace").split(":")[-1].lower() if match else ""


def classify(url: str, content_type: str, body: bytes) -> Kind:
    """What a response is, from its URL, its Content-Type and its first bytes."""
    ctype = content_type.split(";")[0].strip().lower()
    path = url.split("?")[0].lower()
    if path.endswith("/robots.txt"):
        return "robots"
    root = (
        _root_tag(body)
        if (
            "xml" in ctype
            or ctype in ("", "text/plain")
            or path.endswith((".xml", ".rss", ".atom"))
        )
        else ""
    )
    if root in ("urlset", "sitemapindex"):
        return "sitemap"
    if root in ("rss", "feed", "rdf"):
        return "feed"
    if ctype in ("text/html", "application/xhtml+xml") or (
        not ctype and b"<html" in body[:2048].lower()
    ):
        return "html"
    return "other"


def robots_sitemaps(text: str) -> list[str]:
    """The sitemap URLs a robots.txt names."""
    found = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            found.append(value.strip())
    return found


def _parser() -> etree.XMLParser:
    return etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


def parse_sitemap(body: bytes) -> SitemapDoc:
    """Entries of a sitemap or sitemap index, with lastmod or news:publication_date."""
    root = etree.fromstring(body, parser=_parser())
    if root is None:
        return SitemapDoc(False, [])
    is_index = _local(root.tag) == "sitemapindex"
    entries = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = None
        date = None
        for child in node.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and loc is None:
                loc = text
            elif name == "publication_date" and text:
                date = parse_date(text) or date
            elif name == "lastmod" and text and date is None:
                date = parse_date(text)
        if loc:
            entries.append(Entry(loc, date))
    return SitemapDoc(is_index, entries)


def parse_feed(body: bytes) -> list[Entry]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, with their dates."""
    root = etree.fromstring(body, parser=_parser())
    if root is None:
        return []
    entries = []
    for node in root.iter():
        if _local(node.tag) not in ("item", "entry"):
            continue
        link = None
        date = None
        for child in node:
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "link":
                href = child.get("href")
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    link = link or href
                elif text:
                    link = link or text
            elif name in ("pubdate", "published", "date", "issued") and text:
                date = parse_date(text) or date
            elif name == "updated" and text and date is None:
                date = parse_date(text)
        if link:
            entries.append(Entry(link, date))
    return entries
