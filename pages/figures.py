"""Figures: the ledger of every count the articles report, each traceable to its sentence."""

import pandas as pd
import streamlit as st

import app_data
import page_parts
from analysis.figures.labels import figure_label
from analysis.figures.ledger import (figure_in_sentence, ledger_mask, ledger_of_article, ledger_rows_by_article,
                                     ledger_table)
from analysis.figures.victims import people_of_articles
from analysis.views import figure_ledger
from analysis.views.figure_codes import (KeptLabels, choices_of, figure_codes, kept_figures, ledger_articles,
                                         without_unused_categories)
from analysis.views.mentions import kept
from analysis.views.prepared import kept_rows

app_data.route_through_dashboard(__file__)

SELECTED = "figures_selected_id"  # figure_id shown in the detail panel
PERSON = "figures_selected_person"  # person_id shown under the people table
#: The evidence box lists this many figures (and the one picked); a row of the table picks any.
MAX_FIGURE_CHOICES = 300
esc = app_data.escape_markdown
TEXT_COLUMNS = figure_ledger.TEXT_COLUMNS

tables = app_data.current_tables()
articles = tables.articles
# The filtered figures as a mask over the whole corpus's, through codes made once per corpus: counted and their
# pickers' values listed without narrowing and merging 95,000 figures at 10,000 articles.
figure_index = app_data.whole_view("figure_codes", figure_codes)
article_keep = app_data.view("figures_articles_kept", lambda t: kept_rows(app_data.corpus_tables().articles,
                                                                         t.articles))
figure_kept = app_data.view("figures_kept", lambda t: kept_figures(figure_index, article_keep))
n_figures = int(figure_kept.sum())

st.title("Figures")
st.caption("Every number the articles report about people killed, injured, in hospital, missing, arrested, "
           "attacking or evacuated, with its qualifier and the sentence it comes from. Vague words follow ACLED: "
           "“dozens” counts as at least 12. Select a row to see the sentence and the article's other figures.")

if not n_figures:
    st.info("No figures in the articles that match the sidebar filters.")
    st.stop()

# The pickers' choices, and below the ledger: computed once per corpus, filters and choice, not on every rerun.
choices = app_data.view("figures_choices", lambda t: choices_of(figure_index, figure_kept) or {
    column: sorted(values.unique()) for column, values in t.figures.merge(t.articles[["article_id", "source"]],
                                                                          on="article_id", how="left")
    [["category", "status", "scope", "source"]].items()})
columns = st.columns(4)
categories = columns[0].multiselect("Category", choices["category"], key="figures_category",
                                    placeholder="All categories")
statuses = columns[1].multiselect("Status", choices["status"], key="figures_status",
                                  placeholder="All", help="current: the article's present count; superseded: an "
                                  "earlier count it revises; projected: a forecast; background: another event")
scopes = columns[2].multiselect("Scope", choices["scope"], key="figures_scope",
                                placeholder="All", help="total: the whole event; partial: a subset "
                                "(“including three children”, “28 bodies in a restroom”)")
sources = columns[3].multiselect("Source", choices["source"], key="figures_source",
                                 placeholder="All sources")



# The whole corpus's ledger, merged, sorted and made categorical once per session and corpus: a filter or a
# picker takes its rows (``ledger_part``) instead of sorting 95,000 figures again at 10,000 articles.
# Its figure ids and their labels in the evidence box ("killed: at least 12 — Wire"), as arrays a filter takes from.
whole_ledger, whole_shown, whole_sent, whole_ids, whole_labels = app_data.whole_view("figures_ledger_all",
                                                                                     figure_ledger.whole_ledger)


