"""Tone: sentence sentiment by source, over time, along an article, around entities, and where methods disagree."""

import functools

import numpy as np
import pandas as pd
import streamlit as st

import app_data
import page_parts
from analysis.entities.stats import mention_sentences
from analysis.figures.labels import distinct_labels
from analysis.tone.sentiment import AGREEMENTS, THIN, disagreement, section_tone, source_tone
from analysis.views.groups import GROUPINGS, source_groups
from analysis.views.framing import entity_tone_of, sentence_index
from analysis.views.prepared import kept_rows
from analysis.views.mentions import entities_by_mentions_of, kept, mention_codes, mentions_of
from analysis.views.tone import (
    agreement_counts,
    follow_up_articles,
    group_codes,
    group_tone_of,
    opposite_rows,
    scored_rows,
    sentences_with_articles,
    source_tone_of,
    tone_codes,
)
from charts.served import served, served_spec
from charts.tone import (
    MAX_DOTS,
    along_article_figure,
    disagreement_spec,
    entity_tone_spec,
    group_spread_spec,
    sample_positions,
    tone_over_time_spec,
)

app_data.route_through_dashboard(__file__)

METRIC_KEY = "tone_metric"
ARTICLE_KEY = "tone_article"
ENTITIES_KEY = "tone_entities"
BY_KEY = "tone_by"
VIEW_KEY = "tone_view"
METRICS = {"polarity": "TextBlob polarity (-1..1)", "vader_compound": "VADER compound (-1..1)",
           "subjectivity": "TextBlob subjectivity (0..1)"}
MAX_EVIDENCE = 60
#: One article's chart and sections are kept for this many articles (``along_of``).
ALONG_KEPT = 8
esc = app_data.escape_markdown

tables = app_data.current_tables()
articles = tables.articles
# The filtered sentences and mentions are read as positions in the whole corpus's tables, through integer codes made
# once per corpus: narrowing and regrouping their 211k and 240k rows was most of a new date range's time at 10,000
# articles. Only a selection reads the filtered tables themselves.
whole = app_data.corpus_tables()
codes = app_data.whole_view("tone_codes", lambda t: tone_codes(t, app_data.corpus_view("sentence_words")))
mention_at = app_data.whole_view("mention_codes", mention_codes)  # shared with the Framing page
article_mask, rows = app_data.view("tone_rows", lambda t: (
    mask := kept_rows(whole.articles, t.articles), np.flatnonzero(kept(codes.sentence_article, mask))))

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

if not len(rows):
    st.info("No articles match the filters in the sidebar.")
    st.stop()

metric = st.radio("Score", list(METRICS), format_func=METRICS.get, key=METRIC_KEY, horizontal=True)
groups = st.session_state.get(app_data.SOURCE_GROUPS, {})
by, grouping = page_parts.grouping_picker(key=BY_KEY, groups=groups,
                                          help=page_parts.COMPARE_BY_HELP + " Hover a point for its source.")
# "source: title" of every article, for the article picker (one dict lookup per option, not two Series lookups);
# distinct, since the picker maps a shown label back to one article
article_labels = app_data.view("tone_labels", lambda t: dict(zip(t.articles["article_id"], distinct_labels(
    [codes.labels[i] for i in np.flatnonzero(article_mask).tolist()]))))
# each filtered article's group, by id and as a code per article of the whole corpus (-1: filtered out)
group_of, group_names, group_at = app_data.view("tone_grouped", lambda t, g: (
    labels := pd.Series(source_groups(t.articles, by=by, groups=groups).to_numpy(), index=t.articles["article_id"]),
    *group_codes(labels.to_numpy(), article_mask)), grouping)


def scored() -> pd.DataFrame:
    """The filtered sentences with their article's source and title, made for a selection only."""
    return app_data.view("tone_scored", lambda t: sentences_with_articles(t.sentences, t.articles))


def show_sentences(found: pd.DataFrame, heading: str, *, total: int | None = None) -> None:
    """Evidence: sentences with their scores (``total``: how many there are, when ``found`` holds the first only)."""
    keep = [c for c in ("source", "title", "idx", "sentence_idx", "section", "text", "sentence", "polarity",
                        "subjectivity", "vader_compound") if c in found.columns]
    page_parts.show_sentences(found, heading, limit=MAX_EVIDENCE, columns=keep, total=total,
                              column_config={"text": st.column_config.TextColumn("sentence", width="large"),
                                             "sentence": st.column_config.TextColumn("sentence", width="large")})


def sentence_rows(keys: list) -> pd.DataFrame:
    """Sentences named by (article_id, idx) pairs."""
    wanted = {(str(k[0]), int(k[1])) for k in keys}
    found = scored()
    mask = [(a, int(i)) in wanted for a, i in zip(found["article_id"], found["idx"])]
    return found[mask]


