"""Framing: how sources tell the same story — frames, who is blamed, hedging, tone, words and voices."""

import pandas as pd
import streamlit as st

import app_data
import page_parts
from analysis.framing import (
    cast_roles,
    frame_labels,
    hedge_density,
    role_names,
)
from analysis.framing.compare import OTHERS, assign_sides, evidence, term_sentences
from analysis.framing.distinctive import distinctive_terms_from_matrix
from analysis.views.groups import OTHER, TOP, group_names, source_groups, thin_sides
from analysis.views.mentions import mention_codes, mention_counts_of, mentions_of
from analysis.views.prepared import kept_rows
from analysis.tone.sentiment import SCORES, THIN
from analysis.views.framing import (
    at_most_sides,
    cited_codes,
    cue_codes,
    entity_tone_of,
    frame_codes,
    frame_counts,
    frame_order,
    frame_profile_of,
    frame_share_table,
    hedge_cue_counts,
    hedge_density_of,
    in_side_order,
    label_speakers,
    role_castings,
    role_matrix_of,
    sentence_index,
    side_sentences,
    voices_of,
)
from charts.framing import frame_profile_spec, hedge_spec
from charts.groups import members_text
from charts.served import served_spec

app_data.route_through_dashboard(__file__)

GROUPS_KEY = "framing_groups"  # {source: group name}, this session's assignment
BY_KEY = "framing_by"
PICK_KEY = "framing_pick"
ENTITIES_KEY = "framing_entities"
SIDE_A_KEY = "framing_side_a"
TRIPLES_KEY = "framing_triples_open"
VIEW_KEY = "framing_view"
MAX_EVIDENCE = 60
#: Distinctive words shown for each side: the table's first and last rows.
TERMS_SHOWN = 15
#: Side by side, at most this many sides: the picked sources (or groups) with most articles, then "All others".
MAX_SIDES = TOP + 1
#: What a grouping's groups are called.
PLURALS = {"source": "sources", "country": "countries", "kind": "kinds", "groups": "groups"}
esc = app_data.escape_markdown

tables = app_data.current_tables()
articles = tables.articles
# Sentences are only joined on (article, sentence) to rows already filtered, or narrowed to the sides' articles
# here: the whole corpus's table serves, so a filter change never narrows all 211k of them.
sentences = app_data.corpus_tables().sentences

st.title("Framing across sources")
st.caption("How outlets tell the same story: what their sentences are about, who they cast as perpetrator, accuser "
           "or denier, how hedged their language is, and whose words they use. Counts come first: with a handful "
           "of articles, a share can rest on one or two sentences. Select a cell or bar to read the sentences.")

if articles.empty:
    st.info("No articles match the filters in the sidebar.")
    st.stop()

# -- what to compare -----------------------------------------------------------------------------------
groups: dict[str, str] = st.session_state.setdefault(GROUPS_KEY, {})
with st.expander("Groups of sources (e.g. by country or owner)", icon=":material/group_work:"):
    st.caption("Give sources a group name, then compare by “Your groups”. Sources left blank form a group of "
               "their own. Kept for this session.")
    sources = sorted(articles["source"].unique())
    edited = st.data_editor(pd.DataFrame({"source": sources, "group": [groups.get(s, "") for s in sources]}),
                            key="framing_groups_editor", disabled=["source"], hide_index=True, width="stretch")
    groups.update({s: (g or "").strip() for s, g in zip(edited["source"], edited["group"].fillna(""))})

by, grouping = page_parts.grouping_picker(key=BY_KEY, groups=groups)
many = PLURALS[by]
# Everything below depends on the corpus, filters and these choices only: computed once per combination.
grouped = app_data.view("framing_grouped", lambda t, g: t.articles.assign(
    group=group_names(t.articles, by=by, groups=groups), top=source_groups(t.articles, by=by, groups=groups)),
    grouping)
