"""The Tone page's figures: sentence scores by source, articles over time, along one article, around
entities, and TextBlob against VADER.

Sentences, titles, sources, sections and entity names are article text: they are HTML-escaped
in every label and hover text here. Points that stand for sentences carry
``customdata = [article_id, idx]`` so a selection leads back to them. No streamlit here.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

from analysis.views.groups import OTHER, group_order
from charts.follow_up import follow_up_note
from charts.groups import TOP_LEGEND, group_colours
from charts.text import escaped, escaped_list

#: Hover text keeps this many characters of a sentence, then "…".
HOVER_CHARS = 110
SCORERS = (("polarity", "TextBlob polarity"), ("vader_compound", "VADER compound"))
AGREEMENT_COLOURS = {"agree": "#9aa", "one neutral": "#f0b050", "opposite": "#d03030"}
#: Past this many sentences a chart shows a fixed sample of them (and the boxes come from all of them).
MAX_DOTS = 4000
#: The source spread shows at most this many sources; the rest share one row.
MAX_SOURCES = 30
#: Tone over time colours at most this many sources; the rest share one colour.
MAX_COLOURED_SOURCES = 11
#: Past this many points, charts draw with WebGL.
GL_POINTS = 2000


def other_sources_label(n: int) -> str:
    return f"{n:,} other sources"


def top_sources(sources: pd.Series, *, keep: int) -> pd.Series:
    """``sources`` with all but the ``keep`` most frequent replaced by "N other sources"."""
    counts = sources.value_counts()
    if len(counts) <= keep:
        return sources
    kept = set(counts.index[:keep])
    return sources.where(sources.isin(kept), other_sources_label(len(counts) - keep))


def sample_rows(rows: pd.DataFrame, *, n: int, keep: pd.Series | None = None) -> pd.DataFrame:
    """At most ``n`` rows, the same on every run: those flagged in ``keep`` first (up to half), then an
    even spread of the others; in their original order."""
    if len(rows) <= n:
        return rows
    flagged = keep.reindex(rows.index).fillna(False).to_numpy(dtype=bool) if keep is not None else None
    return rows.iloc[sample_positions(len(rows), n=n, keep=flagged)]


def row_floor(row_of: np.ndarray, *, n: int, rows: int) -> np.ndarray:
    """Flags, per row of a chart, up to ``n // (2 * rows)`` of its sentences (all of a smaller row), the same on
    every run: given to ``sample_positions`` as ``keep``, they give every row dots of its own. An even spread
    over 200,000 sentences left a country with a dozen sentences no dot to select and read."""
    flags = np.zeros(len(row_of), dtype=bool)
    floor = n // (2 * max(rows, 1))
    rng = np.random.default_rng(20240322)
    for row in range(rows):
        at = np.flatnonzero(row_of == row)
        flags[at if len(at) <= floor else at[rng.choice(len(at), floor, replace=False)]] = True
    return flags


def sample_positions(length: int, *, n: int, keep: np.ndarray | None = None) -> np.ndarray:
    """The positions ``sample_rows`` keeps of ``length`` rows (all of them up to ``n``), ascending; ``keep``
    flags the rows to take first."""
    if length <= n:
        return np.arange(length)
    rng = np.random.default_rng(20240322)
    # Chosen by position and taken once: copying all the other rows first cost more than the sample.
    first = np.flatnonzero(keep) if keep is not None else np.arange(0)
    first = first[np.sort(rng.choice(len(first), n // 2, replace=False))] if len(first) > n // 2 else first
    others = np.ones(length, dtype=bool)
    others[first] = False
    rest = np.flatnonzero(others)
    rest = rest[np.sort(rng.choice(len(rest), n - len(first), replace=False))]
    return np.sort(np.concatenate([first, rest]))


def sentence_hover(sentences: pd.DataFrame) -> pd.Series:
    """Escaped hover text per sentence: ``"source · sentence 3<br>the first 110 characters…"``.

    Args:
        sentences: rows with source, idx and text.
    """
    text = sentences["text"]
    short = text.str.slice(0, HOVER_CHARS).where(text.str.len() <= HOVER_CHARS, text.str.slice(0, HOVER_CHARS) + "…")
    return escaped(sentences["source"]) + " · sentence " + sentences["idx"].astype(str) + "<br>" + escaped(short)


def _colour_sequence() -> list[str]:
    """The colours plotly express gives categories with no colour of their own: the default template's."""
    template = pio.templates[pio.templates.default or "plotly"]
    return list(template.layout.colorway or px.colors.qualitative.D3)


