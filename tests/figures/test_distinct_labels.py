"""Labels shown in a picker are distinct."""

import pytest

from analysis.figures.labels import distinct_labels


@pytest.mark.parametrize("labels, expected", [
    ([], []),
    (["killed: 3 — Wire"], ["killed: 3 — Wire"]),
    (["killed: 3 — Wire", "injured: 5 — Wire", "killed: 3 — Wire", "killed: 3 — Wire"],
     ["killed: 3 — Wire", "injured: 5 — Wire", "killed: 3 — Wire (2)", "killed: 3 — Wire (3)"]),
    (["a", "b", "a", "b"], ["a", "b", "a (2)", "b (2)"]),
])
def test_repeated_labels_are_numbered_in_order(labels, expected):
    assert distinct_labels(labels) == expected
    assert len(set(distinct_labels(labels))) == len(labels)
