"""Toll over time: who reported which death, injury and arrest figures when, and where they disagree."""

import pandas as pd
import streamlit as st

import app_data
import page_parts
from analysis.figures.labels import figure_label
from analysis.tables import article_rows
from analysis.timeline.points import CATEGORY_LABELS
from analysis.views.evidence import evidence_parts_of
from analysis.views.overview import figure_spans
from analysis.views.toll import (
    category_pairs,
    event_periods,
    fold_event_lines,
    follow_up_span,
    kept_category_pairs,
    opening_event,
    marked_parts,
    point_facts,
    summary_base,
    summary_sections,
    toll_summary,
)
from charts.toll_points import point_base
from charts.toll_views import POINT_BASE, SUMMARY_BASE, chart_view, period_mask

app_data.route_through_dashboard(__file__)

CATEGORY_KEY = "toll_category"
CHART_KEY = "toll_chart"
POINT_KEY = "toll_point"
TRACE_IDS_KEY = "toll_trace_point_ids"
PERIOD_KEY = "toll_period"
FOLLOW_UP_KEY = "toll_show_follow_up"
BY_KEY = "toll_by"
KIND_LABELS = {"contradiction": "Later report, lower total", "same_day_disagreement": "Same-day disagreement",
               "revision": "Revision inside one article"}
#: Pairs shown as cards with their sentences (each card is five elements for the browser to draw: 25 of them were
#: a quarter of the page's drawing at 10,000 articles); every pair is in the table below them.
MAX_PAIRS_SHOWN = 5
#: The figure picker lists this many points (and the one picked); a click on the chart picks any.
MAX_POINT_CHOICES = 300
#: The table of all pairs shows this many rows; the download has them all.
MAX_PAIR_ROWS = 500

tables = app_data.current_tables()
articles = tables.articles
# The timeline's columns the page reads beside its chart's rows: a filtered part narrows these alone
# (``app_data.table_columns``), and its chart's rows are taken from the whole timeline (``table_rows``).
timeline = app_data.view("toll_timeline_read", lambda t: app_data.table_columns(
    t, "timeline", ("category", "event_group", "published", "follow_up", "article_id")))
esc = app_data.escape_markdown

st.title("Reported toll over time")
st.caption("Each point is one article's headline figure, the total it gives as current for the whole event "
           "(reports that would look the same share a point, which says how many). "
           "Colour: the source, or the group chosen under “Compare by” (outlet country or kind, your groups). "
           "Shape: what the words allow (exact, at least, about, a range). "
           "Hover for the sentence; click a point to read it below.")

if articles.empty:
    st.info("No articles match the filters in the sidebar.")
    st.stop()



# The whole corpus's summary comes with the corpus (``analysis.views.prepared``); a filtered part's is a view.
summary, mixed, (options, counts, default_category) = app_data.corpus_view("toll_summary") \
    if tables is app_data.corpus_tables() else app_data.view(
        "toll_summary", lambda t: toll_summary(t, inputs=app_data.corpus_view("toll_event_inputs"),
                                               base=app_data.whole_view(SUMMARY_BASE, summary_base),
                                               kept=app_data.kept_articles(t)))
if mixed:  # one warning; the event-date notes of a mixed corpus fold away
    st.warning(mixed[0], icon=":material/call_split:")
    if mixed[1:]:
        with st.expander(f"{len(mixed) - 1} more note{'s' if len(mixed) > 2 else ''} on events and their dates"):
            st.markdown("\n".join(f"- {esc(note)}" for note in mixed[1:]))

if timeline.empty:
    for line in summary_sections(summary, mixed, category="killed")[0]:
        st.markdown(esc(line))
    st.info(f"None of the {len(articles)} articles reports a death, injury, hospital or arrest figure, "
            "so there is nothing to plot.")
    st.stop()

if st.session_state.get(CATEGORY_KEY) not in options:
    st.session_state[CATEGORY_KEY] = default_category
