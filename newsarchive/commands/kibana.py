"""``newsarchive kibana import``: the shipped dashboards, into a running Kibana."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsarchive.commands.output import print_json, say
from newsarchive.errors import UsageError

app = typer.Typer(help="Kibana dashboards for the archive.", no_args_is_help=True)


@app.command("import")
def import_dashboards(
    ctx: typer.Context,
    url: Annotated[
        str | None, typer.Option(help="Kibana URL (default: NEWSARCHIVE_KIBANA_URL).")
    ] = None,
    space: Annotated[str | None, typer.Option(help="Kibana space to import into.")] = None,
    file: Annotated[
        Path | None, typer.Option(help="Saved objects NDJSON (default: the shipped one).")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Import the dashboards (overwriting: running it twice is harmless)."""
    from newsarchive.cli import settings_from
    from newsarchive.kibana import SAVED_OBJECTS, KibanaClient

    settings = settings_from(ctx)
    ndjson = file or SAVED_OBJECTS
    if not ndjson.is_file():
        raise UsageError(f"no such file: {ndjson}")
    client = KibanaClient(
        url or settings.kibana_url,
        space=space,
        username=settings.es_username,
        password=settings.es_password.get_secret_value() if settings.es_password else None,
        api_key=settings.es_api_key.get_secret_value() if settings.es_api_key else None,
    )
    result = client.import_saved_objects(ndjson, index=settings.index)
    if json_output:
        print_json({"imported": result.imported, "kibana_version": result.kibana_version})
    else:
        say(
            f"imported {result.imported} saved objects into Kibana {result.kibana_version}; "
            "open Dashboards > News archive",
            "ok",
        )
