"""Figures kept in a view and drawn again on every rerun, made ready to send once.

``st.plotly_chart`` turns a figure into JSON on every run: ``to_dict`` deep-copies every array,
then plotly walks every hover text and id in Python when orjson refuses a value (numpy arrays of
strings, timestamps). For a figure a page keeps (``app_data.view``) and never changes, ``served``
makes that dict once, in a form orjson dumps as it is, so a rerun only dumps it: the same JSON, at
10,000 articles about 0.1 s less per Tone rerun. A dict orjson already takes (a figure built from
plain values, as the toll chart is) is kept as it is, without the JSON round trip. ``served_spec`` goes
further for a figure written as a plain spec (the Tone charts): no trace objects and no copy at all. No
streamlit here.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import numpy as np
from _plotly_utils.utils import is_skipped_key, to_typed_array_spec

try:  # plotly's faster JSON engine, when installed (not a requirement)
    import orjson
except ImportError:  # pragma: no cover
    orjson = None


class ServedFigure(go.Figure):
    """A ``go.Figure`` whose ``to_dict`` is computed once, as values orjson dumps; never changed afterwards."""

    def to_dict(self) -> dict:
        made = self.__dict__.get("_served")
        if made is None:
            made = super().to_dict()
            if not _dumped_as_it_is(made):
                made = json.loads(pio.to_json(made, validate=False))
            self._served = made
        return made


def _dumped_as_it_is(made: dict) -> bool:
    """Whether plotly's orjson engine dumps ``made`` without cleaning it first (then a round trip through
    JSON would give the same JSON again)."""
    if orjson is None or pio.json.config.default_engine not in ("auto", "orjson"):
        return False
    try:
        orjson.dumps(made, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)  # as to_json_plotly
    except TypeError:
        return False
    return True


def _typed_arrays(part: dict | list) -> dict | list:
    """``part`` with its numpy arrays as plotly.js typed arrays, as ``to_dict``'s ``convert_to_base64`` writes them,
    looking into dicts and lists of dicts only (not into every ``customdata`` row and hover text): a spec's
    arrays are numpy arrays of a trace's or a marker's values, never inside plain lists of values."""
    items = part.items() if isinstance(part, dict) else enumerate(part)
    for key, value in list(items):
        if isinstance(value, np.ndarray):
            if not (isinstance(part, dict) and is_skipped_key(key)):
                part[key] = to_typed_array_spec(value)
        elif isinstance(value, dict) or (isinstance(value, list) and value and isinstance(value[0], dict)):
            _typed_arrays(value)
    return part


def served_spec(spec: dict) -> go.Figure:
    """A figure that is only drawn, made from ``spec`` (``{"data": [...], "layout": {...}}`` as plain dicts in the
    form plotly's validation leaves them, numbers as numpy arrays, text as lists): the JSON of
    ``go.Figure(spec)`` without building a trace object or copying ``spec`` (a deep copy of every hover text
    and ``customdata`` row, twice, was most of a Tone chart's time at 10,000 articles). ``spec`` is taken
    over: never change it afterwards."""
    figure = ServedFigure()
    made = super(ServedFigure, figure).to_dict()  # no data; the layout's default template
    made["data"] = _typed_arrays(list(spec.get("data", [])))
    made["layout"] = {**made["layout"], **_typed_arrays(dict(spec.get("layout", {})))}
    if not _dumped_as_it_is(made):
        made = json.loads(pio.to_json(made, validate=False))
    figure._served = made
    return figure


def served(figure: go.Figure) -> go.Figure:
    """``figure`` itself, made a ``ServedFigure``: for a figure that is only drawn from now on."""
    figure.__class__ = ServedFigure
    return figure
