"""Renderables for search results: tables, facet panels, a timeline, an article view.

Colours come from the theme's named styles (``newsarchive.console.THEME``).
Every function returns a Rich renderable; printing happens in the commands.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsarchive.article import Article
from newsarchive.query import HIGHLIGHT_POST, HIGHLIGHT_PRE
from newsarchive.search import Bucket, QuoteHit, SearchResult, TimelineBucket

BAR = "█"


def highlighted(snippet: str | None) -> Text:
    """A snippet with Elasticsearch's <mark> tags turned into the "match" style."""
    text = Text()
    rest = snippet or ""
    while HIGHLIGHT_PRE in rest:
        before, _, tail = rest.partition(HIGHLIGHT_PRE)
        marked, _, rest = tail.partition(HIGHLIGHT_POST)
        text.append(before)
        text.append(marked, style="match")
    text.append(rest)
    return text


def _names(values: Sequence[str], limit: int) -> str:
    shown = list(dict.fromkeys(values))[:limit]
    more = len(set(values)) - len(shown)
    return ", ".join(shown) + (f" +{more}" if more > 0 else "")


def results_table(result: SearchResult) -> Table:
    table = Table(show_lines=True, expand=True, header_style="bold")
    table.add_column("date", style="date", width=10, no_wrap=True)
    table.add_column("source", style="source", width=12, overflow="fold")
    table.add_column("article", ratio=1)
    for hit in result.hits:
        story = Text()
        story.append(hit.title or "(untitled)", style="bold")
        story.append("\n")
        story.append_text(highlighted(hit.snippet))
        if hit.persons or hit.organizations:
            story.append("\n")
            story.append(_names([a.name for a in hit.actors], 4), style="actor")
        if hit.places:
            story.append("\n")
            places = list(dict.fromkeys(p.name for p in hit.places))
            story.append(_names(places, 5), style="place")
        story.append(f"\n{hit.id}", style="muted")
        date = hit.published_at.date().isoformat() if hit.published_at else "-"
        table.add_row(date, hit.source or "-", story)
    return table


def facet_panel(title: str, buckets: Sequence[Bucket], style: str, width: int = 8) -> Panel:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(ratio=1, overflow="ellipsis", no_wrap=True)
    grid.add_column(width=width, no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    top = max((b.count for b in buckets), default=0)
    for bucket in buckets:
        bar = BAR * max(1, round(width * bucket.count / top)) if top else ""
        grid.add_row(Text(bucket.value, style=style), Text(bar, style="bar"), str(bucket.count))
    if not buckets:
        grid.add_row(Text("none", style="muted"), "", "")
    return Panel(grid, title=title, title_align="left", border_style="muted")


def facet_panels(result: SearchResult, top: int = 5) -> Table:
    """Actors, places and sources side by side (each a third of the width)."""
    row = Table.grid(expand=True, padding=(0, 0))
    panels = []
    for name, style in (("actors", "actor"), ("places", "place"), ("sources", "source")):
        row.add_column(ratio=1)
        panels.append(facet_panel(name, result.facets.get(name, [])[:top], style, width=4))
    row.add_row(*panels)
    return row


def _label(bucket: TimelineBucket, interval: str) -> str:
    if interval == "year":
        return f"{bucket.date:%Y}"
    if interval == "month":
        return f"{bucket.date:%Y-%m}"
    return bucket.date.isoformat()


def timeline_chart(buckets: Sequence[TimelineBucket], interval: str, width: int = 40) -> Panel:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="date", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right")
    top = max((b.count for b in buckets), default=0)
    for bucket in buckets:
        bar = BAR * max(1, round(width * bucket.count / top)) if top else ""
        grid.add_row(_label(bucket, interval), Text(bar, style="bar"), str(bucket.count))
    return Panel(grid, title=f"timeline (per {interval})", title_align="left", border_style="muted")


def search_view(result: SearchResult, describe: str) -> Group:
    header = Text()
    header.append(f"{result.total:,} articles", style="bold")
    if describe:
        header.append(f" · {describe}", style="muted")
    parts: list[RenderableType] = [header]
    if result.hits:
        parts.append(results_table(result))
    parts.append(facet_panels(result))
    if result.timeline:
        parts.append(timeline_chart(result.timeline, result.interval))
    return Group(*parts)


def article_view(article: Article) -> Group:
    meta = Text()
    if article.published_at:
        meta.append(article.published_at.strftime("%Y-%m-%d %H:%M UTC"), style="date")
        meta.append(" · ")
    meta.append(article.source or "unknown source", style="source")
    if article.authors:
        meta.append(" · by " + ", ".join(article.authors))
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    for kind in ("person", "organization", "group"):
        names = [a.name for a in article.actors if a.type == kind]
        if names:
            facts.add_row(f"{kind}s", Text(", ".join(names), style=kind))
    if article.places:
        facts.add_row(
            "places",
            Text(
                ", ".join(
                    # one entry per written form is stored; each place shows once
                    dict.fromkeys(
                        f"{p.name} ({p.country_code})" if p.country_code else p.name
                        for p in article.places
                    )
                ),
                style="place",
            ),
        )
    if article.mentioned_dates:
        facts.add_row(
            "dates", Text(", ".join(d.isoformat() for d in article.mentioned_dates), style="date")
        )
    facts.add_row("url", Text(article.canonical_url, style="muted"))
    parts: list[RenderableType] = [
        Text(article.title, style="bold"),
        meta,
        Text(""),
        entity_text(article),
        Text(""),
        facts,
    ]
    if article.quotes:
        quotes = Table.grid(padding=(0, 1))
        quotes.add_column(style="person", no_wrap=True)
        quotes.add_column()
        for quote in article.quotes:
            quotes.add_row(quote.speaker or "unknown", f"“{quote.text}”")
        parts.append(Panel(quotes, title="quotes", title_align="left", border_style="muted"))
    return Group(*parts)


def entity_text(article: Article) -> Text:
    """The body with actors and places coloured by type."""
    text = Text(article.body)
    for actor in article.actors:
        for word in {actor.name, actor.name.split()[-1]}:
            text.highlight_words([word], style=actor.type, case_sensitive=True)
    for place in article.places:
        for word in {place.name, place.mention or place.name}:
            text.highlight_words([word], style="place", case_sensitive=True)
    return text


def quotes_table(quotes: Sequence[QuoteHit]) -> Table:
    table = Table(expand=True, show_lines=True, header_style="bold")
    table.add_column("date", style="date", width=10, no_wrap=True)
    table.add_column("speaker", style="person", width=16)
    table.add_column("quote", ratio=1)
    for quote in quotes:
        date = quote.published_at.date().isoformat() if quote.published_at else "-"
        table.add_row(
            date,
            quote.speaker or "unknown",
            Text.assemble(f"“{quote.text}”\n", (escape(quote.title), "muted")),
        )
    return table
