"""How the real-news benchmark matches a gold name to a row of the ``victims`` table. Names invented."""

import pandas as pd
import pytest

from benchmarks.realnews_accuracy import name_key, named_people, named_people_recall, same_person


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


def test_named_people_tells_the_misses_apart():
    gold = {"victims": [{"name": "Carl Webb", "outcome": "killed"}, {"name": "Ada Moss", "outcome": "injured"},
                        {"name": "Lena Ortiz", "outcome": "injured"}, {"name": "Tom Reyes", "outcome": "killed"},
                        {"name": "unidentified man", "outcome": "killed"}],
            "shooters": [{"name": "Jo Penn", "outcome": ""}]}
    record = {"title": "Two shot on Birch Lane", "text": "Carl Webb, 30, died. Ada Moss was hurt. Jo Penn fled.",
              "gold": gold}
    victims = pd.DataFrame({"article_id": ["a1"] * 4, "name": ["Carl Webb", "Ada Moss", "Tom Reyes", None],
                            "outcome": ["killed", "unknown", "injured", "killed"]})
    scored = pd.DataFrame({"article_id": ["a1"]})
    assert named_people([record], scored, victims) == [
        "right", "row, outcome unknown", "surname not in the text", "row, another outcome", "no row"]
    assert named_people_recall([record], scored, victims) == (1, 5)
