"""page_parts.table_rows: a block of a table as st.dataframe sends it, with only the values the block uses."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

import page_parts

FRAME = pd.DataFrame({
    "source": pd.Categorical(["Wire", "Herald", "Wire", None, "Gazette", "Herald"],
                             categories=["Gazette", "Herald", "Wire"]),
    "sentence": pd.Categorical(["a", "b", "c", "d", "e", "f"]),
    "value": [1, 2, None, 4, 5, 6],
    "title": ["t1", "t2", "t3", "t4", "t5", "t6"],
})


@pytest.mark.parametrize(("start", "stop"), [(0, 6), (0, 2), (2, 4), (3, 4), (4, 6), (5, 6), (1, 6)])
def test_a_block_has_the_rows_and_only_their_values(start, stop):
    table = pa.Table.from_pandas(FRAME)
    block = page_parts.table_rows(table, start, stop)
    expected = FRAME.iloc[start:stop].reset_index(drop=True)
    got = block.to_pandas()
    assert got.astype(object).where(got.notna(), None).values.tolist() == \
        expected.astype(object).where(expected.notna(), None).values.tolist()
    for column in ("source", "sentence"):
        used = expected[column].dropna()
        # the values it uses, in the whole table's order (a category's order is the column's sort order)
        assert got[column].cat.categories.tolist() == [c for c in FRAME[column].cat.categories if c in set(used)]
        assert got[column].cat.ordered == FRAME[column].cat.ordered
    assert block.schema.names == table.schema.names and block.schema.metadata == table.schema.metadata


def test_a_block_sends_far_less_than_a_slice():
    many = pd.DataFrame({"sentence": pd.Categorical([f"sentence number {i} " * 5 for i in range(20_000)])})
    table = pa.Table.from_pandas(many)

    def sent(t: pa.Table) -> int:
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, t.schema) as writer:
            writer.write_table(t)
        return sink.getvalue().size

    assert sent(page_parts.table_rows(table, 100, 200)) * 50 < sent(table.slice(100, 100))
