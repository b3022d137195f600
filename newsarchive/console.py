"""Consoles and the theme: named styles instead of literal colours."""

from __future__ import annotations

from rich.console import Console
from rich.theme import Theme

THEME = Theme(
    {
        "actor": "bold cyan",
        "person": "bold cyan",
        "organization": "bold magenta",
        "group": "bold yellow",
        "place": "bold green",
        "date": "blue",
        "source": "italic",
        "match": "bold reverse",
        "muted": "dim",
        "ok": "green",
        "warn": "yellow",
        "error": "bold red",
        "bar": "cyan",
    }
)


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    return Console(theme=THEME, stderr=stderr, width=width, highlight=False)


# Messages for people go to stderr, so stdout stays clean for --json and pipes.
err_console = make_console(stderr=True)
