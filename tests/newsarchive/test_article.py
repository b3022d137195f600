import datetime as dt

import pytest
from pydantic import ValidationError

from newsarchive.article import Article, GeoPoint, Place, Quote

PUBLIC_FIELDS = {
    "id",
    "url",
    "canonical_url",
    "source",
    "title",
    "description",
    "body",
    "authors",
    "language",
    "published_at",
    "published_at_source",
    "crawled_at",
    "actors",
    "persons",
    "organizations",
    "places",
    "countries",
    "mentioned_dates",
    "quotes",
    "story_id",
}


def test_json_field_names_are_the_public_contract() -> None:
    article = Article(url="https://example.com/a")
    assert set(article.model_dump(mode="json")) == PUBLIC_FIELDS


def test_id_and_canonical_url_derive_from_the_url() -> None:
    article = Article(url="https://example.com/a?utm_medium=social")
    assert article.canonical_url == "https://example.com/a"
    assert article.id == Article(url="https://example.com/a").id


def test_explicit_canonical_url_decides_the_id() -> None:
    article = Article(url="https://m.example.com/a", canonical_url="https://example.com/a")
    assert article.id == Article(url="https://example.com/a").id


def test_document_omits_id_and_round_trips() -> None:
    article = Article(
        url="https://example.com/a",
        title="T",
        published_at=dt.datetime(2015, 10, 1, 12, tzinfo=dt.UTC),
        places=[Place(name="Aleppo", country_code="SY", location=GeoPoint(lat=36.2, lon=37.16))],
        quotes=[Quote(speaker="Ash Carter", text="We will")],
        mentioned_dates=[dt.date(2015, 9, 30)],
    )
    document = article.to_document()
    assert "id" not in document
    assert document["mentioned_dates"] == ["2015-09-30"]
    assert Article.from_hit(article.id, document) == article


def test_bad_coordinates_are_rejected() -> None:
    with pytest.raises(ValidationError):
        GeoPoint(lat=91, lon=0)
