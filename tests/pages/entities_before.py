"""Entities: who and what the coverage names, per source, and together with whom."""

import pandas as pd
import streamlit as st

import app_data
import page_parts
from analysis.entities.stats import choose_mentions, cooccurrence, mention_sentences, source_shares, top_entities
from analysis.views.entities import share_table, side_mentions
from analysis.views.groups import GROUPINGS, group_order, source_groups, thin_sides
from charts.entities import cooccurrence_spec, source_share_spec, top_entities_spec
from charts.groups import members_text
from charts.served import served_spec

app_data.route_through_dashboard(__file__)

LABELS_KEY = "entities_labels"
ROLL_UP_KEY = "entities_roll_up"
DEMONYMS_KEY = "entities_demonyms"
TOP_KEY = "entities_top"
BY_KEY = "entities_by"
LABEL_NAMES = {"PERSON": "people", "ORG": "organisations", "GPE": "countries, cities", "NORP": "groups (NORP)",
               "FAC": "facilities, venues", "LOC": "places", "EVENT": "events", "PRODUCT": "products",
               "LAW": "laws", "WORK_OF_ART": "works"}
MAX_EVIDENCE = 80

tables = app_data.current_tables()
articles, entities, mentions = tables.articles, tables.entities, tables.mentions
# Sentences only give the evidence its text, joined on (article, sentence) from mentions already filtered: the
# whole corpus's table serves, so a filter change never narrows all 211k of them.
sentences = app_data.corpus_tables().sentences

st.title("Entities")
st.caption("People, organisations, places and venues the articles name, merged to one canonical name each "
           "(“Putin”, “President Putin” and “Vladimir Putin” are one). Adjectives such as “Russian” count as their "
           "country unless you switch that off. Select a row, cell or pair to read the sentences behind it.")

if mentions.empty:
    st.info("No named entities in the articles the sidebar filters select.")
    st.stop()

# -- what to count -------------------------------------------------------------------------------------
present = app_data.view("entities_labels", lambda t: list(
    filter(set(t.entities["label"].unique()).__contains__, LABEL_NAMES)))
labels = st.multiselect("Types", present, key=LABELS_KEY, placeholder="All types",
                        format_func=lambda label: f"{label} ({LABEL_NAMES.get(label, label)})")
left, right = st.columns(2)
rolled_up = left.toggle("Roll branches into their parent", key=ROLL_UP_KEY,
                        help="Count e.g. Islamic State Khorasan Province as Islamic State.")
demonyms = right.toggle("Count “Russian” as Russia", value=True, key=DEMONYMS_KEY,
                        help="Demonyms and adjectives of place count as mentions of the place.")
# Everything below depends on the corpus, filters and these choices only: computed once per combination.
choice = (tuple(labels), rolled_up, demonyms)
chosen, ranked = app_data.view("entities_ranked", lambda t, c: (
    found := choose_mentions(t.mentions, t.entities, labels=labels or None, rolled_up=rolled_up, demonyms=demonyms),
    top_entities(found, t.entities, t.articles, rolled_up=rolled_up)), choice)
if chosen.empty:
    st.info("No mentions of the chosen types.")
    st.stop()


def show_sentences(found: pd.DataFrame, heading: str) -> None:
    page_parts.show_sentences(found, heading, limit=MAX_EVIDENCE, column_config={
        "sentence": st.column_config.TextColumn("Sentence", width="large"),
        "sentence_idx": st.column_config.NumberColumn("#", help="sentence index")})


# -- top entities --------------------------------------------------------------------------------------
st.header("Most named")
top_n = st.slider("How many", 5, max(5, min(50, len(ranked))), min(15, max(5, len(ranked))), key=TOP_KEY) \
    if len(ranked) > 5 else len(ranked)
top = ranked.head(top_n)
names = top["canonical"].tolist()


def _top_views(t, c, n):
    pairs = cooccurrence(chosen, entities=names)
    together = served_spec(cooccurrence_spec(pairs, names=names)) if not pairs.empty else None
    return served_spec(top_entities_spec(top)), pairs, together


