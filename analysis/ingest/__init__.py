"""Ingest: files to an articles table.

Readers for every input format (``readers``), text cleaning, paragraphs and sentences
(``text``), the dates an article states about itself (``publication_dates``), the size
limits (``limits``) and the corpus with its load report and duplicate handling
(``corpus``).
"""
