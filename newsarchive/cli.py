"""The ``newsarchive`` command: one error boundary around every subcommand.

Subcommands come from the packages that own them: the core registers
``es`` and ``index``; the crawler, the indexer and the search client
register theirs. Heavy libraries (Scrapy, spaCy) are imported inside the
commands that need them, so ``newsarchive search`` starts fast.
"""

from __future__ import annotations

import sys
import traceback
from typing import Annotated

import typer
from elasticsearch import ApiError
from rich.markup import escape

from newsarchive.console import err_console
from newsarchive.errors import ExitStatus, NewsarchiveError
from newsarchive.settings import Settings
from newsarchive.urls import redact_credentials

app = typer.Typer(
    name="newsarchive",
    help="A searchable news archive: crawl, enrich, index and search news on Elasticsearch.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


class State:
    """What the root options decided, handed to every subcommand via ctx.obj."""

    def __init__(self, es_url: str | None, index: str | None, debug: bool) -> None:
        self.es_url = es_url
        self.index = index
        self.debug = debug

    def settings(self, es_url: str | None = None) -> Settings:
        overrides: dict[str, object] = {}
        if es_url or self.es_url:
            overrides["es_url"] = es_url or self.es_url
        if self.index:
            overrides["index"] = self.index
        return Settings(**overrides)  # type: ignore[arg-type]


EsUrl = Annotated[
    str | None,
    typer.Option("--es-url", help="Elasticsearch URL (default: NEWSARCHIVE_ES_URL)."),
]


def settings_from(ctx: typer.Context, es_url: str | None = None) -> Settings:
    state = ctx.find_root().obj
    if not isinstance(state, State):
        state = State(None, None, False)
    return state.settings(es_url)


@app.callback()
def root(
    ctx: typer.Context,
    es_url: EsUrl = None,
    index: Annotated[str | None, typer.Option(help="Index alias (default: news).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    ctx.obj = State(es_url, index, debug)


def _register() -> None:
    from crawler.cli import register as register_crawler
    from indexer.cli import register as register_indexer
    from newsarchive.commands import es, index, kibana
    from search_cli.cli import register as register_search

    app.add_typer(es.app, name="es")
    index_app = index.make_app()
    register_indexer(app, index_app)
    app.add_typer(index_app, name="index")
    register_crawler(app)
    register_search(app)
    app.add_typer(kibana.app, name="kibana")


_register()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every failure to one line on stderr and an exit status.

    Click handles its own usage errors (exit 2) in standalone mode; what
    reaches this boundary is ours to word.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:  # the root option, wherever it was typed ("search putin --debug")
        args = ["--debug", *(a for a in args if a != "--debug")]
    command = typer.main.get_command(app)
    try:
        command.main(args=args, prog_name="newsarchive", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except NewsarchiveError as exc:
        _report(exc, debug)
        return int(exc.exit_status)
    except ApiError as exc:
        _report(exc, debug, prefix="Elasticsearch refused the request: ")
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        err_console.print("[error]interrupted[/]")
        return 130
    return ExitStatus.OK


def _report(exc: BaseException, debug: bool, prefix: str = "") -> None:
    if debug:
        traceback.print_exc()
    message = redact_credentials(f"{prefix}{exc}")
    err_console.print(f"[error]error:[/] {escape(message)}", soft_wrap=True)