def section_by_source() -> None:
    """The scores of the sentences per source or group: a box and a sample of dots, and the means."""
    st.header(f"By {GROUPINGS[by][1].lower()}")
    spread = app_data.view("tone_spread", lambda t, m, g: served_spec(group_spread_spec(
        group_names, group_at[codes.sentence_article[rows]], whole.sentences[m].to_numpy()[rows],
        lambda at: scored_rows(whole.sentences[["article_id", "idx", "text"]], whole.articles, rows[at], codes),
        label=METRICS[m])), metric, grouping)
    event = st.plotly_chart(spread, key="tone_sources_chart", on_select="rerun",
                            selection_mode=("points", "box", "lasso"), width="stretch")
    if len(rows) > MAX_DOTS:
        st.caption(f"Dots: a fixed sample of {MAX_DOTS:,} of the {len(rows):,} sentences, in which every row has "
                   "dots of its own; boxes: all of them.")
    by_source = app_data.view("tone_by_source", lambda t: (
        found if (found := source_tone_of(codes, rows)) is not None
        else source_tone(t.sentences, t.articles, words=app_data.corpus_view("sentence_words")[rows])))
    thin_column = {"thin": st.column_config.CheckboxColumn(help=f"fewer than {THIN} sentences")}
    if by == "source":
        st.dataframe(by_source, hide_index=True, width="stretch", column_config=thin_column)
    else:
        # the chart's groups in the table too, each source's own means a click away
        by_group = app_data.view("tone_by_group", lambda t, g: group_tone_of(codes, rows, group_at, group_names),
                                 grouping)
        st.dataframe(by_group.rename(columns={"group": GROUPINGS[by][1]}), hide_index=True, width="stretch",
                     column_config=thin_column)
        with st.expander(f"Each source ({len(by_source):,})"):
            st.dataframe(by_source, hide_index=True, width="stretch", column_config=thin_column)
    st.caption("Box: the middle half of the sentences' scores, and their median. Table: means weighted by sentence "
               "length.")
    keys = page_parts.picked_points(event)
    if keys:
        show_sentences(sentence_rows(keys), "Selected sentences")


def section_over_time() -> None:
    """One point per article at its publication time."""
    st.header("Over publication time")
    all_tone = app_data.corpus_view("tone_articles")  # per article, whatever the filters: narrowed here
    tone = app_data.view("tone_articles", lambda t, g: all_tone[kept_rows(all_tone, t.articles)]
                         .merge(t.articles[["article_id", "source", "title", "published"]], on="article_id").assign(
        group=lambda d: d["article_id"].map(group_of)), grouping)
    dated = tone[tone["published"].notna()]
    # of the whole corpus: the chart looks up only the filtered articles among them
    follow_ups = app_data.whole_view("tone_follow_up", lambda t: follow_up_articles(t.timeline))
    if dated.empty:
        st.caption("No article has a publication date.")
    else:
        over_time = app_data.view("tone_time", lambda t, m, g: served_spec(tone_over_time_spec(
            dated, metric=m, label=METRICS[m], colour="group", follow_up=follow_ups)), metric, grouping)
        event = st.plotly_chart(over_time, key="tone_time_chart",
                                on_select="rerun", selection_mode="points", width="stretch")
        st.caption("One point per article: its length-weighted mean; point size is its number of sentences; colour "
                   f"its {GROUPINGS[by][1].lower()} (hover for the source).")
        picked = [k[0] for k in page_parts.picked_points(event)]
        if picked:
            # and "Along one article" shows the first, whether or not its capped picker lists it
            st.session_state[ARTICLE_KEY] = picked[0]
            found = scored()
            found = found[found["article_id"].isin(picked)].sort_values(["article_id", "idx"])
            show_sentences(found, "Sentences of the selected article" + ("s" if len(picked) > 1 else ""))
    undated = tone[tone["published"].isna()]
    if len(undated):
        st.caption(f"{len(undated)} undated article{'s' if len(undated) != 1 else ''} not on the time axis: "
                   + ", ".join(esc(t) for t in undated["title"].head(5)) + ("…" if len(undated) > 5 else ""))


