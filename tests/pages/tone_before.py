"""Tone: sentence sentiment by source, over time, along an article, around entities, and where methods disagree."""

import pandas as pd
import streamlit as st

import app_data
import page_parts
from analysis.entities.stats import mention_sentences
from analysis.figures.labels import distinct_labels
from analysis.tables import mapped
from analysis.tone.sentiment import THIN, disagreement, entity_tone, section_tone, source_tone
from analysis.views.groups import GROUPINGS, source_groups
from analysis.views.prepared import kept_rows
from analysis.views.tone import entities_by_mentions, follow_up_articles, opposite_calls, sentences_with_articles
from charts.served import served, served_spec
from charts.tone import (
    MAX_DOTS,
    along_article_figure,
    disagreement_spec,
    entity_tone_spec,
    source_spread_spec,
    tone_over_time_spec,
)

app_data.route_through_dashboard(__file__)

METRIC_KEY = "tone_metric"
ARTICLE_KEY = "tone_article"
ENTITIES_KEY = "tone_entities"
BY_KEY = "tone_by"
METRICS = {"polarity": "TextBlob polarity (-1..1)", "vader_compound": "VADER compound (-1..1)",
           "subjectivity": "TextBlob subjectivity (0..1)"}
MAX_EVIDENCE = 60
esc = app_data.escape_markdown

tables = app_data.current_tables()
articles, sentences, mentions = tables.articles, tables.sentences, tables.mentions

st.title("Tone")
st.caption("How negative or positive the wording is, sentence by sentence. Select any point to read its sentence.")
with st.expander("Read this first: what these scores can and cannot say", icon=":material/warning:", expanded=False):
    st.markdown(
        "Both scores are word lists, not readers. **TextBlob** averages the adjectives and adverbs it knows: it "
        "misses contracted negation (“isn't great” scores as positive) and ignores most verbs and nouns of news "
        "(“killed”, “denied”, “attack” barely move it). **VADER** was built for short social-media posts and "
        "handles negation and intensifiers better, but reads news vocabulary in its own way. Reporting a tragedy "
        "is negative in words whatever a source's stance: compare sources with each other, look at the spread "
        "and at the sentences, never at one number. Means resting on fewer than "
        f"{THIN} sentences are marked *thin* (hollow markers)."
    )

if sentences.empty:
    st.info("No articles match the filters in the sidebar.")
    st.stop()

metric = st.radio("Score", list(METRICS), format_func=METRICS.get, key=METRIC_KEY, horizontal=True)
groups = st.session_state.get(app_data.SOURCE_GROUPS, {})
by, grouping = page_parts.grouping_picker(key=BY_KEY, groups=groups,
                                          help=page_parts.COMPARE_BY_HELP + " Hover a point for its source.")
# "source: title" of every article, for the article picker (one dict lookup per option, not two Series lookups);
# distinct, since the picker maps a shown label back to one article
article_labels, scored = app_data.view("tone_scored", lambda t: (
    dict(zip(t.articles["article_id"], distinct_labels([f"{s}: {title}" for s, title in zip(t.articles["source"],
                                                                                          t.articles["title"])]))),
    sentences_with_articles(t.sentences, t.articles)))
group_of, grouped_scored = app_data.view("tone_grouped", lambda t, g: (
    labels := pd.Series(source_groups(t.articles, by=by, groups=groups).to_numpy(), index=t.articles["article_id"]),
    scored.assign(group=mapped(scored["article_id"], labels))), grouping)


def show_sentences(found: pd.DataFrame, heading: str) -> None:
    """Evidence: sentences with their scores."""
    keep = [c for c in ("source", "title", "idx", "sentence_idx", "section", "text", "sentence", "polarity",
                        "subjectivity", "vader_compound") if c in found.columns]
    page_parts.show_sentences(found, heading, limit=MAX_EVIDENCE, columns=keep,
                              column_config={"text": st.column_config.TextColumn("sentence", width="large"),
                                             "sentence": st.column_config.TextColumn("sentence", width="large")})


def sentence_rows(keys: list) -> pd.DataFrame:
    """Sentences named by (article_id, idx) pairs."""
    wanted = {(str(k[0]), int(k[1])) for k in keys}
    mask = [(a, int(i)) in wanted for a, i in zip(scored["article_id"], scored["idx"])]
    return scored[mask]


