"""``rows_kept`` is ``frame[keep].reset_index(drop=True)``, whether its long text columns are sliced or copied."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import analysis.tables
from analysis.tables import rows_kept


def _frame(n: int = 40) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "n": np.arange(n),
                         "text": pd.Series([None if i % 7 == 3 else "word " * (i % 5) for i in range(n)], dtype="str"),
                         "title": pd.Series([f"t{i}" for i in range(n)], dtype="str"),
                         "score": np.linspace(-1, 1, n)})


KEEPS = {
    "all": lambda n: np.ones(n, dtype=bool),
    "none": lambda n: np.zeros(n, dtype=bool),
    "a few left out": lambda n: ~np.isin(np.arange(n), [0, 7, 8, 39]),
    "one run": lambda n: (np.arange(n) >= 5) & (np.arange(n) < 30),
    "every other": lambda n: np.arange(n) % 2 == 0,
    "the last": lambda n: np.arange(n) == n - 1,
}


@pytest.mark.parametrize("keep", KEEPS)
@pytest.mark.parametrize("sliced_bytes, max_slices", [(1, 256), (1, 3), (10**9, 256)])
def test_rows_kept_is_the_masked_frame(monkeypatch, keep, sliced_bytes, max_slices):
    monkeypatch.setattr(analysis.tables, "SLICED_BYTES", sliced_bytes)
    monkeypatch.setattr(analysis.tables, "MAX_SLICES", max_slices)
    frame = _frame()
    mask = KEEPS[keep](len(frame))
    pd.testing.assert_frame_equal(rows_kept(frame, mask), frame[mask].reset_index(drop=True))


def test_a_long_text_column_is_sliced_not_copied(monkeypatch):
    monkeypatch.setattr(analysis.tables, "SLICED_BYTES", 1)
    frame = _frame()
    out = rows_kept(frame, KEEPS["a few left out"](len(frame)))
    assert out["text"].array.__arrow_array__().num_chunks == 2  # the runs 1-6 and 9-38
    assert out["text"].tolist() == frame["text"].iloc[[i for i in range(40) if i not in (0, 7, 8, 39)]].tolist()
