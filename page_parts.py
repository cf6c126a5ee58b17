"""View pieces several pages share: the evidence table, reading back a table's or chart's selection, a table whose
rows pick an id, and the button to the reader.

Streamlit only: no data access (that is ``app_data``) and no analysis (that is ``analysis/``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

import app_data
from analysis.views.groups import GROUPINGS, OTHER, THIN_COUNT, TOP, default_grouping, grouping_key, grouping_options, \
    opening_grouping


def show_sentences(found: pd.DataFrame, heading: str, *, limit: int, columns: Sequence[str] | None = None,
                   column_config: dict | None = None, total: int | None = None) -> None:
    """Evidence: ``heading`` with the number of sentences, then the first ``limit`` as plain (escaped) table cells.

    Args:
        found: the sentences behind a number, one row each; all of them are counted.
        heading: what was selected (escaped here).
        limit: how many rows to show at most.
        columns: the columns to show, in order; by default all but ``article_id``.
        column_config: passed to ``st.dataframe``.
        total: how many sentences there are when ``found`` holds only the first ``limit`` or more of them
            (default: ``len(found)``).
    """
    total = len(found) if total is None else total
    st.markdown(f"**{app_data.escape_markdown(heading)}** — {total} sentence{'s' if total != 1 else ''}")
    if found.empty:
        st.caption("No sentences.")
        return
    shown = found[list(columns)] if columns is not None else found.drop(columns=["article_id"])
    st.dataframe(shown.head(limit), hide_index=True, width="stretch", column_config=column_config)
    if total > limit:
        st.caption(f"Showing the first {limit}.")


def selection(key: str) -> dict:
    """The selection of the table or chart ``key`` (empty when nothing is selected)."""
    state = st.session_state.get(key)
    return dict(state.get("selection") or {}) if hasattr(state, "get") else {}


def selected_rows(key: str) -> list[int]:
    """Row positions selected in the table ``key``."""
    return list(selection(key).get("rows", []))


def selected_cell(key: str, frame: pd.DataFrame) -> tuple[int, str] | None:
    """(row position, column name) of the cell selected in the table ``key``, if it is still in ``frame``."""
    cells = selection(key).get("cells", [])
    if not cells:
        return None
    row, column = cells[0]
    return (row, column) if row < len(frame) and column in frame.columns else None


def picked_points(event) -> list:
    """customdata of the points selected in a chart event (points without customdata left out)."""
    points = (event.get("selection") or {}).get("points", []) if hasattr(event, "get") else []
    return [p["customdata"] for p in points if isinstance(p.get("customdata"), (list, tuple))]


def sent_table(frame: pd.DataFrame) -> pa.Table:
    """``frame`` as the Arrow table ``st.dataframe`` makes of it on every call (``pa.Table.from_pandas``, its
    index as schema metadata): converted once and kept in a view, a large table's rerun only writes it out
    (0.04 s of each rerun for the Figures ledger's 99,000 rows). The bytes sent are the same."""
    return pa.Table.from_pandas(frame)


#: What a table shows where the article gave nothing (an undated article's date, a person's unstated age): a dash
#: rather than Streamlit's "None", which reads as a value.
NOT_GIVEN = "–"


def row_picking_table(table: pd.DataFrame | pa.Table, *, key: str, ids: Sequence[str], on_pick: Callable[[str], None],
                      column_config: dict) -> None:
    """``table`` with single-row selection: selecting a row calls ``on_pick`` with that row's entry of ``ids``.

    The ids wait in session state under ``{key}_ids``: the callback runs at the start of the next run, before
    the page has built its table again.
    """
    ids_key = f"{key}_ids"
    st.session_state[ids_key] = list(ids)

    def picked() -> None:
        rows = st.session_state[key].selection.rows
        if rows:
            on_pick(st.session_state[ids_key][rows[0]])

    st.dataframe(table, key=key, on_select=picked, selection_mode="single-row", hide_index=True, width="stretch",
                 column_config=column_config, placeholder=NOT_GIVEN)


#: Rows of a large table sent at once: st.dataframe sends its whole table on a page's first visit (the Figures
#: ledger at 10,000 articles: 95,000 rows, 11.5 MB), and nobody scrolls through that many rows.
TABLE_BLOCK = 5_000


def table_block(n_rows: int, *, key: str, what: str) -> tuple[int, int]:
    """The (start, stop) rows of a table of ``n_rows`` to show: all of them up to ``TABLE_BLOCK``, else the block
    picked in a selectbox ("5,001-10,000 of 95,123"), the first block at first."""
    block = TABLE_BLOCK
    if n_rows <= block:
        return 0, n_rows
    starts = list(range(0, n_rows, block))
    start = st.selectbox(f"Rows shown ({n_rows:,} {what}, {block:,} at a time)", starts, key=key,
                         format_func=lambda at: f"{at + 1:,}-{min(at + block, n_rows):,} of {n_rows:,}",
                         help=f"The table shows {block:,} rows at a time: pick another block here, narrow the "
                              "table with the pickers above, or download all its rows as CSV below it.")
    return start, min(start + block, n_rows)


def table_rows(table: pa.Table, start: int, stop: int) -> pa.Table:
    """Rows ``start:stop`` of ``table``, its dictionary (category) columns holding only the values those rows use,
    in the same order: a slice keeps the whole dictionary, and st.dataframe would send every distinct sentence of
    the whole table with a block of it."""
    if start == 0 and stop == table.num_rows:
        return table
    part = table.slice(start, stop - start)
    columns = []
    for column in part.columns:
        if pa.types.is_dictionary(column.type):
            column = _used_values_only(column.combine_chunks())
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=part.schema)


