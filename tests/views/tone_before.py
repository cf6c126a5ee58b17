"""The Tone page's per-sentence tables as first written (a deep copy and NumPy strings for the calls, a merge of
every sentence column, ``map`` by the articles' ids), kept to check the code that replaced them gives the same
frames (``test_tone_same_tables.py``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.tone.sentiment import NEUTRAL, SCORES, _weighted


def disagreement_before(sentences: pd.DataFrame, *, neutral: float = NEUTRAL) -> pd.DataFrame:
    out = sentences.copy()
    out["textblob_call"] = _call(out["polarity"].astype(float), neutral)
    out["vader_call"] = _call(out["vader_compound"].astype(float), neutral)
    same = out["textblob_call"] == out["vader_call"]
    either_neutral = (out["textblob_call"] == "neutral") | (out["vader_call"] == "neutral")
    out["agreement"] = np.where(same, "agree", np.where(either_neutral, "one_neutral", "opposite"))
    out["gap"] = out["vader_compound"].astype(float) - out["polarity"].astype(float)
    return out


def _call(values: pd.Series, neutral: float) -> pd.Series:
    return pd.Series(np.where(values > neutral, "positive", np.where(values < -neutral, "negative", "neutral")),
                     index=values.index)


def source_tone_before(sentences: pd.DataFrame, articles: pd.DataFrame, *, words=None) -> pd.DataFrame:
    columns = ["source", *SCORES, "n_articles", "n_sentences", "n_words", "thin"]
    if sentences.empty:
        return pd.DataFrame(columns=columns)
    frame = sentences.merge(articles[["article_id", "source"]], on="article_id", how="left")
    out = _weighted(frame, ["source"], words)
    out["n_articles"] = out["source"].map(frame.groupby("source")["article_id"].nunique())
    return out[columns]


def sentences_with_articles_before(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    by_id = articles.set_index("article_id")
    return sentences.assign(source=sentences["article_id"].map(by_id["source"]),
                            title=sentences["article_id"].map(by_id["title"]))
