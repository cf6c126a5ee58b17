"""Sides, tone and evidence helpers behind the Framing page."""

import pandas as pd

from analysis.framing.compare import OTHERS, assign_sides, evidence, term_sentences, with_groups
from analysis.tone.sentiment import entity_tone
from tests.framing.helpers import combine, corpus

NAMES = {"Ukraine": "Ukraine", "Russia": "Russia"}


def three_sources():
    parts = [corpus(["Ukraine denied it.", "Russia blamed Ukraine."], NAMES, article_id="a1"),
             corpus(["Ukraine's army said nothing."], NAMES, article_id="a2"),
             corpus(["Russia's Crocus hall burned."], NAMES, article_id="a3")]
    return combine(*parts)


def test_sides_none_one_many():
    articles, _, _ = three_sources()
    assert assign_sides(articles, by="source", chosen=[])["side"].tolist() == ["src-a1", "src-a2", "src-a3"]
    assert assign_sides(articles, by="source", chosen=["src-a2"])["side"].tolist() == [OTHERS, "src-a2", OTHERS]
    assert assign_sides(articles, by="source", chosen=["src-a1", "src-a3"])["side"].tolist() == ["src-a1", "src-a3"]


def test_groups_default_to_the_source():
    articles, _, _ = three_sources()
    assert with_groups(articles, {"src-a1": " West ", "src-a2": ""})["group"].tolist() == ["West", "src-a2", "src-a3"]


def test_entity_tone_counts_sentences_once_and_flags_thin():
    articles, sentences, mentions = three_sources()
    sentences = sentences.assign(polarity=[0.5, -0.5, 0.25, 0.0], subjectivity=0.5, vader_compound=0.1)
    arts = assign_sides(articles, by="source", chosen=["src-a1"])
    ukraine = mentions[mentions["canonical"] == "Ukraine"]
    tone = entity_tone(ukraine, sentences, arts, by="side").set_index("side")
    assert tone.loc["src-a1", "n_sentences"] == 2  # "Russia blamed Ukraine" counts once
    assert tone.loc["src-a1", "polarity"] == 0.0
    assert tone.loc[OTHERS, "polarity"] == 0.25
    assert tone["thin"].all()
    # only the compared articles count: a side left out of the comparison gives no row
    two_sides = assign_sides(articles, by="source", chosen=["src-a1", "src-a3"])
    assert entity_tone(mentions, sentences, two_sides, by="side")["side"].unique().tolist() == ["src-a1", "src-a3"]


def test_evidence_and_term_sentences():
    articles, sentences, _ = three_sources()
    arts = assign_sides(articles, by="source", chosen=[])
    keys = term_sentences(sentences, arts, "russia crocus")
    assert keys.values.tolist() == [["a3", 0]]
    shown = evidence(pd.DataFrame({"article_id": ["a1"], "sentence_idx": [1], "cue": ["blamed"]}), sentences, arts,
                     extra=("cue",))
    assert shown[["side", "sentence", "cue"]].values.tolist() == [["src-a1", "Russia blamed Ukraine.", "blamed"]]
