"""``CorpusTables``: ``restrict`` keeps the rows the first ``isin`` code kept, and every Arrow column is one piece;
``records`` is ``to_dict("records")``."""

from dataclasses import fields

import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from analysis.tables import CorpusTables, distinct_per, in_one_piece, mapped, records, rows_about
from tests.pages.many_outlets import many_outlets_corpus
from tests.tables_before import restrict_before

NAMES = [field.name for field in fields(CorpusTables)]


def _whole() -> CorpusTables:
    tables = many_outlets_corpus().tables
    # the last contradiction names an article the corpus does not have; one sentence too
    contradictions = tables.contradictions.copy()
    contradictions["article_id_b"] = contradictions["article_id_b"].where(
        contradictions.index < len(contradictions) - 1, "nowhere")
    sentences = tables.sentences.copy()
    sentences["article_id"] = sentences["article_id"].where(sentences.index != 3, "nowhere")
    return CorpusTables(**{**dict(tables.items()), "contradictions": contradictions, "sentences": sentences})


def _ids(whole: CorpusTables, kept: str) -> list[str]:
    ids = whole.articles["article_id"].tolist()
    return {"none": [], "first": ids[:1], "all but last": ids[:-1], "every other": ids[::2], "all": ids,
            "twice each": ids[:4] + ids[:4], "unknown ones too": ["nowhere", "elsewhere", *ids[5:9]],
            "a set": set(ids[3:12])}[kept]


@pytest.mark.parametrize("kept", ["none", "first", "all but last", "every other", "all", "twice each",
                                  "unknown ones too", "a set"])
@pytest.mark.parametrize("name", NAMES)
def test_restrict_keeps_the_rows_isin_kept(name, kept):
    whole = _whole()
    ids = _ids(whole, kept)
    pd.testing.assert_frame_equal(getattr(whole.restrict(ids), name), getattr(restrict_before(whole, ids), name))


@pytest.mark.parametrize(("column", "ids", "expected"), [
    (pd.Series(["a", "b", "a", None], dtype="str"), ["a"], [True, False, True, False]),
    (pd.Series(["a", "b", "c"], dtype="str"), [], [False, False, False]),
    (pd.Series([], dtype="str"), ["a"], []),
    (pd.Series(["a", "b"], dtype=object), {"b", "z"}, [False, True]),
    (pd.Series([1, 2, 3]), [2, 3], [False, True, True]),  # not text: pandas compares
    (pd.Series(["1", "2"], dtype="str"), [1, "2"], [False, True]),
])
def test_rows_about_is_isin(column, ids, expected):
    assert rows_about(column, ids).tolist() == expected == column.isin(list(ids)).tolist()


def _in_pieces(values: list, dtype) -> pd.Series:
    half = len(values) // 2
    chunked = pa.chunked_array([pa.array(values[:half], type=pa.large_string()),
                                pa.array(values[half:], type=pa.large_string())])
    return pd.Series(pd.array(chunked, dtype=dtype), name="text")


@pytest.mark.parametrize("dtype", ["str", pd.StringDtype("pyarrow"), pd.ArrowDtype(pa.large_string())])
def test_a_column_in_pieces_is_combined_with_the_same_values_and_dtype(dtype):
    text = _in_pieces(["one", None, "three", "four", "five"], dtype)
    assert text.array.__arrow_array__().num_chunks == 2
    frame = pd.DataFrame({"article_id": ["a", "b", "c", "d", "e"], "n": np.arange(5)}).assign(text=text)
    combined = in_one_piece(frame)
    pd.testing.assert_frame_equal(combined, frame)
    assert combined["text"].array.__arrow_array__().num_chunks == 1
    assert frame["text"].array.__arrow_array__().num_chunks == 2  # the input is left as it was


def test_a_frame_in_one_piece_is_returned_as_it_is():
    frame = pd.DataFrame({"article_id": pd.Series(["a", "b"], dtype="str"), "text": ["x", None]})
    assert in_one_piece(frame) is frame


def test_corpus_tables_hold_their_columns_in_one_piece():
    whole = _whole()
    sentences = whole.sentences.assign(text=_in_pieces(whole.sentences["text"].tolist(), whole.sentences["text"].dtype))
    tables = CorpusTables(**{**dict(whole.items()), "sentences": sentences})
    pd.testing.assert_frame_equal(tables.sentences, sentences)
    for name, frame in tables.items():
        for column in frame.columns:
            values = frame[column].array
            if isinstance(frame[column].dtype, (pd.ArrowDtype, pd.StringDtype)) and hasattr(values, "__arrow_array__"):
                assert values.__arrow_array__().num_chunks <= 1, (name, column)


_IDS = pd.Series(["b", "a", "x", "a", None], dtype="str", index=[10, 11, 12, 13, 14], name="article_id")


