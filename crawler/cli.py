"""The crawler's commands (`newsarchive crawl`, `newsarchive extract`)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the crawler's commands to the root command."""
