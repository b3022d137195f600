"""The crawler's commands: `newsarchive crawl` and `newsarchive extract`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from newsarchive.commands.output import print_json, say
from newsarchive.console import make_console
from newsarchive.errors import UsageError

# The indexer's pipeline is wired in here, by the command that composes the
# stages; the crawler's own modules never import the indexer.
INDEXING_PIPELINE = "indexer.pipeline.IndexingPipeline"


def summary_table(summary: dict[str, Any]) -> Table:
    table = Table(title="crawl summary", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("pages fetched", f"{summary['pages']:,}")
    table.add_row("[ok]articles[/]", f"{summary['articles']:,}")
    if summary.get("articles_without_date"):
        table.add_row("  of which without a date", f"{summary['articles_without_date']:,}")
    if summary.get("indexed") or summary.get("index_failed"):
        table.add_row("indexed", f"{summary['indexed']:,}")
        table.add_row("[error]not indexed (dead-lettered)[/]", f"{summary['index_failed']:,}")
    for group, label, style in (
        ("duplicates", "duplicate", "muted"),
        ("skipped", "skipped", "warn"),
        ("errors", "error", "error"),
        ("flagged", "flagged", "warn"),
        ("resume", "resumed", "muted"),
    ):
        for reason, count in summary.get(group, {}).items():
            table.add_row(f"[{style}]{label}: {reason}[/]", f"{count:,}")
    if summary.get("seconds"):
        table.add_row("time", f"{summary['seconds']:.1f} s ({summary['pages_per_second']} pages/s)")
    return table


def register(app: typer.Typer) -> None:
    @app.command()
    def crawl(
        ctx: typer.Context,
        urls: Annotated[
            list[str] | None,
            typer.Argument(help="Homepages, robots.txt, sitemaps or feeds to start from."),
        ] = None,
        site: Annotated[
            str | None, typer.Option(help="A site profile from crawler/sites/.")
        ] = None,
        base_url: Annotated[
            str | None, typer.Option(help="Override the profile's base URL (e.g. a local mirror).")
        ] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write articles as JSON lines.")
        ] = None,
        no_index: Annotated[bool, typer.Option("--no-index", help="Do not index.")] = False,
        max_articles: Annotated[int | None, typer.Option(min=1)] = None,
        since: Annotated[
            str | None, typer.Option(help="Skip sitemap/feed entries older than this date.")
        ] = None,
        resume: Annotated[
            bool, typer.Option(help="Keep crawl state on disk; a killed crawl continues.")
        ] = False,
        refresh: Annotated[
            bool, typer.Option(help="Fetch articles again even if already indexed.")
        ] = False,
        depth: Annotated[int | None, typer.Option(min=0, max=10, help="Link depth.")] = None,
        allow: Annotated[
            list[str] | None, typer.Option(help="Regex a followed link must match.")
        ] = None,
        deny: Annotated[list[str] | None, typer.Option(help="Regex that rules a link out.")] = None,
        delay: Annotated[
            float | None, typer.Option(min=0, help="Seconds between requests.")
        ] = None,
        timeout: Annotated[
            float | None, typer.Option(min=0.1, help="Download timeout (s).")
        ] = None,
        concurrency: Annotated[
            int | None, typer.Option(min=1, max=64, help="Requests at once per site (default 4).")
        ] = None,
        dead_letter: Annotated[Path, typer.Option()] = Path("dead-letter.jsonl"),
        es_url: Annotated[str | None, typer.Option("--es-url")] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
        json_output: Annotated[
            bool, typer.Option("--json", help="Print the summary as JSON.")
        ] = False,
    ) -> None:
        """Crawl news sites into Article records (and, unless --no-index, into the index)."""
        from crawler.run import CrawlOptions, job_dir_for, run_crawl
        from crawler.sites import load_site_profile
        from newsarchive.cli import settings_from
        from newsarchive.connection import make_client, translate_errors
        from newsarchive.dates import parse_user_date
        from newsarchive.index import init_index

        settings = settings_from(ctx, es_url)
        seeds = list(urls or [])
        options = CrawlOptions(seeds=seeds)
        if site:
            profile = load_site_profile(site).with_base_url(base_url)
            options = CrawlOptions(
                seeds=[*profile.seeds(), *seeds],
                allow=profile.allow,
                deny=profile.deny,
                depth=profile.depth,
                source_name=profile.source,
                selectors=profile.selectors.model_dump(),
                download_delay=profile.download_delay,
            )
        if not options.seeds:
            raise UsageError("nothing to crawl: give URLs or --site NAME")
        for seed in options.seeds:
            if not seed.startswith(("http://", "https://")):
                raise UsageError(f"not an http(s) URL: {seed}")
        if since:
            options.since = dt.datetime.combine(
                parse_user_date(since, option="--since"), dt.time(), dt.UTC
            ).isoformat()
        options.allow += allow or []
        options.deny += deny or []
        if depth is not None:
            options.depth = depth
        if delay is not None:
            options.download_delay = delay
        options.timeout = timeout
        options.concurrency = concurrency
        options.output = output
        options.max_articles = max_articles
        options.refresh = refresh
        options.progress = not (quiet or json_output)
        options.user_agent = settings.user_agent + (
            f" ({settings.contact})" if settings.contact else ""
        )
        if resume:
            options.job_dir = job_dir_for(settings.cache_dir, options.seeds)
        if not no_index:
            with translate_errors(settings.es_url):
                init_index(make_client(settings), settings.index)
            options.es_url = settings.es_url
            options.index = settings.index
            options.dead_letter = dead_letter
            options.extra_pipelines = {INDEXING_PIPELINE: 800}
        summary = run_crawl(options)
        if json_output:
            print_json(summary)
        elif not quiet:
            make_console(stderr=True).print(summary_table(summary))
        if output is not None and not quiet and not json_output:
            say(f"wrote {summary['articles']:,} articles to {output}")
        if summary.get("finish_reason") == "cluster-unavailable":
            from newsarchive.errors import ClusterUnavailable

            raise ClusterUnavailable(
                f"the crawl stopped: {summary.get('index_error') or 'Elasticsearch went away'}",
                hint=f"the articles not indexed are in {dead_letter}; run the same crawl again "
                "once the cluster takes documents",
            )
        if summary.get("index_failed"):
            if not json_output and not quiet:
                say(f"{summary['index_failed']:,} articles not indexed: see {dead_letter}", "warn")
            raise typer.Exit(code=1)

    @app.command()
    def extract(
        files: Annotated[list[Path], typer.Argument(help="Saved HTML pages.")],
        url: Annotated[
            str | None, typer.Option(help="The page's URL (default: a file:// URL of the file).")
        ] = None,
    ) -> None:
        """Extract the article from saved HTML pages: one JSON object per line per file."""
        from crawler.extract import Skip, extract_or_skip

        failed = 0
        for path in files:
            if not path.is_file():
                raise UsageError(f"no such file: {path}")
            page_url = url or path.resolve().as_uri()
            result = extract_or_skip(path.read_bytes(), page_url)
            if isinstance(result, Skip):
                failed += 1
                sys.stdout.write(
                    json.dumps(
                        {"file": str(path), "skipped": result.reason, "detail": result.detail}
                    )
                    + "\n"
                )
            else:
                sys.stdout.write(result.model_dump_json() + "\n")
        if failed:
            raise typer.Exit(code=1)