def table_in_blocks(frame: pd.DataFrame, *, key: str, what: str, file_name: str, **dataframe_args) -> None:
    """``frame`` (a table nobody picks rows in, e.g. a load report) shown ``TABLE_BLOCK`` rows at a time under a
    block picker (``table_block``), with all its rows as a CSV download: a 10,000-input load report was 1.6 MB
    sent on every visit."""
    start, stop = table_block(len(frame), key=f"{key}_block", what=what)
    st.dataframe(frame.iloc[start:stop], hide_index=True, width="stretch", **dataframe_args)
    st.download_button(f"All {len(frame):,} rows (CSV)", lambda: frame.to_csv(index=False), file_name=file_name,
                       mime="text/csv", icon=":material/download:", key=f"{key}_csv")


def _used_values_only(array: pa.DictionaryArray) -> pa.DictionaryArray:
    codes = array.indices.fill_null(0).to_numpy(zero_copy_only=False)
    missing = array.is_null().to_numpy(zero_copy_only=False)
    used = np.unique(codes[~missing])
    renumbered = np.zeros(len(array.dictionary), dtype=codes.dtype)
    renumbered[used] = np.arange(len(used), dtype=codes.dtype)
    indices = pa.array(renumbered[codes], type=array.indices.type, mask=missing)
    return pa.DictionaryArray.from_arrays(indices, array.dictionary.take(pa.array(used)),
                                          ordered=array.type.ordered)


def open_in_reader_button(article_id: str, figure_id: str) -> None:
    """A button that opens the article on the Overview page's reader with the figure highlighted."""
    if st.button("Open in the reader", icon=":material/menu_book:",
                 help="Opens this article on the Overview page with the figure highlighted."):
        st.session_state[app_data.READER_ARTICLE] = article_id
        st.session_state[app_data.READER_HIGHLIGHT] = figure_id
        st.switch_page(app_data.APP_DIR / "pages" / "overview.py")


#: The grouping the user last chose on any comparison page (``analysis.views.groups.GROUPINGS``); absent: the
#: page's default for the corpus. Kept apart from the widgets' own keys, which Streamlit drops on a page switch.
COMPARE_BY = app_data.COMPARE_BY


def _remember_grouping(key: str) -> None:
    st.session_state[COMPARE_BY] = st.session_state[key]


#: What the "Compare by" choice does, for its help text.
COMPARE_BY_HELP = (f"With many sources, compare their outlets' countries or kinds: at most {TOP} groups by name, "
                   f"the rest as “{OTHER}”.")


