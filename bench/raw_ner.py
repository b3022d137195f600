"""The baseline the facets must beat: the bare spaCy model, no rules, no resolution.

    .venv/bin/python bench/raw_ner.py IN.jsonl OUT.jsonl

Actors are PERSON and ORG entities, places GPE, LOC and FAC, each named as
written, without coordinates (so acc@161km is 0 by construction). Used by
bench/eval_dev.py as ``--enrich-cmd`` of the DEV evaluation.
"""

from __future__ import annotations

import json
import sys

import spacy

from indexer.enrich import DEFAULT_MODEL


def main(source: str, target: str) -> None:
    nlp = spacy.load(DEFAULT_MODEL, disable=["lemmatizer"])
    with open(source, encoding="utf-8") as stream:
        articles = [json.loads(line) for line in stream if line.strip()]
    texts = (f"{a.get('title') or ''}\n{a.get('body') or ''}" for a in articles)
    with open(target, "w", encoding="utf-8") as out:
        for article, doc in zip(articles, nlp.pipe(texts, batch_size=32), strict=True):
            actors = {e.text: e.label_ for e in doc.ents if e.label_ in ("PERSON", "ORG")}
            places = dict.fromkeys(e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC"))
            article["actors"] = [
                {
                    "id": name,
                    "name": name,
                    "type": "person" if label == "PERSON" else "organization",
                }
                for name, label in actors.items()
            ]
            article["places"] = [{"name": name, "mention": name} for name in places]
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
