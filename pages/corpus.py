"""Corpus: upload your own articles, map columns, say what the machine could not know, analyse, save, reopen.

Everything here belongs to this browser session: files, mappings, edits and
results live in ``st.session_state`` (no file is written under a user's name;
the per-article NLP cache on disk is content-addressed and holds no text, see
``analysis.article_cache``; uploads never enter the whole-table cache), and survive
page switches and reruns. The pure
parts are in ``analysis.uploads``.
"""

import datetime as dt

import pandas as pd
import streamlit as st

import app_data
import page_parts
from analysis import uploads
from analysis.ingest.limits import DEFAULT_LIMITS as LIMITS
from analysis.ingest.outlets import KINDS
from analysis.ingest.readers import COLUMN_ALIASES, SUPPORTED_SUFFIXES, table_previews
from analysis.uploads import (
    CorpusJob,
    CorpusRequest,
    column_signature,
    reopen_zip,
    save_zip,
    seed_files,
    stage,
    truncated_articles,
    undated_articles,
)
from analysis.views.dates import publication_counts
from charts.corpus import dates_figure

app_data.route_through_dashboard(__file__)

esc = app_data.escape_markdown
state = st.session_state
FILES = "corpus_files"  # [StagedFile], in upload order
MAPS = "corpus_column_maps"  # {column signature: {field: column}}, remembered for the session
SOURCES = "corpus_file_sources"  # {file name: source}
GROUPS = "corpus_file_groups"  # {file name: group}
DATES = "corpus_user_dates"  # {article_id: "YYYY-MM-DD"}
OUTLETS = "corpus_outlet_labels"  # {source: {"name"|"country"|"kind": value}}
KEPT = "corpus_kept_choices"  # widget values mirrored so they outlive page switches
PREVIEWS = "corpus_previews"  # {sha256: [TablePreview]}, this session's parsed table heads
GEN = "corpus_widget_generation"  # bumped to give the uploader and editors fresh, empty state
MESSAGES = "corpus_messages"
for key, empty in ((FILES, list), (MAPS, dict), (SOURCES, dict), (GROUPS, dict), (DATES, dict), (OUTLETS, dict),
                   (KEPT, dict),
                   (PREVIEWS, dict), (MESSAGES, list)):
    if key not in state:
        state[key] = empty()
state.setdefault(GEN, 0)
FIELDS = list(COLUMN_ALIASES)  # text, title, published, source, url
NONE = "(none)"


def kept(key: str, default: object) -> str:
    """A widget key whose value is restored after a page switch (Streamlit drops unrendered widgets' state)."""
    if key not in state:
        state[key] = state[KEPT].get(key, default)
    return key


def remember(key: str) -> None:
    state[KEPT][key] = state[key]


def refresh_widgets() -> None:
    state[GEN] += 1


def edits_of(key: str) -> dict:
    """``{row: {column: value}}`` the user changed in the data editor ``key``."""
    value = state.get(key)
    return dict(value.get("edited_rows") or {}) if isinstance(value, dict) else {}


def apply_file_edits(edits: dict, names: list[str]) -> None:
    """Copy the file table's edits (source, group, remove) into the session's stores."""
    settings = uploads.apply_file_edits(edits, names, sources=state[SOURCES], groups=state[GROUPS])
    state[SOURCES], state[GROUPS] = settings.sources, settings.groups
    state[FILES] = [f for f in state[FILES] if f.name not in settings.removed]


def apply_date_edits(edits: dict, ids: list[str]) -> None:
    state[DATES].update(uploads.date_edits(edits, ids))


def apply_outlet_edits(edits: dict, sources: list[str]) -> None:
    state[OUTLETS] = uploads.outlet_edits(edits, sources, current=state[OUTLETS])


def save_mapping(signature: str, form: str) -> None:
    mapping = {f: state[f"{form}_{f}"] for f in FIELDS if state.get(f"{form}_{f}") not in (None, NONE)}
    state[MAPS][signature] = mapping


