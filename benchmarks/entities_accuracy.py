"""Precision and recall of canonical entities on the labelled set.

Usage: ``python -m benchmarks.entities_accuracy [--no-cache]``

Reads ``tests/data/entities_labelled.json`` (invented articles plus the bundled
seeds, each with the canonical entities a reader would list), ingests them as
one corpus through the real readers, runs ``analysis.entities.extract.extract_entities``
and prints, per article and overall: expected, found, precision, recall, the
entities missed and the extra ones found (junk or unmerged forms), plus label
accuracy over the matched entities and the expected parent links. Names are
compared folded (case, diacritics, dots and hyphens ignored).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis.entities.aliases import fold  # noqa: E402
from analysis.ingest.corpus import load_uploads, sentences_table  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "entities_labelled.json"
SEEDS = ROOT / "seeds"


@dataclass(frozen=True)
class LabelledSet:
    """The labelled corpus: articles and sentences tables, and the expectations per article_id."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    names: dict[str, str]  # article_id -> labelled id ("quake", "seed_000", ...)
    expected: dict[str, dict[str, str]]  # article_id -> {canonical: label}
    parents: dict[str, dict[str, str]]  # article_id -> {canonical: parent}
    heldout: frozenset[str]  # labelled ids written after the rules were tuned, never tuned on


def load_labelled(path: Path = LABELLED) -> LabelledSet:
    """Ingest the labelled articles (invented ones as JSON lines, seeds as their files)."""
    items = json.loads(path.read_text(encoding="utf-8"))["articles"]
    rows, uploads, key_of = [], [], {}
    for item in items:
        if "seed" in item:
            uploads.append((item["seed"], (SEEDS / item["seed"]).read_bytes()))
            key_of[Path(item["seed"]).stem] = item
        else:
            rows.append({"text": "\n\n".join(item["paragraphs"]), "title": item.get("title", ""),
                         "source": item["id"]})
            key_of[item["id"]] = item
    uploads.append(("labelled.jsonl", "\n".join(json.dumps(r) for r in rows).encode("utf-8")))
    corpus = load_uploads(uploads)
    articles = corpus.articles
    names, expected, parents = {}, {}, {}
    heldout = frozenset(item["id"] for item in items if item.get("heldout"))
    for article_id, source in zip(articles["article_id"], articles["source"]):
        item = key_of[source]
        names[article_id] = item["id"]
        expected[article_id] = item["expected"]
        parents[article_id] = item.get("parents", {})
    if len(names) != len(items):
        raise RuntimeError(f"expected {len(items)} labelled articles, ingested {len(names)}")
    return LabelledSet(articles, sentences_table(articles), names, expected, parents, heldout)


def score(entities: pd.DataFrame, labelled: LabelledSet) -> pd.DataFrame:
    """One row per labelled article: counts, precision, recall, label accuracy, missed and extra names."""
    rows = []
    for article_id, expected in labelled.expected.items():
        found = entities[entities["article_id"] == article_id]
        found_labels = {fold(c): (c, lab) for c, lab in zip(found["canonical"], found["label"])}
        found_parents = {fold(c): p for c, p in zip(found["canonical"], found["parent"])}
        wanted = {fold(c): (c, lab) for c, lab in expected.items()}
        hits = wanted.keys() & found_labels.keys()
        labels_right = sum(wanted[k][1] == found_labels[k][1] for k in hits)
        parents_right = sum(
            fold(found_parents.get(fold(c), "") or "") == fold(p) for c, p in labelled.parents[article_id].items()
        )
        rows.append({
            "article": labelled.names[article_id],
            "expected": len(wanted),
            "found": len(found_labels),
            "correct": len(hits),
            "precision": len(hits) / len(found_labels) if found_labels else 1.0,
            "recall": len(hits) / len(wanted) if wanted else 1.0,
            "labels_right": labels_right,
            "parents_expected": len(labelled.parents[article_id]),
            "parents_right": parents_right,
            "missed": "; ".join(sorted(wanted[k][0] for k in wanted.keys() - hits)),
            "extra": "; ".join(sorted(found_labels[k][0] for k in found_labels.keys() - hits)),
            "wrong_labels": "; ".join(sorted(f"{wanted[k][0]}: {found_labels[k][1]} not {wanted[k][1]}"
                                             for k in hits if wanted[k][1] != found_labels[k][1])),
        })
    return pd.DataFrame(rows)


def totals(per_article: pd.DataFrame) -> dict[str, float]:
    """Micro-averaged precision, recall and label accuracy over ``per_article``."""
    correct, found, expected = (int(per_article[c].sum()) for c in ("correct", "found", "expected"))
    return {
        "articles": len(per_article),
        "precision": correct / found if found else 1.0,
        "recall": correct / expected if expected else 1.0,
        "label_accuracy": per_article["labels_right"].sum() / correct if correct else 1.0,
        "parents": f"{int(per_article['parents_right'].sum())}/{int(per_article['parents_expected'].sum())}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cache", action="store_true", help="run NER afresh instead of reading the cache")
    args = parser.parse_args(argv)
    from analysis.entities.extract import extract_entities

    labelled = load_labelled()
    entities, _ = extract_entities(labelled.sentences, labelled.articles, cache=not args.no_cache)
    per_article = score(entities, labelled)
    with pd.option_context("display.width", 200, "display.max_colwidth", 120):
        print(per_article[["article", "expected", "found", "correct", "precision", "recall", "labels_right"]]
              .to_string(index=False, float_format="%.2f"))
        print()
        for row in per_article.itertuples():
            for what in ("missed", "extra", "wrong_labels"):
                if getattr(row, what):
                    print(f"{row.article:>14} {what}: {getattr(row, what)}")
    print()
    seeds = per_article["article"].str.startswith("seed_")
    heldout = per_article["article"].isin(labelled.heldout)
    parts = (("seeds", per_article[seeds]), ("invented", per_article[~seeds & ~heldout]),
             ("held out", per_article[heldout]), ("all", per_article))
    for name, part in parts:
        t = totals(part)
        print(f"{name:>9}: {t['articles']} articles  precision {t['precision']:.3f}  recall {t['recall']:.3f}  "
              f"label accuracy {t['label_accuracy']:.3f}  parents {t['parents']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