# -- per source ----------------------------------------------------------------------------------------
st.header(f"By {GROUPINGS[by][1].lower()}")
spread = app_data.view("tone_spread", lambda t, m, g: served_spec(source_spread_spec(
    grouped_scored, metric=m, label=METRICS[m], rows="group")), metric, grouping)
event = st.plotly_chart(spread, key="tone_sources_chart", on_select="rerun",
                        selection_mode=("points", "box", "lasso"), width="stretch")
if len(scored) > MAX_DOTS:
    st.caption(f"Dots: a fixed sample of {MAX_DOTS:,} of the {len(scored):,} sentences, in which every row has "
               "dots of its own; boxes: all of them.")
words = app_data.corpus_view("sentence_words")  # per sentence of the whole corpus, narrowed to the filtered ones
whole = app_data.corpus_tables()
by_source = app_data.view("tone_by_source", lambda t: source_tone(
    t.sentences, t.articles, words=words[kept_rows(whole.sentences, t.articles)]))
thin_column = {"thin": st.column_config.CheckboxColumn(help=f"fewer than {THIN} sentences")}


def tone_by_group(t):
    """The per-group means as ``source_tone`` of the articles with their group for a source (added with the page's
    per-group table, which sums codes of the whole corpus instead)."""
    labels = t.articles["article_id"].map(group_of)
    table = source_tone(t.sentences, t.articles.assign(source=labels),
                        words=words[kept_rows(whole.sentences, t.articles)])
    table = table.rename(columns={"source": "group"}).assign(other=lambda d: d["group"] == "other")
    table = table.sort_values(["other", "n_sentences", "group"], ascending=[True, False, True]).reset_index(drop=True)
    table["n_sources"] = table["group"].map(t.articles.assign(group=labels).groupby("group")["source"].nunique())
    return table[["group", "polarity", "subjectivity", "vader_compound", "n_sources", "n_articles", "n_sentences",
                  "n_words", "thin"]]


if by == "source":
    st.dataframe(by_source, hide_index=True, width="stretch", column_config=thin_column)
else:
    st.dataframe(app_data.view("tone_by_group", lambda t, g: tone_by_group(t), grouping).rename(
        columns={"group": GROUPINGS[by][1]}), hide_index=True, width="stretch", column_config=thin_column)
    with st.expander(f"Each source ({len(by_source):,})"):
        st.dataframe(by_source, hide_index=True, width="stretch", column_config=thin_column)
st.caption("Box: the middle half of the sentences' scores, and their median. Table: means weighted by sentence "
           "length.")
keys = page_parts.picked_points(event)
if keys:
    show_sentences(sentence_rows(keys), "Selected sentences")

# -- over time -----------------------------------------------------------------------------------------
st.header("Over publication time")
all_tone = app_data.corpus_view("tone_articles")  # per article, whatever the filters: narrowed here
tone = app_data.view("tone_articles", lambda t, g: all_tone[kept_rows(all_tone, t.articles)]
                     .merge(t.articles[["article_id", "source", "title", "published"]], on="article_id").assign(
    group=lambda d: d["article_id"].map(group_of)), grouping)
dated = tone[tone["published"].notna()]
if dated.empty:
    st.caption("No article has a publication date.")
else:
    over_time = app_data.view("tone_time", lambda t, m, g: served_spec(tone_over_time_spec(
        dated, metric=m, label=METRICS[m], colour="group", follow_up=follow_up_articles(t.timeline))), metric, grouping)
    event = st.plotly_chart(over_time, key="tone_time_chart",
                            on_select="rerun", selection_mode="points", width="stretch")
    st.caption("One point per article: its length-weighted mean; point size is its number of sentences; colour "
               f"its {GROUPINGS[by][1].lower()} (hover for the source).")
    picked = [k[0] for k in page_parts.picked_points(event)]
    if picked:
        found = scored[scored["article_id"].isin(picked)].sort_values(["article_id", "idx"])
        show_sentences(found, "Sentences of the selected article" + ("s" if len(picked) > 1 else ""))
undated = tone[tone["published"].isna()]
if len(undated):
    st.caption(f"{len(undated)} undated article{'s' if len(undated) != 1 else ''} not on the time axis: "
               + ", ".join(esc(t) for t in undated["title"].head(5)) + ("…" if len(undated) > 5 else ""))

