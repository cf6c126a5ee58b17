"""The Figures page's pickers from codes of the whole corpus's figures, made once per corpus: a filter change
counts the figures and lists the categories, statuses, scopes and sources they have by an article mask (``keep``,
over the whole articles table) instead of narrowing and merging 95,000 figures at 10,000 articles.

``figure_codes`` gives each figure its article position and a code per picker column (the source: its
article's); ``kept_figures`` counts those of the articles a mask keeps and ``choices_of`` lists each column's
values among them, sorted: the pickers' choices the page made from the restricted tables.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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


def ledger_articles(ledger: pd.DataFrame, articles: pd.DataFrame) -> np.ndarray:
    """Each row's article position in ``articles`` (the whole corpus's; -1: none), for a table with ``article_id``
    (the whole ledger): a filter change then keeps its rows by the article mask, not a lookup of 95,000 ids."""
    if ledger.empty:
        return np.arange(0)
    ids = pa.array(articles["article_id"])
    column = pa.array(ledger["article_id"])
    return pc.index_in(column, value_set=ids.cast(column.type)).fill_null(-1).to_numpy()


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


def _categories_dtype(categories: pd.Index, ordered: bool) -> pd.CategoricalDtype:
    """The dtype of ``categories`` (distinct already: some of a categorical's own) without checking them again, as
    pandas' ``remove_unused_categories`` makes it; the public constructor (which hashes every category) where
    pandas lacks that path."""
    try:
        return pd.CategoricalDtype._from_fastpath(categories, ordered=ordered)
    except AttributeError:
        return pd.CategoricalDtype(categories, ordered=ordered)


def without_unused_categories(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``frame`` with each of its categorical ``columns`` as ``.cat.remove_unused_categories()`` gives it (the same
    categories in order, codes and code type), found with a count per code instead of sorting every row's code:
    a new date range's Figures ledger, 85,000 rows, in a few ms instead of 23."""
    out = {}
    for column in columns:
        values = frame[column].array
        codes, categories = values.codes, values.categories
        used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(categories)))
        place = np.full(len(categories) + 1, -1, dtype=np.int64)  # a code -> its place among the used; -1 stays
        place[used] = np.arange(len(used))
        kept = pd.Categorical.from_codes(place[codes], dtype=_categories_dtype(categories.take(used), values.ordered),
                                         validate=False)
        out[column] = pd.Series(kept, index=frame.index, name=column)
    return frame.assign(**out)


class KeptLabels(Mapping):
    """``dict(zip(ids[keep], labels[keep]))`` without building it: each id's label looked up through the whole
    table's ``{id: row}`` (``at``, made once per corpus), if ``keep`` keeps that row. Iterates in row order."""

    def __init__(self, ids: np.ndarray, labels: np.ndarray, at: Mapping[str, int], keep: np.ndarray) -> None:
        self._ids, self._labels, self._at = ids, labels, at
        self._keep = np.asarray(keep, dtype=bool)
        self._count = int(self._keep.sum())

    def __getitem__(self, key: str) -> str:
        row = self._at.get(key)
        if row is None or not self._keep[row]:
            raise KeyError(key)
        return self._labels[row]

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids[self._keep].tolist())
