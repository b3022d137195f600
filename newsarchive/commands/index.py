"""``newsarchive index init|migrate``; the indexer adds the loading command."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from newsarchive.commands.output import print_json, say
from newsarchive.connection import make_client, translate_errors
from newsarchive.index import init_index, migrate_index

DEFAULT_SUBCOMMAND = "add"


class IndexGroup(TyperGroup):
    """`newsarchive index FILE...` means `newsarchive index add FILE...`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = [DEFAULT_SUBCOMMAND, *args]
        return super().parse_args(ctx, args)


def make_app() -> typer.Typer:
    app = typer.Typer(
        cls=IndexGroup,
        help="Manage the index: `newsarchive index FILE.jsonl` enriches and indexes articles.",
        no_args_is_help=True,
    )

    @app.command()
    def init(
        ctx: typer.Context,
        es_url: Annotated[str | None, typer.Option("--es-url")] = None,
        json_output: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """Create the versioned index behind the alias (harmless to repeat)."""
        from newsarchive.cli import settings_from

        settings = settings_from(ctx, es_url)
        with translate_errors(settings.es_url):
            result = init_index(make_client(settings), settings.index)
        report: dict[str, Any] = {
            "alias": settings.index,
            "index": result.index,
            "created": result.created,
        }
        if json_output:
            print_json(report)
        elif result.created:
            say(f"created {result.index} behind alias {settings.index}", "ok")
        else:
            say(f"alias {settings.index} already points at {result.index}; nothing to do")

    @app.command()
    def migrate(
        ctx: typer.Context,
        es_url: Annotated[str | None, typer.Option("--es-url")] = None,
        delete_old: Annotated[bool, typer.Option(help="Delete the old index afterwards.")] = False,
        json_output: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """Copy every document into the next index version and swap the alias."""
        from newsarchive.cli import settings_from

        settings = settings_from(ctx, es_url)
        with translate_errors(settings.es_url):
            result = migrate_index(make_client(settings), settings.index, delete_old=delete_old)
        if json_output:
            print_json(
                {
                    "alias": settings.index,
                    "from": result.source,
                    "to": result.target,
                    "documents": result.documents,
                }
            )
        else:
            say(
                f"migrated {result.documents:,} documents from {result.source} to {result.target}; "
                f"alias {settings.index} -> {result.target}",
                "ok",
            )

    return app
