"""The tables of one analysed corpus, as one value.

``CorpusTables`` is what the pipeline returns, what the stores write and read
back, and what the pages draw from; its field names are the export file names.
Columns are declared in ``analysis.schema``.

Every Arrow-backed column is held in one piece (``CorpusTables`` combines a column read or
concatenated in several): Arrow's ``take`` on a column in pieces first copies all of them into
one, so picking 100 sentences of a 10,000-article corpus copied its 22 MB of sentence text
(15 ms) and narrowing to the filtered articles copied it twice.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, fields, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.core.dtypes.cast import maybe_box_native  # what to_dict("records") applies to each value


@dataclass(frozen=True)
class CorpusTables:
    """Every table of an analysed corpus; field names are the export file names."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    figures: pd.DataFrame
    victims: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    timeline: pd.DataFrame
    contradictions: pd.DataFrame
    frames: pd.DataFrame
    roles: pd.DataFrame
    hedges: pd.DataFrame
    load_report: pd.DataFrame

    def __post_init__(self) -> None:
        for field in fields(self):
            frame = getattr(self, field.name)
            if isinstance(frame, pd.DataFrame):
                object.__setattr__(self, field.name, in_one_piece(frame))

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """``(table name, frame)`` pairs in declaration order."""
        return [(f.name, getattr(self, f.name)) for f in fields(self)]

    def restrict(self, article_ids: Collection[str]) -> "CorpusTables":
        """The same tables keeping only rows about ``article_ids`` (contradictions: both articles), in
        their order, with a fresh index; ``load_report`` as it is."""
        wanted = list(dict.fromkeys(article_ids))
        changes = {}
        for name, frame in self.items():
            if name == "load_report":
                continue
            if name == "contradictions":
                keep = rows_about(frame["article_id_a"], wanted) & rows_about(frame["article_id_b"], wanted)
            else:
                keep = rows_about(frame["article_id"], wanted)
            changes[name] = frame.take(np.flatnonzero(keep)).reset_index(drop=True)
        return replace(self, **changes)


def rows_about(column: pd.Series, article_ids: Collection[str]) -> np.ndarray:
    """``column.isin(article_ids)`` as a boolean array, by Arrow's hash lookup when both are text (pandas'
    ``isin`` on Arrow strings first makes a Python string of every row: 40 ms for 211k sentences)."""
    ids = list(article_ids)
    if len(column) == 0 or not ids:
        return np.zeros(len(column), dtype=bool)
    try:
        values, wanted = pa.array(column), pa.array(ids)
    except (pa.ArrowException, TypeError, ValueError):
        values = wanted = None
    if values is None or not all(pa.types.is_string(a.type) or pa.types.is_large_string(a.type)
                                 for a in (values, wanted)):  # ids that are not all text: pandas compares them
        return column.isin(ids).to_numpy(dtype=bool)
    return pc.is_in(values, value_set=wanted.cast(values.type)).fill_null(False).to_numpy(zero_copy_only=False)


def positions_in(ids: pd.Series, article_ids: pd.Series) -> np.ndarray | None:
    """Each of ``ids``' position in ``article_ids`` (-1: not there), by Arrow's hash lookup when both are text;
    None when ``article_ids`` repeat an id (a lookup by id is then not one row)."""
    if not article_ids.is_unique:
        return None
    try:
        values, wanted = pa.array(ids), pa.array(article_ids)
    except (pa.ArrowException, TypeError, ValueError):
        values = wanted = None
    if values is None or not all(pa.types.is_string(a.type) or pa.types.is_large_string(a.type)
                                 for a in (values, wanted)):
        return pd.Index(article_ids).get_indexer(ids)
    return pc.index_in(values, value_set=wanted.cast(values.type)).fill_null(-1).to_numpy(zero_copy_only=False)


def mapped(ids: pd.Series, values: pd.Series) -> pd.Series:
    """``ids.map(values)`` for ``values`` indexed by id: the same take of their values (missing where an id is not
    among them), with Arrow's id lookup when both are text; ``map`` itself when the ids of ``values`` repeat."""
    at = positions_in(ids, values.index.to_series()) if len(values) else None
    if at is None:
        return ids.map(values)
    own = values.array  # what map takes from: the extension array, or the NumPy array under a NumPy column
    own = own.to_numpy() if isinstance(own, pd.arrays.NumpyExtensionArray) else own
    return pd.Series(pd.api.extensions.take(own, at, allow_fill=True), index=ids.index, name=ids.name)


