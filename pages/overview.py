"""Overview: the corpus at a glance, the article table and the reader."""

import pandas as pd
import streamlit as st

import app_data
import page_parts
from analysis.views.overview import article_table, corpus_summary, figure_spans, headline_lines, reader_labels

app_data.route_through_dashboard(__file__)

tables = app_data.current_tables()
articles = tables.articles

st.title("Overview")
summary = corpus_summary(articles)
cols = st.columns(3)
cols[0].metric("Articles", f"{summary['articles']:,}")
cols[1].metric("Sources", f"{summary['sources']:,}")
cols[2].metric("Undated", f"{summary['undated']:,}", help="Articles with no publication date found in a date prefix, "
               "metadata, dateline, URL or column. They are kept, never given a guessed date.")
if summary["first_published"]:
    span = summary["first_published"] if summary["first_published"] == summary["last_published"] else (
        f"{summary['first_published']} to {summary['last_published']}")
    st.markdown(f"Published **{span}**" + (f"; {summary['undated']:,} undated" if summary["undated"] else ""))
else:
    st.markdown("No article has a publication date.")

if articles.empty:
    st.info("No articles match the filters in the sidebar.")
    st.stop()


def _open(article_id: str) -> None:
    st.session_state[app_data.READER_ARTICLE] = article_id
    st.session_state.pop(app_data.READER_HIGHLIGHT, None)


def _table_view(t) -> tuple:
    """The article table as the Arrow table st.dataframe sends, its rows' ids and the reader's labels."""
    shown = article_table(t.articles)
    # the three columns the labels read, in the table's order (not every column's copy, the text's too)
    labels = reader_labels(t.articles[["article_id", "source", "title"]].set_index("article_id")
                           .loc[shown["article_id"]].reset_index())
    return page_parts.sent_table(shown.drop(columns=["article_id"])), shown["article_id"].tolist(), labels


st.subheader("Articles")
st.caption("Select a row to read the article below. Headline figures are each article's current whole-event total.")
# built once per corpus and filters, not on every rerun
table, ids, labels = app_data.view("overview_table", _table_view)
start, stop = page_parts.table_block(len(ids), key="overview_articles_block", what="articles")
page_parts.row_picking_table(
    page_parts.table_rows(table, start, stop),
    key="overview_articles" if start == 0 else f"overview_articles_{start}",  # a block's own selection
    ids=ids[start:stop],
    on_pick=_open,
    column_config={
        "source": st.column_config.TextColumn("Source"),
        "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
        "date_method": st.column_config.TextColumn("Date from"),
        "n_words": st.column_config.NumberColumn("Words"),
        "title": st.column_config.TextColumn("Title"),
        "killed": st.column_config.TextColumn("Killed"),
        "injured": st.column_config.TextColumn("Injured"),
        "tone": st.column_config.NumberColumn("Tone", format="%.2f", help="TextBlob polarity, -1 to 1"),
    },
)
st.download_button(f"All {len(ids):,} articles (CSV)",
                   lambda table=table, ids=ids: table.to_pandas().assign(article_id=ids)[
                       ["article_id", *table.column_names]].to_csv(index=False),
                   file_name="articles.csv", mime="text/csv", icon=":material/download:")

st.subheader("Reader")
if st.session_state.get(app_data.READER_ARTICLE) not in labels:
    st.session_state[app_data.READER_ARTICLE] = ids[0]
# The first articles and the one being read: a selectbox sends every option on every run.
choices = page_parts.capped_choices(ids, st.session_state[app_data.READER_ARTICLE], page_parts.MAX_ARTICLE_CHOICES)
ids_by_label = {labels[aid]: aid for aid in choices}
# The reader follows READER_ARTICLE (set by the table, other pages and this box).
st.session_state["reader_choice"] = labels[st.session_state[app_data.READER_ARTICLE]]


def _remember_choice(ids: dict) -> None:
    # the run's labels passed along, not read from the page's globals: an ended run's data is emptied
    # (app_data._release_earlier_runs)
    st.session_state[app_data.READER_ARTICLE] = ids[st.session_state["reader_choice"]]
    st.session_state.pop(app_data.READER_HIGHLIGHT, None)


st.selectbox("Article", list(ids_by_label), key="reader_choice", on_change=_remember_choice, args=(ids_by_label,),
             help=page_parts.capped_help(page_parts.MAX_ARTICLE_CHOICES, len(ids), "articles: pick a row of the "
                                         "table above for another"))
chosen = st.session_state[app_data.READER_ARTICLE]
article = articles[articles["article_id"] == chosen].iloc[0]

meta = {
    "Source": article["source"],
    "Also published as": article["sources"] if article["sources"] != article["source"] else "",
    "Published": f"{article['published']:%Y-%m-%d} (from {article['date_method']})" if pd.notna(article["published"])
    else "undated: no date found",
    "URL": article["url"],
    "Words": f"{article['n_words']:,}",
    **{f"{category} (headline)": label for category, label in headline_lines(article).items()},
    "Ingest notes": article["notes"],
}
st.dataframe(pd.DataFrame({"Field": list(meta), "Value": list(meta.values())}).query("Value != ''"),
             hide_index=True, width="stretch")

highlight = st.session_state.get(app_data.READER_HIGHLIGHT)
st.caption("Every number the figure ledger extracted is highlighted; the one you came from, if any, in red. "
           "The Figures page lists each with its category, qualifier and sentence.")
st.markdown(f"#### {app_data.escape_markdown(article['title'])}")
for paragraph in app_data.marked_article(article["text"], figure_spans(tables.figures, chosen), highlight):
    st.markdown(paragraph)

report_box = page_parts.shut_until_opened(f"Load report ({len(tables.load_report):,} inputs)", key="overview_report")
if report_box.open is not False:
    with report_box:
        page_parts.table_in_blocks(tables.load_report, key="overview_report_rows", what="inputs",
                                   file_name="load_report.csv")
