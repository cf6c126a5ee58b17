"""The Entities page's ranking from the whole corpus's mention codes and an article mask (``entity_ranking``) is the
table ``top_entities`` makes of ``choose_mentions`` on the restricted corpus: every type choice, demonyms on and off,
masks keeping all, none or some articles, on the analysed many-outlets corpus and on drawn tables with ties, a name
labelled two ways, a source missing, a mention without a name and mentions of an article the table lacks."""

from __future__ import annotations

import types

import numpy as np
import pandas as pd
import pytest

from analysis.entities.stats import choose_mentions, cooccurrence, source_shares, top_entities
from analysis.views.entity_ranking import chosen_naming, chosen_rows, source_shares_of, top_entities_of
from analysis.views.mentions import mention_codes
from tests.entities.test_fast_stats import _corpus
from tests.pages.many_outlets import many_outlets_corpus
from tests.views.article_masks import MASKS

CHOICES = [  # (labels, demonyms)
    (None, True),
    (None, False),
    (["GPE"], True),
    (["ORG", "PERSON"], False),
    (["NORP"], True),
    (["WORK_OF_ART"], True),  # a type nobody has: nothing chosen
]


def _drawn(seed: int):
    """Drawn tables (``test_fast_stats``) with the awkward rows a real corpus may have."""
    articles, entities, mentions = _corpus(seed, n_articles=24)
    articles.loc[3, "source"] = None  # an article without a source
    kyiv = entities["canonical"] == "Kyiv"
    entities.loc[kyiv, "label"] = [("GPE", "LOC")[i % 2] for i in range(kyiv.sum())]  # the last row's label counts
    extra = pd.DataFrame([{"article_id": "a2", "canonical": None, "sentence_idx": 0, "surface": "x",
                           "via_demonym": False},
                          {"article_id": "gone", "canonical": "Russia", "sentence_idx": 1, "surface": "Russia",
                           "via_demonym": False}])
    mentions = pd.concat([mentions, extra], ignore_index=True)
    return types.SimpleNamespace(articles=articles, entities=entities, mentions=mentions)


def _restrict(whole, keep: np.ndarray):
    if hasattr(whole, "restrict"):
        return whole.restrict(whole.articles.loc[keep, "article_id"].tolist())
    ids = set(whole.articles.loc[keep, "article_id"])
    return types.SimpleNamespace(**{name: frame[frame["article_id"].isin(ids)].reset_index(drop=True)
                                    for name, frame in vars(whole).items()})


WHOLES = {"many outlets": lambda: many_outlets_corpus().tables, "drawn 1": lambda: _drawn(1),
          "drawn 2": lambda: _drawn(2)}


@pytest.fixture(scope="module", params=list(WHOLES))
def whole(request):
    tables = WHOLES[request.param]()
    return tables, mention_codes(tables)


@pytest.mark.parametrize("mask", list(MASKS))
@pytest.mark.parametrize("labels, demonyms", CHOICES)
def test_ranking_from_codes_is_the_restricted_corpus_ranking(whole, mask, labels, demonyms):
    tables, codes = whole
    keep = MASKS[mask](len(tables.articles))
    part = _restrict(tables, keep)
    chosen = choose_mentions(part.mentions, part.entities, labels=labels, demonyms=demonyms)
    rows = chosen_rows(codes, tables, keep, part.entities, labels=labels, demonyms=demonyms)
    assert rows.sum() == len(chosen)
    expected = top_entities(chosen, part.entities, part.articles)
    if chosen.empty:  # the page stops before ranking; both are empty tables
        assert top_entities_of(codes, tables, rows, part.entities).empty
        return
    pd.testing.assert_frame_equal(top_entities_of(codes, tables, rows, part.entities), expected, check_exact=True)
    if demonyms:  # every mention of the chosen names in those articles: counted from the pairs
        pd.testing.assert_frame_equal(top_entities_of(codes, tables, rows, part.entities, keep=keep), expected,
                                      check_exact=True)


GROUPINGS = {  # each kept article's label, from its row of the restricted articles table
    "by source": lambda arts: arts["source"].fillna("?").tolist(),
    "by first letter": lambda arts: [str(s)[:1] for s in arts["source"].fillna("?").tolist()],
    "one group": lambda arts: ["all"] * len(arts),
}


@pytest.mark.parametrize("mask", ["all", "every other", "one", "none"])
@pytest.mark.parametrize("labels, demonyms", CHOICES[:4])
@pytest.mark.parametrize("grouping", list(GROUPINGS))
def test_shares_from_codes_are_the_restricted_corpus_shares(whole, mask, labels, demonyms, grouping):
    tables, codes = whole
    keep = MASKS[mask](len(tables.articles))
    part = _restrict(tables, keep)
    chosen = choose_mentions(part.mentions, part.entities, labels=labels, demonyms=demonyms)
    rows = chosen_rows(codes, tables, keep, part.entities, labels=labels, demonyms=demonyms)
    groups = GROUPINGS[grouping](part.articles)
    top = chosen["canonical"].dropna().value_counts().index.tolist()[:5]
    for names in (top, [*top, "Nobody at all", *top[:1]], []):
        expected = source_shares(chosen, part.articles.assign(source=groups), entities=names)
        found = source_shares_of(codes, tables, rows, keep, groups, entities=names)
        pd.testing.assert_frame_equal(found, expected, check_exact=True)


@pytest.mark.parametrize("mask", ["all", "every other", "the last few", "none"])
@pytest.mark.parametrize("labels, demonyms", CHOICES[:4])
def test_cooccurrence_of_the_chosen_naming_the_top_is_that_of_all_chosen(whole, mask, labels, demonyms):
    tables, codes = whole
    keep = MASKS[mask](len(tables.articles))
    part = _restrict(tables, keep)
    chosen = choose_mentions(part.mentions, part.entities, labels=labels, demonyms=demonyms)
    rows = chosen_rows(codes, tables, keep, part.entities, labels=labels, demonyms=demonyms)
    top = chosen["canonical"].dropna().value_counts().index.tolist()
    for names in (top[:3], top[:15], [*top[:6], "Nobody at all"], []):
        pd.testing.assert_frame_equal(cooccurrence(chosen_naming(codes, tables.mentions, rows, names), entities=names),
                                      cooccurrence(chosen, entities=names), check_exact=True)