@pytest.mark.parametrize(("ids", "values"), [
    (_IDS, pd.Series(["Wire", "Post"], index=pd.Index(["a", "b"], dtype="str"), dtype="str")),
    (_IDS, pd.Series(np.array(["g1", "g2"], dtype=object), index=pd.Index(["a", "b"], dtype="str"))),  # object labels
    (_IDS, pd.Series([3, 4], index=pd.Index(["a", "b"], dtype="str"))),  # integers: missing ones make floats
    (_IDS, pd.Series([3, None], index=pd.Index(["a", "b"], dtype="str"), dtype="Int64")),
    (_IDS, pd.Series([True, False], index=pd.Index(["a", "b"], dtype="str"))),
    (_IDS, pd.Series([], index=pd.Index([], dtype="str"), dtype="str")),  # nothing to map to
    (_IDS, pd.Series(["Wire", "Post", "Twice"], index=pd.Index(["a", "b", "a"], dtype="str"))),  # repeated: map's error
    (_IDS.astype(object), pd.Series(["Wire", "Post"], index=pd.Index(["a", "b"], dtype=object))),
    (pd.Series([2, 1, 7]), pd.Series(["one", "two"], index=[1, 2])),  # ids that are not text
    (_IDS.iloc[:0], pd.Series(["Wire"], index=pd.Index(["a"], dtype="str"))),
])
def test_mapped_is_map(ids, values):
    try:
        expected = ids.map(values)
    except Exception as error:  # noqa: BLE001 - whatever map raises, mapped raises too
        with pytest.raises(type(error)):
            mapped(ids, values)
        return
    pd.testing.assert_series_equal(mapped(ids, values), expected)


@pytest.mark.parametrize(("keys", "values"), [
    (["s1", "s1", "s2", "s1", "s3"], ["a", "b", "a", "a", "c"]),
    (["s1", None, "s2", "s2"], ["a", "b", None, "c"]),  # a missing key or value is left out
    (["s1", "s2"], [None, None]),  # a key with only missing values counts none
    ([], []),
    ([2, 1, 2], ["a", "a", "b"]),
])
def test_distinct_per_is_groupby_nunique(keys, values):
    keys, values = pd.Series(keys, dtype=object if not keys or isinstance(keys[0], str) else None), pd.Series(values, dtype=object)
    expected = values.groupby(keys).nunique()
    got = distinct_per(keys, values)
    assert sorted(got.items()) == sorted(expected.items())


def _same_records(got: list[dict], expected: list[dict]) -> bool:
    """Equal row dicts whose every value is also of the same type (1 is not 1.0 nor np.int64(1); NaN is NaN)."""
    def same(a, b) -> bool:
        if type(a) is not type(b):
            return False
        if isinstance(a, float) and math.isnan(a):
            return math.isnan(b)
        return a is b or bool(a == b)
    return len(got) == len(expected) and all(
        list(g) == list(e) and all(same(g[k], e[k]) for k in e) for g, e in zip(got, expected))


@pytest.mark.parametrize("name", [n for n in NAMES if n != "victims"])  # this corpus names no victims
def test_records_of_every_table_are_to_dict_records(name):
    frame = getattr(many_outlets_corpus().tables, name)
    assert not frame.empty
    assert _same_records(records(frame), frame.to_dict("records"))


MISSING = {"str": ["a", None, "c"], "string": ["a", None, "c"], "Int64": [1, None, 3], "boolean": [True, None, False],
           "Float64": [0.5, None, 2.0], "float64": [0.5, np.nan, 2.0], "int64": [1, 2, 3], "bool": [True, False, True],
           "datetime64[ns]": ["2024-03-22", None, "2024-03-23"]}


@pytest.mark.parametrize("dtype", sorted(MISSING))
def test_records_keep_each_dtypes_values_and_missing_values(dtype):
    frame = pd.DataFrame({"x": pd.Series(MISSING[dtype], dtype=dtype), "n": [1, 2, 3]})
    assert _same_records(records(frame), frame.to_dict("records"))


def test_records_of_objects_box_numpy_scalars_and_na_as_to_dict_does():
    objects = pd.Series(["a", np.int64(2), np.float64(0.5), np.bool_(True), pd.NA, None, np.nan,
                         np.datetime64("2024-03-22"), ("a", 1)], dtype=object)
    frame = pd.DataFrame({"x": objects, "y": range(len(objects))})
    got = records(frame)
    assert _same_records(got, frame.to_dict("records"))
    assert [type(row["x"]).__name__ for row in got[1:4]] == ["int", "float", "bool"]


@pytest.mark.parametrize("frame", [pd.DataFrame(index=range(3)), pd.DataFrame({"x": pd.Series([], dtype="str")}),
                                   pd.DataFrame({"c": pd.Categorical(["a", "b"])}),
                                   pd.DataFrame([[1, 2]], columns=["a", "a"])],
                         ids=["no columns", "no rows", "categorical", "repeated names"])
@pytest.mark.filterwarnings("ignore:DataFrame columns are not unique")  # pandas' own, for the repeated names
def test_records_of_odd_frames_are_to_dict_records(frame):
    assert _same_records(records(frame), frame.to_dict("records"))