def start_build() -> None:
    corpus_files = [f for f in state[FILES] if not f.is_saved_analysis]
    maps = {}
    for staged in corpus_files:
        for preview in previews_of(staged):
            mapping = state[MAPS].get(column_signature(preview.columns))
            if mapping and "text" in mapping:
                maps[preview.input] = mapping
    names = {f.name for f in corpus_files}
    request = CorpusRequest(
        name=(state.get("corpus_name_input") or "").strip() or uploads.default_corpus_name([f.name for f in corpus_files]),
        files=tuple((f.name, f.data) for f in corpus_files),
        seed_files=seed_files(app_data.SEEDS_DIR) if state.get("corpus_with_seeds") == "with" else (),
        column_maps=maps, sources={k: v for k, v in state[SOURCES].items() if k in names and v},
        groups={k: v for k, v in state[GROUPS].items() if k in names and v},
        dates={k: v for k, v in state[DATES].items() if v}, outlets=dict(state[OUTLETS]), limits=LIMITS,
    )
    state[app_data.CORPUS_JOB] = CorpusJob(request).start()


def open_saved(name: str) -> None:
    staged = next((f for f in state[FILES] if f.name == name), None)
    if staged is None:
        return
    try:
        built = reopen_zip(staged.name, staged.data, limits=LIMITS)
    except ValueError as error:
        state[MESSAGES].append(f"{staged.name}: {error}")
        return
    state[FILES] = [f for f in state[FILES] if f.name != name]
    app_data.set_active_corpus(built)


def back_to_seeds() -> None:
    app_data.set_active_corpus(None)


def previews_of(staged) -> list:
    found = state[PREVIEWS].get(staged.sha256)
    if found is None:
        found = state[PREVIEWS][staged.sha256] = table_previews(staged.name, staged.data, limits=LIMITS)
    return found


app_data.adopt_finished_job()
job = state.get(app_data.CORPUS_JOB)
built = app_data.active_corpus()
tables = app_data.corpus_tables()

st.title("Corpus")
st.caption("Bring your own articles. Everything you upload stays in this browser session: nobody else using this "
           "app can see your files, settings or results. The server keeps only per-article analysis results "
           "(entity spans and tone scores, not your text) under a hash of the text, which nobody can look up "
           "without holding the very same text; your file names are never used on the server.")

cols = st.columns([3, 1])
cols[0].markdown(f"**Now analysing:** {esc(app_data.corpus_name())} — {len(tables.articles):,} articles"
                 + (" (reopened from a saved analysis)" if built is not None and built.origin == "saved" else ""))
if built is not None:
    cols[1].button("Back to the bundled seeds", on_click=back_to_seeds, icon=":material/undo:")

for message in state[MESSAGES]:
    st.warning(esc(message))
state[MESSAGES] = []


@st.fragment(run_every=1.0)
def build_progress() -> None:
    current = state.get(app_data.CORPUS_JOB)
    if current is None:
        return
    if current.running:
        stage_name, done, total, name = current.progress()
        if stage_name == uploads.WAITING:  # done, total: place in line, line length
            fraction, text = 0.0, f"{stage_name}: number {done:,} of {total:,} waiting for a free analysis process"
        else:
            fraction = min(1.0, done / total) if total else 0.0
            text = f"{stage_name}: {done:,} of {total:,}" + (f" — {name}" if name else "")
        text += f" ({current.elapsed:.0f} s)"
        st.progress(fraction, text=esc(text))
        st.button("Cancel", on_click=current.cancel, icon=":material/cancel:")
    elif not current.adopted and current.result is not None:
        st.rerun()  # the whole page: the sidebar and the results switch to the new corpus


if job is not None and job.running:
    st.subheader("Analysing")
    st.caption("You can switch pages meanwhile; the analysis carries on and the corpus switches when it is done.")
    build_progress()
elif job is not None and job.error:
    st.error(esc(f"The last analysis stopped: {job.error}"))