def _ledger_view(t, *chosen) -> tuple:
    """The ledger for the pickers' choice, with what each rerun reads from it made once: its number of rows, the
    table as shown, its figure ids and each figure's label for the evidence box. The table goes as the Arrow table
    st.dataframe would make of it (``page_parts.sent_table``); the ledger's own rows are never copied (the page
    counts them only: a copy of 95,000 rows with their sentences was a third of a new date range's view)."""
    picks = dict(zip(("categories", "statuses", "scopes", "sources"), chosen))
    keep = ledger_mask(whole_ledger, **picks)
    if t is not app_data.corpus_tables():  # the filtered articles' rows, by their article positions found once
        keep &= kept(app_data.whole_view("figures_ledger_articles",
                                         lambda w: ledger_articles(whole_ledger, w.articles)), article_keep)
    ids = whole_ids[keep].tolist()
    if keep.all():  # nothing filtered out: the whole's own tables (never changed)
        return len(whole_ledger), whole_sent, ids, dict(zip(ids, whole_labels.tolist()))
    elif keep.any():
        # The categories of the rows kept, in the whole's (sorted) order: as ``astype("category")`` of these rows.
        shown = without_unused_categories(whole_shown[keep].reset_index(drop=True), TEXT_COLUMNS)
    else:  # nothing kept: ledger_table's own empty table (its column types), at no cost
        shown = figure_ledger.shown_ledger(ledger_table(t.figures, t.articles, **picks))
    # each kept figure's label, looked up when the evidence box asks (a dict of 85,000 labels took 16 ms)
    at = app_data.whole_view("figures_ledger_at", lambda w: dict(zip(whole_ids.tolist(), range(len(whole_ids)))))
    return int(keep.sum()), page_parts.sent_table(shown), ids, KeptLabels(whole_ids, whole_labels, at, keep)


n_shown, shown, ledger_ids, labels = app_data.view("figures_ledger", _ledger_view, tuple(categories),
                                                  tuple(statuses), tuple(scopes), tuple(sources))


def _choose(figure_id: str) -> None:
    st.session_state[SELECTED] = figure_id


st.caption(f"{n_shown:,} of {n_figures:,} figures")
start, stop = page_parts.table_block(n_shown, key="figures_ledger_block", what="figures")
block_ids = ledger_ids[start:stop]
page_parts.row_picking_table(
    page_parts.table_rows(shown, start, stop),
    key=f"figures_ledger_{start}",  # a block's own selection: row numbers are the block's
    ids=block_ids,
    on_pick=_choose,
    column_config={
        "source": st.column_config.TextColumn("Source"),
        "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
        "title": st.column_config.TextColumn("Article", width="medium"),
        "category": st.column_config.TextColumn("Category"),
        "figure": st.column_config.TextColumn("Figure"),
        "status": st.column_config.TextColumn("Status"),
        "scope": st.column_config.TextColumn("Scope"),
        "may_rise": st.column_config.CheckboxColumn("May rise"),
        "vague": st.column_config.CheckboxColumn("Vague", help="A word such as “dozens”: at least 12, after ACLED"),
        "attributed_to": st.column_config.TextColumn("According to"),
        "sentence": st.column_config.TextColumn("Sentence", width="large"),
    },
)

if not n_shown:
    st.info("No figure matches these filters.")
    st.stop()
st.download_button(f"All {n_shown:,} rows (CSV)", lambda table=shown: table.to_pandas().to_csv(index=False),
                   file_name="figures_ledger.csv", mime="text/csv", icon=":material/download:")

# The detail panel follows SELECTED (set by a row selection, or by this box).
if st.session_state.get(SELECTED) not in labels:
    st.session_state[SELECTED] = block_ids[0]
st.session_state["figures_choice"] = st.session_state[SELECTED]


def _remember_choice() -> None:
    st.session_state[SELECTED] = st.session_state["figures_choice"]


st.subheader("Evidence")
# A list nobody scrolls (and that Streamlit sends whole on every run): the table's first figures and the one picked.
choices = page_parts.capped_choices(block_ids, st.session_state[SELECTED], MAX_FIGURE_CHOICES)
st.selectbox("Figure", choices, format_func=labels.get, key="figures_choice", on_change=_remember_choice,
             help=f"Lists the first {MAX_FIGURE_CHOICES:,} figures of the rows shown above and the one picked; select "
                  "a row in the table to pick any." if len(block_ids) > MAX_FIGURE_CHOICES else None)
# The figure's row by a lookup made once per session, not a comparison of all 99,000 ids per run (the filtered
# table's rows are the whole one's).
figure_at = app_data.whole_view("figures_positions", figure_ledger.figure_positions)
chosen = app_data.corpus_tables().figures.iloc[figure_at[st.session_state[SELECTED]]]
figure = {"figure_id": st.session_state[SELECTED], **chosen.drop("figure_id").to_dict()}
article = articles[articles["article_id"] == figure["article_id"]].iloc[0]

