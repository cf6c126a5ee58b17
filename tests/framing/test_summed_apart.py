"""``TermMatrix.summed_apart`` gives each side's own sums, whichever two of the sides and the articles in neither it
sums: sides that take every article, leave few or many out, overlap, repeat an article, or are empty."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.framing.distinctive import term_matrix
from tests.framing.test_fast_views import _corpus


@pytest.mark.parametrize("a, b", [
    (range(0, 10), range(10, 40)),        # every article, once
    (range(0, 8), range(10, 40)),         # a few left out: the larger side from the total
    (range(0, 30), range(31, 38)),        # a few left out, the larger side first
    ([0], [5]),                           # most left out: both summed
    (range(0, 11), range(10, 40)),        # an article on both sides
    ([0, 0, 1], range(2, 40)),            # an article twice
    ([], range(1, 40)),                   # an empty side
    ([], []),
])
def test_summed_apart_is_each_sides_sum(a, b):
    articles, sentences = _corpus(3)
    matrix = term_matrix(sentences)
    n = len(matrix.article_ids)
    assert n == 40
    rows_a, rows_b = np.array(list(a), dtype=np.int64), np.array(list(b), dtype=np.int64)
    y_a, y_b = matrix.summed_apart(rows_a, rows_b)
    np.testing.assert_array_equal(y_a, matrix.summed(rows_a))
    np.testing.assert_array_equal(y_b, matrix.summed(rows_b))
