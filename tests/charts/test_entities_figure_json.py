"""The Entities figures are plain specs drawn with ``served_spec``: the browser must get the JSON of the plotly
express figures they replace (``tests/charts/px_entities.py``), for one or many types, sources or groups, missing
columns, hostile names and large counts."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

import charts.entities as entities
from charts.served import served_spec
from tests.charts import px_entities
from tests.charts.figure_text import HOSTILE


def same_json(name: str, *args, **kwargs) -> None:
    """``charts.entities``'s ``{name}_spec`` drawn by ``served_spec`` (as the page does) and its ``{name}_figure``
    write the JSON of the plotly express ``{name}_figure``."""
    expected = json.loads(pio.to_json(getattr(px_entities, f"{name}_figure")(*args, **kwargs)))
    spec = getattr(entities, f"{name}_spec")(*args, **kwargs)
    assert json.loads(pio.to_json(served_spec(spec).to_dict(), validate=False)) == expected
    assert json.loads(pio.to_json(getattr(entities, f"{name}_figure")(*args, **kwargs))) == expected


def _top(n: int, *, kinds: tuple[str, ...], seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    mentions = np.sort(rng.integers(1, 3000, n))[::-1]
    return pd.DataFrame({"canonical": [HOSTILE if i == 1 else f"Name {i} & co" for i in range(n)],
                         "label": [kinds[i % len(kinds)] for i in range(n)], "mentions": mentions,
                         "articles": mentions // 2 + 1, "sources": mentions // 7 + 1,
                         "salience": rng.uniform(0, 9, n), "family": ""})


@pytest.mark.parametrize("top", [
    _top(1, kinds=("GPE",)),
    _top(5, kinds=("GPE", "ORG")),
    _top(15, kinds=("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART",
                    "<i>X</i>")),                                      # more types than colours
    _top(50, kinds=("PERSON", "GPE", "ORG")),
])
def test_top_entities_json(top):
    same_json("top_entities", top)


def _shares(sources: list[str], names: list[str], *, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [(s, c, int(rng.integers(0, 40))) for s in sources for c in names]
    frame = pd.DataFrame(rows, columns=["source", "canonical", "n_mentions"])
    totals = frame.groupby("source")["n_mentions"].transform("sum") + 5
    return frame.assign(source_mentions=totals, share=frame["n_mentions"] / totals)


NAMES = ["Russia", HOSTILE, "Kyiv & Lviv", "Putin"]


@pytest.mark.parametrize(("sources", "columns", "members"), [
    (["a.example"], None, None),
    (["a.example", "b.example"], None, {}),
    (["France", "Germany", "other"], ["Germany", "France", "other"], {"France": "a, <b>b</b>", "other": "c"}),
    (["G1", "G2", "G3", HOSTILE], ["G3", "G1", "Nobody"], {"G1": "x"}),   # a column without rows: no counts
])
def test_source_share_json(sources, columns, members):
    shares = _shares(sources, NAMES)
    same_json("source_share", shares, names=NAMES, columns=columns, members=members)
    same_json("source_share", shares, names=NAMES[:2] + ["Nobody"], columns=columns, members=members)


@pytest.mark.parametrize(("rows", "names"), [
    ([("Kyiv", "Russia", 4)], ["Russia", "Kyiv"]),
    ([("Kyiv", "Russia", 4), ("Putin", "Russia", 90), (HOSTILE, "Putin", 1)], ["Russia", "Putin", HOSTILE, "Kyiv"]),
    ([(f"E{i}", f"E{j}", i * j + 1) for i in range(12) for j in range(i + 1, 12)], [f"E{i}" for i in range(12)]),
])
def test_cooccurrence_json(rows, names):
    pairs = pd.DataFrame([{"entity_a": a, "entity_b": b, "n_sentences": n, "n_articles": 1} for a, b, n in rows])
    same_json("cooccurrence", pairs, names=names)
