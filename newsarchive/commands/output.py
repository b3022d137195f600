"""Small helpers every command uses to print for people or for scripts."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.markup import escape

from newsarchive.console import err_console
from newsarchive.urls import redact_credentials


def print_json(data: Any) -> None:
    """One JSON document on stdout, for scripts."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str, indent=2) + "\n")
    sys.stdout.flush()


def say(message: str, style: str | None = None) -> None:
    """A status line for people, on stderr (stdout stays clean for data)."""
    err_console.print(escape(redact_credentials(message)), style=style, soft_wrap=True)
