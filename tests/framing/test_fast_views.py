"""The Framing page's fast views give exactly the tables of the code they replaced (``old_views``)."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis.framing.distinctive import distinctive_terms_from_matrix, term_matrix
from tests.framing.old_views import old_distinctive_terms_from_matrix

# "café" and "ça" sort after the plain words as code points do; the repeated sentence makes equal z scores,
# whose order is then the term's
VOCABULARY = "police said the gunman killed people hospital toll rose officials denied attack city café ça".split()


def _corpus(seed: int, n_articles: int = 40) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                             "source": [f"s{i % 5}" for i in range(n_articles)]})
    rows = []
    for i in range(n_articles):
        rows.append({"article_id": f"a{i}", "idx": 0, "text": "Both sides said the same thing."})
        rows += [{"article_id": f"a{i}", "idx": k,
                  "text": " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(3, 12))) + "."}
                 for k in range(1, rng.randint(2, 6))]
    return articles, pd.DataFrame(rows)


@pytest.mark.parametrize(("seed", "group_a", "group_b", "left_out"), [
    (1, "s0", None, ()),                      # one source against all the others
    (2, "s0", None, ("a0", "a5", "a7")),      # filtered: left-out articles do not count
    (3, ["s1", "s2"], "s3", ()),              # two sides that leave some articles out
    (4, ["s1", "s2"], ["s2", "s4"], ()),      # a source on both sides counts on both
    (5, "s4", ["s0", "s1", "s2", "s3"], ("a9",)),
    (6, "nobody", None, ()),                  # an empty side
    (7, "nobody", "nobody either", ()),       # no articles at all: the empty table
])
def test_distinctive_terms_from_matrix_gives_the_old_table(seed, group_a, group_b, left_out):
    articles, sentences = _corpus(seed)
    matrix = term_matrix(sentences)
    some = articles[~articles["article_id"].isin(left_out)]
    want = old_distinctive_terms_from_matrix(matrix, some, group_a=group_a, group_b=group_b)
    got = distinctive_terms_from_matrix(matrix, some, group_a=group_a, group_b=group_b)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