options = sorted(grouped["group"].unique())
st.session_state[PICK_KEY] = [v for v in st.session_state.get(PICK_KEY, []) if v in options]
chosen = st.multiselect(f"{many.capitalize()} to compare", options,
                        key=PICK_KEY, placeholder=f"All, side by side (the {TOP} largest and “{OTHER}”)",
                        help="Pick one to compare it against all the others.")
choice = (*grouping, tuple(chosen))
arts = app_data.view("framing_sides", lambda t, c: at_most_sides(assign_sides(grouped, by="group", chosen=chosen),
                                                                 max_sides=MAX_SIDES, others=OTHERS)
                     if chosen else grouped.assign(side=grouped["top"]), choice)
sizes = arts["side"].value_counts()
sides = sorted(sizes.index, key=lambda s: (s in (OTHER, OTHERS), -sizes[s], str(s)))
members = app_data.view("framing_members", lambda t, c: members_text(arts, column="side"), choice)
if not chosen and len(options) > len(sides):
    st.caption(f"Side by side: the {len(sides) - 1} {many} with most articles, and the other "
               f"{len(options) - len(sides) + 1:,} together as “{OTHER}”. Pick {many} above to compare others.")
if len(chosen) == 1:
    st.info(f"Comparing {esc(chosen[0])} against all other articles ({(arts['side'] == OTHERS).sum()}).")
st.caption(" · ".join(f"{esc(s)}: {n:,} article{'s' if n != 1 else ''}, {w:,} words"
                      for s, n, w in arts.groupby("side").agg(n=("article_id", "size"), w=("n_words", "sum"))
                      .reindex(sides).itertuples()))


def show_evidence(keys: pd.DataFrame, heading: str, *, extra: tuple[str, ...] = ()) -> None:
    """The sentences behind a selected number."""
    page_parts.show_sentences(evidence(keys, sentences, arts, extra=extra), heading, limit=MAX_EVIDENCE,
                              column_config={"sentence": st.column_config.TextColumn("Sentence", width="large")})


def section_frames() -> None:
    """The frames each side's sentences carry: a heatmap and its table."""
    st.header("What the story is about")
    labels = frame_labels()
    frame_counts_all = app_data.whole_view("framing_frame_counts", lambda t: frame_counts(t.frames, t.sentences))
    frame_at = app_data.whole_view("framing_frame_codes", lambda t: frame_codes(frame_counts_all, t.articles))
    profile, frames_chart, frame_table = app_data.view("framing_frames", lambda t, c: (
        profile := frame_profile_of(frame_counts_all, arts, by="side", labels=labels, codes=frame_at),
        served_spec(frame_profile_spec(profile, labels=labels, sides=sides, members=members)),
        frame_share_table(profile, labels=labels, sides=sides)), choice)
    picked = st.plotly_chart(frames_chart, key="framing_frames_chart",
                             on_select="rerun", selection_mode="points", width="stretch")
    st.caption("Each cell: the share of the side's sentences that carry the frame (hover for the count and the "
               "outlets; the most carried frames on top). A sentence can carry several frames or none. The codebook is "
               "analysis/data/frames_codebook.json.")
    page_parts.thin_note(thin_sides(side_sentences(profile, sides)), unit="sentences")
    st.dataframe(frame_table, key="framing_frames_table", on_select="rerun", selection_mode="single-cell",
                 hide_index=True, width="stretch")
    points = page_parts.picked_points(picked)
    target = tuple(points[0][:2]) if points else None
    cell = page_parts.selected_cell("framing_frames_table", frame_table)
    if cell and cell[1] != "Frame":
        target = (cell[1], frame_order(profile, labels=labels)[cell[0]])
    if target:
        side, frame = target
        keys = tables.frames[tables.frames["frame"] == frame].merge(arts[arts["side"] == side][["article_id"]])
        show_evidence(keys, f"{labels.get(frame, frame)} — {side}", extra=("cues",))