category = st.radio("Figures", options, key=CATEGORY_KEY, horizontal=True,
                    format_func=lambda c: f"{CATEGORY_LABELS.get(c, c)} ({int(counts.get(c, 0))})")
label = CATEGORY_LABELS.get(category, category)



def _summary_markdown(t, c: str) -> tuple[str, int, str, str]:
    """The summary box's markdown for category ``c``, escaped once per filter state and category: the lines shown,
    how many event lines fold away and their markdown, and the other categories' lines ("" when none)."""
    general, mine, others = summary_sections(summary, mixed, category=c)
    shown, folded = fold_event_lines(general + mine)
    return ("\n".join(f"- {esc(line)}" for line in shown) or "No figures in this category.", len(folded),
            "\n".join(f"- {esc(line)}" for line in folded), "\n".join(f"- {esc(line)}" for line in others))


with st.container(border=True):
    shown, n_folded, folded, others = app_data.view("toll_summary_markdown", _summary_markdown, category)
    st.markdown(shown)
    if n_folded:
        with st.expander(f"{n_folded} more lines, one event each"):
            st.markdown(folded)
    if others:
        with st.expander("Other figures"):
            st.markdown(others)

periods = app_data.view("toll_periods", lambda t, c: event_periods(timeline, category=c), category)
period = 0
if len(periods) > 1:
    # Several events: let the user look at one event at a time (undated articles stay visible); many open on
    # the most covered one.
    opening = app_data.view("toll_opening_event", lambda t, c: opening_event(timeline, category=c), category)
    period = st.selectbox("Event", [0, *periods], key=PERIOD_KEY, index=[0, *periods].index(opening),
                          format_func=lambda g: periods.get(g, "All events"),
                          help=f"{len(periods)} events: the chart opens on the one with most articles."
                          if opening else None)


# The category's rows of the event, taken once for the follow-up toggle and the chart.
rows = app_data.view("toll_period_rows", lambda t, c, p: app_data.table_rows(
    t, "timeline", lambda frame: period_mask(frame, c, p)), category, period)
n_follow_up, follow_up_days = app_data.view(
    "toll_follow_up", lambda t, c, p: follow_up_span(rows, category=c), category, period)
show_follow_up = False
if n_follow_up:
    show_follow_up = st.toggle(f"Show the follow-up coverage on the time axis ({n_follow_up} article"
                               f"{'s' if n_follow_up != 1 else ''}, {follow_up_days})", key=FOLLOW_UP_KEY,
                               help="The chart opens on the main period of the event; later articles that "
                                    "restate its toll are drawn after it.")

# Colour: the source with up to 8 sources, else a group (outlet country or kind, the user's groups) shared
# with the comparison pages; the source stays in the hover.
groups = st.session_state.get(app_data.SOURCE_GROUPS, {})
by, grouping = page_parts.grouping_picker(key=BY_KEY, groups=groups,
                                          help="What the colours stand for: at most 8 groups and “other”.")


def _chart_view(t, c: str, p: int, later: bool, g: tuple):
    # in charts.toll_views, which also makes the first visit's when a corpus opens (app_data.views_ahead); a filtered
    # corpus's points are the whole corpus's kept ones (charts.toll_points: made once per corpus and category)
    filtered = t is not app_data.corpus_tables()
    base = app_data.whole_view(POINT_BASE.format(c), lambda whole: point_base(
        whole.timeline, category=c, articles=whole.articles)) if filtered else None
    return chart_view(t, c, p, later, g, groups=groups, rows=rows, base=base,  # rows of (c, p), as the view's args
                      kept=app_data.kept_articles(t) if filtered else None)


chart, chart_data, grid, labels = app_data.view("toll_chart", _chart_view, category, period, show_follow_up,
                                                grouping)
points, band, figure = chart.points, chart.band, chart.figure
if points.empty:
    st.info(f"No article reports a figure for “{label.lower()}”. Pick another category above.")
    st.stop()
