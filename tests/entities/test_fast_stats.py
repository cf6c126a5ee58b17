"""``choose_mentions``, ``top_entities`` and ``source_shares`` counted with arrays give exactly the tables of the
pandas code they replaced (``old_stats``): labels, roll-up, demonyms, filtered articles, ties, accents and case."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis.entities.stats import choose_mentions, cooccurrence, source_shares, top_entities
from tests.entities.old_stats import old_choose_mentions, old_cooccurrence, old_source_shares, old_top_entities

# (name, label, parent): "Éire" and "Zagreb" sort as code points do ("Z" < "a" < "É"); two branches of one parent
NAMES = [("Islamic State", "ORG", ""), ("Islamic State Khorasan Province", "ORG", "Islamic State"),
         ("Islamic State Sinai", "ORG", "Islamic State"), ("Russia", "GPE", ""), ("Zagreb", "GPE", ""),
         ("abc News", "ORG", ""), ("Éire", "GPE", ""), ("Putin", "PERSON", ""), ("Hamas", "ORG", ""),
         ("Kyiv", "GPE", ""), ("Wagner", "ORG", "")]


def _corpus(seed: int, n_articles: int = 30) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Articles (some sharing a source), their entities and mentions, drawn at random."""
    rng = random.Random(seed)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                             "source": [f"s{i % 4}" for i in range(n_articles)],
                             "title": [f"T{i}" for i in range(n_articles)]})
    entities, mentions = [], []
    for i in range(n_articles):
        for name, label, parent in rng.sample(NAMES, rng.randint(0, 5)):
            n = rng.randint(1, 4)
            entities.append({"article_id": f"a{i}", "canonical": name, "label": label, "parent": parent,
                             "salience": round(rng.random() / 3, 6)})
            mentions += [{"article_id": f"a{i}", "canonical": name, "sentence_idx": rng.randint(0, 5),
                          "surface": name, "via_demonym": rng.random() < 0.3} for _ in range(n)]
    return (articles, pd.DataFrame(entities, columns=["article_id", "canonical", "label", "parent", "salience"]),
            pd.DataFrame(mentions, columns=["article_id", "canonical", "sentence_idx", "surface", "via_demonym"]))


CASES = [  # (seed, labels, rolled_up, demonyms, articles left out)
    (1, None, False, True, ()),
    (2, None, True, True, ()),
    (3, None, False, False, ()),
    (4, ["GPE"], False, True, ()),
    (5, ["ORG", "PERSON"], True, False, ("a1", "a2", "a3")),
    (6, ["NORP"], False, True, ()),                  # a type nobody has: nothing chosen
    (7, None, True, False, ("a0", "a4", "a8", "a12")),
    (8, ["ORG"], True, True, ()),
]


@pytest.mark.parametrize(("seed", "labels", "rolled_up", "demonyms", "left_out"), CASES)
def test_choose_and_rank_give_the_old_tables(seed, labels, rolled_up, demonyms, left_out):
    articles, entities, mentions = _corpus(seed)
    kept = articles[~articles["article_id"].isin(left_out)].reset_index(drop=True)
    entities = entities[entities["article_id"].isin(kept["article_id"])].reset_index(drop=True)
    mentions = mentions[mentions["article_id"].isin(kept["article_id"])].reset_index(drop=True)
    chosen = choose_mentions(mentions, entities, labels=labels, rolled_up=rolled_up, demonyms=demonyms)
    pd.testing.assert_frame_equal(chosen, old_choose_mentions(mentions, entities, labels=labels,
                                                              rolled_up=rolled_up, demonyms=demonyms))
    ranked = top_entities(chosen, entities, kept, rolled_up=rolled_up)
    pd.testing.assert_frame_equal(ranked, old_top_entities(chosen, entities, kept, rolled_up=rolled_up),
                                  check_exact=True)
    names = ranked["canonical"].head(6).tolist() + ["Nobody"]
    for by in (kept, kept.assign(source=kept["source"].map({"s0": "G1", "s1": "G1", "s2": "G2", "s3": "G3"}))):
        pd.testing.assert_frame_equal(source_shares(chosen, by, entities=names),
                                      old_source_shares(chosen, by, entities=names), check_exact=True)


@pytest.mark.parametrize("case", [
    "mention of an article the table lacks",   # no source: counted in mentions, not in sources or shares
    "article without a source",
    "no entities rows",                        # labels "" and salience 0
    "no names asked",
])
def test_edge_cases_give_the_old_tables(case):
    articles, entities, mentions = _corpus(11, n_articles=8)
    names = ["Russia", "Putin"]
    if case == "mention of an article the table lacks":
        articles = articles[articles["article_id"] != "a3"].reset_index(drop=True)
    elif case == "article without a source":
        articles.loc[2, "source"] = None
    elif case == "no entities rows":
        entities = entities.iloc[:0]
    else:
        names = []
    pd.testing.assert_frame_equal(top_entities(mentions, entities, articles),
                                  old_top_entities(mentions, entities, articles), check_exact=True)
    if case != "article without a source":  # the old code sorted the sources, and None does not sort
        pd.testing.assert_frame_equal(source_shares(mentions, articles, entities=names),
                                      old_source_shares(mentions, articles, entities=names), check_exact=True)


def test_no_mentions_give_the_old_empty_tables():
    articles, entities, mentions = _corpus(12, n_articles=5)
    none = mentions.iloc[:0]
    pd.testing.assert_frame_equal(top_entities(none, entities, articles), old_top_entities(none, entities, articles))
    pd.testing.assert_frame_equal(source_shares(none, articles, entities=["Russia"]),
                                  old_source_shares(none, articles, entities=["Russia"]))


@pytest.mark.parametrize(("seed", "entities"), [
    (1, None),
    (2, ["Russia", "Islamic State", "Éire", "Zagreb", "abc News"]),
    (3, ["Putin"]),                                # one entity: no pairs, the empty table
    (4, [name for name, _, _ in NAMES]),
    (5, ["Nobody"]),
])
def test_cooccurrence_gives_the_old_table(seed, entities):
    _, _, mentions = _corpus(seed, n_articles=40)
    pd.testing.assert_frame_equal(cooccurrence(mentions, entities=entities),
                                  old_cooccurrence(mentions, entities=entities), check_exact=True)