def _scatter(frame: pd.DataFrame, *, x: str, y: str, colour: str, colour_order: list[str],
             colour_map: dict[str, str] | None, custom: list[str], hovertemplate: str, gl: bool,
             symbol: str | None = None, symbol_map: dict[str, str] | None = None, size: str | None = None,
             hovertext: pd.Series | None = None) -> list[dict]:
    """The traces ``px.scatter(frame, x=x, y=y, color=colour, symbol=symbol, size=size, ...)`` makes, as plain
    dicts in the form plotly's validation leaves them, in one pass (one trace per colour and symbol, in
    ``colour_order`` then the symbols' order of appearance; the same names, legend groups, colours and
    marker sizes), with ``hovertemplate`` on every trace."""
    colours = frame[colour].to_numpy(dtype=object)
    colour_order = list(dict.fromkeys([*colour_order, *pd.unique(colours)]))
    palette, sequence = dict(colour_map or {}), _colour_sequence()
    for value in colour_order:  # as px: the given colours, then the sequence, counting the given ones too
        if value not in palette:
            palette[value] = sequence[len(palette) % len(sequence)]
    colour_code = pd.Categorical(colours, categories=colour_order).codes.astype("int64")
    if symbol is not None:
        symbol_code, symbol_values = pd.factorize(frame[symbol].to_numpy(dtype=object))
    else:
        symbol_code, symbol_values = np.zeros(len(frame), dtype="int64"), [None]
    key = colour_code * len(symbol_values) + symbol_code
    order = np.argsort(key, kind="stable")
    bounds = np.flatnonzero(np.diff(key[order])) + 1
    columns = {"x": frame[x].to_numpy(), "y": frame[y].to_numpy()}
    for axis, values in columns.items():
        if values.dtype.kind == "M":  # as plotly's JSON writes a datetime array
            columns[axis] = np.datetime_as_string(values)
        elif values.dtype.kind == "O":
            columns[axis] = values
    custom_rows = frame[custom].to_numpy(dtype=object).tolist()
    hover = hovertext.to_numpy(dtype=object) if hovertext is not None else None
    sizes = frame[size].to_numpy() if size is not None else None
    traces = []
    for at in np.split(order, bounds) if len(order) else []:
        first = at[0]
        colour_value = colours[first]
        name = str(colour_value)
        marker = {"color": palette[colour_value]}
        if size is not None:
            marker.update(size=sizes[at], sizemode="area", sizeref=float(sizes.max()) / 20 ** 2)
        if symbol is not None:
            symbol_value = symbol_values[symbol_code[first]]
            name += ", " + str(symbol_value)
            marker["symbol"] = symbol_map[symbol_value]
        else:
            marker["symbol"] = "circle"
        trace = {"customdata": [custom_rows[i] for i in at.tolist()], "hovertemplate": hovertemplate,
                 "legendgroup": name, "marker": marker, "mode": "markers", "name": name, "showlegend": True}
        if hover is not None:
            trace["hovertext"] = hover[at].tolist()
        for axis, values in columns.items():
            picked = values[at]
            trace[axis] = picked.tolist() if picked.dtype.kind in "OU" else picked
        trace.update(xaxis="x", yaxis="y", type="scattergl" if gl else "scatter")
        if not gl:
            trace["orientation"] = "h" if columns["y"].dtype.kind in "OU" and columns["x"].dtype.kind in "uif" else "v"
        traces.append(trace)
    return traces