def section_roles() -> None:
    """Who each side casts as claimant, accuser, denier or supporter."""
    st.header("Who is cast as what")
    st.caption("From sentences like “X claimed responsibility”, “X pointed fingers at Y”, “Y denied”: each count is "
               "a sentence casting the entity in that role. Cue lists: analysis/data/role_cues.json.")
    # Every casting of the whole corpus as codes once, then counted per side: role_matrix's table.
    castings = app_data.whole_view("framing_role_castings", lambda t: role_castings(t.roles, t.articles))
    # In the sides' own order (largest first, as the columns above), not alphabetical: "Australia" with one casting
    # opened the table above the United States at 10,000 articles.
    matrix = app_data.view("framing_roles", lambda t, c: in_side_order(role_matrix_of(castings, arts, by="side"),
                                                                       sides), choice)
    if matrix.empty:
        st.info("No claims, accusations, denials or offers of support between named entities were found.")
    else:
        shown = matrix[matrix["side"].isin(sides)].rename(columns={"side": "Side", "entity": "Entity"})
        shown = shown.reset_index(drop=True)
        st.dataframe(shown, key="framing_roles_table", on_select="rerun", selection_mode="single-cell",
                     hide_index=True, width="stretch")
        cell = page_parts.selected_cell("framing_roles_table", shown)
        if cell:
            row = shown.iloc[cell[0]]
            role = cell[1] if cell[1] in role_names() else None
            cast = cast_roles(tables.roles, arts, by="side")
            keys = cast[(cast["side"] == row["Side"]) & (cast["entity"] == row["Entity"])]
            keys = keys[keys["role"] == role] if role else keys
            show_evidence(keys, f"{row['Entity']} as {role or 'any role'} — {row['Side']}",
                          extra=("role", "relation", "cue"))
        # Filled only while open (opening it reruns the page): every triple's sentence, looked up in 211k sentences,
        # is no cost to a page whose expander stays shut.
        triples_box = st.expander("All triples (actor – relation – target)", key=TRIPLES_KEY, on_change="rerun")
        if triples_box.open:
            triples_box.dataframe(app_data.view("framing_triples", lambda t, c: evidence(
                t.roles.merge(arts[["article_id", "side"]]), sentences, arts,
                extra=("actor", "relation", "target", "actor_role", "target_role", "cue")), choice),
                                  hide_index=True, width="stretch")


def section_hedging() -> None:
    """How hedged each side's language is: epistemic and attribution cues per 1,000 words."""
    st.header("How sure the language sounds")
    cue_counts = app_data.whole_view("framing_cue_counts", lambda t: hedge_cue_counts(t.hedges))
    cue_at = app_data.whole_view("framing_cue_codes", lambda t: cue_codes(cue_counts, t.articles))
    density, hedges_chart = app_data.view("framing_hedges", lambda t, c: (
        found := (hedge_density_of(cue_counts, arts, by="side", codes=cue_at) if arts["n_words"].notna().all() else
                  hedge_density(t.hedges, arts, by="side")).set_index("side").reindex(sides).reset_index(),
        served_spec(hedge_spec(found))), choice)
    picked = st.plotly_chart(hedges_chart, key="framing_hedges_chart", on_select="rerun",
                             selection_mode="points", width="stretch")
    st.caption("Epistemic cues mark a statement as unproven (alleged, reportedly, may); attribution cues hand it to "
               "someone (according to, said). Cue lists: analysis/data/hedge_cues.json.")
    hedge_table = density[["side", "n_words", "n_epistemic", "epistemic_cues", "n_attribution", "attribution_cues"]]
    st.dataframe(hedge_table, key="framing_hedges_table", on_select="rerun", selection_mode="single-cell",
                 hide_index=True, width="stretch")
    points = page_parts.picked_points(picked)
    target = tuple(points[0][:2]) if points else None
    cell = page_parts.selected_cell("framing_hedges_table", hedge_table)
    if cell:
        target = (hedge_table.iloc[cell[0]]["side"], "attribution" if "attribution" in cell[1] else "epistemic")
    if target:
        side, kind = target
        keys = tables.hedges[tables.hedges["kind"] == kind].merge(arts[arts["side"] == side][["article_id"]])
        show_evidence(keys.groupby(["article_id", "sentence_idx"], as_index=False)["cue"].agg("; ".join),
                      f"{kind.capitalize()} cues — {side}", extra=("cue",))


