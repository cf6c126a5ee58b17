"""How the real-news benchmark matches a gold name to a row of the ``victims`` table. Names invented."""

import pytest

from benchmarks.realnews_accuracy import name_key, same_person


@pytest.mark.parametrize("gold, key", [
    ("Carl Webb,", "webb"),
    ("Sam Hope Sr", "hope"),
    ("Iván Peña", "pena"),
    ("Jo O\u2019Neal", "o'neal"),
    ("Ana de la Cruz", "cruz"),
    ("Lena Ortiz-Bell", "ortiz-bell"),
    ("unidentified man", ""),
    ("Three other officers", ""),
    ("police", ""),
])
def test_name_key(gold, key):
    assert name_key(gold) == key


@pytest.mark.parametrize("gold, found, same", [
    ("Iván Peña", "Ivan Pena", True),
    ("Ivan Pena", "Iván Peña", True),
    ("Lena Ortiz-Bell", "Lena Ortiz Bell", True),
    ("Rob Mishler", "Rob Mischler", True),  # an annotator's slip of one letter
    ("Ada Moss", "Ada", True),  # a child the article calls by her first name
    ("Al Hill", "Al Hall", False),  # short surnames must match exactly
    ("Ada Moss", "Ada Kerr", False),
    ("Ann Lee", "", False),
])
def test_same_person(gold, found, same):
    assert same_person(gold, found) is same