def grouping_picker(*, key: str, groups: Mapping[str, str], help: str = COMPARE_BY_HELP) -> tuple[str, tuple]:
    """A "Compare by" radio (source, outlet country, outlet kind, and "your groups" once ``groups`` names one)
    shared by the comparison pages: a choice made on one page holds on the others; until the user chooses,
    the corpus's ``default_grouping``.

    Args:
        key: this page's widget key.
        groups: the session's ``{source: group name}``.

    Returns:
        ``(by, grouping)``: the key of ``analysis.views.groups.GROUPINGS`` chosen, and the small hashable value
        that shapes a view under it (``by``, plus the user's groups when they are the choice).
    """
    options = grouping_options(has_user_groups=any(groups.values()))
    default = app_data.view(f"{key}_default", lambda t: default_grouping(t.articles))
    st.session_state[key] = opening_grouping(st.session_state.get(COMPARE_BY), default, groups=groups)
    by = st.radio("Compare by", list(options), key=key, horizontal=True, on_change=_remember_grouping,
                  args=(key,), format_func=lambda by: GROUPINGS[by][1], help=help)
    return by, grouping_key(by, groups)


#: The Tone page's article picker and the Tone and Framing entity pickers list at most this many (most named entities
#: first): at 10,000 articles all the articles' labels (0.85 MB) and 8.5k or 19k names were sent on every run.
MAX_ARTICLE_CHOICES, MAX_ENTITY_CHOICES = 500, 1000


def capped_choices(ids: list, picked, cap: int) -> list:
    """The first ``cap`` of ``ids`` for a picker, and ``picked`` after them when it is not among them (chosen
    elsewhere, e.g. a table row): a selectbox sends every option on every run, and nobody scrolls thousands."""
    first = list(ids[:cap])
    return first if picked in set(first) else [*first, picked]


def capped_many(ids: list, picked: list, cap: int) -> list:
    """``capped_choices`` for a multiselect: the first ``cap`` of ``ids``, then those of ``picked`` (all among ``ids``)
    that are not among them, in the order of ``ids``."""
    if len(ids) <= cap:
        return list(ids)
    first = list(ids[:cap])
    shown = set(first)
    rest = set(picked) - shown
    return first + [i for i in ids[cap:] if i in rest] if rest else first


def capped_help(shown: int, total: int, what: str) -> str | None:
    """A picker's help when ``capped_choices`` or ``capped_many`` left some out, else None."""
    return f"The list holds the first {shown:,} of {total:,} {what}." if total > shown else None


def entity_picker(names: list[str], *, key: str, format_func: Callable = str) -> list[str]:
    """The multiselect "Entities" of ``names`` (most named first) under ``key``: the first ``MAX_ENTITY_CHOICES`` and
    every one picked (``st.session_state[key]``, all among ``names``)."""
    return st.multiselect("Entities", capped_many(names, st.session_state.get(key, []), MAX_ENTITY_CHOICES), key=key,
                          format_func=format_func,
                          help=capped_help(MAX_ENTITY_CHOICES, len(names), "entities, most named first"))


#: How a page's section tabs (and expanders shut until opened) answer a click: "rerun" runs the open tab's section
#: only, so only its charts are sent and drawn. Tests that compare a page with how it was set "ignore": every
#: section runs, in order, as before.
SECTION_TABS = "rerun"


def shut_until_opened(label: str, *, key: str, **expander_args):
    """An expander whose content is built and sent only once it is open (``SECTION_TABS`` "rerun"; with "ignore"
    ``open`` is None and the content is built as in an ordinary expander). Use as
    ``if (box := shut_until_opened(...)).open is not False: with box: ...``."""
    return st.expander(label, key=key, on_change=SECTION_TABS, **expander_args)


def section_tabs(sections: Mapping[str, Callable[[], None]], *, key: str) -> None:
    """Each of ``sections`` (tab label: the function that draws the section) in a tab of its own, the first open;
    only the open one runs (``SECTION_TABS``): a click on another tab reruns the page with that one."""
    for tab, draw in zip(st.tabs(list(sections), key=key, on_change=SECTION_TABS), sections.values()):
        with tab:
            if tab.open is not False:  # None: every tab runs
                draw()


def thin_note(thin: Sequence[str], *, unit: str) -> None:
    """Say which sides a heatmap draws grey (``thin_sides``) and why, when any."""
    if thin:
        st.caption(f"Grey: {app_data.escape_markdown(', '.join(map(str, thin)))} — fewer than {THIN_COUNT} {unit} each, under a tenth "
                   f"of the largest side's: too few for a share to compare, so they are left off the colour scale "
                   f"(the values are in the table).")
