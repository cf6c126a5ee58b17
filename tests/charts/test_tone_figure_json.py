"""The Tone figures are built as plain dicts without plotly's validation (``go.Figure(spec, _validate=False)``),
in one pass: the browser must get the same JSON as from the plotly express / validated figures they replace
(``tests/charts/px_tone.py``), on small and large inputs, by source and by group, thin and not, with hostile text."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

import charts.tone as tone
from analysis.tone.sentiment import disagreement
from analysis.views.groups import OTHER
from charts.served import _dumped_as_it_is, served, served_spec
from tests.charts import px_tone
from tests.charts.figure_text import HOSTILE


def scored(n: int, *, n_sources: int, seed: int = 1) -> pd.DataFrame:
    """``n`` scored sentences over ``n_sources`` sources (one hostile), with groups (``OTHER`` among them)."""
    rng = np.random.default_rng(seed)
    sources = np.array([HOSTILE] + [f"s{i}.example" for i in range(1, n_sources)], dtype=object)
    source = sources[rng.integers(0, n_sources, n)]
    frame = pd.DataFrame({"source": source, "article_id": [f"a{i // 7}" for i in range(n)],
                          "idx": np.arange(n) % 7, "polarity": rng.uniform(-1, 1, n).round(3),
                          "vader_compound": rng.uniform(-1, 1, n).round(3), "subjectivity": rng.uniform(0, 1, n)})
    frame.loc[::5, "polarity"] = 0.0
    text = [f"Sentence {i} <b>of</b> & \"{s}\"" + " more words" * (i % 15) for i, s in enumerate(source)]
    group = np.where(pd.Series(source).str.len() % 3 == 0, OTHER, "Group " + pd.Series(source).str[-9:-8])
    return frame.assign(text=text, title="A title", section="", group=group)


def dated_articles(n: int, *, n_sources: int, seed: int = 2) -> pd.DataFrame:
    """``article_tone`` rows of ``n`` dated articles (times of day, some thin), with source, title and group."""
    rng = np.random.default_rng(seed)
    like = scored(n, n_sources=n_sources, seed=seed)
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                          "source": like["source"].to_numpy(),
                          "title": [f"Title {i} <i>x</i>" for i in range(n)],
                          "n_sentences": rng.integers(1, 60, n), "thin": rng.uniform(0, 1, n) < 0.2,
                          "polarity": rng.uniform(-1, 1, n), "vader_compound": rng.uniform(-1, 1, n)})
    published = pd.Timestamp("2024-03-22") + pd.to_timedelta(rng.integers(0, 40 * 24 * 60, n), unit="min")
    return frame.assign(published=published, group=like["group"].to_numpy())


def same_json(made, reference) -> None:
    """``made`` writes the JSON ``reference`` writes, in values orjson dumps as they are (no cleaning pass)."""
    expected = json.loads(pio.to_json(reference))
    assert _dumped_as_it_is(made.to_dict())
    assert json.loads(pio.to_json(made)) == expected
    assert json.loads(pio.to_json(served(made).to_dict(), validate=False)) == expected


def same_spec_json(name: str, *args, **kwargs) -> None:
    """``charts.tone``'s ``{name}_spec``, drawn by ``served_spec`` as the page does, and its ``{name}_figure``
    write the JSON of the reference ``{name}_figure``."""
    reference = getattr(px_tone, f"{name}_figure")(*args, **kwargs)
    expected = json.loads(pio.to_json(reference))
    assert json.loads(pio.to_json(served_spec(getattr(tone, f"{name}_spec")(*args, **kwargs)).to_dict(),
                                  validate=False)) == expected
    same_json(getattr(tone, f"{name}_figure")(*args, **kwargs), reference)


SIZES = [(4, 2), (300, 12), (3000, 50), (9000, 40)]


@pytest.mark.parametrize("n, n_sources", SIZES)
@pytest.mark.parametrize("rows", ["source", "group"])
def test_source_spread_json(n, n_sources, rows):
    frame = scored(n, n_sources=n_sources)
    if n > 1000:  # a sentence of an article the table does not have: no source, no group
        frame.loc[frame.index[::97], ["source", "group"]] = None
    for metric in ("polarity", "vader_compound"):
        same_spec_json("source_spread", frame, metric=metric, label=metric, rows=rows)


@pytest.mark.parametrize("n, n_sources", SIZES)
@pytest.mark.parametrize("colour", ["source", "group"])
def test_tone_over_time_json(n, n_sources, colour):
    dated = dated_articles(n, n_sources=n_sources)
    later = frozenset(dated["article_id"].iloc[::9]) if n > 10 else frozenset()
    if later:
        dated.loc[dated["article_id"].isin(later), "published"] += pd.Timedelta(days=200)
    for metric in ("polarity", "vader_compound"):
        same_spec_json("tone_over_time", dated, metric=metric, label=metric, colour=colour, follow_up=later)


@pytest.mark.parametrize("n, n_sources", SIZES)
@pytest.mark.parametrize("colour", ["source", "group"])
def test_entity_tone_json(n, n_sources, colour):
    rng = np.random.default_rng(n)
    frame = dated_articles(n, n_sources=n_sources).rename(columns={"title": "canonical"})
    frame["canonical"] = rng.choice(["Kyiv", "Moscow", HOSTILE, "Le <Monde>"], n)
    frame = frame.assign(n_mentions=frame["n_sentences"]).set_axis(np.arange(n) * 3)
    for metric in ("polarity", "vader_compound"):
        same_spec_json("entity_tone", frame, metric=metric, label=metric, n_entities=4, colour=colour)


@pytest.mark.parametrize("n, n_sources", SIZES)
def test_disagreement_json(n, n_sources):
    compared = disagreement(scored(n, n_sources=n_sources))
    same_spec_json("disagreement", compared)