def section_along() -> None:
    """Both scores sentence by sentence along one picked article, and its sections' means."""
    st.header("Along one article")
    every = articles["article_id"].tolist()
    picked = st.session_state.get(ARTICLE_KEY)
    cap = page_parts.MAX_ARTICLE_CHOICES
    options = page_parts.capped_choices(every, picked, cap) if picked in article_labels else every[:cap]
    # One article's chart and sections read only the whole corpus's rows about it: kept per session and corpus for the
    # last few articles shown, whatever the filters, so a new date range does not draw the same article again.
    along_of = app_data.whole_view("tone_along_of", lambda t: functools.lru_cache(maxsize=ALONG_KEPT)(lambda a: (
        served(along_article_figure(found := app_data.whole_rows_about("sentences", [a]).sort_values("idx"))),
        section_tone(found))))
    choice = st.selectbox("Article", options, key=ARTICLE_KEY, format_func=lambda a: article_labels.get(a, f": {a}"),
                          help="An article selected in *Over time* is shown here. "
                               + (page_parts.capped_help(cap, len(every), "articles") or ""))
    if choice is not None:
        along, sections = along_of(choice)
        event = st.plotly_chart(along, key="tone_article_chart", on_select="rerun",
                                selection_mode="points", width="stretch")
        st.caption("Dotted lines: section headings.")
        keys = page_parts.picked_points(event)
        if keys:
            show_sentences(sentence_rows(keys), "Selected sentence")
        st.dataframe(sections.drop(columns=["article_id"]), hide_index=True, width="stretch",
                     column_config={"section": st.column_config.TextColumn(help="'' is the text before any heading")})


def section_entities() -> None:
    """The mean score of the sentences naming each picked entity, per source or group."""
    st.header(f"Around entities, by {GROUPINGS[by][1].lower()}")
    st.caption(f"Mean score of the sentences that name the entity (a sentence counts once), per "
               f"{GROUPINGS[by][1].lower()}. Hollow: fewer than {THIN} sentences.")
    ranked = app_data.view("tone_ranked", lambda t: entities_by_mentions_of(mention_at, article_mask))
    if not ranked:
        st.caption("No named entities in these articles.")
    else:
        st.session_state[ENTITIES_KEY] = [e for e in st.session_state.get(ENTITIES_KEY, ranked[:6]) if e in ranked]
        picked_entities = page_parts.entity_picker(ranked, key=ENTITIES_KEY)  # the most named
        # each mentioned sentence looked up by (article, number) in an index of the whole corpus made once (shared
        # with the Framing page), not merged with all the filtered sentences
        sentence_at = app_data.whole_view("framing_sentence_index", lambda t: sentence_index(t.sentences, t.articles))
        around = app_data.view("tone_around", lambda t, picked, g: entity_tone_of(
            sentence_at, mentions_of(mention_at, whole.mentions, article_mask, picked), whole.sentences,
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
                show_sentences(mention_sentences(tables.mentions, tables.sentences, members, entities=[entity]),
                               f"{entity} in {group}")


def section_disagreement() -> None:
    """TextBlob against VADER per sentence, and the sentences where they point opposite ways."""
    st.header("Where TextBlob and VADER disagree")
    counts, (n_opposite, opposite), dots = app_data.view("tone_compared", lambda t: (
        agreement_counts(codes, rows),
        # the opposite calls listed when nothing is selected: their number, and the first shown only
        (len(found := opposite_rows(codes, whole.sentences, rows)),
         disagreement(scored_rows(whole.sentences, whole.articles, found[:MAX_EVIDENCE], codes))),
        # the chart's sample, taken as the chart takes it from all the sentences (opposite calls first)
        disagreement(scored_rows(whole.sentences, whole.articles, rows[sample_positions(
            len(rows), n=MAX_DOTS, keep=codes.agreement[rows] == AGREEMENTS.index("opposite"))], codes))))
    st.caption(f"{counts.get('opposite', 0)} sentences point opposite ways, {counts.get('one_neutral', 0)} are neutral "
               f"for one method only, {counts.get('agree', 0)} agree (scores within ±0.05 count as neutral). "
               "Opposite calls are where neither score should be trusted alone.")
    if len(rows) > MAX_DOTS:
        st.caption(f"The chart shows a fixed sample of {MAX_DOTS:,} sentences, opposite calls first.")
    event = st.plotly_chart(app_data.view("tone_versus", lambda t: served_spec(disagreement_spec(dots))),
                            key="tone_versus_chart", on_select="rerun",
                            selection_mode=("points", "box", "lasso"), width="stretch")
    keys = page_parts.picked_points(event)
    if keys:
        show_sentences(sentence_rows(keys), "Selected sentences")
    else:
        show_sentences(opposite, "Sentences where they point opposite ways, largest gap first", total=n_opposite)


# One section at a time: drawn together, the five charts (three WebGL plots of 4,000-7,000 points, 3.9 MB) took the
# browser 3.5-4.6 s of CPU per visit at 10,000 articles (benchmarks/page_browser.py --page tone).
page_parts.section_tabs({"By source or group": section_by_source, "Over time": section_over_time,
                         "Along one article": section_along, "Around entities": section_entities,
                         "TextBlob against VADER": section_disagreement}, key=VIEW_KEY)