top_figure, pairs, pairs_figure = app_data.view("entities_top", _top_views, choice, top_n)
st.plotly_chart(top_figure, width="stretch", key="entities_top_chart")
st.dataframe(top, key="entities_top_table", on_select="rerun", selection_mode="single-row", hide_index=True,
             width="stretch", column_config={
                 "salience": st.column_config.NumberColumn(
                     help="Summed over articles; within an article, salience shares 1 between its entities, "
                          "weighting earlier, more frequent and title mentions."),
                 "family": st.column_config.TextColumn("branch", help="Branch-of links from the alias table.")})
rows = page_parts.selected_rows("entities_top_table")
if rows and rows[0] < len(top):
    name = top["canonical"].iloc[rows[0]]
    show_sentences(mention_sentences(chosen, sentences, articles, entities=[name]), name)

# -- source x entity -----------------------------------------------------------------------------------
groups = st.session_state.get(app_data.SOURCE_GROUPS, {})
by, grouping = page_parts.grouping_picker(key=BY_KEY, groups=groups)
what = GROUPINGS[by][1].lower()
st.header(f"Who names whom, by {what}")
st.caption(f"Each cell: the entity's mentions / all entity mentions in that {what}'s articles (so a long or "
           f"name-heavy {what} does not dominate). Hover a cell for the outlets; select one to read the sentences.")
names = top["canonical"].tolist()
grouped, order, members = app_data.view("entities_grouped", lambda t, g: (
    arts := t.articles.assign(group=source_groups(t.articles, by=by, groups=groups)),
    group_order(arts["group"]), members_text(arts) if by != "source" else {}), grouping)
share_figure, grid, thin = app_data.view("entities_shares", lambda t, c, n, g: (
    shares := source_shares(chosen, grouped.assign(source=grouped["group"]), entities=names),
    served_spec(source_share_spec(shares, names=names, columns=order, members=members)),
    share_table(shares, names=names, columns=order), thin_sides(side_mentions(shares, order)))[1:],
    choice, top_n, grouping)
st.plotly_chart(share_figure, width="stretch", key="entities_heatmap")
page_parts.thin_note(thin, unit="entity mentions")  # added with the grey thin columns, as on the page
st.dataframe(grid, key="entities_share_table", on_select="rerun", selection_mode="single-cell", hide_index=True,
             width="stretch")
cell = page_parts.selected_cell("entities_share_table", grid)
if cell and cell[1] != "Entity":
    name, group = grid["Entity"].iloc[cell[0]], cell[1]
    show_sentences(mention_sentences(chosen, sentences, grouped[grouped["group"] == group], entities=[name]),
                   f"{name} in {group}")

# -- co-occurrence -------------------------------------------------------------------------------------
st.header("Named together")
st.caption("Pairs of entities named in the same sentence, among the entities above.")
if pairs.empty:
    st.caption("No two of these entities share a sentence.")
else:
    st.plotly_chart(pairs_figure, width="stretch", key="entities_cooccurrence")
    st.dataframe(pairs, key="entities_pairs_table", on_select="rerun", selection_mode="single-row",
                 hide_index=True, width="stretch")
    rows = page_parts.selected_rows("entities_pairs_table")
    if rows and rows[0] < len(pairs):
        a, b = pairs["entity_a"].iloc[rows[0]], pairs["entity_b"].iloc[rows[0]]
        show_sentences(mention_sentences(chosen, sentences, articles, entities=[a, b], together=True),
                       f"{a} and {b}")

with st.expander("How entities are found and merged", icon=":material/info:"):
    st.markdown(
        "spaCy's small English model tags the names; the rules in `analysis/entities.py` drop section headings "
        "and page furniture, trim fragments such as “The Islamic State (”, and merge spellings: the alias table "
        "`analysis/data/entity_aliases.csv` (which you can extend), acronyms the article defines (“Long Name "
        "(ACRO)”), last names of people named in full, and case, dot, hyphen and accent variants. The model "
        "mislabels some names (a city typed as an organisation) and misses others; every number above links to "
        "the sentences so you can check."
    )
