"""Reading a figure as the browser gets it, for the escaping tests."""

from __future__ import annotations

import html
import json

import plotly.graph_objects as go

HOSTILE = "<script>alert(1)</script>"
ESCAPED = html.escape(HOSTILE)


def figure_text(figure: go.Figure, *, leave_out: tuple[str, ...] = ()) -> str:
    """The figure's JSON as text, with "<" as written (plotly's JSON has it as \\u003c), without the
    trace properties named in ``leave_out``."""
    spec = json.loads(figure.to_json())
    for trace in spec["data"]:
        for key in leave_out:
            trace.pop(key, None)
    return json.dumps(spec, ensure_ascii=False)


def assert_escaped(figure: go.Figure, *, leave_out: tuple[str, ...] = ()) -> None:
    """The hostile name is in the figure, escaped, and nowhere raw."""
    text = figure_text(figure, leave_out=leave_out)
    assert ESCAPED in text
    assert "<script" not in text