# The figure's sentence is among its article's, looked up through the whole corpus's index by article, with only
# the columns the lookup reads: neither a filter change's narrowing nor a scan of all 211k sentences for one row.
before, number, after = figure_in_sentence(figure, app_data.whole_rows_about(
    "sentences", [figure["article_id"]], columns=["article_id", "idx", "start"]))
st.markdown("> " + esc(before) + (f"**{esc(number)}**" if number else "") + esc(after))
value = figure_label(figure["value"], figure["qualifier"], low=figure["low"], high=figure["high"],
                     may_rise=figure["may_rise"])
facts = [f"{figure['category']}: {value}", f"status: {figure['status']}", f"scope: {figure['scope']}"]
if bool(figure["vague"]):
    facts.append("vague quantity (ACLED floor)")
if figure["attributed_to"]:
    facts.append(f"according to {figure['attributed_to']}")
st.markdown(" · ".join(esc(fact) for fact in facts))
published = f"{article['published']:%Y-%m-%d}" if pd.notna(article["published"]) else "undated"
st.markdown(f"**{esc(article['title'])}**  \n{esc(article['source'])} · {esc(published)}")

page_parts.open_in_reader_button(figure["article_id"], figure["figure_id"])

# The article's rows of the whole ledger: as ledger_table of its figures, by positions found once per session,
# not a merge and sort nor a comparison of every row a run.
ledger_rows = app_data.whole_view("figures_ledger_rows", lambda t: ledger_rows_by_article(whole_ledger))
others = ledger_of_article(whole_ledger, figure["article_id"], rows=ledger_rows)
st.caption(f"All {len(others)} figures of this article")
st.dataframe(others[["category", "figure", "status", "scope", "attributed_to", "sentence"]], hide_index=True,
             width="stretch", key="figures_article_others",
             column_config={"attributed_to": st.column_config.TextColumn("According to"),
                            "sentence": st.column_config.TextColumn("Sentence", width="large")})


st.subheader("People")
st.caption("The people the articles say were killed, injured or shot, one row per person, read from the sentences "
           "that name them (“a 19-year-old man was shot and killed”). Where an article gives no number, these "
           "counts are its headline figures. Select a row to see the sentence.")
# The whole corpus's people table once per session, a filter change taking its rows (as people_table, tested).
whole_people = app_data.whole_view("figures_people_all", figure_ledger.whole_people)
# With what each run reads from it made once: the shown table as Arrow, the ids as a list, each id's row.
people, people_sent, people_ids, person_at = app_data.view("figures_people", lambda t: (
    found := whole_people if t is app_data.corpus_tables() else people_of_articles(whole_people, t.articles["article_id"]),
    page_parts.sent_table(found[["source", "title", "person", "name", "age", "outcome", "role", "sentence"]]),
    ids := found["person_id"].tolist(), {person_id: at for at, person_id in enumerate(ids)}))
if people.empty:
    st.info("No people named as harmed in these articles.")
    st.stop()


def _choose_person(person_id: str) -> None:
    st.session_state[PERSON] = person_id


start, stop = page_parts.table_block(len(people_ids), key="figures_people_block", what="people")
page_parts.row_picking_table(
    page_parts.table_rows(people_sent, start, stop),
    key=f"figures_people_{start}",  # a block's own selection: row numbers are the block's
    ids=people_ids[start:stop],
    on_pick=_choose_person,
    column_config={
        **{column: st.column_config.TextColumn(column.capitalize()) for column in ("source", "person", "name", "role")},
        "title": st.column_config.TextColumn("Article", width="medium"),
        "age": st.column_config.NumberColumn("Age"),
        "outcome": st.column_config.TextColumn("Outcome", help="killed, injured, or unknown (not said to be harmed: "
                                               "a shooter named as such)"),
        "sentence": st.column_config.TextColumn("Sentence", width="large"),
    },
)
if st.session_state.get(PERSON) not in person_at:
    st.session_state[PERSON] = people_ids[start]
person = people.iloc[person_at[st.session_state[PERSON]]]
st.markdown("> " + esc(person["before"]) + (f"**{esc(person['words'])}**" if person["words"] else "")
            + esc(person["after"]))
st.markdown(f"**{esc(person['title'])}**  \n{esc(person['source'])} · {esc(person['outcome'])} · {esc(person['role'])}")