# Which figure each (trace, point) stands for, so a click finds its figure even without customdata.
st.session_state[TRACE_IDS_KEY] = chart.trace_ids


def _select_clicked_point() -> None:
    selection = st.session_state[CHART_KEY].selection
    trace_ids = st.session_state.get(TRACE_IDS_KEY, [])
    for point in selection.get("points", []):
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)) and custom:
            st.session_state[POINT_KEY] = custom[0]
            return
        curve, index = point.get("curve_number"), point.get("point_index")
        if curve is not None and index is not None and curve < len(trace_ids) and index < len(trace_ids[curve]):
            st.session_state[POINT_KEY] = trace_ids[curve][index]
            return


st.plotly_chart(figure, key=CHART_KEY, on_select=_select_clicked_point, selection_mode="points",
                config={"displaylogo": False, "scrollZoom": False}, width="stretch")
if chart.n_markers < len(points):
    st.caption(f"{len(points):,} reports drawn as {chart.n_markers:,} markers: reports "
               + ("a few pixels apart" if chart.by_cell else "of the same day and figure")
               + " with the same colour, shape and status share one; hover for how many, click to list them. "
               + (("Filter the sources or dates in the sidebar" if period or len(periods) <= 1 else
                   "Pick one event above, or filter the sources or dates in the sidebar,")
                  + " to see each report on its own." if chart.by_cell else ""))

cols = st.columns(2)
# The CSVs are written when a button is pressed (a callable), not on every first visit.
cols[0].download_button("Chart data (CSV)", lambda frame=chart_data: frame.to_csv(index=False),
                        file_name=f"toll_{category}.csv", mime="text/csv", icon=":material/download:")
cols[1].download_button("Disagreement band (CSV)", lambda frame=band: frame.to_csv(index=False),
                        file_name=f"toll_{category}_band.csv", mime="text/csv", icon=":material/download:",
                        disabled=band.empty)

st.subheader("Evidence for a point")
if st.session_state.get(POINT_KEY) not in labels:
    st.session_state[POINT_KEY] = points["point_id"].iloc[0]
choices = list(labels)
# The reports drawn as one marker with the point picked (a click picks a marker's first report) come first.
same_marker = chart.reports_of(st.session_state[POINT_KEY])
if len(same_marker) > 1:
    in_marker = set(same_marker)  # made once, not once per choice (thousands at 10,000 articles)
    choices = same_marker + [c for c in choices if c not in in_marker]
choices = page_parts.capped_choices(choices, st.session_state[POINT_KEY], MAX_POINT_CHOICES)
chosen = st.selectbox("Figure", choices, key=POINT_KEY, format_func=labels.get,
                      help="Clicking a point in the chart selects it here too."
                      + (f" The list shows {MAX_POINT_CHOICES} of {len(labels):,} points." if len(labels) >
                         MAX_POINT_CHOICES else ""))


def _highlighted(figure_ids: list[str], fallback: str, parts: dict[str, tuple[str, str, str]]) -> str:
    """The evidence sentence, escaped, with the numbers of ``figure_ids`` (all in that sentence) marked;
    ``parts``: ``evidence_parts_of`` those figures (from their own articles' rows, a far shorter scan)."""
    segments = marked_parts(parts, figure_ids)
    if not segments:
        return esc(fallback) if fallback else "_No evidence sentence recorded._"
    return app_data.segments_markdown(segments, set(figure_ids))


def _evidence_view(t, c: str, p: int, later: bool, g: tuple, point_id: str) -> tuple[dict, list[str], str, list[str]]:
    """The chosen point (a dict), its facts, the quote and the whole article's paragraphs, marked: kept per
    point, so a rerun that changes nothing else scans no figures, sentences or articles again."""
    point = points.loc[points["point_id"] == point_id].iloc[0].to_dict()  # this chart's points (the args above)
    rows = chart_data[chart_data["figure_id"] == point["figure_id"]]
    row = rows.iloc[0] if not rows.empty else None
    facts = point_facts(row, category=c) if row is not None else []
    sentence = row["sentence"] if row is not None else ""
    # The quote and the article read one article's rows of the whole corpus and nothing a filter changes: kept by
    # what they read, so another date range showing the same point reads them again.
    return (point, facts, *app_data.corpus_kept("toll_evidence", (point["article_id"], point["figure_id"], sentence),
                                                lambda: _article_evidence(point["article_id"], point["figure_id"],
                                                                          sentence)))


