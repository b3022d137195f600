"""The cluster a benchmark runs against: NEWSARCHIVE_ES_URL, or a throwaway local node."""

from __future__ import annotations

import os
from contextlib import ExitStack

from newsarchive import localnode
from newsarchive.settings import Settings


def cluster_url(stack: ExitStack, heap: str = "1g") -> str:
    """A URL to benchmark against; a node started here is stopped when ``stack`` closes."""
    url = os.environ.get("NEWSARCHIVE_ES_URL")
    if url:
        return url
    settings = Settings()
    _, node = stack.enter_context(
        localnode.throwaway_node(
            settings.es_version,
            settings.cache_dir,
            settings.es_user,
            heap=heap,
            prefix="newsarchive-bench-",
        )
    )
    return node.url
