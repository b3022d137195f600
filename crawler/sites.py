"""Site profiles: one small TOML file per site in ``crawler/sites/``."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import urljoin

from pydantic import BaseModel, Field, ValidationError, field_validator

from newsarchive.errors import UsageError

SITES_DIR = Path(__file__).resolve().parent / "sites"


class Selectors(BaseModel):
    body: str | None = None
    title: str | None = None
    date: str | None = None


class SiteProfile(BaseModel):
    name: str
    source: str | None = None  # the outlet's name, when its pages do not say it
    base_url: str
    start_urls: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)
    feeds: list[str] = Field(default_factory=list)
    allow: list[str] = Field(default_factory=list)  # regexes a followed link must match
    deny: list[str] = Field(default_factory=list)  # regexes that rule a link out
    depth: int = Field(default=2, ge=0, le=10)
    download_delay: float | None = Field(default=None, ge=0)
    selectors: Selectors = Field(default_factory=Selectors)

    @field_validator("allow", "deny")
    @classmethod
    def _valid_patterns(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns

    def with_base_url(self, base_url: str | None) -> SiteProfile:
        return self if not base_url else self.model_copy(update={"base_url": base_url.rstrip("/")})

    def seeds(self) -> list[str]:
        """Every URL the crawl starts from, resolved against the base URL."""
        base = self.base_url.rstrip("/") + "/"
        return [urljoin(base, u) for u in (*self.start_urls, *self.sitemaps, *self.feeds)]


def available_sites() -> list[str]:
    return sorted(p.stem for p in SITES_DIR.glob("*.toml"))


def load_site_profile(name_or_path: str) -> SiteProfile:
    path = Path(name_or_path)
    if not path.suffix:
        path = SITES_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        known = ", ".join(available_sites())
        raise UsageError(f"no site profile {name_or_path!r}", hint=f"known sites: {known}")
    try:
        return SiteProfile.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError, re.error) as exc:
        raise UsageError(f"site profile {path.name} is invalid: {exc}") from exc
