"""Sentence sentiment and its aggregates."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.tone import sentiment
from analysis.tone.sentiment import (
    add_article_tone,
    article_tone,
    disagreement,
    entity_tone,
    score_sentences,
    section_tone,
    source_tone,
)


def sentences_frame(rows):
    """rows: (article_id, idx, section, text)"""
    return pd.DataFrame(
        [{"article_id": a, "idx": i, "paragraph": 0, "section": sec, "text": t, "start": 0, "end": len(t)}
         for a, i, sec, t in rows]
    )


@pytest.mark.parametrize(
    ("text", "textblob_sign", "vader_sign"),
    [
        ("The rescue teams did a wonderful, brave job.", 1, 1),
        ("A devastating and horrific attack.", -1, -1),
        ("The response isn't great.", 1, -1),  # TextBlob misses contracted negation; VADER does not
        ("Ukraine vehemently denied the accusations.", 0, -1),  # news verbs are not in TextBlob's lexicon
        ("The meeting is on Tuesday.", 0, 0),
    ],
)
def test_sentence_scores_and_their_known_blind_spots(text, textblob_sign, vader_sign):
    scored = score_sentences(sentences_frame([("a", 0, "", text)]), cache=False).iloc[0]
    sign = lambda x: 0 if abs(x) <= 0.05 else (1 if x > 0 else -1)  # noqa: E731
    assert sign(scored["polarity"]) == textblob_sign
    assert sign(scored["vader_compound"]) == vader_sign
    assert 0 <= scored["subjectivity"] <= 1


def test_scores_are_cached_per_article(monkeypatch):
    frame = sentences_frame([("cached-art", 0, "", "A terrible day for the city."), ("cached-art", 1, "", "Help came.")])
    first = score_sentences(frame)
    monkeypatch.setattr(sentiment, "score_text", lambda text: pytest.fail("scored again"))
    pd.testing.assert_frame_equal(score_sentences(frame), first)
    changed = frame.assign(text=["A terrible day for the city.", "Help came quickly."])
    monkeypatch.undo()
    assert score_sentences(changed)["polarity"].notna().all()


def test_input_is_not_modified():
    frame = sentences_frame([("a", 0, "", "A good day.")])
    before = frame.copy()
    score_sentences(frame, cache=False)
    pd.testing.assert_frame_equal(frame, before)


def scored_frame():
    # Scores are set by hand so the aggregates can be checked exactly.
    frame = sentences_frame([
        ("a1", 0, "", "one two three four"),          # 4 words
        ("a1", 1, "Aftermath", "one two three four five six seven eight nine ten eleven twelve"),  # 12 words
        ("a1", 2, "Aftermath", "one two three four"),
        ("a2", 0, "", "one two"),
    ])
    return frame.assign(polarity=[1.0, -1.0, 0.0, 0.5], subjectivity=[0.0, 1.0, 0.5, 0.5],
                        vader_compound=[0.2, -0.2, 0.0, 0.4])


def test_article_tone_is_length_weighted_and_thin_is_flagged():
    tone = article_tone(scored_frame()).set_index("article_id")
    assert tone.loc["a1", "polarity"] == pytest.approx((4 * 1 - 12 * 1 + 0) / 20)
    assert tone.loc["a1", "n_sentences"] == 3 and not tone.loc["a1", "thin"]
    assert tone.loc["a2", "polarity"] == pytest.approx(0.5) and tone.loc["a2", "thin"]


def test_section_tone():
    tone = section_tone(scored_frame()).set_index(["article_id", "section"])
    assert tone.loc[("a1", "Aftermath"), "polarity"] == pytest.approx(-12 / 16)
    assert tone.loc[("a1", ""), "n_sentences"] == 1


def test_source_tone_and_article_columns():
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "source": ["S", "S"], "polarity": [None, None]})
    tone = source_tone(scored_frame(), articles).set_index("source")
    assert tone.loc["S", "polarity"] == pytest.approx((4 - 12 + 0 + 2 * 0.5) / 22)
    assert tone.loc["S", "n_articles"] == 2 and tone.loc["S", "n_sentences"] == 4
    filled = add_article_tone(articles, scored_frame())
    assert filled["polarity"].tolist() == pytest.approx([-0.4, 0.5])
    assert articles["polarity"].isna().all()


def test_entity_tone_counts_each_sentence_once():
    mentions = pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a2"],
        "canonical": ["Ukraine", "Ukraine", "Ukraine", "Ukraine"],
        "sentence_idx": [0, 0, 1, 0],
        "via_demonym": [False, True, False, False],
    })
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "source": ["S1", "S2"]})
    per_article = entity_tone(mentions, scored_frame(), articles, by="article").set_index("article_id")
    assert per_article.loc["a1", "polarity"] == pytest.approx(0.0)  # mean of 1.0 and -1.0
    assert per_article.loc["a1", "n_sentences"] == 2 and per_article.loc["a1", "n_mentions"] == 3
    assert per_article["thin"].all()
    without = entity_tone(mentions, scored_frame(), articles, by="article", include_demonyms=False)
    assert without.set_index("article_id").loc["a1", "n_mentions"] == 2
    per_source = entity_tone(mentions, scored_frame(), articles).set_index("source")
    assert set(per_source.index) == {"S1", "S2"}


def test_disagreement_marks_opposite_calls():
    frame = sentences_frame([("a", i, "", t) for i, t in enumerate(["x", "y", "z"])]).assign(
        polarity=[0.8, 0.0, -0.3], subjectivity=0.5, vader_compound=[-0.5, 0.6, -0.2])
    out = disagreement(frame)
    assert out["agreement"].tolist() == ["opposite", "one_neutral", "agree"]
    assert out["gap"].tolist() == pytest.approx([-1.3, 0.6, 0.1])


def test_empty_tables():
    empty = sentences_frame([])
    assert score_sentences(empty).empty
    assert article_tone(empty.assign(polarity=[], subjectivity=[], vader_compound=[])).empty


@pytest.mark.parametrize("text", ["A devastating and horrific attack.", "The response isn't great.",
                                  "Rescuers did a wonderful job!", "Nothing here."])
def test_polarity_is_textblobs_own(text):
    from textblob import TextBlob

    scored = score_sentences(sentences_frame([("a", 0, "", text)]), cache=False).iloc[0]
    blob = TextBlob(text).sentiment
    assert (scored["polarity"], scored["subjectivity"]) == pytest.approx((blob.polarity, blob.subjectivity))


def test_worker_processes_give_the_same_scores():
    texts = [f"Sentence {i} was {'good' if i % 2 else 'terrible'}." for i in range(40)]
    frame = sentences_frame([("p", i, "", t) for i, t in enumerate(texts)])
    serial = score_sentences(frame, cache=False, n_process=1)
    parallel = score_sentences(frame, cache=False, n_process=2)
    pd.testing.assert_frame_equal(serial, parallel)
