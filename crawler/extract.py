"""Extraction: HTML and URL in, an ``Article`` (or the reason there is none) out.

Pure: no fetching, no storage. The body comes from trafilatura; metadata
from JSON-LD (also inside ``@graph``), OpenGraph, ``<meta>``, ``<time>``, the
URL, hints from the sitemap or feed, and htmldate, in that order of trust.
Every date is checked before it is believed, and where it came from is kept
in ``published_at_source``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from newsarchive.article import Article
from newsarchive.language import detect_language
from newsarchive.urls import canonicalize_url

ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
}
DATE_META_NAMES = (
    "article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "datepublished",
)
URL_DATE = re.compile(r"/(19\d\d|20\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")
# Earliest plausible publication date of a web news article.
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class ExtractOptions:
    """Per-site knobs; the defaults suit most news sites."""

    source_name: str | None = None
    body_selector: str | None = None  # CSS; overrides trafilatura where a site needs it
    title_selector: str | None = None
    date_selector: str | None = None
    min_words: int = 60  # fewer words than a short wire brief: not an article
    date_hint: dt.datetime | None = None  # from the sitemap or feed entry
    date_hint_source: str = "sitemap"
    now: dt.datetime | None = None


@dataclass(frozen=True)
class Skip:
    """Why a page yielded no article; the reason is a short, countable key."""

    reason: str
    detail: str = ""


def extract(html: str | bytes, url: str, options: ExtractOptions | None = None) -> Article | None:
    """The article on the page, or None if the page is not an article."""
    result = extract_or_skip(html, url, options)
    return result if isinstance(result, Article) else None


def extract_or_skip(
    html: str | bytes, url: str, options: ExtractOptions | None = None
) -> Article | Skip:
    options = options or ExtractOptions()
    text = html.decode("utf-8", errors="replace") if isinstance(html, bytes) else html
    if not text.strip():
        return Skip("empty-page")
    if _looks_binary(text):
        return Skip("binary-content")
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        return Skip("unparseable-html", str(exc))
    json_ld = _json_ld_article(tree)
    meta = _meta_tags(tree)

    body = _body(text, tree, url, options)
    words = len(body.split())
    if words < options.min_words:
        return Skip("not-an-article", f"{words} words of text")
    if not json_ld and _link_density(tree) > MAX_LINK_DENSITY:
        return Skip("index-page", "most of the text is links")

    title = _title(tree, json_ld, meta, options)
    if not title:
        return Skip("no-title")
    body = _drop_leading_title(body, title)
    source = _source(tree, json_ld, meta, options, url)
    published_at, date_source = _published(tree, json_ld, meta, url, options)
    return Article(
        url=url,
        canonical_url=_canonical(tree, meta, url),
        source=source,
        title=_strip_site_suffix(title, source),
        description=_first(
            json_ld.get("description"), meta.get("og:description"), meta.get("description")
        ),
        body=body,
        authors=_authors(tree, json_ld, meta),
        language=_language(tree, json_ld, body),
        published_at=published_at,
        published_at_source=date_source,
        crawled_at=options.now or dt.datetime.now(dt.UTC),
    )


# --- decoding ------------------------------------------------------------------------


def decode_html(body: bytes, declared: str | None) -> tuple[str, bool]:
    """The page's text, and whether its declared charset had to be overruled.

    Pages lie about their charset in both directions. Non-ASCII bytes that
    form valid UTF-8 are almost never meant as Latin-1 or Windows-1252
    (they would read as "Ã©" mojibake), so such a page is read as UTF-8;
    a page declared UTF-8 whose bytes are not UTF-8 is read as
    Windows-1252, the usual truth. Anything else keeps its declaration.
    """
    is_utf8 = (declared or "utf-8").lower().replace("-", "").replace("_", "") == "utf8"
    try:
        as_utf8 = body.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if is_utf8:
        if as_utf8 is not None:
            return as_utf8, False
        return body.decode("cp1252", errors="replace"), True
    try:
        as_declared = body.decode(declared or "utf-8", errors="replace")
    except LookupError:
        as_declared = body.decode("cp1252", errors="replace")
    if as_utf8 is not None and not body.isascii() and as_declared != as_utf8:
        return as_utf8, True
    return as_declared, False


# --- page checks ----------------------------------------------------------------

# Share of a page's words that sit inside links, above which it is a list of
# links (a homepage, a section front) rather than an article. Article pages
# with navigation and "related" boxes stay well below (0.1-0.3).
MAX_LINK_DENSITY = 0.5


def _link_density(tree: Any) -> float:
    body = tree.find("body")
    if body is None:
        return 0.0
    total = len(body.text_content().split())
    linked = sum(len(a.text_content().split()) for a in body.iter("a"))
    return linked / total if total else 1.0


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    odd = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    return odd > len(sample) * 0.05


# --- metadata sources ---------------------------------------------------------------


def _json_ld_article(tree: Any) -> dict[str, Any]:
    """The first article-typed JSON-LD object, looking inside ``@graph`` and lists."""
    import json

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except (ValueError, RecursionError):  # broken, or nested past Python's limit
            continue
        for node in _walk_json_ld(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if ARTICLE_TYPES.intersection(t for t in types if isinstance(t, str)):
                return node
    return {}


# Real pages nest @graph in a list in an object at most; deeper is no article.
JSON_LD_MAX_DEPTH = 8


def _walk_json_ld(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > JSON_LD_MAX_DEPTH:
        return []
    if isinstance(data, list):
        return [n for item in data for n in _walk_json_ld(item, depth + 1)]
    if isinstance(data, dict):
        graph = _walk_json_ld(data["@graph"], depth + 1) if "@graph" in data else []
        return [data, *graph]
    return []


def _meta_tags(tree: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        key = key.strip().lower()
        if key and key not in tags:
            tags[key] = element.get("content", "").strip()
    return tags


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _select_text(tree: Any, css: str | None) -> str | None:
    if not css:
        return None
    from lxml.cssselect import CSSSelector

    found = CSSSelector(css)(tree)
    return " ".join(found[0].text_content().split()) if found else None


# --- fields -------------------------------------------------------------------------


def _body(text: str, tree: Any, url: str, options: ExtractOptions) -> str:
    if options.body_selector:
        from lxml.cssselect import CSSSelector

        nodes = CSSSelector(options.body_selector)(tree)
        paragraphs = [" ".join(n.text_content().split()) for node in nodes for n in node.iter("p")]
        return "\n".join(p for p in paragraphs if p)
    import trafilatura

    extracted = trafilatura.extract(
        text,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        fast=True,
        deduplicate=False,
        with_metadata=False,
    )
    return (extracted or "").strip()


def _drop_leading_title(body: str, title: str) -> str:
    first, _, rest = body.partition("\n")
    if first.strip().rstrip(".") == title.strip().rstrip("."):
        return rest.strip()
    return body


def _title(
    tree: Any, json_ld: dict[str, Any], meta: dict[str, str], options: ExtractOptions
) -> str:
    h1 = tree.xpath("//h1")
    return (
        _first(
            _select_text(tree, options.title_selector),
            json_ld.get("headline"),
            meta.get("og:title"),
            meta.get("twitter:title"),
            h1[0].text_content() if h1 else None,
            tree.findtext(".//title"),
        )
        or ""
    )


def _strip_site_suffix(title: str, source: str | None) -> str:
    """ "Headline | Site" -> "Headline"; a real dash inside the headline stays."""
    for separator in TITLE_SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        tail_is_site = source is not None and tail.strip().lower() == source.strip().lower()
        if head and (tail_is_site or (len(tail.split()) <= 3 and len(head.split()) >= 4)):
            return head.strip()
    return title


def _source(
    tree: Any, json_ld: dict[str, Any], meta: dict[str, str], options: ExtractOptions, url: str
) -> str:
    publisher = json_ld.get("publisher")
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else None
    return _first(
        options.source_name,
        publisher_name,
        meta.get("og:site_name"),
        meta.get("application-name"),
        _title_suffix(tree.findtext(".//title") or ""),
    ) or (urlsplit(url).hostname or "unknown")


def _title_suffix(title: str) -> str | None:
    """ "Headline | Site Name" -> "Site Name", when the tail is short and the head is not."""
    for separator in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and len(tail.split()) <= 4 and len(head.split()) >= 4:
            return tail.strip()
    return None


def _canonical(tree: Any, meta: dict[str, str], url: str) -> str:
    """The page's canonical URL, which gives the article its id.

    Believed only on the page's own host (www. aside): a page naming another
    outlet's URL as canonical would otherwise take over that outlet's
    document in the index.
    """
    links = tree.xpath('//link[@rel="canonical"]/@href')
    target = _first(*(str(h) for h in links), meta.get("og:url")) or url
    resolved = urljoin(url, target)
    if urlsplit(resolved).scheme not in ("http", "https") or _host(resolved) != _host(url):
        resolved = url
    return canonicalize_url(resolved)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _authors(tree: Any, json_ld: dict[str, Any], meta: dict[str, str]) -> list[str]:
    raw = json_ld.get("author")
    entries = raw if isinstance(raw, list) else [raw]
    names = [e.get("name") if isinstance(e, dict) else e for e in entries]
    found = [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip()]
    if not found and meta.get("author"):
        found = [meta["author"]]
    if not found:
        for byline in tree.xpath('//*[contains(@class, "byline") or @rel="author"]'):
            match = re.match(r"\s*By\s+([^·|,\n]+)", byline.text_content())
            if match:
                found = [match.group(1).strip()]
                break
    unique: list[str] = []
    for name in found:
        for part in re.split(r"\s+and\s+|;", name):
            part = part.strip()
            if part and part not in unique and not part.startswith(("http://", "https://")):
                unique.append(part)
    return unique


def _language(tree: Any, json_ld: dict[str, Any], body: str) -> str | None:
    detected = detect_language(body)
    declared = _first(json_ld.get("inLanguage"), tree.get("lang"))
    if declared:
        declared = declared.split("-")[0].lower()
    # The text wins over a template's lang attribute, which is often wrong.
    return detected or declared


# --- dates -------------------------------------------------------------------------


def parse_date(value: Any, now: dt.datetime | None = None) -> dt.datetime | None:
    """An aware datetime if ``value`` is a plausible publication date, else None.

    Rejects malformed dates (2015-13-45), dates before 1990 and dates more
    than a day in the future.
    """
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str) and value.strip():
        text = value.strip().replace("Z", "+00:00")
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            from email.utils import parsedate_to_datetime

            try:
                parsed = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    else:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    latest = (now or dt.datetime.now(dt.UTC)) + dt.timedelta(days=1)
    if not EARLIEST <= parsed <= latest:
        return None
    return parsed


def _published(
    tree: Any, json_ld: dict[str, Any], meta: dict[str, str], url: str, options: ExtractOptions
) -> tuple[dt.datetime | None, str | None]:
    now = options.now
    candidates: list[tuple[Any, str]] = [
        (_select_text(tree, options.date_selector), "selector"),
        (json_ld.get("datePublished"), "json-ld"),
        (json_ld.get("dateCreated"), "json-ld"),
        (meta.get("article:published_time"), "opengraph"),
        *((meta.get(name), "meta") for name in DATE_META_NAMES[1:]),
        *((t, "time-element") for t in tree.xpath("//article//time/@datetime | //time/@datetime")),
    ]
    match = URL_DATE.search(urlsplit(url).path)
    if match:
        candidates.append(("-".join(match.groups()), "url"))
    candidates.append((options.date_hint, options.date_hint_source))
    for value, source in candidates:
        parsed = parse_date(value, now)
        if parsed is not None:
            return parsed, source
    return _htmldate(tree, url, now)


def _htmldate(
    tree: Any, url: str, now: dt.datetime | None
) -> tuple[dt.datetime | None, str | None]:
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001 - htmldate is a best-effort last resort
        return None, None
    parsed = parse_date(found, now)
    return (parsed, "htmldate") if parsed else (None, None)
