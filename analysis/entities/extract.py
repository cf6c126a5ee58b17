"""Who is named: canonical entities and their mentions, per article.

``extract_entities(sentences, articles)`` runs spaCy NER over each article's
text (cached per text, see ``analysis.entities.nlp``), cleans the spans, merges surface
forms to one canonical name per real-world entity across the corpus, and
returns two tables (columns as in ``analysis.schema``):

- ``entities``: article_id, canonical, label, parent, surface_forms, mentions,
  first_start, salience — one row per article and canonical entity;
- ``mentions``: article_id, canonical, sentence_idx, surface, start, end,
  via_demonym — one row per mention, so every sentence can be shown.

Salience (0..1, summing to 1 over an article's entities) adds up, for each
mention, a weight that falls linearly from 1.5 at the start of the text to 0.5
at its end, times 1.5 in the first paragraph, halved for demonym mentions;
an entity named in a given (not derived) title gets 2 more.

The rules live in ``analysis.entities.mentions`` (cleaning one article's spans and
resolving names within it) and ``analysis.entities.canonical`` (names and labels
across the corpus).

Known misses: spaCy's small model mislabels some names (a city tagged PERSON,
a news agency tagged PRODUCT) and misses some entirely; labels are voted over
the corpus but a name the NER never tags is never found. Spelling variants
that differ in letters ("Zelensky"/"Zelenskyy") need an alias row. A title
starting with "The" loses it ("The Hague" -> "Hague" unless aliased). Last-name
matching can join two people sharing a surname in one article (the nearest
earlier full name wins).
"""

from __future__ import annotations

import re
from collections import defaultdict
from concurrent.futures import Future
from typing import TYPE_CHECKING

import pandas as pd

from analysis import schema
from analysis.entities.aliases import Lexicon
from analysis.entities.canonical import display_names, resolve_across_corpus
from analysis.entities.mentions import NO_SENTENCES, Mention, article_mentions, sentence_bounds
from analysis.entities.nlp import entity_spans, prefetch_entity_spans

if TYPE_CHECKING:
    from spacy.language import Language


def extract_entities(sentences: pd.DataFrame, articles: pd.DataFrame, *, nlp: Language | None = None,
                     cache: bool = True, lexicon: Lexicon | None = None,
                     n_process: int | None = None,
                     prefetched: Future | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Canonical entities and their mentions for every article.

    Args:
        sentences: the sentences table (article_id, idx, paragraph, start, end).
        articles: the articles table (article_id, text, title, title_derived).
        nlp: a loaded spaCy pipeline (default ``analysis.entities.nlp.load_nlp()``).
        cache: reuse and store per-article NER results (``False``: run NER afresh).
        lexicon: alias table and word lists (default: the bundled ones).
        n_process: NER worker processes (default: chosen by corpus size).

    Returns:
        ``(entities, mentions)`` with the columns of ``schema.TABLES``.
    """
    lexicon = lexicon or Lexicon.load()
    if articles.empty:
        return schema.empty_table("entities"), schema.empty_table("mentions")
    texts = _texts(articles)
    spans = entity_spans(texts, nlp=nlp, cache=cache, n_process=n_process, prefetched=prefetched)
    bounds = sentence_bounds(sentences)
    per_article: list[tuple[str, str, list[Mention], dict[str, str]]] = []
    for article_id, text, raw in zip(articles["article_id"], texts, spans):
        mentions, acronyms = article_mentions(text, raw, bounds.get(article_id, NO_SENTENCES), lexicon)
        per_article.append((article_id, text, mentions, acronyms))
    resolve_across_corpus([m for _, _, m, _ in per_article], [a for _, _, _, a in per_article])
    names = display_names(per_article, lexicon)
    return _tables(per_article, names, articles, sentences, lexicon)


def prefetch_entities(articles: pd.DataFrame, *, nlp: Language | None = None,
                      n_process: int | None = None) -> Future | None:
    """Start the (cached) NER pass of ``extract_entities`` early, in the background.

    Call it before other stages when ``extract_entities(..., cache=True)`` will
    follow over the same articles: NER then runs in worker processes while
    those stages use the otherwise idle main process. Results are unchanged.
    Returns the handle to pass as ``extract_entities(..., prefetched=...)``, or
    None when no pass was started (nothing uncached, or one NER process).
    """
    if articles.empty:
        return None
    return prefetch_entity_spans(_texts(articles), nlp=nlp, n_process=n_process)


def _texts(articles: pd.DataFrame) -> list[str]:
    return [str(t) if isinstance(t, str) else "" for t in articles["text"]]


def _tables(per_article, names, articles: pd.DataFrame, sentences: pd.DataFrame,
            lexicon: Lexicon) -> tuple[pd.DataFrame, pd.DataFrame]:
    paragraph_of = {}
    first_paragraph = {}
    if not sentences.empty:
        for article_id, idx, paragraph in zip(sentences["article_id"].tolist(), sentences["idx"].tolist(),
                                              sentences["paragraph"].tolist()):
            paragraph_of[(article_id, int(idx))] = int(paragraph)
            first_paragraph[article_id] = min(first_paragraph.get(article_id, int(paragraph)), int(paragraph))
    titles = {}
    if "title" in articles.columns:
        derived = articles["title_derived"] if "title_derived" in articles.columns else [False] * len(articles)
        for article_id, title, is_derived in zip(articles["article_id"], articles["title"], derived):
            if isinstance(title, str) and title and not (pd.notna(is_derived) and bool(is_derived)):
                titles[article_id] = title
    mention_rows = []
    entity_rows = []
    for article_id, text, mentions, _ in per_article:
        length = max(len(text), 1)
        by_key: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_key[m.key].append(m)
            mention_rows.append((article_id, names[m.key][0], m.sentence_idx, m.surface, m.start, m.end,
                                 m.via_demonym))
        scores = {}
        title = titles.get(article_id, "")
        for key, group in by_key.items():
            score = 0.0
            for m in group:
                weight = 1.5 - m.start / length
                if paragraph_of.get((article_id, m.sentence_idx)) == first_paragraph.get(article_id):
                    weight *= 1.5
                if m.via_demonym:
                    weight *= 0.5
                score += weight
            if title and _named_in(title, names[key][0], group):
                score += 2.0
            scores[key] = score
        total = sum(scores.values()) or 1.0
        for key, group in by_key.items():
            name, label, parent = names[key]
            surfaces = list(dict.fromkeys(m.surface for m in group))
            entity_rows.append((article_id, name, label, parent, "; ".join(surfaces), len(group),
                                min(m.start for m in group), round(scores[key] / total, 4)))
    mentions_frame = pd.DataFrame(mention_rows, columns=schema.columns("mentions"))
    entities_frame = pd.DataFrame(entity_rows, columns=schema.columns("entities"))
    if entities_frame.empty:
        return schema.empty_table("entities"), schema.empty_table("mentions")
    order = {article_id: i for i, article_id in enumerate(articles["article_id"])}
    entities_frame = entities_frame.assign(_order=entities_frame["article_id"].map(order)).sort_values(
        ["_order", "salience", "first_start"], ascending=[True, False, True], kind="stable").drop(columns="_order")
    return (schema.conform(entities_frame.reset_index(drop=True), "entities"),
            schema.conform(mentions_frame, "mentions"))


def _named_in(title: str, canonical: str, group: list[Mention]) -> bool:
    forms = {canonical, *(m.name for m in group), *(m.surface for m in group)}
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", title) for form in forms if form)
