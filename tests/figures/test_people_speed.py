"""The people layer's shortcuts give what the long way gives. Sentences invented.

A repeated sentence is parsed once (``analysis.figures.parse.parse``)."""

from __future__ import annotations

from analysis.figures.parse import parse

REPEATED = [
    "A 19-year-old man was shot and killed Saturday night.",
    "Police identified him as Dario Vance, 19.",
    "A 19-year-old man was shot and killed Saturday night.",
    "Hig\u00adgins was hurt.",
    "Police identified him as Dario Vance, 19.",
    "Hig\u00adgins was hurt.",
]


def test_a_repeated_sentence_is_parsed_as_it_is_alone():
    together = parse(REPEATED)
    assert together == [parse([text])[0] for text in REPEATED]
    assert together[0] is not together[2]  # each its own list: a caller may change one
