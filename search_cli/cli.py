"""The terminal client's commands (`newsarchive search`, `show`, ...)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the search client's commands to the root command."""