def _article_evidence(article_id: str, figure_id: str, sentence: str) -> tuple[str, list[str]]:
    """The quote of figure ``figure_id`` (``sentence`` when its words are not found) and its whole article's
    paragraphs, marked; from the whole corpus (the same rows: a filter keeps or drops whole articles), so a filtered
    part's figures and sentences need not be narrowed for them."""
    whole = app_data.corpus_tables()
    figures = app_data.whole_rows_about("figures", [article_id])
    sentences = app_data.whole_rows_about("sentences", [article_id])
    quote = "> " + _highlighted([figure_id], sentence, evidence_parts_of(figures, sentences, [figure_id]))
    text = whole.articles.loc[whole.articles["article_id"] == article_id, "text"].iloc[0]
    return quote, app_data.marked_article(text, figure_spans(figures, article_id), figure_id)


point, facts, quote, paragraphs = app_data.view("toll_evidence", _evidence_view, category, period, show_follow_up,
                                                grouping, chosen)
with st.container(border=True):
    st.markdown(f"**{esc(point['source'])}** — {esc(point['title'])}")
    st.markdown("  \n".join(esc(fact) for fact in facts))
    st.markdown(quote)
    if len(same_marker) > 1:
        st.caption(f"This point's marker stands for {len(same_marker):,} reports; they come first in the "
                   "Figure list above.")
        with st.expander(f"The {len(same_marker):,} reports of this marker"):
            st.dataframe(pd.DataFrame({"report": [labels[p] for p in same_marker]}), hide_index=True,
                         width="stretch")

    page_parts.open_in_reader_button(point["article_id"], point["figure_id"])
    with st.expander("Whole article, figures marked"):
        for paragraph in paragraphs:
            st.markdown(paragraph)


def _category_pairs(t, c: str) -> pd.DataFrame:
    # a filtered part's pairs from the whole corpus's, by its articles: its contradictions are not narrowed first
    whole = app_data.corpus_tables()
    if t is whole:
        return category_pairs(t.contradictions, c)
    positions = app_data.whole_view("toll_pair_articles", lambda w: article_rows(w, "contradictions"))
    return kept_category_pairs(whole.contradictions, positions, app_data.kept_articles(t), c)


def _pairs_shown(t, c: str) -> list[tuple[dict, bool, list[tuple[str, str]]]]:
    """The first ``MAX_PAIRS_SHOWN`` pairs of category ``c``: (pair, same sentence, [(caption, quote)] per side);
    kept by the pairs' own values, so another date range that shows the same pairs first reads nothing again."""
    pairs = app_data.view("toll_pairs", _category_pairs, c).head(MAX_PAIRS_SHOWN)  # the table's rows, taken once
    return app_data.corpus_kept("toll_pairs_shown", tuple(pairs.itertuples(index=False, name=None)),
                                lambda: _pair_cards(pairs))


