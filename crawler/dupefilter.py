"""Scrapy's duplicate-request filter, counting what it filters.

A request filtered after a redirect is a redirect loop; any other one is
the same canonical URL announced twice (sitemap and feed, tracking
parameters). Both are counted so that no page disappears unexplained.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter


class CountingDupeFilter(RFPDupeFilter):
    def log(self, request: Request, spider: Any) -> None:
        key = (
            "errors/redirect-loop" if request.meta.get("redirect_times") else "duplicates/same-url"
        )
        stats = getattr(getattr(spider, "crawler", None), "stats", None)
        if stats is not None:
            stats.inc_value(f"newsarchive/{key}")
        super().log(request, spider)