def _colours(frame: pd.DataFrame, colour: str) -> tuple[pd.Series, list[str], dict[str, str] | None]:
    """What colours the points of ``frame`` (the two scatters by source or group): each row's label (by source, past
    ``MAX_COLOURED_SOURCES`` sources the least frequent share one), the escaped labels in ``group_order``, and their
    colours by group (None by source: plotly's sequence)."""
    groups = top_sources(frame["source"], keep=MAX_COLOURED_SOURCES) if colour == "source" else frame[colour]
    order = group_order(groups)
    colour_map = {html.escape(str(g)): c for g, c in group_colours(order).items()} if colour != "source" else None
    return groups, escaped_list(order), colour_map


def _scatter_layout(*, x_title: str, y_title: str, sized: bool, **changes) -> dict:
    """The layout ``px.scatter`` makes for ``_scatter``'s traces, the legend above the plot without a title."""
    top = {key: value for key, value in TOP_LEGEND.items() if key != "font_size"}
    legend = {"title": {"text": ""}, "tracegroupgap": 0, **({"itemsizing": "constant"} if sized else {}), **top,
              "font": {"size": TOP_LEGEND["font_size"]}}
    return {"xaxis": {"anchor": "y", "domain": [0.0, 1.0], "title": {"text": x_title}},
            "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "title": {"text": y_title}},
            "legend": legend, "margin": {"t": 10}, **changes}


#: Where a row's box and dots sit around the row's position (rows are 1 apart; the y axis runs downwards):
#: the box above the middle, the dots below it.
BOX_OFFSET, BOX_WIDTH = 0.17, 0.26
DOT_OFFSET, DOT_SPREAD = 0.0, 0.42


def source_spread_spec(scored: pd.DataFrame, *, metric: str, label: str, rows: str = "source") -> dict:
    """Every sentence's score as a dot, one row per source (sorted) or per group, beside a box of the middle half.

    In each row the box sits in the upper part and the dots, spread by a fixed pseudo-random jitter (the
    same on every run), in the lower part: dots over the box hid it for any source with a few hundred
    sentences (and WebGL dots are drawn above every SVG box whatever the trace order). Past
    ``MAX_SOURCES`` sources the least frequent share one row; past ``MAX_DOTS`` sentences the
    boxes are drawn from their statistics and the dots are a fixed sample in which every row has dots of its own.

    Args:
        scored: sentences with source, article_id, idx, text and the ``metric`` column.
        metric: the score to plot.
        label: the score's name, for the axis and the hover.
        rows: the column that makes the rows: "source", or a group column (``source_groups`` labels,
            ordered largest first and "other" last); the hover names each dot's source either way.

    Returns:
        One box trace per row, then one scatter trace of all sentences.
    """
    if rows == "source":
        labels = top_sources(scored["source"], keep=MAX_SOURCES)  # the dots' hover names the row too
        sources = sorted(labels.unique())
    else:
        labels = scored[rows]
        sources = group_order(labels)
    position = {s: i for i, s in enumerate(sources)}
    codes, uniques = pd.factorize(labels)  # each sentence's row, by integer (not a string compare per row)
    row_of = np.array([position[u] for u in uniques] + [-1], dtype="int64")[codes]  # -1: no source
    at = sample_positions(len(scored), n=MAX_DOTS, keep=row_floor(row_of, n=MAX_DOTS, rows=len(sources)))
    dots = scored[["article_id", "idx", "text", "source"]].iloc[at]  # the columns drawn, of the sample only
    if rows == "source":
        dots = dots.assign(source=labels.to_numpy()[at])
    return _spread_spec(sources, row_of, scored[metric].to_numpy(dtype="float64"), at, dots, label=label)


