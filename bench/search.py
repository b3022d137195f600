"""Faceted search latency on synthetic archives of 100,000 and 1,000,000 articles.

    .venv/bin/python bench/search.py [--sizes 100000 1000000] [--queries 200]

Articles are generated with entities drawn from realistic lists (the alias
table's actors, GeoNames places, the sample outlets) and dates over ten
years, and bulk-loaded into a local node (1 GB heap) unless
NEWSARCHIVE_ES_URL is set. Measures the typical faceted query (text + actor
+ date range + all facets + timeline) and the CLI's start-to-results time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from elasticsearch import Elasticsearch, helpers  # noqa: E402

from bench.node import cluster_url  # noqa: E402
from bench.results import write_section  # noqa: E402
from crawler.samplesite import load_site  # noqa: E402
from indexer.gazetteer import gazetteer  # noqa: E402
from indexer.resources import aliases  # noqa: E402
from newsarchive.index import init_index  # noqa: E402
from newsarchive.search import Archive  # noqa: E402

START = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
DAYS = 3652


def vocabularies(seed: int = 7) -> dict[str, list[Any]]:
    rng = random.Random(seed)
    table = aliases()
    entries = [entry for n in table.names() if (entry := table.get(n)) is not None]
    actors = sorted({(e.canonical, e.type) for e in entries if e.type != "place"})
    first = ["Anna", "Omar", "Lena", "Kwame", "Maria", "Ivan", "Sofia", "Hiro", "Amir", "Chloe"]
    last = ["Petrov", "Haddad", "Nguyen", "Okafor", "Silva", "Kowalski", "Tanaka", "Rossi"]
    actors += [(f"{f} {sur}", "person") for f in first for sur in last]
    g = gazetteer()
    places = []
    for candidates in g.by_name.values():
        c = candidates[0]
        if c.lat is not None and c.lon is not None and (c.kind != "city" or c.population > 300_000):
            places.append(c)
    rng.shuffle(places)
    words = " ".join(a.body for a in load_site().articles).split()
    return {
        "actors": actors,
        "places": places[:3000],
        "words": words,
        "sources": [
            "Meridian Wire",
            "Harbour Daily",
            "Northstar Times",
            "Delta Courier",
            "Summit Post",
            "Coastal Herald",
            "Capital Ledger",
            "Plains Gazette",
        ],
    }


def documents(
    count: int, vocab: dict[str, list[Any]], index: str, seed: int
) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    actors, places, words, sources = (
        vocab["actors"],
        vocab["places"],
        vocab["words"],
        vocab["sources"],
    )
    # Zipf-like popularity: a few actors and places dominate, as in real news.
    actor_weights = [1 / (i + 1) for i in range(len(actors))]
    place_weights = [1 / (i + 1) for i in range(len(places))]
    for n in range(count):
        published = START + dt.timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(1440))
        chosen_actors = {a for a in rng.choices(actors, actor_weights, k=rng.randint(1, 6))}
        chosen_places = {p for p in rng.choices(places, place_weights, k=rng.randint(1, 4))}
        start = rng.randrange(len(words) - 120)
        body = " ".join(words[start : start + rng.randint(60, 120)])
        yield {
            "_index": index,
            "_id": f"syn-{n}",
            "_source": {
                "url": f"http://synthetic/{n}",
                "canonical_url": f"http://synthetic/{n}",
                "source": rng.choice(sources),
                "title": " ".join(words[start : start + 8]),
                "body": body,
                "language": "en",
                "published_at": published.isoformat(),
                "actors": [
                    {"id": name.lower().replace(" ", "-"), "name": name, "type": kind}
                    for name, kind in chosen_actors
                ],
                "persons": [name for name, kind in chosen_actors if kind == "person"],
                "organizations": [name for name, kind in chosen_actors if kind == "organization"],
                "places": [
                    {
                        "id": p.id,
                        "name": p.name,
                        "country_code": p.country_code,
                        "location": {"lat": p.lat, "lon": p.lon},
                    }
                    for p in chosen_places
                ],
                "countries": sorted({p.country_code for p in chosen_places if p.country_code}),
                "mentioned_dates": [published.date().isoformat()],
                "quotes": [],
                "story_id": f"syn-{n}",
            },
        }


def load(client: Elasticsearch, alias: str, count: int, vocab: dict[str, list[Any]]) -> float:
    index = init_index(client, alias).index
    client.indices.put_settings(index=index, settings={"refresh_interval": "-1"})
    started = time.perf_counter()
    for ok, item in helpers.parallel_bulk(
        client,
        documents(count, vocab, index, seed=count),
        thread_count=2,
        chunk_size=2000,
        queue_size=4,
    ):
        if not ok:
            raise RuntimeError(item)
    client.indices.put_settings(index=index, settings={"refresh_interval": "1s"})
    client.indices.refresh(index=index)
    client.options(request_timeout=1800).indices.forcemerge(index=index, max_num_segments=1)
    seconds = time.perf_counter() - started
    assert client.count(index=alias)["count"] == count
    return seconds


def queries(vocab: dict[str, list[Any]], n: int) -> list[dict[str, Any]]:
    rng = random.Random(11)
    terms = [w.strip(".,\"'").lower() for w in vocab["words"] if len(w) > 5 and w.isalpha()]
    top_actors = [a for a, _ in vocab["actors"][:40]]
    out = []
    for _ in range(n):
        since = START.date() + dt.timedelta(days=rng.randrange(DAYS - 400))
        out.append(
            {
                "query": rng.choice(terms),
                "actors": [rng.choice(top_actors)],
                "since": since,
                "until": since + dt.timedelta(days=rng.randrange(30, 730)),
            }
        )
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(archive: Archive, params: list[dict[str, Any]]) -> dict[str, float]:
    for q in params[:20]:  # warm caches, as a running service would be
        archive.search(
            q["query"], actors=q["actors"], since=q["since"], until=q["until"], explain_empty=False
        )
    wall: list[float] = []
    took: list[float] = []
    for q in params:
        started = time.perf_counter()
        response = archive._search(**_body(q))
        wall.append((time.perf_counter() - started) * 1000)
        took.append(float(response["took"]))
    return {
        "p50": percentile(wall, 50),
        "p99": percentile(wall, 99),
        "took_p50": percentile(took, 50),
        "took_p99": percentile(took, 99),
    }


def _body(q: dict[str, Any]) -> dict[str, Any]:
    from newsarchive.query import SearchParams, build_search

    return build_search(
        SearchParams(
            query=q["query"], actors=tuple(q["actors"]), since=q["since"], until=q["until"]
        )
    )


def cli_time(url: str, alias: str, q: dict[str, Any], runs: int = 7) -> float:
    env = {**os.environ, "NEWSARCHIVE_ES_URL": url, "NEWSARCHIVE_INDEX": alias, "COLUMNS": "80"}
    command = [
        str(ROOT / ".venv" / "bin" / "newsarchive"),
        "search",
        q["query"],
        "--actor",
        q["actors"][0],
        "--from",
        q["since"].isoformat(),
        "--to",
        q["until"].isoformat(),
    ]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    vocab = vocabularies()
    stack = ExitStack()
    url = cluster_url(stack)
    client = Elasticsearch(url, request_timeout=600)
    rows = []
    try:
        params = queries(vocab, args.queries)
        for size in args.sizes:
            alias = f"bench-search-{size}"
            client.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)
            load_seconds = load(client, alias, size, vocab)
            stats = measure(Archive(client, alias, url), params)
            cli = cli_time(url, alias, params[0])
            rows.append((size, load_seconds, stats, cli))
            print(size, load_seconds, stats, cli, flush=True)
            client.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)
    finally:
        stack.close()
    lines = [
        "| articles | load (articles/s) | p50 | p99 | server took p50 / p99 | CLI start to results |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, load_seconds, stats, cli in rows:
        lines.append(
            f"| {size:,} | {size / load_seconds:,.0f} | {stats['p50']:.1f} ms | "
            f"{stats['p99']:.1f} ms | {stats['took_p50']:.0f} / {stats['took_p99']:.0f} ms | "
            f"{cli:.2f} s |"
        )
    body = (
        f"Measured {dt.date.today().isoformat()}: {args.queries} typical faceted queries "
        "(text + actor + date range + all seven facets + timeline), one client, warm caches, "
        "local node with a 1 GB heap and the quick JIT (`es start` default), index force-merged "
        "after loading.\n"
        "Targets at 1M: p50 <= 30 ms, p99 <= 100 ms; CLI start to results <= 0.6 s.\n\n"
        + "\n".join(lines)
    )
    print(body)
    write_section("Search", body)


if __name__ == "__main__":
    main()
