"""Plotly figures built from the analysis tables: a view concern, without Streamlit.

Pages pass these figures to ``st.plotly_chart``; tests inspect them directly. Article
text in hover labels is HTML-escaped here, since plotly renders hover text as HTML.
"""
