"""The one ``Article`` schema: crawler output, indexer input and output, search hits.

The JSON field names are a public contract (users' scripts read them), so
they are spelled here once and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsarchive.urls import article_id, canonicalize_url

ActorType = Literal["person", "organization", "group"]

# Elasticsearch refuses a document id above 512 bytes, and with it the whole
# bulk request it travels in; so such an id is refused here, line by line.
MAX_ID_BYTES = 512


class GeoPoint(BaseModel):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Actor(BaseModel):
    """A person, organisation or group, under its canonical name."""

    id: str
    name: str
    type: ActorType
    # How the article wrote it ("Fed", "Putin", "U.S."), beside the canonical name.
    surface_forms: list[str] = Field(default_factory=list)
    # Every name search finds it by: the written forms, the alias table's
    # names for it ("ISIS", "Daesh"), a person's surname.
    aliases: list[str] = Field(default_factory=list)


class Place(BaseModel):
    """A resolved place: canonical name, country and coordinates."""

    id: str | None = None
    name: str
    country_code: str | None = None
    location: GeoPoint | None = None
    mention: str | None = None  # the text as written in the article (its first mention)
    confidence: float | None = Field(default=None, ge=0, le=1)
    surface_forms: list[str] = Field(default_factory=list)  # every way the article wrote it
    aliases: list[str] = Field(default_factory=list)  # names search finds it by ("USA", "US")


class Quote(BaseModel):
    speaker: str | None = None
    text: str


class Article(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = ""
    url: str
    canonical_url: str = ""
    source: str | None = None
    title: str = ""
    description: str | None = None
    body: str = ""
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    published_at: dt.datetime | None = None
    published_at_source: str | None = None
    crawled_at: dt.datetime | None = None
    actors: list[Actor] = Field(default_factory=list)
    persons: list[str] = Field(default_factory=list)
    organizations: list[str] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    mentioned_dates: list[dt.date] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    story_id: str | None = None

    @field_validator("id")
    @classmethod
    def _id_fits_elasticsearch(cls, value: str) -> str:
        size = len(value.encode("utf-8"))
        if size > MAX_ID_BYTES:
            raise ValueError(f"id is {size} bytes; Elasticsearch takes at most {MAX_ID_BYTES}")
        return value

    @model_validator(mode="after")
    def _derive_identity(self) -> Article:
        """Canonical URL and id follow from the URL unless given explicitly."""
        if not self.canonical_url:
            self.canonical_url = canonicalize_url(self.url)
        if not self.id:
            self.id = article_id(self.canonical_url)
        return self

    def to_document(self) -> dict[str, object]:
        """The Elasticsearch source: JSON-ready, without the id (it is ``_id``)."""
        return self.model_dump(mode="json", exclude={"id"})

    @classmethod
    def from_hit(cls, hit_id: str, source: dict[str, object]) -> Article:
        return cls.model_validate({**source, "id": hit_id})
