"""URL canonicalisation, shared by the crawler (dedup) and the schema (ids)."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track where a reader came from; they never
# change which article a URL names.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "yclid",
        "igshid",
        "ref",
        "ref_src",
        "cmpid",
        "ocid",
        "smid",
        "_ga",
        "ito",
        "cid",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_")


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """Normalise a URL so that every spelling of one article compares equal.

    Lower-cases scheme and host, drops default ports, fragments and tracking
    parameters, and sorts the remaining query parameters.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def article_id(url: str) -> str:
    """A stable document id: the same canonical URL always gives the same id."""
    return hashlib.sha256(canonicalize_url(url).encode("utf-8")).hexdigest()[:32]


# user:password@ in any URL of a message (http, https, redis, ...).
_CREDENTIALS = re.compile(r"(?P<scheme>\b[a-z][a-z0-9+.-]*://)[^/\s]*@", re.I)


def redact_credentials(text: str) -> str:
    """Mask the user and password of every URL in ``text``: ``http://***@host``.

    Applied to every message the CLI prints, so a URL given with its
    credentials (NEWSARCHIVE_ES_URL=http://user:pass@host) never shows them.
    """
    return _CREDENTIALS.sub(r"\g<scheme>***@", text)
