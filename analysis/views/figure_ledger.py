"""The Figures page's views of a whole corpus, made once per corpus: its ledger as shown and sent, its people,
and the lookups a run reads (a figure's row, an article's ledger rows).

``whole_views(t)`` yields them as ``(name, value)`` in the order the page asks for them, so the same code makes
them for the page (``app_data.whole_view``) and ahead of its first visit, on the thread that makes the Toll
page's (``app_data.views_ahead``): at 10,000 articles they are about 0.5 s of a first visit's server time, most
of it the ledger of 99,000 figures merged, sorted, made categorical and labelled.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.figures.labels import distinct_labels
from analysis.figures.ledger import ledger_rows_by_article, ledger_table
from analysis.figures.victims import people_table
from analysis.tables import CorpusTables
from analysis.views.figure_codes import figure_codes

#: The ledger's columns shown as text (repeated values: the table sends each distinct one once).
TEXT_COLUMNS = ("source", "title", "category", "figure", "status", "scope", "attributed_to", "sentence")
#: The names of ``whole_views``'s values, in the order it makes them.
NAMES = ("figure_codes", "figures_ledger_all", "figures_ledger_rows", "figures_positions", "figures_people_all")


def shown_ledger(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger's columns the page shows, text as categories: the same cells, but every repeated title, source
    and sentence is sent once (a rerun serialised 9 MB instead of 27 MB at 95k figures)."""
    return ledger.drop(columns=["figure_id", "article_id", "value", "qualifier"]).astype(
        {column: "category" for column in TEXT_COLUMNS})


def whole_ledger(t: CorpusTables) -> tuple[pd.DataFrame, pd.DataFrame, pa.Table, np.ndarray, np.ndarray]:
    """The whole corpus's ledger (``ledger_table``), as shown, as the Arrow table st.dataframe makes of it, its
    figure ids, and each figure's label in the evidence box ("killed: at least 12 — Wire"), distinct."""
    ledger = ledger_table(t.figures, t.articles)
    shown = shown_ledger(ledger)
    labels = distinct_labels((ledger["category"] + ": " + ledger["figure"] + " — " + ledger["source"]).tolist())
    return (ledger, shown, pa.Table.from_pandas(shown), np.array(ledger["figure_id"].tolist(), dtype=object),
            np.array(labels, dtype=object))


def figure_positions(t: CorpusTables) -> dict[str, int]:
    """Each figure id's row in ``t.figures``: one lookup per run instead of a comparison of 99,000 ids."""
    return dict(zip(t.figures["figure_id"].tolist(), range(len(t.figures))))


def whole_people(t: CorpusTables) -> pd.DataFrame:
    """The whole corpus's people table (``people_table``), which a filter change takes rows of."""
    return people_table(t.victims, t.articles)


def whole_views(t: CorpusTables) -> Iterator[tuple[str, object]]:
    """``(name, value)`` for each of ``NAMES``, of the whole corpus ``t``: the values the page's calls of
    ``app_data.whole_view`` make, in its order."""
    yield "figure_codes", figure_codes(t)
    ledger = whole_ledger(t)
    yield "figures_ledger_all", ledger
    yield "figures_ledger_rows", ledger_rows_by_article(ledger[0])
    yield "figures_positions", figure_positions(t)
    yield "figures_people_all", whole_people(t)
