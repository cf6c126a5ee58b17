"""Entry point: `streamlit run dashboard.py`. Page config, shared filters, navigation."""

from pathlib import Path

import streamlit as st

import app_data

PAGES_DIR = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="News coverage analytics", page_icon=":material/newspaper:", layout="wide")

# One entry per page; the first is where the app opens.
PAGES = [
    st.Page(PAGES_DIR / "toll.py", title="Toll over time", icon=":material/timeline:", default=True),
    st.Page(PAGES_DIR / "overview.py", title="Overview", icon=":material/dashboard:"),
    st.Page(PAGES_DIR / "figures.py", title="Figures", icon=":material/format_list_numbered:"),
    st.Page(PAGES_DIR / "framing.py", title="Framing", icon=":material/compare:"),
    st.Page(PAGES_DIR / "entities.py", title="Entities", icon=":material/groups:"),
    st.Page(PAGES_DIR / "tone.py", title="Tone", icon=":material/sentiment_neutral:"),
    st.Page(PAGES_DIR / "corpus.py", title="Corpus: your own articles", icon=":material/upload_file:"),
]

# st.navigation first: sidebar widgets created before it lose their value on the next rerun in the
# browser (their ids differ between runs while pages/ sits next to this file).
navigation = st.navigation(PAGES)
app_data.mark_routed()
app_data.sidebar_filters()
navigation.run()