st.subheader("1. Add files")
st.caption(f"Text or Markdown (one article per file), CSV/TSV/JSON/JSON Lines/Parquet (one article per row), "
           f"saved web pages (HTML), or zips of these; or a zip saved from this page to reopen an analysis. "
           f"Limits: {LIMITS.max_files:,} files, {LIMITS.max_total_bytes / 1024 / 1024:.0f} MB after unzipping, "
           f"{LIMITS.max_file_bytes / 1024 / 1024:.0f} MB per file, articles over {LIMITS.max_article_chars:,} "
           "characters are truncated (with a note).")
uploaded = st.file_uploader(
    "Files", type=sorted(SUPPORTED_SUFFIXES), accept_multiple_files=True,
    key=f"corpus_uploader_{state[GEN]}", disabled=job is not None and job.running,
)
if uploaded:
    state[FILES], refused = stage(state[FILES], [(f.name, f.getvalue()) for f in uploaded], limits=LIMITS)
    state[MESSAGES].extend(refused)
    refresh_widgets()  # an empty uploader again: the files now live in the list below
    st.rerun()

staged_files = state[FILES]
state[PREVIEWS] = {k: v for k, v in state[PREVIEWS].items() if k in {f.sha256 for f in staged_files}}
corpus_files = [f for f in staged_files if not f.is_saved_analysis]
saved_files = [f for f in staged_files if f.is_saved_analysis]

for saved in saved_files:
    manifest = saved.manifest
    rows = (manifest.get("tables") or {}).get("articles", {}).get("rows", "?")
    with st.container(border=True):
        st.markdown(f":material/inventory_2: **Saved analysis** {esc(saved.name)}: "
                    f"“{esc(manifest.get('corpus', ''))}”, {esc(rows)} articles, saved {esc(manifest.get('created', ''))}")
        st.button("Open it", key=f"open_{saved.sha256}", on_click=open_saved, args=(saved.name,),
                  icon=":material/folder_open:")

if corpus_files:
    st.markdown(f"**{len(corpus_files)} file{'s' if len(corpus_files) != 1 else ''} ready.** Give a file a source "
                "name (all its articles get it) or a group (e.g. a country or owner, for comparing groups on the "
                "Framing page), or tick *remove*.")
    names = [f.name for f in corpus_files]
    editor_key = f"corpus_files_editor_{state[GEN]}"
    st.data_editor(
        pd.DataFrame({
            "file": names, "size_kb": [round(len(f.data) / 1024, 1) for f in corpus_files],
            "sha256": [f.sha256[:12] for f in corpus_files], "source": [state[SOURCES].get(n, "") for n in names],
            "group": [state[GROUPS].get(n, "") for n in names], "remove": [False] * len(names),
        }),
        key=editor_key, hide_index=True, width="stretch",
        disabled=["file", "size_kb", "sha256"],
        column_config={
            "file": st.column_config.TextColumn("File"),
            "sha256": st.column_config.TextColumn("SHA-256", help="First 12 hex digits of the file's hash"),
            "size_kb": st.column_config.NumberColumn("KB"),
            "source": st.column_config.TextColumn("Source", help="Leave empty to use what the file says"),
            "group": st.column_config.TextColumn("Group"),
            "remove": st.column_config.CheckboxColumn("Remove"),
        },
    )
    if edits_of(editor_key):  # keep the edits in the session's stores, then redraw the table from them
        apply_file_edits(edits_of(editor_key), names)
        refresh_widgets()
        st.rerun()

    st.subheader("2. Check the columns of tables")
    unmapped = 0
    for staged in corpus_files:
        for preview in previews_of(staged):
            signature = column_signature(preview.columns)
            chosen = state[MAPS].get(signature)
            if not preview.needs_mapping and chosen is None:
                used = ", ".join(f"{f} = {c}" for f, c in preview.recognised.items())
                st.caption(esc(f"{preview.input}: columns recognised ({used})"))
                continue
            if not chosen:
                unmapped += 1
            label = f"{preview.input}: " + ("columns mapped by you" if chosen else "which column is the text?")
            with st.expander(esc(label), expanded=not chosen, icon=":material/table_view:"):
                st.caption("First rows of the file. Pick the column holding each field; the choice is remembered "
                           "for every file with the same columns during this session.")
                st.dataframe(preview.head, hide_index=True, width="stretch")
                form = f"map_{signature}_{state[GEN]}"
                with st.form(form, border=False):
                    current = chosen or preview.recognised
                    options = [NONE, *preview.columns]
                    picks = st.columns(len(FIELDS))
                    for column, field in zip(picks, FIELDS):
                        value = current.get(field)
                        column.selectbox(field + (" (required)" if field == "text" else ""), options,
                                         index=options.index(value) if value in options else 0, key=f"{form}_{field}")
                    st.form_submit_button("Use these columns", on_click=save_mapping, args=(signature, form))
    if not unmapped:
        st.caption("Every table has a text column." if any(previews_of(f) for f in corpus_files)
                   else "No tables among the files: nothing to map.")
    else:
        st.warning(f"{unmapped} table{'s' if unmapped != 1 else ''} without a text column will be skipped "
                   "unless you map it above.")

    st.subheader("3. Analyse")
    cols = st.columns(2)
    cols[0].text_input("Corpus name", key=kept("corpus_name_input", uploads.default_corpus_name([f.name for f in corpus_files])), max_chars=120)
    cols[1].radio("Analyse", ["alone", "with"], key=kept("corpus_with_seeds", "alone"), horizontal=True,
                  format_func={"alone": "the upload alone", "with": "the upload together with the bundled seeds"}.get)
    remember("corpus_name_input")
    remember("corpus_with_seeds")
    st.button(f"Analyse {len(corpus_files)} file{'s' if len(corpus_files) != 1 else ''}", type="primary",
              on_click=start_build, disabled=job is not None and job.running, icon=":material/play_arrow:")

