"""The console entry point: a start-up shortcut, then the real CLI.

elastic-transport imports every HTTP backend it can find, and aiohttp, httpx
and requests (installed for Scrapy, spaCy and trafilatura) cost about 0.45 s
to import. The read-only search commands only ever use the urllib3 backend,
so for them these are hidden before anything imports elastic-transport. Commands that
crawl or enrich keep them, since Scrapy and spaCy may need them.
"""

from __future__ import annotations

import sys

SEARCH_COMMANDS = {"search", "show", "actors", "places", "timeline", "quotes", "related"}
ASYNC_BACKENDS = ("aiohttp", "httpx", "requests")


def _command(args: list[str]) -> str | None:
    """The subcommand's name: the first argument that is not an option or its value."""
    takes_value = {"--es-url", "--index"}
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in takes_value:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main() -> int:
    if _command(sys.argv[1:]) in SEARCH_COMMANDS:
        for name in ASYNC_BACKENDS:
            sys.modules.setdefault(name, None)  # type: ignore[arg-type]
    from newsarchive.cli import main as cli_main

    return cli_main()
