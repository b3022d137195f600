"""The indexer's commands: `newsarchive index FILE...` and `newsarchive enrich`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from indexer.deadletter import DeadLetters
from indexer.jsonl import BadLine, bounded_lines, count_lines, open_input, parse_lines
from newsarchive.article import Article
from newsarchive.commands.output import print_json, say
from newsarchive.console import make_console
from newsarchive.errors import UsageError


def progress_bar(quiet: bool = False) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=make_console(stderr=True),
        disable=quiet,
        transient=False,
    )


def read_articles(paths: list[str], dead: DeadLetters) -> Iterator[Article]:
    """Every article of every file; bad lines go to the dead-letter file."""
    for path in paths:
        with open_input(path) as stream:
            for item in parse_lines(bounded_lines(stream), source=path):
                if isinstance(item, BadLine):
                    dead.add(
                        item.reason,
                        kind="bad-line",
                        file=item.source,
                        line=item.line,
                        text=item.text,
                    )
                else:
                    yield item


def summary_table(title: str, rows: dict[str, object]) -> Table:
    """The run's counts for people: "bad lines", not the JSON key ``bad_lines``."""
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in rows.items():
        label = key.replace("_", " ")
        table.add_row(label, f"{value:,}" if isinstance(value, int) else str(value))
    return table


def make_enricher(model: str, total: int | None, workers: int | None, ablate: str = ""):  # type: ignore[no-untyped-def]
    """An Enricher using both cores when the job is big enough to repay the start-up."""
    import os

    from indexer.enrich import Enricher

    if workers is None:
        workers = min(2, os.cpu_count() or 1) if (total or 0) >= 1000 else 1
    families = [f.strip() for f in ablate.split(",") if f.strip()]
    try:
        return Enricher(model, n_process=workers, ablate=families)
    except ValueError as exc:
        raise UsageError(f"NEWSARCHIVE_ABLATE: {exc}") from exc


