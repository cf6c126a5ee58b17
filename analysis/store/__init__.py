"""Storing results: export and re-open, and the whole-table cache.

``export`` writes every table as CSV and Parquet and packs or reopens a saved zip;
``corpus_cache`` keeps a whole corpus's finished tables. The per-article NLP cache is
``analysis.article_cache``, below every stage, since NER and tone both use it.
"""