if built is not None:
    st.subheader("Results")
    report = built.tables.load_report
    counts = report["status"].value_counts()
    cols = st.columns(4)
    cols[0].metric("Articles", f"{len(built.tables.articles):,}")
    cols[1].metric("Inputs loaded", f"{int(counts.get('loaded', 0) + counts.get('near duplicate', 0)):,}")
    cols[2].metric("Merged duplicates", f"{int(counts.get('merged duplicate', 0)):,}")
    cols[3].metric("Skipped", f"{int(counts.get('skipped', 0)):,}")
    for note in built.notes:
        st.info(esc(note))

    truncated = truncated_articles(built.tables.articles)
    if len(truncated):
        st.warning(f"{len(truncated)} article{'s were' if len(truncated) != 1 else ' was'} longer than "
                   f"{LIMITS.max_article_chars:,} characters and truncated; the rest of the text is not analysed.",
                   icon=":material/content_cut:")
        st.dataframe(truncated, hide_index=True, width="stretch")

    st.markdown("**Load report**: one row per file, row range or zip member.")
    page_parts.table_in_blocks(report, key="corpus_report", what="inputs", file_name="load_report.csv",
                               column_config={"reason": st.column_config.TextColumn("Reason", width="large")})
    # When the articles were published: a glance at whether the dates came through. After the report, which is
    # drawn first while the browser loads plotly.js (then loaded before the first chart page).
    st.plotly_chart(app_data.whole_view("corpus_dates", lambda t: dates_figure(*publication_counts(t.articles))),
                    width="stretch", config={"displayModeBar": False}, key="corpus_dates_chart")

    undated = undated_articles(built.tables.articles)
    if len(undated) and built.origin == "upload":
        st.markdown(f"**Publication dates.** {int(built.tables.articles['published'].isna().sum())} articles have "
                    "no date the text states. Enter one you know and analyse again; it is marked *user* (given by "
                    "you) wherever the date shows.")
        ids = undated["article_id"].tolist()
        dates_key = f"corpus_dates_editor_{state[GEN]}"
        shown = undated.assign(published=[
            pd.Timestamp(state[DATES][i]) if state[DATES].get(i) else p for i, p in zip(ids, undated["published"])])
        st.data_editor(
            shown.drop(columns=["article_id"]), key=dates_key, hide_index=True, width="stretch", disabled=["source", "title", "file", "date_method"],
            column_config={"published": st.column_config.DateColumn("Published", format="YYYY-MM-DD",
                                                                    min_value=dt.date(1900, 1, 1)),
                           "date_method": st.column_config.TextColumn("Date from")},
        )
        if edits_of(dates_key):
            apply_date_edits(edits_of(dates_key), ids)
            refresh_widgets()
            st.rerun()
        pending = {k: v for k, v in state[DATES].items() if v and k in set(ids)}
        if pending and corpus_files:
            st.button(f"Analyse again with {len(pending)} date{'s' if len(pending) != 1 else ''} you gave",
                      on_click=start_build, disabled=job is not None and job.running, icon=":material/refresh:")
    elif len(undated):
        st.caption(f"{len(undated):,} articles are undated. Dates can be given when analysing from the files.")

    if built.origin == "upload":
        st.markdown("**Outlets.** Each source's outlet name, country and kind, from the outlets list "
                    "(`analysis/data/outlets.csv`) or the country of its web domain. Correct or fill them in and "
                    "analyse again: yours win, and the country also settles dates such as 03/04/2024.")
        outlets = uploads.outlet_table(built.tables.articles)
        sources = outlets["source"].tolist()
        outlets_key = f"corpus_outlets_editor_{state[GEN]}"
        labels = state[OUTLETS]
        shown = outlets.assign(**{field: [labels.get(src, {}).get(field) or value
                                          for src, value in zip(sources, outlets[field])]
                                  for field in uploads.OUTLET_FIELDS})
        st.data_editor(
            shown, key=outlets_key, hide_index=True, width="stretch", disabled=["source", "articles", "basis"],
            column_config={
                "source": st.column_config.TextColumn("Source"),
                "articles": st.column_config.NumberColumn("Articles"),
                "name": st.column_config.TextColumn("Outlet", help="The name shown for this source's outlet"),
                "country": st.column_config.TextColumn("Country", help="A country's English name or ISO code (KZ)"),
                "kind": st.column_config.SelectboxColumn("Kind", options=["", *KINDS]),
                "basis": st.column_config.TextColumn("From", help="list: the outlets list; domain: the country "
                                                                 "of the web domain; user: you"),
            },
        )
        if edits_of(outlets_key):
            apply_outlet_edits(edits_of(outlets_key), sources)
            refresh_widgets()
            st.rerun()
        given = {k: {f: x for f, x in v.items() if x} for k, v in state[OUTLETS].items() if k in set(sources)}
        if given != (built.settings.get("outlets") or {}) and corpus_files:
            st.button(f"Analyse again with the outlet labels you gave ({len(given)} source"
                      f"{'s' if len(given) != 1 else ''})", on_click=start_build,
                      disabled=job is not None and job.running, icon=":material/refresh:")

st.subheader("Save or share the analysis")
st.caption("A zip of every table (CSV and Parquet) and a manifest (corpus name, files with their SHA-256 hashes, "
           "tool and model versions, settings). Upload it here later to reopen exactly this analysis without "
           "running it again.")
current_built = built
if current_built is None:
    from analysis.store.export import FileRecord
    from analysis.uploads import BuiltCorpus

    seeds = seed_files(app_data.SEEDS_DIR)
    current_built = BuiltCorpus(app_data.SEEDS_NAME, tables, tuple(FileRecord.of(n, d) for n, d in seeds),
                                {"include_seeds": True}, {}, "", origin="seeds")
groups = dict(state.get(app_data.SOURCE_GROUPS, {}))
st.download_button("Download the analysed corpus (.zip)", data=lambda: save_zip(current_built, source_groups=groups),
                   file_name=uploads.download_name(current_built.name), mime="application/zip", on_click="ignore",
                   icon=":material/download:")