def section_tone() -> None:
    """The tone of the sentences naming the picked entities, per side."""
    st.header("Tone toward entities")
    # With every filtered article on a side, the same for any grouping: kept once per filter state then.
    every = len(arts) == len(tables.articles)


    # The mentions of the sides' articles, as an article mask over the whole corpus's mentions' codes (made once per
    # corpus, shared with the Tone page): counted by name code, not narrowed and counted as 240k strings.
    mention_at = app_data.whole_view("mention_codes", mention_codes)


    def _mention_view(t, c) -> tuple:
        mask = kept_rows(app_data.corpus_tables().articles, t.articles if every else arts)
        # plain lists: iterating the Arrow-backed index (19k names at 10k articles) on every run took ~0.02 s
        names, sizes = mention_counts_of(mention_at, mask)
        return mask, names, {e: f"{e} ({n})" for e, n in zip(names, sizes)}


    mention_mask, names, named = app_data.view("framing_mentions", _mention_view, ("every",) if every else choice)
    whole_mentions = app_data.corpus_tables().mentions
    if not names:
        st.info("No named entities were found in these articles.")
    else:
        st.session_state[ENTITIES_KEY] = [e for e in st.session_state.get(ENTITIES_KEY, names[:4]) if e in named]
        picked_entities = page_parts.entity_picker(names, key=ENTITIES_KEY, format_func=named.get)  # the most named
        # Each mentioned sentence looked up by (article, number) in an index made once, not merged with all of them.
        sentence_at = app_data.whole_view("framing_sentence_index", lambda t: sentence_index(t.sentences, t.articles))
        tone = app_data.view("framing_tone", lambda t, c, e: entity_tone_of(
            sentence_at, mentions_of(mention_at, whole_mentions, mention_mask, e), sentences, arts, by="side"), choice,
            tuple(picked_entities))
        st.caption("Mean TextBlob polarity (−1..1) and subjectivity (0..1) and VADER compound (−1..1) of the sentences "
                   f"naming the entity (a sentence counts once). Marked thin when fewer than {THIN} sentences stand "
                   "behind it.")
        tone_table = tone.rename(columns={"side": "Side", "canonical": "Entity"})
        st.dataframe(tone_table, key="framing_tone_table", on_select="rerun", selection_mode="single-cell",
                     hide_index=True, width="stretch",
                     column_config={score: st.column_config.NumberColumn(format="%.2f") for score in SCORES})
        cell = page_parts.selected_cell("framing_tone_table", tone_table)
        if cell:
            row = tone_table.iloc[cell[0]]
            keys = mentions_of(mention_at, whole_mentions, mention_mask, [row["Entity"]]).merge(
                arts[arts["side"] == row["Side"]][["article_id"]])
            scored = keys.merge(sentences.rename(columns={"idx": "sentence_idx"})[
                ["article_id", "sentence_idx", *[c for c in ("polarity", "vader_compound") if c in sentences]]])
            show_evidence(scored, f"{row['Entity']} — {row['Side']}", extra=("polarity", "vader_compound"))