def group_spread_spec(names: list[str], group_of: np.ndarray, values: np.ndarray,
                      dots: Callable[[np.ndarray], pd.DataFrame], *, label: str) -> dict:
    """``source_spread_spec(scored, rows="group")`` from codes: ``group_of`` each sentence's group as an index into
    ``names`` (the distinct labels), ``values`` its score, and ``dots(at)`` the rows at positions ``at`` of
    ``scored`` (article_id, idx, text, source), asked for the sample only. The same figure, without a per-sentence
    string column: groups counted and rows found by integer."""
    counts = np.bincount(group_of[group_of >= 0], minlength=len(names))
    count_of = {names[i]: int(counts[i]) for i in np.flatnonzero(counts)}
    sources = sorted(count_of, key=lambda g: (g == OTHER, -count_of[g], str(g)))  # as group_order
    position = {s: i for i, s in enumerate(sources)}
    row_at = np.array([position.get(name, -1) for name in names] + [-1], dtype="int64")
    row_of = row_at[np.where(group_of >= 0, group_of, len(names))]
    at = sample_positions(len(values), n=MAX_DOTS, keep=row_floor(row_of, n=MAX_DOTS, rows=len(sources)))
    return _spread_spec(sources, row_of, np.asarray(values, dtype="float64"), at, dots(at), label=label)


def _spread_spec(sources: list, row_of: np.ndarray, values_of: np.ndarray, at: np.ndarray, dots: pd.DataFrame, *,
                 label: str) -> dict:
    """The figure of ``source_spread_spec``: ``sources`` its rows in order, ``row_of`` each sentence's row (-1: none),
    ``values_of`` their scores, ``dots`` the sentences at the sample positions ``at``."""
    traces = []
    large = len(values_of) > MAX_DOTS
    for position, source in enumerate(sources):
        values = values_of[row_of == position]
        if large:  # the box's statistics, not every value
            q1, median, q3 = np.nanquantile(values, [0.25, 0.5, 0.75]).tolist()  # NaN skipped, as pandas does
            box = dict(q1=[q1], median=[median], q3=[q3], lowerfence=[np.nanmin(values).item()],
                       upperfence=[np.nanmax(values).item()], y=[position - BOX_OFFSET])
        else:
            box = dict(x=values, y=[position - BOX_OFFSET] * len(values))
        traces.append(dict(type="box", **box, orientation="h", boxpoints=False, width=BOX_WIDTH,
                           name=html.escape(str(source)), showlegend=False, hoverinfo="skip",
                           line=dict(color="#555"), fillcolor="rgba(0,0,0,0.06)"))
    jitter = (np.sin(np.arange(len(dots)) * 12.9898) * 43758.5453) % 1 * DOT_SPREAD + DOT_OFFSET
    traces.append(dict(
        type="scattergl" if len(dots) > GL_POINTS else "scatter", x=values_of[at],
        y=np.where(row_of[at] >= 0, row_of[at], np.nan) + jitter, mode="markers", showlegend=False,
        marker={"size": 7, "opacity": 0.55, "color": "#3b6ea8"},
        customdata=[[a, i] for a, i in zip(dots["article_id"].tolist(), dots["idx"].tolist())],
        text=sentence_hover(dots).tolist(), hovertemplate="%{text}<br>" + label + ": %{x:.2f}<extra></extra>"))
    layout = dict(height=120 + 60 * len(sources), margin={"t": 10}, xaxis={"title": {"text": label}},
                  yaxis={"tickvals": list(range(len(sources))), "ticktext": escaped_list(sources),
                         "autorange": "reversed"})  # the first row (largest group, "other" last) on top
    return {"data": traces, "layout": layout}


def source_spread_figure(scored: pd.DataFrame, *, metric: str, label: str, rows: str = "source") -> go.Figure:
    """``source_spread_spec`` as a figure."""
    return go.Figure(source_spread_spec(scored, metric=metric, label=label, rows=rows), _validate=False)