def _pair_cards(pairs: pd.DataFrame) -> list[tuple[dict, bool, list[tuple[str, str]]]]:
    """``_pairs_shown`` of these pairs."""
    shown = []
    # Their own articles' rows, from the whole corpus as for a point's evidence: short scans.
    ids = set(pairs["article_id_a"]) | set(pairs["article_id_b"])
    figures, sentences = app_data.whole_rows_about("figures", ids), app_data.whole_rows_about("sentences", ids)
    parts = evidence_parts_of(figures, sentences, [*pairs["figure_id_a"], *pairs["figure_id_b"]])
    for pair in pairs.to_dict("records"):
        same_sentence = pair["kind"] == "revision" and pair["sentence_a"] == pair["sentence_b"]
        names = [("a", "Before" if pair["kind"] == "revision" else "First")]
        if not same_sentence:
            names.append(("b", "After" if pair["kind"] == "revision" else "Second"))
        marked = [pair["figure_id_a"], pair["figure_id_b"]] if same_sentence else None
        sides = []
        for side, heading in names:
            when = pair[f"published_{side}"]
            when = "undated" if pd.isna(when) else f"{when:%Y-%m-%d}"
            value = figure_label(pair[f"value_{side}"], pair[f"qualifier_{side}"])
            sides.append((f"{heading}: {esc(pair[f'source_{side}'])} · {when} · {esc(value)}",
                          "> " + _highlighted(marked or [pair[f"figure_id_{side}"]], pair[f"sentence_{side}"], parts)))
        shown.append((pair, same_sentence, sides))
    return shown


st.header("Where sources disagree")
st.markdown(f"**{esc(label)} reported, by source and day**")
if "day" in grid.columns:
    st.caption(f"{grid['source'].nunique():,} sources on {grid['day'].nunique():,} days: one row per source and day.")
st.dataframe(grid, width="stretch", hide_index="day" in grid.columns)
if not band.empty:
    st.markdown("**Highest and most conservative total, by reporting day**")
    st.caption("Highest: the largest total reported that day or earlier. Most conservative: the smallest total "
               "reported that day (ACLED's rule: when reports differ, use the conservative figure and note the "
               "dispute). Spread: the gap between them, shaded on the chart.")
    st.dataframe(band.drop(columns=["highest_article_id", "conservative_article_id"]), hide_index=True,
                 width="stretch", column_config={
                     "event_group": st.column_config.NumberColumn("Event", help="Probable event (its main period and "
                                                                  "follow-up coverage)"),
                     "date": st.column_config.DateColumn("Day", format="YYYY-MM-DD"),
                     "highest": st.column_config.NumberColumn("Highest so far"),
                     "conservative": st.column_config.NumberColumn("Most conservative"),
                     "spread": st.column_config.NumberColumn("Spread"),
                     "n_reports": st.column_config.NumberColumn("Reports"),
                     "n_sources": st.column_config.NumberColumn("Sources")})

pairs = app_data.view("toll_pairs", _category_pairs, category)
if pairs.empty:
    st.success(f"No contradictions or revisions found for {label.lower()}.")
else:
    st.markdown(f"**{len(pairs):,} conflicting pair{'s' if len(pairs) != 1 else ''} or revision"
                f"{'s' if len(pairs) != 1 else ''}**")
    for pair, same_sentence, sides in app_data.view("toll_pairs_shown", _pairs_shown, category):
        with st.container(border=True):
            st.markdown(f"**{KIND_LABELS.get(pair['kind'], pair['kind'])}:** {esc(pair['why'])}")
            for column, (caption, quote) in zip(st.columns(len(sides)), sides):
                column.caption(caption)
                column.markdown(quote)
            if same_sentence:
                st.caption("Both figures come from this one sentence.")
    if len(pairs) > MAX_PAIRS_SHOWN:
        st.caption(f"Showing the first {MAX_PAIRS_SHOWN}; all {len(pairs):,} are in the table below, with their "
                   "sentences.")
    with st.expander("All pairs as a table"):
        if len(pairs) > MAX_PAIR_ROWS:
            st.caption(f"The first {MAX_PAIR_ROWS:,} of {len(pairs):,}; the CSV has them all.")
        st.dataframe(pairs.head(MAX_PAIR_ROWS), hide_index=True, width="stretch")
        st.download_button("Contradictions (CSV)", lambda frame=pairs: frame.to_csv(index=False),
                           file_name=f"contradictions_{category}.csv", mime="text/csv", icon=":material/download:")
