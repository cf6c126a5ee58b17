"""The Figures page's pickers from codes of the whole corpus's figures, made once per corpus: a filter change
counts the figures and lists the categories, statuses, scopes and sources they have by an article mask (``keep``,
over the whole articles table) instead of narrowing and merging 95,000 figures at 10,000 articles.

``figure_codes`` gives each figure its article position and a code per picker column (the source: its
article's); ``kept_figures`` counts those of the articles a mask keeps and ``choices_of`` lists each column's
values among them, sorted: the pickers' choices the page made from the restricted tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.tables import CorpusTables, article_rows
from analysis.views.mentions import kept

#: The pickers' columns: the figures' own, then their article's source.
CHOICE_COLUMNS = ("category", "status", "scope", "source")


@dataclass(frozen=True)
class FigureCodes:
    """Each figure of a whole corpus by integer codes (``figure_codes``)."""

    article: np.ndarray  # each figure's article position in the articles table (-1: none)
    codes: dict[str, np.ndarray]  # per picker column, each figure's code among ``names`` (-1: missing)
    names: dict[str, list]  # per picker column, the distinct values


def figure_codes(tables: CorpusTables) -> FigureCodes:
    """The ``FigureCodes`` of a whole corpus's ``tables`` (articles and figures)."""
    article = article_rows(tables, "figures")
    codes, names = {}, {}
    for column in CHOICE_COLUMNS[:-1]:
        codes[column], uniques = pd.factorize(tables.figures[column])
        names[column] = list(uniques)
    source, uniques = pd.factorize(tables.articles["source"])
    codes["source"] = np.where(article >= 0, source[np.maximum(article, 0)] if len(source) else -1, -1)
    names["source"] = list(uniques)
    return FigureCodes(article, codes, names)


def kept_figures(codes: FigureCodes, keep: np.ndarray) -> np.ndarray:
    """Which figures are of the articles ``keep`` marks (the restricted figures table's rows, in order)."""
    return kept(codes.article, keep)


def choices_of(codes: FigureCodes, rows: np.ndarray) -> dict[str, list] | None:
    """``{column: sorted(values.unique())}`` of the picker columns of the figures ``rows`` marks (their source:
    their article's); None when one of them misses a value (the page then merges as before)."""
    out = {}
    for column in CHOICE_COLUMNS:
        present = np.unique(codes.codes[column][rows])
        if len(present) and present[0] < 0:
            return None
        out[column] = sorted(codes.names[column][i] for i in present.tolist())
    return out
