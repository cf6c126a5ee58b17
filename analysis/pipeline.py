"""The whole analysis: an ingested corpus to every table.

``analyse_corpus`` runs each stage in order over the articles and sentences
tables and returns a ``CorpusTables``. Each stage is a pure function in its own
module; this file only wires them, so the order and the data each stage sees
can be read in one place.
"""

from __future__ import annotations

from dataclasses import fields

from analysis import schema
from analysis.entities.extract import extract_entities, prefetch_entities
from analysis.figures.ledger import add_headline_figures, add_people_figures, extract_figures, publication_years
from analysis.figures.titles import add_title_figures
from analysis.figures.victims import read_people
from analysis.framing import extract_roles, find_hedges, frame_cues, tag_frames
from analysis.ingest.corpus import Corpus, sentences_table
from analysis.store.corpus_cache import cached_analysis
from analysis.tables import CorpusTables
from analysis.timeline.contradictions import find_contradictions
from analysis.timeline.earlier_deaths import set_aside_earlier_deaths
from analysis.timeline.event_dates import add_event_dates
from analysis.timeline.points import build_timeline
from analysis.tone.sentiment import add_article_tone, score_sentences


def analyse_corpus(corpus: Corpus, *, use_cache: bool = True, cache_tables: bool = True) -> CorpusTables:
    """Run every analysis stage over an ingested corpus.

    Args:
        corpus: articles and load report from ``analysis.ingest.corpus``.
        use_cache: reuse per-article NLP results cached on disk (see README).
        cache_tables: with ``use_cache``, also keep and reuse the corpus's whole
            tables (``analysis.store.corpus_cache``). Off for uploads on a shared
            server, where whole tables would put users' article text on disk.
    """
    if use_cache and cache_tables:
        return cached_analysis(corpus, lambda c: _run_stages(c, use_cache=True))
    return _run_stages(corpus, use_cache=use_cache)


def _run_stages(corpus: Corpus, *, use_cache: bool) -> CorpusTables:
    # NER workers start now; the stages below overlap with them.
    pending_ner = prefetch_entities(corpus.articles) if use_cache else None
    articles = add_event_dates(corpus.articles)
    sentences = sentences_table(articles)
    # Sentence tone (articles get its length-weighted mean) and canonical entities; both cached per article.
    # While NER workers hold the cores, tone workers would only queue behind them, at the cost of forking this
    # large process: score in this one (the same numbers; 1.3 s in-process against 1.5 s of workers' CPU for the
    # 27,877 distinct sentences of full_speed.py's corpus).
    sentences = score_sentences(sentences, cache=use_cache, n_process=1 if pending_ner is not None else None)
    articles = add_article_tone(articles, sentences)
    # The figure ledger, and per article the headline figures (killed, injured, ...) it yields.
    # People harmed one by one ("a man was shot and killed"): the victims table and the counts they add, for
    # sentences of the lede without a numeral count (a parse of those only).
    figures = extract_figures(sentences, published_years=publication_years(articles))
    victims, people = read_people(sentences, figures=figures)
    figures = add_people_figures(figures, people)
    # A title's counts where the text gives none (a vigil, a trial: "Teen shot and killed ... remembered").
    figures = add_title_figures(figures, articles, published_years=publication_years(articles))
    # Deaths the text dates days before the article's own event: another incident's (needs the event dates).
    figures = set_aside_earlier_deaths(figures, articles, sentences)
    articles = add_headline_figures(articles, figures)
    tables = {name: schema.empty_table(name) for name in schema.TABLES}
    tables.update(articles=articles, sentences=sentences, figures=figures, victims=victims,
                  load_report=corpus.load_report)
    tables.update(hedges=find_hedges(tables["sentences"]))
    # The frames' cue words need no entities: find them now, add the roles' frames below.
    cues = frame_cues(tables["sentences"])
    # Entities last of the stages that do not need them: their NER (prefetched above) runs meanwhile.
    entities, mentions = extract_entities(sentences, articles, cache=use_cache, prefetched=pending_ner)
    tables.update(entities=entities, mentions=mentions)
    # The toll over time needs the headline figure columns of articles, the figure ledger, and the places the
    # entities name (a follow-up piece months later is told from another event by its place).
    timeline = build_timeline(tables["articles"], tables["figures"], entities=entities)
    tables.update(timeline=timeline, contradictions=find_contradictions(tables["articles"], tables["figures"],
                                                                        timeline=timeline))
    # Framing: roles need the entity mentions; frames use the roles (a "denied" triple adds blame).
    roles = extract_roles(tables["sentences"], tables["mentions"])
    tables.update(roles=roles, frames=tag_frames(tables["sentences"], roles=roles, cues=cues))
    return CorpusTables(**{f.name: schema.conform(tables[f.name], f.name) for f in fields(CorpusTables)})