def distinct_per(keys: pd.Series, values: pd.Series) -> pd.Series:
    """``values.groupby(keys).nunique()`` (missing keys and values left out), indexed by the keys in order of
    appearance, from the two columns' codes: one ``unique`` of integer pairs, not a Python object per row
    (0.1 s for the article ids of 160,000 sentences)."""
    key_codes, names = pd.factorize(keys)
    value_codes, _ = pd.factorize(values)
    width = max(int(value_codes.max(initial=-1)) + 1, 1)
    known = (key_codes >= 0) & (value_codes >= 0)
    pairs = np.unique(key_codes[known].astype(np.int64) * width + value_codes[known])
    return pd.Series(np.bincount(pairs // width, minlength=len(names)), index=names)


def article_rows(tables: CorpusTables, name: str) -> np.ndarray:
    """Each row's article position in ``tables.articles`` for the table ``name`` (-1: not among them);
    for contradictions two rows, article a then b."""
    frame = getattr(tables, name)
    columns = ["article_id_a", "article_id_b"] if name == "contradictions" else ["article_id"]
    if frame.empty:
        return np.full((len(columns), 0), -1, dtype=np.int64) if name == "contradictions" else np.arange(0)
    ids = pa.array(tables.articles["article_id"])
    # pyarrow's hash lookup, not pandas' get_indexer: no Python objects made for 211k sentence rows
    positions = np.stack([pc.index_in(column, value_set=ids.cast(column.type)).fill_null(-1).to_numpy()
                          for column in (pa.array(frame[c]) for c in columns)])
    return positions if name == "contradictions" else positions[0]


def in_one_piece(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every Arrow-backed column that is held in several pieces (chunks) combined into one;
    ``frame`` itself when none is (the usual case: a check per column). Same values and dtypes."""
    pieces = {}
    for position, dtype in enumerate(frame.dtypes):
        if isinstance(dtype, pd.ArrowDtype) or (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
            chunked = frame.iloc[:, position].array.__arrow_array__()  # the column's own Arrow data, no copy
            if isinstance(chunked, pa.ChunkedArray) and chunked.num_chunks > 1:
                pieces[position] = pd.array(chunked.combine_chunks(), dtype=dtype)
    if not pieces:
        return frame
    combined = frame.copy(deep=False)
    for position, values in pieces.items():
        combined.isetitem(position, values)
    return combined


#: Text columns of at least this many bytes are narrowed by slicing (``rows_kept``): an article's text, a sentence's.
SLICED_BYTES = 4 * 2**20
#: ... when the rows kept fall in at most this many runs.
MAX_SLICES = 256


def rows_kept(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """``frame[keep].reset_index(drop=True)``: the same rows, columns, dtypes and values, but a large Arrow text column
    (``SLICED_BYTES`` and more) is made of slices of ``frame``'s own column, one per run of rows kept, instead of a
    copy, when those runs are at most ``MAX_SLICES``: a date range that leaves out a few of 10,000 articles keeps a
    few runs, and copying their 40 MB of text (page by page from fresh memory) was most of narrowing the articles.
    A range that keeps few articles copies little."""
    keep = np.asarray(keep, dtype=bool)
    big = [position for position, dtype in enumerate(frame.dtypes)
           if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"
           and frame.iloc[:, position].array.__arrow_array__().nbytes >= SLICED_BYTES]
    if not big or not frame.columns.is_unique:
        return frame[keep].reset_index(drop=True)
    edges = np.flatnonzero(np.diff(np.concatenate([[False], keep, [False]]).astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]  # runs of rows kept: [start, end)
    if len(starts) > MAX_SLICES:
        return frame[keep].reset_index(drop=True)
    out = frame.drop(columns=frame.columns[big])[keep].reset_index(drop=True)
    for position in big:  # ascending: each goes back to its own place
        values = frame.iloc[:, position].array
        whole = values.__arrow_array__()
        pieces = [chunk for start, end in zip(starts.tolist(), ends.tolist())
                  for chunk in whole.slice(start, end - start).chunks]
        out.insert(position, frame.columns[position],
                   type(values)(pa.chunked_array(pieces, type=whole.type), dtype=values.dtype))
    return out


def records(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")``: the same row dicts, each value of the same type (Python ``int``, ``float``,
    ``bool``, ``str``, ``Timestamp``; None for a missing value of a nullable column, NaN of a text column), built a
    column at a time: to_dict reads every cell through a Python call (0.5 s for the 25,000 figures of
    ``full_speed.py``'s corpus). Columns of any other dtype, or repeated column names, go to to_dict itself."""
    if not frame.columns.is_unique:
        return frame.to_dict("records")
    columns = []
    for position in range(frame.shape[1]):
        values = _python_values(frame.iloc[:, position])
        if values is None:
            return frame.to_dict("records")
        columns.append(values)
    names = frame.columns.tolist()
    if not names:
        return [{} for _ in range(len(frame))]
    return [dict(zip(names, row)) for row in zip(*columns)]


def _python_values(column: pd.Series) -> list | None:
    """A column's values as to_dict gives them (its ``maybe_box_native``), or None for a dtype not handled here."""
    dtype = column.dtype
    if isinstance(dtype, pd.StringDtype):  # to_dict boxes pd.NA to None and leaves NaN as it is
        return column.to_numpy(dtype=object, na_value=None if dtype.na_value is pd.NA else dtype.na_value).tolist()
    if isinstance(dtype, (pd.BooleanDtype, pd.Int64Dtype, pd.Int32Dtype, pd.Float64Dtype)):
        return column.to_numpy(dtype=object, na_value=None).tolist()  # object: Python ints, bools, floats
    if isinstance(dtype, np.dtype):
        if dtype.kind == "O":  # the objects themselves, NumPy scalars and pd.NA boxed as to_dict boxes them
            return [value if type(value) is str else maybe_box_native(value) for value in column.tolist()]
        if dtype.kind in "biuf":
            return column.to_numpy().tolist()  # Python scalars, as Series iteration gives them
        if dtype.kind == "M":
            return list(column.array)  # Timestamps and NaT, as iteration gives them (to_dict leaves them)
    return None
