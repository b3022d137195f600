"""Facet quality on the human-annotated DEV corpora, beside raw spaCy, with an ablation per rule family.

    .venv/bin/python bench/eval_dev.py            # project, raw spaCy, every ablation
    .venv/bin/python bench/eval_dev.py --quick    # project and raw spaCy only

Runs ``../shared/eval/run`` (CoNLL-2003, GeoWebNews, LGL, TempEval-3,
PolNeAR; see its README) once per configuration: the project as it is, the
bare model (bench/raw_ner.py), and the project with each rule family of
``indexer.enrich.RULE_FAMILIES`` switched off (NEWSARCHIVE_ABLATE). Writes
the table to bench/RESULTS.md (section "Facets on human-annotated news").
A family whose row is not below the project's on every figure does not pay.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_section  # noqa: E402
from indexer.enrich import RULE_FAMILIES  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "run"
# (corpus, facet, extra metric) rows of the table, in order.
ROWS = [
    ("conll", "actors/news", None),
    ("conll", "places/news", None),
    ("conll", "actors", None),
    ("conll", "places", None),
    ("geowebnews", "places", "acc161"),
    ("lgl", "places", "acc161"),
    ("tempeval", "dates", None),
    ("polnear", "quotes", "speaker_accuracy"),
]


# The corpora a rule family can change: its ablation runs only those (a date
# rule cannot move an actor), and its other cells are the project's, shown "=".
NAME_CORPORA = ("conll", "geowebnews", "lgl")
FAMILY_CORPORA = {
    "tense-cues": ("tempeval",),
    "holidays": ("tempeval",),
    "days-ago": ("tempeval",),
    "parsed-speakers": ("polnear",),
}


def run_eval(
    label: str, env: dict[str, str], enrich_cmd: str | None = None, corpora: tuple[str, ...] = ()
) -> dict:
    with tempfile.TemporaryDirectory(prefix="eval-dev-") as out:
        command = [str(EVAL), "--json", "--out", out]
        for corpus in corpora:
            command += ["--corpus", corpus]
        if enrich_cmd:
            command += ["--enrich-cmd", enrich_cmd]
        print(f"{label}: running the DEV evaluation ...", file=sys.stderr, flush=True)
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise SystemExit(f"{label}: the evaluation failed: {result.stderr[-800:]}")
        return dict(json.loads(result.stdout))


def cells(report: dict, corpora: tuple[str, ...] = (), not_run: str = "=") -> list[str]:
    out = []
    for corpus, facet, extra in ROWS:
        if corpora and corpus not in corpora:
            out.append(not_run)
            continue
        m = report["corpora"].get(corpus, {}).get("facets", {}).get(facet)
        if m is None or m.get("precision") is None:
            out.append("-")  # the bare model has no dates or quotes
            continue
        text = f"{m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}"
        if extra and m.get(extra) is not None:
            text += f" ({m[extra]:.2f})"
        out.append(text)
    return out


def commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="no ablations")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSARCHIVE_")}
    raw = f"{sys.executable} bench/raw_ner.py {{input}} {{output}}"
    configurations: list[tuple[str, dict[str, str], str | None, tuple[str, ...]]] = [
        ("project", env, None, ()),
        ("raw spaCy (no rules)", env, raw, NAME_CORPORA),
    ]
    if not args.quick:
        configurations += [
            (
                f"without {family}",
                {**env, "NEWSARCHIVE_ABLATE": family},
                None,
                FAMILY_CORPORA.get(family, NAME_CORPORA),
            )
            for family in RULE_FAMILIES
        ]
    rows = []
    for label, run_env, enrich_cmd, corpora in configurations:
        report = run_eval(label, run_env, enrich_cmd, corpora)
        rows.append((label, cells(report, corpora, "-" if enrich_cmd else "=")))
        print(f"{label}: {' | '.join(rows[-1][1])}", file=sys.stderr, flush=True)
    header = "| configuration | " + " | ".join(f"{c} {f}" for c, f, _ in ROWS) + " |"
    lines = [header, "|" + " --- |" * (len(ROWS) + 1)]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    families = "\n".join(f"- `{name}`: {what}" for name, what in RULE_FAMILIES.items())
    body = (
        f"Measured {dt.date.today().isoformat()} at commit {commit()} with `../shared/eval/run` "
        "on the DEV halves "
        "(CoNLL-2003, GeoWebNews, LGL, TempEval-3, PolNeAR; people outside this project "
        "annotated them). Each cell is P / R / F1; in brackets acc@161km for places and "
        "speaker accuracy for quotes. Raw spaCy is the bare model (PERSON+ORG actors, "
        "GPE+LOC+FAC places, no coordinates; it has no dates or quotes). Each 'without' row "
        "switches one rule family off (NEWSARCHIVE_ABLATE) and runs only the corpora it can "
        "change; '=' marks a cell it cannot change (the project's figure holds):\n\n"
        + families
        + "\n\n"
        + "\n".join(lines)
    )
    write_section("Facets on human-annotated news (DEV)", body)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
