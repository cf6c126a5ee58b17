"""``page_parts.sent_table``: the Arrow table a page keeps for ``st.dataframe`` sends the same bytes as the
DataFrame it was made from, which Streamlit converts on every call."""

import pandas as pd
import pytest
from streamlit import dataframe_util

import page_parts


def _streamlit_bytes(frame: pd.DataFrame) -> bytes:
    # What st.dataframe sends for a DataFrame (its eager path): converted on every call.
    return dataframe_util.convert_pandas_df_to_arrow_bytes(
        dataframe_util.convert_anything_to_pandas_df(frame, ensure_copy=False))


FRAMES = {
    "text as categories, dates, flags": pd.DataFrame({
        "source": pd.Categorical(["B", "A", "B"]), "published": pd.to_datetime(["2024-01-02", None, "2024-01-01"]),
        "figure": pd.Categorical(["at least 12", "3", "3"]), "may_rise": [True, False, True],
        "vague": [False, False, True], "sentence": pd.Categorical(["<b>x</b>", "$5 a", "<b>x</b>"])}),
    "rows kept from a larger table (fresh index)": pd.DataFrame({"title": ["a", "b", "c", "d"], "age": [1, None, 3, 4]})
    .iloc[[1, 3]].reset_index(drop=True),
    "not a range index": pd.DataFrame({"title": ["a", "b"]}, index=[5, 2]),
    "nullable integers and Arrow strings": pd.DataFrame({
        "age": pd.array([19, None], dtype="Int64"), "name": pd.array(["Ann", None], dtype="string[pyarrow]")}),
    "empty, object columns": pd.DataFrame(columns=["source", "title", "sentence"]),
}


@pytest.mark.parametrize("frame", FRAMES.values(), ids=FRAMES.keys())
def test_sent_table_sends_what_streamlit_sends(frame):
    assert dataframe_util.convert_arrow_table_to_arrow_bytes(page_parts.sent_table(frame)) == _streamlit_bytes(frame)