def register(app: typer.Typer, index_app: typer.Typer) -> None:
    @app.command("enrich")
    def enrich_command(
        ctx: typer.Context,
        source: Annotated[str, typer.Argument(help="JSONL file of articles, or - for stdin.")],
        output: Annotated[
            str, typer.Option("--output", "-o", help="Where to write (- for stdout).")
        ] = "-",
        dead_letter: Annotated[Path, typer.Option()] = Path("dead-letter.jsonl"),
        workers: Annotated[int | None, typer.Option(min=1, max=64)] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    ) -> None:
        """Add entity facets to articles without Elasticsearch (JSONL in, JSONL out)."""
        from indexer.jsonl import dump_line, open_output
        from newsarchive.cli import settings_from

        settings = settings_from(ctx)
        total = count_lines(source) if source != "-" else None
        if source != "-" and total is None:
            raise UsageError(f"no such file: {source}")
        written = 0
        with DeadLetters(dead_letter) as dead, open_output(output) as out:
            enricher = make_enricher(settings.spacy_model, total, workers, settings.ablate)
            with progress_bar(quiet or output == "-") as progress:
                task = progress.add_task("enriching", total=total)
                for article in enricher.enrich(read_articles([source], dead)):
                    out.write(dump_line(article))
                    written += 1
                    progress.advance(task)
            bad = dead.total
        if not quiet:
            say(
                f"enriched {written:,} articles"
                + (f"; {bad:,} bad lines in {dead_letter}" if bad else "")
            )
        if bad:
            raise typer.Exit(code=1)

    @index_app.command("reenrich")
    def reenrich(
        ctx: typer.Context,
        es_url: Annotated[str | None, typer.Option("--es-url")] = None,
        workers: Annotated[
            int | None, typer.Option(min=1, max=64, help="NER processes (default: 2 for big jobs).")
        ] = None,
        delete_old: Annotated[bool, typer.Option(help="Delete the old index afterwards.")] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
        json_output: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """Re-enrich every archived article into the next index version, then swap the alias.

        Search keeps answering from the current version until the swap; new
        writes wait (the current version is read-only during the copy).
        """
        from typing import Any

        from newsarchive.cli import settings_from
        from newsarchive.connection import make_client, translate_errors
        from newsarchive.index import migrate_index

        settings = settings_from(ctx, es_url)
        client = make_client(settings)
        with translate_errors(settings.es_url):
            total = int(client.count(index=settings.index)["count"])
            enricher = make_enricher(settings.spacy_model, total, workers, settings.ablate)
            with progress_bar(quiet or json_output) as progress:
                task = progress.add_task("re-enriching", total=total)

                def rewrite(
                    documents: Iterator[tuple[str, dict[str, Any]]],
                ) -> Iterator[tuple[str, dict[str, Any]]]:
                    articles = (Article.from_hit(i, source) for i, source in documents)
                    for article in enricher.enrich(articles):
                        progress.advance(task)
                        yield article.id, article.to_document()

                result = migrate_index(
                    client, settings.index, delete_old=delete_old, rewrite=rewrite
                )
        report = {
            "alias": settings.index,
            "from": result.source,
            "to": result.target,
            "documents": result.documents,
        }
        if json_output:
            print_json(report)
        elif not quiet:
            say(
                f"re-enriched {result.documents:,} articles from {result.source} into "
                f"{result.target}; alias {settings.index} -> {result.target}",
                "ok",
            )

    @index_app.command("add")
    def add(
        ctx: typer.Context,
        files: Annotated[list[str], typer.Argument(help="JSONL files of articles (- for stdin).")],
        es_url: Annotated[str | None, typer.Option("--es-url")] = None,
        dead_letter: Annotated[
            Path, typer.Option(help="Where documents that could not be indexed are written.")
        ] = Path("dead-letter.jsonl"),
        chunk_size: Annotated[int, typer.Option(min=1, max=10_000)] = 500,
        max_attempts: Annotated[
            int, typer.Option(min=1, max=20, help="Tries per chunk while the cluster is away.")
        ] = 6,
        enrich: Annotated[
            bool, typer.Option(help="Run entity enrichment first (--no-enrich: as they are).")
        ] = True,
        workers: Annotated[
            int | None, typer.Option(min=1, max=64, help="NER processes (default: 2 for big jobs).")
        ] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
        json_output: Annotated[
            bool, typer.Option("--json", help="Print the summary as JSON.")
        ] = False,
    ) -> None:
        """Index JSONL articles (also: `newsarchive index FILE...`)."""
        from indexer.bulk import BulkIndexer, relaxed_refresh
        from newsarchive.cli import settings_from
        from newsarchive.connection import make_client, translate_errors
        from newsarchive.index import init_index

        settings = settings_from(ctx, es_url)
        for path in files:
            if path != "-" and not Path(path).is_file():
                raise UsageError(f"no such file: {path}")
        total = sum(count_lines(p) or 0 for p in files) or None
        client = make_client(settings)
        with DeadLetters(dead_letter) as dead, translate_errors(settings.es_url):
            init_index(client, settings.index)
            indexer = BulkIndexer(
                client, settings.index, dead, chunk_size=chunk_size, max_attempts=max_attempts
            )
            articles = read_articles(files, dead)
            in_workers = False  # enrichment in worker processes: send from this thread
            if enrich:
                enricher = make_enricher(settings.spacy_model, total, workers, settings.ablate)
                in_workers = enricher.n_process > 1
                articles = enricher.enrich(articles)
            with (
                progress_bar(quiet or json_output) as progress,
                relaxed_refresh(client, settings.index),
            ):
                task = progress.add_task(
                    "enriching and indexing" if enrich else "indexing", total=total
                )
                indexer.index_all(
                    articles,
                    on_chunk=lambda n: progress.advance(task, n),
                    background=not in_workers,
                )
            client.indices.refresh(index=settings.index)
            stats = indexer.stats
            report = {
                "indexed": stats.indexed,
                "failed": stats.failed,
                "bad_lines": dead.reasons.get("bad-line", 0),
                "retries": stats.retries,
                "dead_letter": str(dead_letter) if dead.total else None,
            }
        if json_output:
            print_json(report)
        else:
            make_console(stderr=True).print(
                summary_table(
                    "indexing summary", {k: v for k, v in report.items() if v is not None}
                )
            )
        if dead.total:
            raise typer.Exit(code=1)
