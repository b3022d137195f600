import datetime as dt

import pytest

from crawler.extract import ExtractOptions, Skip, extract, extract_or_skip, parse_date
from crawler.samplesite import SampleArticle, load_site, render_article, render_home

SITE = load_site()
BASE = "http://127.0.0.1:8765"


def _by_style(style: str) -> SampleArticle:
    return next(a for a in SITE.articles if a.style == style)


def _words(text: str) -> list[str]:
    return text.split()


def token_f1(predicted: str, truth: str) -> float:
    from collections import Counter

    p, t = Counter(_words(predicted)), Counter(_words(truth))
    overlap = sum((p & t).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(t.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize(
    ("style", "date_source", "source"),
    [
        ("json-ld", "json-ld", "Meridian Wire"),
        ("opengraph", "opengraph", "Harbour Daily"),
        ("time", "time-element", "Northstar Times"),
    ],
)
def test_each_outlet_markup_gives_the_right_fields(
    style: str, date_source: str, source: str
) -> None:
    sample = _by_style(style)
    article = extract(render_article(sample, SITE), BASE + sample.path)
    assert article is not None
    assert article.title == sample.title  # the " | Site" suffix is gone
    assert article.source == source
    assert article.published_at == sample.published
    assert article.published_at_source == date_source
    assert article.authors == [sample.author]
    assert article.language == "en"
    assert token_f1(article.body, sample.body) > 0.97
    assert "Comments are closed" not in article.body
    assert "More from" not in article.body


def test_canonical_url_drops_tracking_parameters() -> None:
    sample = _by_style("json-ld")
    article = extract(render_article(sample, SITE), f"{BASE}{sample.path}?utm_source=x&fbclid=1")
    assert article is not None
    assert article.canonical_url == BASE + sample.path
    assert article.id == extract(render_article(sample, SITE), BASE + sample.path).id  # type: ignore[union-attr]


def test_a_homepage_is_not_an_article() -> None:
    result = extract_or_skip(render_home(SITE), BASE + "/")
    assert isinstance(result, Skip)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("", "empty-page"),
        ("<html><body><p>Too short.</p></body></html>", "not-an-article"),
        ("\x00\x01\x02garbage\x03" * 200, "binary-content"),
    ],
)
def test_pages_without_an_article_say_why(page: str, reason: str) -> None:
    result = extract_or_skip(page, BASE + "/x.html")
    assert isinstance(result, Skip) and result.reason == reason


@pytest.mark.parametrize(
    "value", ["2015-13-45T10:00:00", "2099-01-01T00:00:00Z", "1970-01-01", "soon"]
)
def test_impossible_dates_are_rejected(value: str) -> None:
    assert parse_date(value, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) is None


def test_date_hint_from_a_sitemap_is_used_when_the_page_has_none() -> None:
    body = "".join(
        f"<p>Paragraph {i} of a story about the harbour and its ships.</p>" for i in range(12)
    )
    page = f"<html><head><title>Port reopens</title></head><body><article>{body}</article></body></html>"
    hint = dt.datetime(2015, 11, 2, 8, tzinfo=dt.UTC)
    article = extract(
        page, BASE + "/port.html", ExtractOptions(date_hint=hint, date_hint_source="feed")
    )
    assert article is not None
    assert (article.published_at, article.published_at_source) == (hint, "feed")


def test_selector_overrides_win() -> None:
    sample = _by_style("opengraph")
    options = ExtractOptions(body_selector="div.story-text", title_selector="h1.headline")
    article = extract(render_article(sample, SITE), BASE + sample.path, options)
    assert article is not None
    assert article.title == sample.title
    assert token_f1(article.body, sample.body) > 0.99
