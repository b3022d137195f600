"""``newsarchive es start|status|stop``: the local Elasticsearch node."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsarchive import localnode
from newsarchive.commands.output import print_json, say
from newsarchive.connection import make_client, translate_errors
from newsarchive.console import make_console
from newsarchive.errors import LocalNodeError, UsageError
from newsarchive.index import alias_target, index_counts
from newsarchive.urls import redact_credentials

app = typer.Typer(
    help="Run a local Elasticsearch node for development and tests.", no_args_is_help=True
)

Port = Annotated[int, typer.Option(help="HTTP port on 127.0.0.1.", min=1, max=65535)]
DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Node data directory (default: in the cache).")
]


def _settings(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from newsarchive.cli import settings_from

    return settings_from(ctx)


@app.command()
def start(
    ctx: typer.Context,
    port: Port = 9200,
    data_dir: DataDir = None,
    heap: Annotated[str, typer.Option(help="JVM heap, e.g. 512m or 1g.")] = "1g",
    jit: Annotated[
        localnode.Jit,
        typer.Option(
            help="quick: the JVM's C1 compiler only, far less CPU on a small machine; "
            "full: C1 and C2, for a long-running node with cores to spare."
        ),
    ] = localnode.Jit.quick,
    secure: Annotated[
        bool,
        typer.Option(
            "--secure",
            help="Security on: the user `elastic` with a generated password, shown once.",
        ),
    ] = False,
) -> None:
    """Fetch (once) and start Elasticsearch on 127.0.0.1, then print its URL."""
    settings = _settings(ctx)
    if not heap[:-1].isdigit() or heap[-1].lower() not in "mg":
        raise UsageError(f"--heap must look like 512m or 1g, not {heap!r}")
    spec = localnode.NodeSpec(
        version=settings.es_version,
        cache_dir=settings.cache_dir,
        data_dir=(data_dir or localnode.default_data_dir(settings.cache_dir)).absolute(),
        port=port,
        heap=heap,
        run_as=settings.es_user,
        java_home=settings.java_home,
        jit=jit,
        secure=secure,
    )
    with make_console(stderr=True).status(f"Starting Elasticsearch {spec.version}..."):
        node, started = localnode.start(spec)
    if started:
        say(f"Elasticsearch {spec.version} is up (pid {node.pid}, data in {node.data_dir})", "ok")
        if node.password is None:
            say(
                "note: security is off (no password): the node listens on 127.0.0.1 only, so "
                "anyone with an account on this machine can read and change the archive "
                "(--secure turns it on)",
                "warn",
            )
        elif node.password_is_new:
            say(
                "security is on. The password of the user elastic, shown this once (kept in "
                f"{node.data_dir / localnode.PASSWORD_FILE}, readable by its owner only); "
                "every command reads it from these settings:",
                "warn",
            )
            make_console(stderr=True).print(
                f"export NEWSARCHIVE_ES_USERNAME={localnode.SECURE_USER} "
                f"NEWSARCHIVE_ES_PASSWORD={node.password}",
                soft_wrap=True,
                highlight=False,
                markup=False,
            )
        else:
            say("security is on (the user elastic, with the password made at its first start)")
    else:
        say(f"Elasticsearch is already running (pid {node.pid}, data in {node.data_dir})", "warn")
    typer.echo(node.url)


@app.command()
def stop(ctx: typer.Context, data_dir: DataDir = None) -> None:
    """Stop the node that `es start` started in this data directory."""
    settings = _settings(ctx)
    directory = (data_dir or localnode.default_data_dir(settings.cache_dir)).absolute()
    node = localnode.stop(directory)
    if node is None:
        raise LocalNodeError(f"no Elasticsearch started by newsarchive is running in {directory}")
    say(f"stopped Elasticsearch (pid {node.pid}); port {node.port} is free", "ok")


@app.command()
def status(
    ctx: typer.Context,
    port: Annotated[int | None, typer.Option(help="Ask the local node on this port.")] = None,
    data_dir: DataDir = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Health, version, the alias and per-index document counts."""
    settings = _settings(ctx)
    url = settings.es_url
    if port is not None:
        url = f"http://127.0.0.1:{port}"
    elif data_dir is not None:
        node = localnode.read_running(data_dir.absolute())
        if node is None:
            raise LocalNodeError(
                f"no Elasticsearch started by newsarchive is running in {data_dir}"
            )
        url = node.url
    settings = settings.model_copy(update={"es_url": url})
    client = make_client(settings, max_retries=0)
    with translate_errors(url):
        health = client.cluster.health()
        nodes = client.nodes.info(node_id="_local", metric="_none")
        version = next(iter(nodes["nodes"].values()))["version"] if nodes["nodes"] else "?"
        target = alias_target(client, settings.index)
        counts = index_counts(client, settings.index)
        analyzer = None
        if target is not None:
            meta = client.indices.get_mapping(index=target)[target]["mappings"].get("_meta", {})
            analyzer = meta.get("body_analyzer")
    report = {
        "url": url,
        "status": health["status"],
        "version": version,
        "alias": settings.index,
        "alias_target": target,
        "body_analyzer": analyzer,
        "indices": [
            {"name": c.name, "documents": c.documents, "aliases": c.aliases} for c in counts
        ],
    }
    if json_output:
        print_json(report)
        return
    console = make_console()
    colour = {"green": "ok", "yellow": "warn"}.get(str(health["status"]), "error")
    console.print(
        f"Elasticsearch [bold]{version}[/] at {redact_credentials(url)}: [{colour}]{health['status']}[/]"
    )
    if target is None:
        console.print(
            f"alias [bold]{settings.index}[/] does not exist yet (run `newsarchive index init`)"
        )
    else:
        stemming = "" if analyzer in ("english", "english_hunspell") else " (no English stemming)"
        console.print(
            f"alias [bold]{settings.index}[/] -> {target}, body analyzer {analyzer}{stemming}"
        )
    table = Table("index", "documents", "aliases")
    for c in counts:
        table.add_row(c.name, f"{c.documents:,}", ", ".join(c.aliases))
    if counts:
        console.print(table)
