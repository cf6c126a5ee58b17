"""Accuracy on the labelled set (tests/data/entities_labelled.json); figures printed by benchmarks/."""

from __future__ import annotations

import pytest

from analysis.entities.extract import extract_entities
from benchmarks.entities_accuracy import load_labelled, score, totals


@pytest.fixture(scope="module")
def scored(nlp):
    labelled = load_labelled()
    entities, _ = extract_entities(labelled.sentences, labelled.articles, nlp=nlp)
    return score(entities, labelled), labelled


def test_seeds_every_entity_found_merged_and_typed(scored):
    per_article, _ = scored
    seeds = per_article[per_article["article"].str.startswith("seed_")]
    assert len(seeds) == 5
    problems = seeds[(seeds["missed"] != "") | (seeds["extra"] != "") | (seeds["wrong_labels"] != "")]
    assert problems.empty, problems[["article", "missed", "extra", "wrong_labels"]].to_string()
    assert (seeds["parents_right"] == seeds["parents_expected"]).all()


@pytest.mark.parametrize(("part", "min_precision", "min_recall"), [("tuned", 0.95, 0.95), ("heldout", 0.9, 0.9)])
def test_invented_articles(scored, part, min_precision, min_recall):
    per_article, labelled = scored
    invented = per_article[~per_article["article"].str.startswith("seed_")]
    heldout = invented["article"].isin(labelled.heldout)
    chosen = invented[heldout] if part == "heldout" else invented[~heldout]
    assert len(chosen) >= 5
    result = totals(chosen)
    assert result["precision"] >= min_precision, chosen[["article", "extra"]].to_string()
    assert result["recall"] >= min_recall, chosen[["article", "missed"]].to_string()