# -- along one article ---------------------------------------------------------------------------------
st.header("Along one article")
options = articles["article_id"].tolist()
choice = st.selectbox("Article", options, key=ARTICLE_KEY,
                      format_func=lambda a: article_labels.get(a, f": {a}"))
if choice is not None:
    one, along, sections = app_data.view("tone_along", lambda t, a: (
        found := scored[scored["article_id"] == a].sort_values("idx"), served(along_article_figure(found)),
        section_tone(found)), choice)
    event = st.plotly_chart(along, key="tone_article_chart", on_select="rerun",
                            selection_mode="points", width="stretch")
    st.caption("Dotted lines: section headings.")
    keys = page_parts.picked_points(event)
    if keys:
        show_sentences(sentence_rows(keys), "Selected sentence")
    st.dataframe(sections.drop(columns=["article_id"]), hide_index=True, width="stretch",
                 column_config={"section": st.column_config.TextColumn(help="'' is the text before any heading")})

# -- around entities -----------------------------------------------------------------------------------
st.header(f"Around entities, by {GROUPINGS[by][1].lower()}")
st.caption(f"Mean score of the sentences that name the entity (a sentence counts once), per "
           f"{GROUPINGS[by][1].lower()}. Hollow: fewer than {THIN} sentences.")
if mentions.empty:
    st.caption("No named entities in these articles.")
else:
    ranked = app_data.view("tone_ranked", lambda t: entities_by_mentions(t.mentions))
    st.session_state[ENTITIES_KEY] = [e for e in st.session_state.get(ENTITIES_KEY, ranked[:6]) if e in ranked]
    picked_entities = st.multiselect("Entities", ranked, key=ENTITIES_KEY)
    around = app_data.view("tone_around", lambda t, picked, g: entity_tone(
        t.mentions[t.mentions["canonical"].isin(picked)], t.sentences,
        t.articles.assign(group=t.articles["article_id"].map(group_of)), by="group"),
        tuple(picked_entities), grouping)
    if around.empty:
        st.caption("Pick one or more entities.")
    else:
        around_chart = app_data.view("tone_around_chart", lambda t, picked, g, m: served_spec(entity_tone_spec(
            around, metric=m, label=METRICS[m], n_entities=len(picked), colour="group")),
            tuple(picked_entities), grouping, metric)
        event = st.plotly_chart(around_chart, key="tone_entities_chart", on_select="rerun", selection_mode="points",
                                width="stretch")
        st.dataframe(around[["canonical", "group", *METRICS, "n_sentences", "n_mentions", "thin"]],
                     hide_index=True, width="stretch",
                     column_config={"group": st.column_config.TextColumn(GROUPINGS[by][1])})
        chosen = [int(k[0]) for k in page_parts.picked_points(event) if int(k[0]) < len(around)]
        if chosen:
            entity, group = around["canonical"].iloc[chosen[0]], around["group"].iloc[chosen[0]]
            members = articles[articles["article_id"].map(group_of) == group]
            show_sentences(mention_sentences(mentions, sentences, members, entities=[entity]), f"{entity} in {group}")

# -- disagreement --------------------------------------------------------------------------------------
st.header("Where TextBlob and VADER disagree")
compared, counts, opposite = app_data.view("tone_compared", lambda t: (
    found := disagreement(scored), found["agreement"].value_counts(), opposite_calls(found)))
st.caption(f"{counts.get('opposite', 0)} sentences point opposite ways, {counts.get('one_neutral', 0)} are neutral "
           f"for one method only, {counts.get('agree', 0)} agree (scores within ±0.05 count as neutral). "
           "Opposite calls are where neither score should be trusted alone.")
if len(compared) > MAX_DOTS:
    st.caption(f"The chart shows a fixed sample of {MAX_DOTS:,} sentences, opposite calls first.")
event = st.plotly_chart(app_data.view("tone_versus", lambda t: served_spec(disagreement_spec(compared))),
                        key="tone_versus_chart", on_select="rerun",
                        selection_mode=("points", "box", "lasso"), width="stretch")
keys = page_parts.picked_points(event)
show_sentences(sentence_rows(keys) if keys else opposite,
               "Selected sentences" if keys else "Sentences where they point opposite ways, largest gap first")