def tone_over_time_spec(dated: pd.DataFrame, *, metric: str, label: str, colour: str = "source",
                        follow_up: Collection[str] = ()) -> dict:
    """One dot per article at its publication time: its mean score, sized by its number of sentences,
    coloured by source or group, hollow when thin.

    Args:
        dated: ``article_tone`` rows of dated articles with source, title and published.
        metric: the score to plot.
        label: the score's name, for the axis.
        colour: "source", or a group column (``source_groups`` labels: at most 8 and "other").
        follow_up: ids of articles that are follow-up coverage of the event (``follow_up_articles``):
            the axis opens on the other articles' period, with a note on what lies further right.

    Returns:
        One trace per colour and thin/enough (by source, past ``MAX_COLOURED_SOURCES`` sources the least
        frequent share one colour); ``customdata`` is ``[article_id, escaped title, escaped source]``,
        and the hover names the source. The legend sits above the plot.
    """
    groups, colour_order, colour_map = _colours(dated, colour)
    dots = dated.assign(source_label=escaped(groups), title_label=escaped(dated["title"]),
                        source_name=escaped(dated["source"]),
                        marker=np.where(dated["thin"], "thin", "enough sentences"))
    traces = _scatter(dots, x="published", y=metric, colour="source_label", colour_order=colour_order,
                      colour_map=colour_map, symbol="marker",
                      symbol_map={"thin": "circle-open", "enough sentences": "circle"}, size="n_sentences",
                      custom=["article_id", "title_label", "source_name"], gl=len(dots) > GL_POINTS,
                      hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[1]}<br>%{x|%d %b %Y}: %{y:.2f}"
                                    "<extra></extra>")
    layout = _scatter_layout(x_title="published", y_title=label, sized=True)
    later = dated["article_id"].isin(list(follow_up))
    if later.any() and not later.all():
        main = dated.loc[~later, "published"]
        pad = max(pd.Timedelta(hours=12), (main.max() - main.min()) * 0.04).round("min")
        # ISO text, as plotly's JSON writes the Timestamps: a figure orjson dumps as it is
        layout["xaxis"]["range"] = [(main.min() - pad).isoformat(), (main.max() + pad).isoformat()]
        layout["annotations"] = [follow_up_note(dated.loc[later, "published"], n_articles=int(later.sum()))]
    return {"data": traces, "layout": layout}


def tone_over_time_figure(dated: pd.DataFrame, *, metric: str, label: str, colour: str = "source",
                          follow_up: Collection[str] = ()) -> go.Figure:
    """``tone_over_time_spec`` as a figure."""
    return go.Figure(tone_over_time_spec(dated, metric=metric, label=label, colour=colour, follow_up=follow_up),
                     _validate=False)


def along_article_figure(one: pd.DataFrame) -> go.Figure:
    """Both scorers sentence by sentence along one article, with a dotted line where each section after
    the first begins.

    Args:
        one: the article's scored sentences (article_id, idx, section, polarity, vader_compound),
            sorted by idx.

    Returns:
        Two line traces, TextBlob polarity and VADER compound.
    """
    figure = go.Figure()
    sections = escaped(one["section"].fillna(""))
    for column, name in SCORERS:
        figure.add_trace(go.Scatter(x=one["idx"], y=one[column], mode="lines+markers", name=name,
                                    customdata=np.stack([one["article_id"], one["idx"]], axis=1), text=sections,
                                    hovertemplate="sentence %{x} · %{text}<br>%{y:.2f}<extra>" + name + "</extra>"))
    # The shapes add_vline would add, in one go: each add_vline copies the whole layout again.
    figure.update_layout(shapes=[dict(type="line", x0=start - 0.5, x1=start - 0.5, xref="x", y0=0, y1=1,
                                      yref="y domain", line=dict(color="#aaa", dash="dot"))
                                 for start in one.groupby("section", sort=False)["idx"].min().iloc[1:]])
    figure.update_layout(margin={"t": 10}, xaxis_title="sentence", yaxis_title="score", yaxis_range=[-1.05, 1.05],
                         legend={**TOP_LEGEND, "title_text": ""})
    return figure


