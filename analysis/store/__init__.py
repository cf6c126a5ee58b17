"""Storing results: export and re-open, and the caches.

``export`` writes every table as CSV and Parquet and packs or reopens a saved zip;
``article_cache`` keeps per-article NLP results by content hash; ``corpus_cache`` keeps a
whole corpus's finished tables.
"""
