"""Building the Elasticsearch client from settings, and naming its failures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import elastic_transport
from elasticsearch import AuthenticationException, Elasticsearch

from newsarchive.errors import ClusterUnavailable, NewsarchiveError
from newsarchive.settings import Settings
from newsarchive.urls import redact_credentials

UNREACHABLE_HINT = "start one with `newsarchive es start`, or set NEWSARCHIVE_ES_URL"


def make_client(settings: Settings, **overrides: Any) -> Elasticsearch:
    """A client for the configured cluster; credentials are passed, never printed."""
    kwargs: dict[str, Any] = {
        "request_timeout": settings.es_timeout,
        "retry_on_timeout": True,
        "max_retries": 2,
    }
    if settings.es_api_key is not None:
        kwargs["api_key"] = settings.es_api_key.get_secret_value()
    elif settings.es_username and settings.es_password is not None:
        kwargs["basic_auth"] = (settings.es_username, settings.es_password.get_secret_value())
    if settings.es_ca_certs is not None:
        kwargs["ca_certs"] = str(settings.es_ca_certs)
    kwargs.update(overrides)
    return Elasticsearch(settings.es_url, **kwargs)


@contextmanager
def translate_errors(url: str) -> Iterator[None]:
    """Turn transport failures into the project's user-facing errors."""
    url = redact_credentials(url)
    try:
        yield
    except elastic_transport.ConnectionError as exc:
        raise ClusterUnavailable(
            f"cannot reach Elasticsearch at {url}", hint=UNREACHABLE_HINT
        ) from exc
    except elastic_transport.ConnectionTimeout as exc:
        raise ClusterUnavailable(
            f"Elasticsearch at {url} timed out", hint=UNREACHABLE_HINT
        ) from exc
    except AuthenticationException as exc:
        raise NewsarchiveError(
            f"Elasticsearch at {url} refused the credentials",
            hint="check NEWSARCHIVE_ES_API_KEY or NEWSARCHIVE_ES_USERNAME/PASSWORD",
        ) from exc
