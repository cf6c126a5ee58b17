"""Tables shaped for reading: what the pages show, computed without Streamlit.

``overview`` gives the article table and key counts; ``evidence`` cuts an article into
paragraphs with marked spans; ``toll`` shapes the toll page's tables; ``entities``,
``framing`` and ``tone`` shape the tables of those pages (shares, counts, quoted voices);
``prepared`` computes, once per corpus, what the pages read whatever the filters.
"""
