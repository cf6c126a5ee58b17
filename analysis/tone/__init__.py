"""Tone: sentence sentiment and its aggregates.

``scorers`` gives each sentence TextBlob's and VADER's scores (fast restatements of the
libraries' rules); ``sentiment`` aggregates them per article, section, source and entity.
"""
