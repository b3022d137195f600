"""Which URLs the crawler may open, decided before anything is fetched.

A sitemap, a feed, a link or a redirect is written by the site, not by the
user, so what it points at is checked like any input:

- only ``http`` and ``https``: a ``file://`` entry would archive a local
  file, an ``ftp://`` one would stall the crawl;
- only the start URLs' sites (the same host and port, or a subdomain of
  it), unless ``NEWSARCHIVE_FOLLOW_OFFSITE`` is set: a redirect or sitemap
  entry elsewhere would archive another outlet's pages under this crawl;
- when off-site targets are followed, never a loopback, private,
  link-local or otherwise reserved address, unless
  ``NEWSARCHIVE_ALLOW_PRIVATE_TARGETS`` is set: a public page must not make
  the crawler read the machine's own network.

Every refusal is an ``IgnoreRequest`` carrying a countable reason; the
spider counts it under ``skipped/<reason>``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}


class RefusedTarget(IgnoreRequest):
    def __init__(self, reason: str, url: str) -> None:
        super().__init__(f"refused {url}: {reason}")
        self.reason = reason


def site_of(url: str) -> tuple[str, int] | None:
    """(host, port) of an http(s) URL, the port made explicit; None for other schemes."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not parts.hostname:
        return None
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        return None
    return parts.hostname.lower().rstrip("."), port


def same_site(target: tuple[str, int], seeds: Iterable[tuple[str, int]]) -> bool:
    """The target is a start URL's host (or a subdomain of it, www. aside) on its port."""
    host, port = target
    for seed_host, seed_port in seeds:
        base = seed_host.removeprefix("www.")
        same_host = host in (seed_host, base) or host.endswith("." + base)
        # http and https of one site are one site.
        if same_host and (port == seed_port or {port, seed_port} == {80, 443}):
            return True
    return False


def _is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return bool(
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


@lru_cache(maxsize=4096)
def is_internal_host(host: str) -> bool:
    """Whether a host is, or resolves to, an address of the machine or its private network."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return _is_internal(host.strip("[]"))
    except ValueError:
        pass  # a name: ask the resolver
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False  # unresolvable: the download fails and is counted as such
    return any(_is_internal(str(info[4][0]).split("%")[0]) for info in infos)


def refusal(
    url: str,
    seeds: Iterable[tuple[str, int]],
    *,
    follow_offsite: bool = False,
    allow_private: bool = False,
) -> str | None:
    """Why ``url`` must not be opened, or None when it may."""
    target = site_of(url)
    if target is None:
        return "unsupported-scheme"
    if same_site(target, seeds):
        return None
    if not follow_offsite:
        return "off-site"
    if not allow_private and is_internal_host(target[0]):
        return "private-address"
    return None


class TargetPolicyMiddleware:
    """Downloader middleware applying ``refusal`` to every request, redirects included."""

    def __init__(self, crawler: Crawler, follow_offsite: bool, allow_private: bool) -> None:
        self.crawler = crawler
        self.follow_offsite = follow_offsite
        self.allow_private = allow_private

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TargetPolicyMiddleware:
        settings = crawler.settings
        return cls(
            crawler,
            settings.getbool("NEWSARCHIVE_FOLLOW_OFFSITE"),
            settings.getbool("NEWSARCHIVE_ALLOW_PRIVATE_TARGETS"),
        )

    def process_request(self, request: Request, spider: Any = None) -> None:
        if request.meta.get("seed"):
            return  # the user's own start URLs
        seeds = getattr(self.crawler.spider, "seed_sites", ())
        reason = refusal(
            request.url,
            seeds,
            follow_offsite=self.follow_offsite,
            allow_private=self.allow_private,
        )
        if reason is not None:
            raise RefusedTarget(reason, request.url)