def section_terms() -> None:
    """The words that set one side apart from the others."""
    st.header("Distinctive words")
    if len(sides) < 2:
        st.info("Only one side to compare: pick fewer sources, or widen the filters.")
    else:
        if len(sides) == 2:
            side_a = sides[0]
        else:
            if st.session_state.get(SIDE_A_KEY) not in sides:
                st.session_state[SIDE_A_KEY] = sides[0]
            side_a = st.selectbox("Words that set apart", sides, key=SIDE_A_KEY)
        others = [s for s in sides if s != side_a]
        words = app_data.corpus_view("framing_term_matrix")
        terms = app_data.view("framing_terms", lambda t, c, a: distinctive_terms_from_matrix(
            words, arts, group_a=a, group_b=others, by="side", ends=TERMS_SHOWN), choice, side_a)
        b_name = others[0] if len(others) == 1 else "the others"
        if not terms.empty and bool(terms["thin_evidence"].iloc[0]):
            st.warning(f"Thin evidence: {esc(side_a)} has {int(terms['words_a'].iloc[0]):,} words and {esc(b_name)} "
                       f"{int(terms['words_b'].iloc[0]):,}; below about 2,000 words a side, read these as words to look "
                       "at, not as findings.", icon=":material/warning:")
        st.caption("Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); z beyond ±1.96 "
                   "is the usual threshold. Unigrams and bigrams, stopwords left out.")
        columns = ["term", "count_a", "count_b", "log_odds", "z"]
        cols = st.columns(2)
        lists = {}
        for col, (name, part) in zip(cols, [(side_a, terms.head(TERMS_SHOWN)),
                                            (b_name, terms.tail(TERMS_SHOWN).iloc[::-1])]):
            col.markdown(f"**More typical of {esc(name)}**")
            lists[name] = part[columns].reset_index(drop=True)
            col.dataframe(lists[name], key=f"framing_terms_{'a' if name == side_a else 'b'}", on_select="rerun",
                          selection_mode="single-row", hide_index=True, width="stretch",
                          column_config={"count_a": side_a, "count_b": b_name,
                                         "log_odds": st.column_config.NumberColumn(format="%.2f"),
                                         "z": st.column_config.NumberColumn(format="%.2f")})
        for which, name in (("a", side_a), ("b", b_name)):
            rows = page_parts.selected_rows(f"framing_terms_{which}")
            if rows and rows[0] < len(lists[name]):
                term = lists[name].iloc[rows[0]]["term"]
                show_evidence(term_sentences(sentences, arts, term), f"“{term}”")


def section_cited() -> None:
    """Whose words each side uses."""
    st.header("Whose words are used")
    # Who each sentence cites does not depend on the filters or sides: found with the corpus, then counted per side.
    all_cited = app_data.corpus_view("framing_cited_all")
    speakers = app_data.whole_view("framing_cited_codes", lambda t: cited_codes(all_cited, t.articles))
    voices = app_data.view("framing_voices", lambda t, c: voices_of(speakers, arts, sides=sides), choice)
    if voices.empty:
        st.info("No attributed statements (“X said”, “according to X”) were found.")
    else:
        st.caption("Sentences attributing a statement to each named person or body (or to an unnamed source such as "
                   "“officials”), per side.")
        st.dataframe(voices, key="framing_cited_table", on_select="rerun", selection_mode="single-cell",
                     hide_index=True, width="stretch")
        cell = page_parts.selected_cell("framing_cited_table", voices)
        if cell and cell[1] != "who":
            who = voices.iloc[cell[0]]["who"]
            # the sides' attributed sentences, made only for the evidence of a selected cell
            cited = app_data.view("framing_cited", lambda t, c: label_speakers(
                all_cited.merge(arts[["article_id", "side"]])), choice)
            keys = cited[(cited["who"] == who) & (cited["side"] == cell[1])]
            show_evidence(keys, f"{who} — {cell[1]}", extra=("surface", "cue"))


# One section at a time (as the Tone page): a first visit computed and drew all six at 10,000 articles.
page_parts.section_tabs({"Frames": section_frames, "Roles": section_roles, "Hedging": section_hedging,
                         "Tone toward entities": section_tone, "Distinctive words": section_terms,
                         "Who is cited": section_cited}, key=VIEW_KEY)
