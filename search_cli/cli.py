"""The terminal client: `newsarchive search`, `show`, `actors`, `places`, `timeline`, `quotes`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from newsarchive.commands.output import print_json, say
from newsarchive.console import make_console

Many = Annotated[list[str] | None, typer.Option()]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
EsUrl = Annotated[str | None, typer.Option("--es-url")]
FILTER_LABELS = {
    "query": "the query",
    "actors": "--actor",
    "places": "--place",
    "countries": "--country",
    "sources": "--source",
    "languages": "--language",
    "since": "--from",
    "until": "--to",
    "mentioned_since": "--mentioned-from",
    "mentioned_until": "--mentioned-to",
}


def _archive(ctx: typer.Context, es_url: str | None):  # type: ignore[no-untyped-def]
    from newsarchive.cli import settings_from
    from newsarchive.search import Archive

    return Archive.from_settings(settings_from(ctx, es_url))


def _filters(
    actor: list[str] | None,
    place: list[str] | None,
    country: list[str] | None,
    source: list[str] | None,
    date_from: str | None,
    date_to: str | None,
) -> dict[str, Any]:
    from newsarchive.dates import parse_user_date

    return {
        "actors": actor or [],
        "places": place or [],
        "countries": country or [],
        "sources": source or [],
        "since": parse_user_date(date_from, option="--from") if date_from else None,
        "until": parse_user_date(date_to, end=True, option="--to") if date_to else None,
    }


def _describe(query: str | None, filters: dict[str, Any]) -> str:
    parts = [f'"{query}"'] if query else []
    for key, label in (
        ("actors", "actor"),
        ("places", "place"),
        ("countries", "country"),
        ("sources", "source"),
    ):
        parts += [f"{label}: {v}" for v in filters.get(key) or []]
    if filters.get("since") or filters.get("until"):
        parts.append(f"{filters.get('since') or '…'} to {filters.get('until') or '…'}")
    return " · ".join(parts)


def _say_empty(empty_because: list[str]) -> None:
    if empty_because:
        culprits = " or ".join(FILTER_LABELS.get(n, n) for n in empty_because)
        say(f"no articles match; without {culprits} there would be some", "warn")
    else:
        say("no articles match", "warn")


def register(app: typer.Typer) -> None:
    @app.command()
    def search(
        ctx: typer.Context,
        query: Annotated[
            str | None, typer.Argument(help='Words, "phrases", -exclusions, OR, prefix*.')
        ] = None,
        actor: Many = None,
        place: Many = None,
        country: Many = None,
        source: Many = None,
        date_from: Annotated[
            str | None, typer.Option("--from", help="YYYY, YYYY-MM or YYYY-MM-DD.")
        ] = None,
        date_to: Annotated[str | None, typer.Option("--to")] = None,
        mentioned_from: Annotated[str | None, typer.Option("--mentioned-from")] = None,
        mentioned_to: Annotated[str | None, typer.Option("--mentioned-to")] = None,
        sort: Annotated[str, typer.Option(help="relevance, newest or oldest.")] = "relevance",
        limit: Annotated[int, typer.Option(help="Results per page.")] = 10,
        page: Annotated[int, typer.Option(help="Page number, from 1.")] = 1,
        json_output: Json = False,
        es_url: EsUrl = None,
    ) -> None:
        """Search the archive by words, actor, place, source and date."""
        from newsarchive.dates import parse_user_date
        from search_cli.render import search_view

        filters = _filters(actor, place, country, source, date_from, date_to)
        result = _archive(ctx, es_url).search(
            query,
            sort=sort,
            size=limit,
            page=page,  # type: ignore[arg-type]
            mentioned_since=parse_user_date(mentioned_from, option="--mentioned-from")
            if mentioned_from
            else None,
            mentioned_until=parse_user_date(mentioned_to, end=True, option="--mentioned-to")
            if mentioned_to
            else None,
            **filters,
        )
        if json_output:
            print_json(result.to_json())
        else:
            make_console().print(search_view(result, _describe(query, filters)))
        if result.total == 0:
            _say_empty(result.empty_because)

    @app.command()
    def show(
        ctx: typer.Context,
        article_id: Annotated[
            str, typer.Argument(metavar="ID", help="An article id (from search).")
        ],
        json_output: Json = False,
        es_url: EsUrl = None,
    ) -> None:
        """One article, with its entities coloured by type, its facets and its quotes."""
        from newsarchive.errors import NewsarchiveError
        from search_cli.render import article_view

        article = _archive(ctx, es_url).article(article_id)
        if article is None:
            raise NewsarchiveError(f"no article with id {article_id}")
        if json_output:
            print_json(article.model_dump(mode="json"))
        else:
            make_console().print(article_view(article))

    def _facet_command(name: str, style: str) -> Any:
        def command(
            ctx: typer.Context,
            query: Annotated[str | None, typer.Argument()] = None,
            actor: Many = None,
            place: Many = None,
            country: Many = None,
            source: Many = None,
            date_from: Annotated[str | None, typer.Option("--from")] = None,
            date_to: Annotated[str | None, typer.Option("--to")] = None,
            top: Annotated[int, typer.Option(help="How many to list.")] = 20,
            json_output: Json = False,
            es_url: EsUrl = None,
        ) -> None:
            from newsarchive.errors import UsageError
            from search_cli.render import facet_panel

            if not 1 <= top <= 1000:
                raise UsageError(f"--top must be between 1 and 1000, not {top}")
            filters = _filters(actor, place, country, source, date_from, date_to)
            total, buckets = _archive(ctx, es_url).facet(name, query, top=top, **filters)
            if json_output:
                print_json({"total": total, name: [b.model_dump() for b in buckets]})
                return
            make_console().print(
                facet_panel(f"{name} in {total:,} articles", buckets, style, width=24)
            )

        command.__doc__ = f"The top {name} in the archive, or in a search."
        return command

    app.command("actors")(_facet_command("actors", "actor"))
    app.command("places")(_facet_command("places", "place"))

    @app.command()
    def timeline(
        ctx: typer.Context,
        actor: Annotated[str | None, typer.Option()] = None,
        place: Annotated[str | None, typer.Option()] = None,
        query: Annotated[str | None, typer.Option()] = None,
        date_from: Annotated[str | None, typer.Option("--from")] = None,
        date_to: Annotated[str | None, typer.Option("--to")] = None,
        interval: Annotated[str | None, typer.Option(help="day, week, month or year.")] = None,
        json_output: Json = False,
        es_url: EsUrl = None,
    ) -> None:
        """Articles over time for an actor and/or a place."""
        from newsarchive.dates import parse_user_date
        from newsarchive.errors import UsageError
        from search_cli.render import timeline_chart

        if interval is not None and interval not in ("day", "week", "month", "year"):
            raise UsageError(f"unknown interval {interval!r}: use day, week, month or year")
        chosen, buckets = _archive(ctx, es_url).timeline(
            actor=actor,
            place=place,
            query=query,
            since=parse_user_date(date_from, option="--from") if date_from else None,
            until=parse_user_date(date_to, end=True, option="--to") if date_to else None,
            interval=interval,
        )
        if json_output:
            print_json(
                {
                    "interval": chosen,
                    "timeline": [{"date": b.date.isoformat(), "count": b.count} for b in buckets],
                }
            )
        elif buckets:
            make_console().print(timeline_chart(buckets, chosen))
        else:
            say("no articles match", "warn")

    @app.command()
    def quotes(
        ctx: typer.Context,
        query: Annotated[str | None, typer.Argument(help="Words in the quotation.")] = None,
        speaker: Annotated[str | None, typer.Option()] = None,
        limit: Annotated[int, typer.Option()] = 20,
        json_output: Json = False,
        es_url: EsUrl = None,
    ) -> None:
        """Who said what: quotations by speaker and/or words."""
        from newsarchive.errors import UsageError
        from search_cli.render import quotes_table

        if not 1 <= limit <= 500:
            raise UsageError(f"--limit must be between 1 and 500, not {limit}")
        found = _archive(ctx, es_url).quotes(speaker=speaker, query=query, size=limit)
        if json_output:
            print_json([q.model_dump(mode="json") for q in found])
        elif found:
            make_console().print(quotes_table(found))
        else:
            say("no quotations match", "warn")

    @app.command()
    def related(
        ctx: typer.Context,
        actor: Annotated[str, typer.Option(help="The actor whose company to show.")],
        top: Annotated[int, typer.Option()] = 10,
        json_output: Json = False,
        es_url: EsUrl = None,
    ) -> None:
        """Actors that appear with an actor more often than chance (significant terms)."""
        from search_cli.render import facet_panel

        buckets = _archive(ctx, es_url).related(actor, size=top)
        if json_output:
            print_json({"actor": actor, "related": [b.model_dump() for b in buckets]})
        else:
            make_console().print(facet_panel(f"appears with {actor}", buckets, "actor", width=24))