def entity_tone_spec(around: pd.DataFrame, *, metric: str, label: str, n_entities: int,
                     colour: str = "source") -> dict:
    """Per entity (rows) and source or group (colour): the mean score of the sentences naming it, sized by
    their number, hollow when thin.

    Args:
        around: ``entity_tone(..., by=colour)`` rows.
        metric: the score to plot.
        label: the score's name, for the axis.
        n_entities: how many entities were picked (the chart grows with it).
        colour: the column of ``around`` that colours the points: "source" (past ``MAX_COLOURED_SOURCES``
            sources the least frequent share one colour) or a group column (at most 8 and "other").

    Returns:
        One trace per colour and thin/enough; ``customdata`` is ``[row position in around, n_sentences,
        escaped source or group]``, the hover names the source or group. The legend sits above the plot.
    """
    rows = around.reset_index(drop=True)
    groups, colour_order, colour_map = _colours(rows, colour)
    rows = rows.assign(row=rows.index, entity_label=escaped(rows["canonical"]), source_label=escaped(groups),
                       source_name=escaped(rows[colour]), marker=np.where(rows["thin"], "thin", "3+ sentences"))
    traces = _scatter(rows, x=metric, y="entity_label", colour="source_label", colour_order=colour_order,
                      colour_map=colour_map, symbol="marker",
                      symbol_map={"thin": "circle-open", "3+ sentences": "circle"}, size="n_sentences",
                      custom=["row", "n_sentences", "source_name"], gl=len(rows) > GL_POINTS,
                      hovertemplate="<b>%{customdata[2]}</b> · %{y}: %{x:.2f} over %{customdata[1]} sentences"
                                    "<extra></extra>")
    return {"data": traces, "layout": _scatter_layout(x_title=label, y_title="", sized=True,
                                                      height=160 + 40 * n_entities)}


def entity_tone_figure(around: pd.DataFrame, *, metric: str, label: str, n_entities: int,
                       colour: str = "source") -> go.Figure:
    """``entity_tone_spec`` as a figure."""
    return go.Figure(entity_tone_spec(around, metric=metric, label=label, n_entities=n_entities, colour=colour),
                     _validate=False)


def disagreement_spec(compared: pd.DataFrame) -> dict:
    """Every sentence at (TextBlob polarity, VADER compound), coloured by whether the two agree.

    Args:
        compared: ``disagreement`` rows (with source, idx and text for the hover).

    Returns:
        One trace per agreement kind ("agree", "one neutral", "opposite"); ``customdata`` is
        ``[article_id, idx]``. Past ``MAX_DOTS`` sentences, a fixed sample: opposite calls first
        (up to half), then the others.
    """
    dots = sample_rows(compared, n=MAX_DOTS, keep=compared["agreement"] == "opposite")
    dots = dots.assign(kind=dots["agreement"].str.replace("_", " "))
    traces = _scatter(dots, x="polarity", y="vader_compound", colour="kind", colour_order=[],
                      colour_map=AGREEMENT_COLOURS, custom=["article_id", "idx"], hovertext=sentence_hover(dots),
                      gl=len(dots) > GL_POINTS,
                      hovertemplate="%{hovertext}<br>TextBlob %{x:.2f} · VADER %{y:.2f}<extra></extra>")
    return {"data": traces, "layout": _scatter_layout(
        x_title="TextBlob polarity", y_title="VADER compound", sized=False,
        xaxis={"anchor": "y", "domain": [0.0, 1.0], "title": {"text": "TextBlob polarity"}, "range": [-1.05, 1.05]},
        yaxis={"anchor": "x", "domain": [0.0, 1.0], "title": {"text": "VADER compound"}, "range": [-1.05, 1.05]})}


def disagreement_figure(compared: pd.DataFrame) -> go.Figure:
    """``disagreement_spec`` as a figure."""
    return go.Figure(disagreement_spec(compared), _validate=False)
