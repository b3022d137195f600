"""Importing the shipped dashboards through Kibana's saved objects API.

``POST /api/saved_objects/_import?overwrite=true`` with the NDJSON file as a
multipart upload; overwrite makes a second import harmless. Kibana's version
is checked first, so a mismatch is one clear error instead of a pile of
failed objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import urllib3

from newsarchive.errors import ClusterUnavailable, NewsarchiveError
from newsarchive.settings import ELASTICSEARCH_VERSION

SAVED_OBJECTS = Path(__file__).resolve().parent.parent / "kibana" / "newsarchive.ndjson"


@dataclass(frozen=True)
class ImportResult:
    imported: int
    kibana_version: str


def with_data_view_for(ndjson: Path, index: str) -> bytes:
    """The saved objects with every data view's pattern set to ``index``."""
    lines = []
    for line in ndjson.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if obj.get("type") == "index-pattern":
                obj["attributes"]["title"] = index
            line = json.dumps(obj, ensure_ascii=False)
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")


class KibanaClient:
    def __init__(
        self,
        url: str,
        *,
        space: str | None = None,
        username: str | None = None,
        password: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.url = url.rstrip("/")
        self.space = space
        self.http = urllib3.PoolManager(timeout=urllib3.Timeout(total=timeout), retries=False)
        self.headers = {"kbn-xsrf": "newsarchive"}
        if api_key:
            self.headers["Authorization"] = f"ApiKey {api_key}"
        elif username and password is not None:
            self.headers.update(urllib3.make_headers(basic_auth=f"{username}:{password}"))

    def _api(self, path: str) -> str:
        prefix = f"/s/{self.space}" if self.space and self.space != "default" else ""
        return f"{self.url}{prefix}{path}"

    def _request(self, method: str, url: str, **kwargs: Any) -> Any:
        try:
            response = self.http.request(method, url, headers=self.headers, **kwargs)
        except urllib3.exceptions.HTTPError as exc:
            raise ClusterUnavailable(
                f"cannot reach Kibana at {self.url}",
                hint="start it with `docker compose up -d`, or pass --url",
            ) from exc
        if response.status in (401, 403):
            raise NewsarchiveError(
                f"Kibana at {self.url} refused the credentials (HTTP {response.status})",
                hint="check NEWSARCHIVE_ES_USERNAME/PASSWORD or NEWSARCHIVE_ES_API_KEY",
            )
        if response.status == 404 and self.space:
            raise NewsarchiveError(f"Kibana has no space named {self.space!r}")
        try:
            body = json.loads(response.data or b"{}")
        except ValueError:
            body = {}
        if response.status >= 400:
            message = body.get("message") or response.reason
            raise NewsarchiveError(f"Kibana answered HTTP {response.status}: {message}")
        return body

    def version(self) -> str:
        status = self._request("GET", f"{self.url}/api/status")
        version = (status.get("version") or {}).get("number")
        if not version:
            raise NewsarchiveError(
                f"{self.url} does not answer like Kibana (no version in /api/status)"
            )
        return str(version)

    def import_saved_objects(
        self,
        ndjson: Path,
        *,
        expected_version: str = ELASTICSEARCH_VERSION,
        index: str = "news",
    ) -> ImportResult:
        """Import the objects; any Kibana of the dashboards' major version takes them.

        The data view is pointed at ``index`` (NEWSARCHIVE_INDEX), whatever
        the file says.
        """
        version = self.version()
        if version.split(".")[0] != expected_version.split(".")[0]:
            raise NewsarchiveError(
                f"Kibana is {version}, but the dashboards are for "
                f"{expected_version.split('.')[0]}.x",
                hint="use a Kibana 8.x, such as the one pinned in docker-compose.yml",
            )
        body = self._request(
            "POST",
            self._api("/api/saved_objects/_import?overwrite=true"),
            fields={"file": (ndjson.name, with_data_view_for(ndjson, index), "application/ndjson")},
        )
        if not body.get("success", False):
            errors = body.get("errors") or []
            detail = "; ".join(
                f"{e.get('type')} {e.get('id')}: {(e.get('error') or {}).get('type', 'error')}"
                for e in errors[:5]
            )
            raise NewsarchiveError(
                f"Kibana imported {body.get('successCount', 0)} objects and "
                f"refused {len(errors)}: {detail}"
            )
        return ImportResult(imported=int(body.get("successCount", 0)), kibana_version=version)
