"""Views of the entities/mentions tables: roll-up, ranking, shares, co-occurrence, evidence."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities.stats import (
    choose_mentions,
    cooccurrence,
    mention_sentences,
    roll_up,
    source_shares,
    top_entities,
)

ARTICLES = pd.DataFrame({"article_id": ["a1", "a2"], "source": ["Daily", "Weekly"], "title": ["T1", "T2"]})
ENTITIES = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a2", "a2"],
    "canonical": ["Islamic State", "Islamic State Khorasan Province", "Russia", "Russia", "Islamic State"],
    "label": ["ORG", "ORG", "GPE", "GPE", "ORG"],
    "parent": ["", "Islamic State", "", "", ""],
    "salience": [0.3, 0.3, 0.4, 0.5, 0.5],
})
# (article, canonical, sentence, surface, via_demonym)
MENTIONS = pd.DataFrame(
    [("a1", "Islamic State", 0, "ISIS", False), ("a1", "Islamic State Khorasan Province", 0, "ISIS-K", False),
     ("a1", "Russia", 0, "Russia", False), ("a1", "Russia", 1, "Russian", True),
     ("a2", "Russia", 0, "Russia", False), ("a2", "Islamic State", 0, "IS", False),
     ("a2", "Islamic State", 1, "Islamic State", False)],
    columns=["article_id", "canonical", "sentence_idx", "surface", "via_demonym"],
)
SENTENCES = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a2"], "idx": [0, 1, 0, 1],
                          "text": ["ISIS and ISIS-K hit Russia.", "Russian officials spoke.",
                                   "Russia blamed IS.", "Islamic State denied it."],
                          "polarity": [-0.5, 0.0, -0.2, 0.1]})


def test_roll_up_counts_branches_as_their_parent():
    rolled = roll_up(MENTIONS, ENTITIES)
    assert (rolled["canonical"] == "Islamic State").sum() == 4
    assert (MENTIONS["canonical"] == "Islamic State").sum() == 3  # input untouched


@pytest.mark.parametrize(
    ("labels", "rolled_up", "demonyms", "expected"),
    [
        (None, False, True, {"Russia": 3, "Islamic State": 3, "Islamic State Khorasan Province": 1}),
        (None, True, True, {"Islamic State": 4, "Russia": 3}),
        (["GPE"], False, False, {"Russia": 2}),
        (["ORG"], True, True, {"Islamic State": 4}),
    ],
)
def test_top_entities(labels, rolled_up, demonyms, expected):
    chosen = choose_mentions(MENTIONS, ENTITIES, labels=labels, rolled_up=rolled_up, demonyms=demonyms)
    ranked = top_entities(chosen, ENTITIES, ARTICLES, rolled_up=rolled_up)
    assert dict(zip(ranked["canonical"], ranked["mentions"])) == expected
    assert ranked["mentions"].is_monotonic_decreasing


def test_family_column():
    plain = top_entities(MENTIONS, ENTITIES, ARTICLES).set_index("canonical")
    assert plain.loc["Islamic State Khorasan Province", "family"] == "branch of Islamic State"
    rolled = top_entities(roll_up(MENTIONS, ENTITIES), ENTITIES, ARTICLES, rolled_up=True).set_index("canonical")
    assert rolled.loc["Islamic State", "family"] == "includes Islamic State Khorasan Province"
    assert rolled.loc["Islamic State", "salience"] == pytest.approx(1.1)
    assert rolled.loc["Russia", "sources"] == 2


def test_source_shares_are_of_each_source_own_mentions():
    shares = source_shares(MENTIONS, ARTICLES, entities=["Russia", "Nobody"]).set_index(["source", "canonical"])
    assert shares.loc[("Daily", "Russia"), "n_mentions"] == 2
    assert shares.loc[("Daily", "Russia"), "share"] == pytest.approx(2 / 4)
    assert shares.loc[("Weekly", "Russia"), "share"] == pytest.approx(1 / 3)
    assert shares.loc[("Weekly", "Nobody"), "n_mentions"] == 0


def test_cooccurrence_counts_sentences_once_per_pair():
    pairs = cooccurrence(MENTIONS)
    table = {(a, b): (n, k) for a, b, n, k in pairs.itertuples(index=False)}
    assert table[("Islamic State", "Russia")] == (2, 2)
    assert table[("Islamic State", "Islamic State Khorasan Province")] == (1, 1)
    assert cooccurrence(MENTIONS, entities=["Russia"]).empty


def test_mention_sentences():
    both = mention_sentences(MENTIONS, SENTENCES, ARTICLES, entities=["Russia", "Islamic State"], together=True)
    assert both["sentence"].tolist() == ["ISIS and ISIS-K hit Russia.", "Russia blamed IS."]
    weekly = mention_sentences(MENTIONS, SENTENCES, ARTICLES, entities=["Russia"], source="Weekly")
    assert weekly["sentence"].tolist() == ["Russia blamed IS."] and weekly["polarity"].tolist() == [-0.2]
    assert mention_sentences(MENTIONS, SENTENCES, ARTICLES, entities=["Russia"])["surface"].tolist() == \
        ["Russia", "Russian", "Russia"]


def _pairs_by_loop(mentions: pd.DataFrame) -> pd.DataFrame:
    """The plain definition: every two distinct names of one sentence, counted per pair."""
    from itertools import combinations

    rows = []
    seen = mentions.dropna(subset=["sentence_idx"]).drop_duplicates(["article_id", "sentence_idx", "canonical"])
    for (article_id, _), group in seen.groupby(["article_id", "sentence_idx"]):
        rows.extend((a, b, article_id) for a, b in combinations(sorted(group["canonical"]), 2))
    pairs = pd.DataFrame(rows, columns=["entity_a", "entity_b", "article_id"]).groupby(["entity_a", "entity_b"])
    out = pd.DataFrame({"n_sentences": pairs.size(), "n_articles": pairs["article_id"].nunique()}).reset_index()
    return out.sort_values(["n_sentences", "entity_a", "entity_b"], ascending=[False, True, True], ignore_index=True)


def test_cooccurrence_counts_every_pair_of_a_sentence_once():
    import random

    rng = random.Random(7)
    names = ["Ärzte", "Moscow", "Putin", "ISIS", "Crocus", "Kyiv", "zeta"]
    mentions = pd.DataFrame([{"article_id": f"a{rng.randrange(6)}", "sentence_idx": rng.choice([0, 1, 2, 3, None]),
                              "canonical": rng.choice(names)} for _ in range(400)])
    got = cooccurrence(mentions)
    want = _pairs_by_loop(mentions)
    assert len(got) > 10
    pd.testing.assert_frame_equal(got.astype({"n_sentences": int, "n_articles": int}),
                                  want.astype({"n_sentences": int, "n_articles": int}), check_dtype=False)
    only = cooccurrence(mentions, entities=["Putin", "Moscow", "Kyiv"])
    assert set(only["entity_a"]) | set(only["entity_b"]) <= {"Putin", "Moscow", "Kyiv"} and len(only) == 3
